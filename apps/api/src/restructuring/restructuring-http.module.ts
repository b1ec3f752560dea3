import { Module } from '@nestjs/common';
import { RestructuringModule } from '@app/application';
import { RestructuringListController } from './restructuring-list.controller';
import { RestructuringsController } from './restructurings.controller';

/** HTTP endpoints for restructurings; the module also runs their process manager in-process when configured. */
@Module({
  imports: [RestructuringModule],
  controllers: [RestructuringListController, RestructuringsController],
})
export class RestructuringHttpModule {}
