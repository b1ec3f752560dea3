import { Module } from '@nestjs/common';
import { CampaignModule } from '@app/application';
import { CampaignsController } from './campaigns.controller';
import { ElectionBoardController } from './election-board.controller';

/** HTTP endpoints for renewal campaigns and the election board (GET /elections). */
@Module({
  imports: [CampaignModule],
  controllers: [CampaignsController, ElectionBoardController],
})
export class CampaignsHttpModule {}
