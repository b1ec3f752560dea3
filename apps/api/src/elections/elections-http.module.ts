import { Module } from '@nestjs/common';
import { ElectionModule } from '@app/application';
import { ElectionDocumentsController } from './election-documents.controller';
import { ElectionRemindersController } from './election-reminders.controller';
import { BranchElectionsController, ElectionsController } from './elections.controller';

/** HTTP endpoints for elections; the module also runs the installation process manager and the election timers in-process when configured. */
@Module({
  imports: [ElectionModule],
  // Reminders first: `GET /elections/reminders` before `GET /elections/:electionId`.
  controllers: [
    ElectionRemindersController,
    ElectionsController,
    BranchElectionsController,
    ElectionDocumentsController,
  ],
})
export class ElectionsHttpModule {}
