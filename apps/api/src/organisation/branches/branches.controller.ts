import { ParseIdPipe } from '../../http/parse-id.pipe';
import { ReadAccess } from '../../auth/access.decorators';
import { Body, Controller, Get, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExecuteBranchCommand, OrganisationFacts, uuidV5, BusinessCalendar, RulePolicies } from '@app/application';
import type { BranchRollRow } from '@app/read-models';
import { commandData } from '../../http/command-body';
import { CommandEndpoint, type CommandAnswer } from '../../http/command-responses';
import { CommandController, created } from '../../http/command-controller';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../../http/command-request';
import { sendState } from '../../http/state-response';
import { ReporterSees } from '../../privacy/reporter-sees';
import { branchFacts } from './branch-view';
import {
  AddManagementLinkBody,
  AssessBranchShapeBody,
  AssignPostBody,
  DissolveBranchBody,
  EstablishBranchBody,
  ReaffiliateBranchBody,
  RemoveManagementLinkBody,
  RenameBranchBody,
  VacatePostBody,
} from './branch.dto';
import { missing } from '../../http/not-found';
import { ReadAnswer, UuidParam } from '../../http/read-responses';
import { BranchRollDto, BranchViewDto } from './branch-view.dto';

@ApiTags('branches')
@ReadAccess()
@Controller('branches')
export class BranchesController extends CommandController {
  constructor(
    commands: CommandBus,
    private readonly facts: OrganisationFacts,
    private readonly policies: RulePolicies,
    private readonly calendar: BusinessCalendar,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({ summary: 'Establish a branch (新设立党支部), with its one affiliation and its management links' })
  @CommandEndpoint('The branch was established.', 201)
  async establish(
    @Body() body: EstablishBranchBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // A retry with the same key must address the same branch and links, so missing ids derive from it.
    const branchId = body.branchId ?? uuidV5(`branch:${meta.commandId}`);
    const managementLinks = (body.managementLinks ?? []).map((link, index) => ({
      linkId: link.linkId ?? uuidV5(`management-link:${branchId}:${index}`),
      kind: link.kind,
      name: link.name,
    }));
    const input = {
      type: 'EstablishBranch' as const,
      data: {
        branchId,
        name: body.name,
        parentCommitteeId: body.parentCommitteeId,
        managementLinks,
        joint: body.joint ?? false,
        jointUnits: body.jointUnits ?? [],
        decisionReference: body.decisionReference,
      },
    };
    return this.send(
      new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/branches', branchId),
    );
  }

  @Post(':branchId/rename')
  @ApiOperation({ summary: 'Rename a branch (支部更名)' })
  @CommandEndpoint('The branch was renamed.')
  async rename(
    @UuidParam('branchId') branchId: string,
    @Body() body: RenameBranchBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'RenameBranch' as const, data: { ...commandData(body), branchId } };
    return this.send(new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: branchId,
    });
  }

  @Post(':branchId/reaffiliate')
  @ApiOperation({ summary: 'Move the branch to another party committee (调整隶属关系, 一方隶属)' })
  @CommandEndpoint('The branch now belongs to the named committee.')
  async reaffiliate(
    @UuidParam('branchId') branchId: string,
    @Body() body: ReaffiliateBranchBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'ReaffiliateBranch' as const, data: { ...commandData(body), branchId } };
    return this.send(new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: branchId,
    });
  }

  @Post(':branchId/management-links')
  @ApiOperation({ summary: 'Add a management link to a community, former unit or association (多方管理)' })
  @CommandEndpoint('The management link was added.', 201)
  async addManagementLink(
    @UuidParam('branchId') branchId: string,
    @Body() body: AddManagementLinkBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const linkId = body.linkId ?? uuidV5(`management-link:${branchId}:${meta.commandId}`);
    const input = {
      type: 'AddManagementLink' as const,
      data: { branchId, link: { linkId, kind: body.kind, name: body.name } },
    };
    return this.send(
      new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/branches', branchId, linkId),
    );
  }

  @Post(':branchId/management-links/:linkId/remove')
  @ApiOperation({ summary: 'Remove a management link (解除多方管理关系)' })
  @CommandEndpoint('The management link was removed.')
  async removeManagementLink(
    @UuidParam('branchId') branchId: string,
    @UuidParam('linkId') linkId: string,
    @Body() body: RemoveManagementLinkBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'RemoveManagementLink' as const, data: { branchId, linkId } };
    return this.send(new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: branchId,
    });
  }

  @Post(':branchId/posts')
  @ApiOperation({
    summary:
      'Assign a post: 书记, 副书记, 支部委员 or 党务干部 — elected, appointed (指派) or concurrent (兼任, 交叉任职)',
  })
  @CommandEndpoint('The post was assigned.', 201)
  async assignPost(
    @UuidParam('branchId') branchId: string,
    @Body() body: AssignPostBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const postId = body.postId ?? uuidV5(`post:${branchId}:${meta.commandId}`);
    const input = {
      type: 'AssignPost' as const,
      data: {
        branchId,
        postId,
        kind: body.kind,
        duty: body.duty,
        source: body.source,
        documentReference: body.documentReference,
        holder: { personId: body.holder.personId, name: body.holder.name },
        startDate: body.startDate,
      },
    };
    return this.send(
      new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/branches', branchId, postId),
    );
  }

  @Post(':branchId/posts/:postId/vacate')
  @ApiOperation({ summary: 'Vacate a post (离任), with the reason and the end date' })
  @CommandEndpoint('The post was vacated.')
  async vacatePost(
    @UuidParam('branchId') branchId: string,
    @Param('postId', ParseIdPipe) postId: string,
    @Body() body: VacatePostBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'VacatePost' as const, data: { ...commandData(body), branchId, postId } };
    return this.send(new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: branchId,
    });
  }

  @Post(':branchId/assess-shape')
  @ApiOperation({
    summary:
      'Record the shape flags from the member roll: under 3 full members, committee required, over 50 (组织设置)',
  })
  @CommandEndpoint('The shape was assessed; nothing is appended when no flag changed.')
  async assessShape(
    @UuidParam('branchId') branchId: string,
    @Body() body: AssessBranchShapeBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'AssessBranchShape' as const, data: { branchId } };
    return this.send(new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: branchId,
    });
  }

  @Post(':branchId/dissolve')
  @ApiOperation({ summary: 'Dissolve (撤销) a branch that has no members left; its posts end with it' })
  @CommandEndpoint('The branch was dissolved.')
  async dissolve(
    @UuidParam('branchId') branchId: string,
    @Body() body: DissolveBranchBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'DissolveBranch' as const, data: { ...commandData(body), branchId } };
    return this.send(new ExecuteBranchCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: branchId,
    });
  }

  @Get(':branchId')
  @ReporterSees('everything', "the branch, its posts and their holders' names, member counts")
  @ApiOperation({
    summary: 'A branch as it stands: posts, member counts (正式/预备), shape flags, and its revision as the ETag',
  })
  @ReadAnswer(BranchViewDto, { etag: true, problems: { 404: 'No branch has this id.' } })
  async get(
    @UuidParam('branchId') branchId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BranchViewDto> {
    const { state, revision } = await this.facts.branchWithRevision(branchId);
    const view = sendState(res, state, revision, `branch ${branchId}`);
    const [counts, posts, policy] = await Promise.all([
      this.facts.memberCounts(branchId),
      this.facts.postHistory(branchId),
      this.policies.inForceOrNull(this.calendar.today()),
    ]);
    return { ...view, ...branchFacts(state, counts, posts, policy) };
  }

  @Get(':branchId/members')
  @ReporterSees('everything', 'names, full or probationary, and whether voting rights are suspended (not why)')
  @ApiOperation({ summary: "The branch's member roll (花名册): its active members" })
  @ReadAnswer(BranchRollDto, { problems: { 404: 'No branch has this id.' } })
  async members(@UuidParam('branchId') branchId: string): Promise<{ branchId: string; members: BranchRollRow[] }> {
    if ((await this.facts.branchStatus(branchId)) === 'notFound') {
      throw new NotFoundException(missing('branch', branchId));
    }
    return { branchId, members: await this.facts.branchRoll(branchId) };
  }
}
