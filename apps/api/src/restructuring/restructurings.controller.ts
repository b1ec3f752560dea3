import { ReadAccess } from '../auth/access.decorators';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExecuteRestructuringCommand, RestructuringQueries, uuidV5, BusinessCalendar } from '@app/application';
import type { MergeTarget, NewBranch } from '@app/domain';
import { commandData } from '../http/command-body';
import { CommandController, created } from '../http/command-controller';
import { CommandEndpoint, type CommandAnswer } from '../http/command-responses';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../http/command-request';
import { sendState } from '../http/state-response';
import { ReporterSees } from '../privacy/reporter-sees';
import {
  AbandonRestructuringBody,
  ApproveRestructuringBody,
  ExecuteRestructuringBody,
  MergeTargetBody,
  ProposeDissolutionBody,
  ProposeMergeBody,
  ProposeRedrawBody,
} from './restructuring.dto';
import { ReadAnswer, UuidParam } from '../http/read-responses';
import { RestructuringViewDto } from './restructuring-view.dto';

@ApiTags('restructurings')
@ReadAccess()
@Controller('restructurings')
export class RestructuringsController extends CommandController {
  constructor(
    commands: CommandBus,
    private readonly calendar: BusinessCalendar,
    private readonly queries: RestructuringQueries,
  ) {
    super(commands);
  }

  @Post('merge')
  @ApiOperation({ summary: 'Propose merging branches (撤并) into an existing or a new branch' })
  @CommandEndpoint('The merge was proposed.', 201)
  async proposeMerge(
    @Body() body: ProposeMergeBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const restructuringId = restructuringIdOf(body.restructuringId, meta);
    const { target, ...rest } = commandData(body);
    const input = {
      type: 'ProposeMerge' as const,
      data: { ...rest, restructuringId, target: mergeTarget(target, restructuringId) },
    };
    return this.send(
      new ExecuteRestructuringCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/restructurings', restructuringId),
    );
  }

  @Post('redraw')
  @ApiOperation({ summary: 'Propose a boundary redraw: members move by address, new branches may be set up' })
  @CommandEndpoint('The redraw was proposed.', 201)
  async proposeRedraw(
    @Body() body: ProposeRedrawBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const restructuringId = restructuringIdOf(body.restructuringId, meta);
    const { assignments, newBranches, reason } = commandData(body);
    const input = {
      type: 'ProposeRedraw' as const,
      data: {
        restructuringId,
        reason,
        assignments: assignments.map(({ memberId, toBranchId }) => ({ memberId, toBranchId })),
        newBranches: (newBranches ?? []).map(({ branchId, name, parentCommitteeId }) => ({
          branchId,
          name,
          parentCommitteeId,
        })),
      },
    };
    return this.send(
      new ExecuteRestructuringCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/restructurings', restructuringId),
    );
  }

  @Post('dissolution')
  @ApiOperation({ summary: 'Propose dissolving a branch, its members going to a destination branch' })
  @CommandEndpoint('The dissolution was proposed.', 201)
  async proposeDissolution(
    @Body() body: ProposeDissolutionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const restructuringId = restructuringIdOf(body.restructuringId, meta);
    const input = { type: 'ProposeDissolution' as const, data: { ...commandData(body), restructuringId } };
    return this.send(
      new ExecuteRestructuringCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/restructurings', restructuringId),
    );
  }

  @Post(':restructuringId/approve')
  @ApiOperation({ summary: "Record the 基层党委's decision approving the restructuring" })
  @CommandEndpoint('The restructuring was approved.')
  async approve(
    @UuidParam('restructuringId') restructuringId: string,
    @Body() body: ApproveRestructuringBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'ApproveRestructuring' as const, data: { ...commandData(body), restructuringId } };
    return this.send(
      new ExecuteRestructuringCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      {
        id: restructuringId,
      },
    );
  }

  @Post(':restructuringId/abandon')
  @ApiOperation({ summary: 'Abandon a restructuring that has not started executing' })
  @CommandEndpoint('The restructuring was abandoned.')
  async abandon(
    @UuidParam('restructuringId') restructuringId: string,
    @Body() body: AbandonRestructuringBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'AbandonRestructuring' as const, data: { ...commandData(body), restructuringId } };
    return this.send(
      new ExecuteRestructuringCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      {
        id: restructuringId,
      },
    );
  }

  @Post(':restructuringId/execute')
  @ApiOperation({
    summary: 'Start executing an approved restructuring',
    description:
      'Freezes the plan against the current member roll. The restructuring process manager then moves every member, ' +
      'closes the branches and completes the restructuring in the background: poll GET /restructurings/{id} until ' +
      '`status` is `completed`.',
  })
  @CommandEndpoint('The plan is frozen; the process manager is moving the members.', 202)
  async execute(
    @UuidParam('restructuringId') restructuringId: string,
    @Body() body: ExecuteRestructuringBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'StartRestructuringExecution' as const, data: { restructuringId } };
    return this.send(
      new ExecuteRestructuringCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      {
        id: restructuringId,
      },
    );
  }

  @Get(':restructuringId')
  @ReporterSees('everything', 'the plan and its execution: member ids and branches, no personal data')
  @ApiOperation({
    summary: 'A restructuring as it stands: plan, approval, frozen execution plan and final counts; revision as ETag',
  })
  @ReadAnswer(RestructuringViewDto, { etag: true, problems: { 404: 'No restructuring has this id.' } })
  async get(
    @UuidParam('restructuringId') restructuringId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RestructuringViewDto> {
    const { state, revision } = await this.queries.restructuring(restructuringId);
    return sendState(res, state, revision, `restructuring ${restructuringId}`);
  }
}

/** A retry with the same key must address the same restructuring, so a missing id derives from it. */
function restructuringIdOf(given: string | undefined, meta: CommandRequestMeta): string {
  return given ?? uuidV5(`restructuring:${meta.commandId}`);
}

function mergeTarget(target: MergeTargetBody, restructuringId: string): MergeTarget {
  if (target.kind === 'existing') return { kind: 'existing', branchId: target.branchId as string };
  const branch = target.branch as NonNullable<MergeTargetBody['branch']>;
  const established: NewBranch = {
    branchId: branch.branchId ?? uuidV5(`restructuring:${restructuringId}:merge-target`),
    name: branch.name,
    parentCommitteeId: branch.parentCommitteeId,
  };
  return { kind: 'new', branch: established };
}
