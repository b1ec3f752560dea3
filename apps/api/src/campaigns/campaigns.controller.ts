import { Body, Controller, Get, NotFoundException, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CampaignQueries,
  ExecuteCampaignCommand,
  ReadModelFreshness,
  ScopedBranches,
  uuidV5,
  type CampaignView,
  BusinessCalendar,
} from '@app/application';
import { ElectionBoardQueries, electionBoardProjection, type CampaignSummary } from '@app/read-models';
import { ReadAccess } from '../auth/access.decorators';
import { commandData } from '../http/command-body';
import { CommandController, created } from '../http/command-controller';
import { CommandEndpoint, type CommandAnswer } from '../http/command-responses';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../http/command-request';
import { ReporterSees } from '../privacy/reporter-sees';
import { AssignBranchBody, CampaignQuery, FormWorkingGroupBody, IssueElectionPlanBody } from './campaign.dto';
import { missing } from '../http/not-found';
import { ReadAnswer, UuidParam } from '../http/read-responses';
import { CampaignListDto, CampaignViewDto } from './campaign-view.dto';

/**
 * The renewal campaign (换届工作): the written plan, the working groups led by bureau leaders,
 * the branches each group is 包联 to, and the progress board administrators follow it on.
 */
@ApiTags('campaigns')
@ReadAccess()
@Controller('campaigns')
export class CampaignsController extends CommandController {
  constructor(
    private readonly calendar: BusinessCalendar,
    commands: CommandBus,
    private readonly campaigns: CampaignQueries,
    private readonly board: ElectionBoardQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({
    summary: 'Issue the election plan (印发换届选举工作方案): title, document number, requirements, deadline',
  })
  @CommandEndpoint('The plan was issued and the campaign opened.', 201)
  async issuePlan(
    @Body() body: IssueElectionPlanBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // A retry with the same key must address the same campaign, so a missing id derives from it.
    const campaignId = body.campaignId ?? uuidV5(`campaign:${meta.commandId}`);
    const { title, documentNumber, requirements, deadline } = commandData(body);
    const input = {
      type: 'IssueElectionPlan' as const,
      data: { campaignId, title, documentNumber, requirements: [...requirements], deadline },
    };
    return this.send(
      new ExecuteCampaignCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/campaigns', campaignId),
    );
  }

  @Post(':campaignId/working-groups')
  @ApiOperation({ summary: 'Form a working group (换届工作指导组) led by a bureau leader, one group per leader' })
  @CommandEndpoint('The working group was formed.', 201)
  async formWorkingGroup(
    @UuidParam('campaignId') campaignId: string,
    @Body() body: FormWorkingGroupBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const groupId = body.groupId ?? uuidV5(`working-group:${campaignId}:${meta.commandId}`);
    const input = {
      type: 'FormWorkingGroup' as const,
      data: {
        campaignId,
        groupId,
        name: body.name,
        leader: { personId: body.leader.personId, name: body.leader.name },
      },
    };
    return this.send(
      new ExecuteCampaignCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/campaigns', campaignId, groupId),
    );
  }

  @Post(':campaignId/working-groups/:groupId/branches')
  @ApiOperation({
    summary: 'Assign (包联) an open branch to the working group; moving it from another group needs `reassign`',
  })
  @CommandEndpoint('The branch was assigned to the group (nothing is appended when it already was).', 201)
  async assignBranch(
    @UuidParam('campaignId') campaignId: string,
    @UuidParam('groupId') groupId: string,
    @Body() body: AssignBranchBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = {
      type: 'AssignBranchToWorkingGroup' as const,
      data: {
        campaignId,
        groupId,
        branchId: body.branchId,
        ...(body.reassign === undefined ? {} : { reassign: body.reassign }),
      },
    };
    return this.send(
      new ExecuteCampaignCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/campaigns', campaignId),
    );
  }

  @Get()
  @ReporterSees('everything', 'campaign plans and counts')
  @ApiOperation({ summary: 'Every campaign, newest plan first, with its group and branch counts' })
  @ReadAnswer(CampaignListDto)
  async list(): Promise<{ items: CampaignSummary[] }> {
    const visible = await this.scoped.visible();
    await this.freshness.waitForHead(electionBoardProjection.name);
    return { items: this.board.campaigns(visible ?? undefined) };
  }

  @Get(':campaignId')
  @ReporterSees(
    'everything',
    "the campaign's board: branches, working groups and their leaders' names, election states",
  )
  @ApiOperation({
    summary:
      'A campaign with its progress board: per assigned branch its group, election state, next step, deadlines, overdue',
  })
  @ReadAnswer(CampaignViewDto, { etag: true, problems: { 400: true, 404: 'No campaign has this id.' } })
  async get(
    @UuidParam('campaignId') campaignId: string,
    @Query() query: CampaignQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CampaignView> {
    const view = await this.campaigns.campaign(
      campaignId,
      query.asOf ?? this.calendar.today(),
      await this.scoped.visible(),
    );
    if (view === null) throw new NotFoundException(missing('campaign', campaignId));
    res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }
}
