import { Body, Controller, Get, NotFoundException, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  BusinessCalendar,
  DemonstrationQueries,
  ExecuteDemonstrationCommand,
  ReadModelFreshness,
  ScopedBranches,
  demonstrationBoardRows,
  uuidV5,
  type DemonstrationBoardRow,
  type DemonstrationView,
} from '@app/application';
import {
  VolunteerQueries,
  volunteerServiceProjection,
  type CsvColumn,
  type DemonstrationCampaignRow,
} from '@app/read-models';
import { ReadAccess } from '../auth/access.decorators';
import { commandData } from '../http/command-body';
import { CommandController, created } from '../http/command-controller';
import { CommandEndpoint, type CommandAnswer } from '../http/command-responses';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../http/command-request';
import { missing } from '../http/not-found';
import { ReadAnswer, UuidParam } from '../http/read-responses';
import { ReporterSees } from '../privacy/reporter-sees';
import { sendWholeList } from './list-answer';
import {
  ApproveDemonstrationBody,
  AssessCriterionBody,
  BrandBody,
  ChecklistEvidenceBody,
  DesignateBranchBody,
  ExchangeVisitBody,
  ExportQuery,
  FundingBody,
  LaunchDemonstrationBody,
} from './demonstration.dto';
import { DemonstrationBoardDto, DemonstrationListDto, DemonstrationViewDto } from './demonstration-view.dto';

const BOARD_COLUMNS: readonly CsvColumn<DemonstrationBoardRow>[] = [
  { header: 'branchName', headerZh: '支部', value: (row) => row.branchName },
  { header: 'part', headerZh: '标准', value: (row) => (row.part === 'checklist' ? '一场所八个有四清楚' : '六好') },
  { header: 'item', headerZh: '项目', value: (row) => row.name },
  { header: 'status', headerZh: '状态', value: (row) => row.statusZh },
  { header: 'detail', headerZh: '材料或分数', value: (row) => row.detail },
  { header: 'checkedOn', headerZh: '核查日期', value: (row) => row.checkedOn, kind: 'date' },
  { header: 'checkedBy', headerZh: '核查或评定人', value: (row) => row.checkedBy },
  { header: 'approved', headerZh: '已命名', value: (row) => (row.approved ? '是' : '否') },
  { header: 'branchId', headerZh: '支部编号', value: (row) => row.branchId },
  { header: 'id', headerZh: '项目编号', value: (row) => row.id },
];

/**
 * 示范党支部创建: the campaign, the branches chosen, the evidence for each 一场所八个有四清楚 item,
 * the 六好 assessments, the superior's approval, brands (一支部一品牌), funding and exchange visits,
 * and the board administrators follow it on (docs/rules.md §13).
 */
@ApiTags('demonstrations')
@ReadAccess()
@Controller('demonstrations')
export class DemonstrationsController extends CommandController {
  constructor(
    private readonly calendar: BusinessCalendar,
    commands: CommandBus,
    private readonly demonstrations: DemonstrationQueries,
    private readonly volunteer: VolunteerQueries,
    private readonly freshness: ReadModelFreshness,
    private readonly scoped: ScopedBranches,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({ summary: 'Launch a demonstration campaign (示范党支部创建) for a year, under a standard version' })
  @CommandEndpoint('The campaign was launched.', 201)
  async launch(
    @Body() body: LaunchDemonstrationBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const campaignId = body.campaignId ?? uuidV5(`demonstration:${meta.commandId}`);
    const { title, year, standardVersion } = commandData(body);
    const input = {
      type: 'LaunchDemonstrationCampaign' as const,
      data: { campaignId, title, year, ...(standardVersion === undefined ? {} : { standardVersion }) },
    };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId));
  }

  @Post(':demonstrationId/branches')
  @ApiOperation({ summary: 'Choose an open branch for demonstration (确定示范创建支部)' })
  @CommandEndpoint('The branch was chosen (nothing is appended when it already was).', 201)
  async designate(
    @UuidParam('demonstrationId') campaignId: string,
    @Body() body: DesignateBranchBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'DesignateDemonstrationBranch' as const, data: { campaignId, branchId: body.branchId } };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId));
  }

  @Post(':demonstrationId/branches/:branchId/evidence')
  @ApiOperation({
    summary:
      'Record the evidence for one 一场所八个有四清楚 item: a document or photo, when and by whom it was checked',
  })
  @CommandEndpoint('The evidence was recorded (a later record replaces the earlier).', 201)
  async evidence(
    @UuidParam('demonstrationId') campaignId: string,
    @UuidParam('branchId') branchId: string,
    @Body() body: ChecklistEvidenceBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const { itemId, kind, reference, checkedOn, checkedBy } = commandData(body);
    const input = {
      type: 'RecordChecklistEvidence' as const,
      data: { campaignId, branchId, itemId, evidence: { kind, reference, checkedOn, checkedBy } },
    };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId));
  }

  @Post(':demonstrationId/branches/:branchId/assessments')
  @ApiOperation({ summary: 'Assess one 六好 criterion: a score out of 100, or pass/fail' })
  @CommandEndpoint('The assessment was recorded.', 201)
  async assess(
    @UuidParam('demonstrationId') campaignId: string,
    @UuidParam('branchId') branchId: string,
    @Body() body: AssessCriterionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const { criterionId, score, passed, assessedBy } = commandData(body);
    const input = {
      type: 'AssessDemonstrationCriterion' as const,
      data: {
        campaignId,
        branchId,
        criterionId,
        assessedBy,
        ...(score === undefined ? {} : { score }),
        ...(passed === undefined ? {} : { passed }),
      },
    };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId));
  }

  @Post(':demonstrationId/branches/:branchId/approval')
  @ApiOperation({
    summary:
      "The superior's approval as 示范党支部: refused (422) while a checklist item has no evidence, naming it, or a 六好 criterion is not met",
  })
  @CommandEndpoint('The branch was approved as a demonstration branch.', 201)
  async approve(
    @UuidParam('demonstrationId') campaignId: string,
    @UuidParam('branchId') branchId: string,
    @Body() body: ApproveDemonstrationBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'ApproveDemonstrationBranch' as const, data: { campaignId, branchId, ...commandData(body) } };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId));
  }

  @Post(':demonstrationId/branches/:branchId/brand')
  @ApiOperation({ summary: 'Register or refine the branch’s brand (一支部一品牌): name, feature, story' })
  @CommandEndpoint('The brand was registered.', 201)
  async brand(
    @UuidParam('demonstrationId') campaignId: string,
    @UuidParam('branchId') branchId: string,
    @Body() body: BrandBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'RegisterBranchBrand' as const, data: { campaignId, branchId, ...commandData(body) } };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId));
  }

  @Post(':demonstrationId/branches/:branchId/funding')
  @ApiOperation({ summary: 'Record funding granted to a demonstration branch (加大经费投入), in whole yuan' })
  @CommandEndpoint('The grant was recorded.', 201)
  async funding(
    @UuidParam('demonstrationId') campaignId: string,
    @UuidParam('branchId') branchId: string,
    @Body() body: FundingBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const grantId = body.grantId ?? uuidV5(`demonstration-grant:${campaignId}:${meta.commandId}`);
    const input = {
      type: 'GrantDemonstrationFunding' as const,
      data: { campaignId, branchId, grantId, amountYuan: body.amountYuan, purpose: body.purpose },
    };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId, grantId));
  }

  @Post(':demonstrationId/visits')
  @ApiOperation({
    summary: 'Record an exchange visit (实地交流学习): who visited which demonstration branch, what was learned',
  })
  @CommandEndpoint('The visit was recorded.', 201)
  async visit(
    @UuidParam('demonstrationId') campaignId: string,
    @Body() body: ExchangeVisitBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const visitId = body.visitId ?? uuidV5(`demonstration-visit:${campaignId}:${meta.commandId}`);
    const input = {
      type: 'RecordExchangeVisit' as const,
      data: {
        campaignId,
        visitId,
        hostBranchId: body.hostBranchId,
        visitingBranchIds: [...body.visitingBranchIds],
        visitors: [...body.visitors],
        learned: body.learned,
      },
    };
    return this.send(this.command(input, meta, body.occurredAt), res, created('/demonstrations', campaignId, visitId));
  }

  @Get()
  @ReporterSees('everything', 'campaign titles and counts')
  @ApiOperation({ summary: 'Every demonstration campaign, newest year first, with chosen and approved counts' })
  @ReadAnswer(DemonstrationListDto)
  async list(): Promise<{ items: DemonstrationCampaignRow[] }> {
    await this.freshness.waitForHead(volunteerServiceProjection.name);
    return { items: this.volunteer.demonstrationCampaigns() };
  }

  @Get(':demonstrationId')
  @ReporterSees(
    'everything',
    "branches, evidence references and checkers' names, scores, brands, funding, visitors' names",
  )
  @ApiOperation({
    summary:
      'A demonstration campaign with its board: per branch each checklist item’s evidence, each 六好 criterion, approval, brand, funding, visits',
  })
  @ReadAnswer(DemonstrationViewDto, {
    etag: true,
    problems: { 400: true, 404: 'No demonstration campaign has this id.' },
  })
  async get(
    @UuidParam('demonstrationId') campaignId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DemonstrationView> {
    const view = await this.found(campaignId);
    res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  @Get(':demonstrationId/board')
  @ReporterSees('everything', "the board's rows: items, their status, evidence references and checkers' names")
  @ApiOperation({ summary: 'The board as rows: per branch its 13 checklist items, then its 六好 (JSON, CSV or Excel)' })
  @ReadAnswer(DemonstrationBoardDto, {
    csv: true,
    problems: { 400: true, 404: 'No demonstration campaign has this id.' },
  })
  async board(
    @UuidParam('demonstrationId') campaignId: string,
    @Query() query: ExportQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const rows = demonstrationBoardRows(await this.found(campaignId));
    await sendWholeList(request, response, query.format, rows, {
      columns: BOARD_COLUMNS,
      filename: 'demonstration-board.csv',
      title: '示范党支部创建进度',
    });
  }

  private async found(campaignId: string): Promise<DemonstrationView> {
    const view = await this.demonstrations.campaign(campaignId, await this.scoped.visible());
    if (view === null) throw new NotFoundException(missing('demonstration campaign', campaignId));
    return view;
  }

  private command(
    input: ExecuteDemonstrationCommand['input'],
    meta: CommandRequestMeta,
    occurredAt: string | undefined,
  ): ExecuteDemonstrationCommand {
    return new ExecuteDemonstrationCommand(input, commandContext(meta, occurredAt, this.calendar));
  }
}
