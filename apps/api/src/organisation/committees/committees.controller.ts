import { ReadAccess } from '../../auth/access.decorators';
import { Body, Controller, Get, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ExecuteCommitteeCommand, OrganisationFacts, uuidV5, BusinessCalendar } from '@app/application';
import { commandData } from '../../http/command-body';
import { CommandEndpoint, type CommandAnswer } from '../../http/command-responses';
import { CommandController, created } from '../../http/command-controller';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../../http/command-request';
import { sendState } from '../../http/state-response';
import { ReporterSees } from '../../privacy/reporter-sees';
import { DissolveCommitteeBody, EstablishCommitteeBody, RenameCommitteeBody } from './committee.dto';
import { ReadAnswer, UuidParam } from '../../http/read-responses';
import { CommitteeViewDto } from './committee-view.dto';

@ApiTags('committees')
@ReadAccess()
@Controller('committees')
export class CommitteesController extends CommandController {
  constructor(
    commands: CommandBus,
    private readonly calendar: BusinessCalendar,
    private readonly facts: OrganisationFacts,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({ summary: 'Establish a party committee (离退休干部党委) or general branch (党总支)' })
  @CommandEndpoint('The committee was established.', 201)
  async establish(
    @Body() body: EstablishCommitteeBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // A retry with the same key must address the same committee, so a missing id derives from it.
    const committeeId = body.committeeId ?? uuidV5(`committee:${meta.commandId}`);
    const input = { type: 'EstablishPartyCommittee' as const, data: { ...commandData(body), committeeId } };
    return this.send(
      new ExecuteCommitteeCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      created('/committees', committeeId),
    );
  }

  @Post(':committeeId/rename')
  @ApiOperation({ summary: 'Rename a committee' })
  @CommandEndpoint('The committee was renamed.')
  async rename(
    @UuidParam('committeeId') committeeId: string,
    @Body() body: RenameCommitteeBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'RenamePartyCommittee' as const, data: { ...commandData(body), committeeId } };
    return this.send(new ExecuteCommitteeCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: committeeId,
    });
  }

  @Post(':committeeId/dissolve')
  @ApiOperation({ summary: 'Dissolve a committee that has no open branches or active child committees' })
  @CommandEndpoint('The committee was dissolved.')
  async dissolve(
    @UuidParam('committeeId') committeeId: string,
    @Body() body: DissolveCommitteeBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const input = { type: 'DissolvePartyCommittee' as const, data: { ...commandData(body), committeeId } };
    return this.send(new ExecuteCommitteeCommand(input, commandContext(meta, body.occurredAt, this.calendar)), res, {
      id: committeeId,
    });
  }

  @Get(':committeeId')
  @ReporterSees('everything', 'a committee: no person in it')
  @ApiOperation({ summary: 'A committee as it stands, with its revision as the ETag' })
  @ReadAnswer(CommitteeViewDto, { etag: true, problems: { 404: 'No committee has this id.' } })
  async get(
    @UuidParam('committeeId') committeeId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommitteeViewDto> {
    const { state, revision } = await this.facts.committeeWithRevision(committeeId);
    return sendState(res, state, revision, `committee ${committeeId}`);
  }
}
