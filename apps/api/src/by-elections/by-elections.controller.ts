import { Body, Controller, Get, NotFoundException, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  BusinessCalendar,
  ByElectionQueries,
  ExecuteByElectionCommand,
  uuidV5,
  type ByElectionView,
} from '@app/application';
import { OverviewAccess } from '../auth/access.decorators';
import { commandData, type CommandBody } from '../http/command-body';
import { CommandController, created, type CommandTarget } from '../http/command-controller';
import { CommandEndpoint, type CommandAnswer } from '../http/command-responses';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../http/command-request';
import { missing } from '../http/not-found';
import { ReadAnswer, UuidParam } from '../http/read-responses';
import type { PersonBody } from '../http/person-body';
import { ByElectionViewDto } from './by-election-view.dto';
import {
  ConsentToByElectionBody,
  FileByElectionResultBody,
  HoldByElectionBody,
  RequestByElectionBody,
} from './by-election.dto';

type Input = ExecuteByElectionCommand['input'];

const person = ({ personId, name }: PersonBody) => ({ personId, name });

/**
 * A by-election (补选) after a vacancy, one endpoint per step: the branch's request, the
 * superior's consent, the vote at the members' assembly (never the committee) with the term
 * election's quorum and majority rule, and the filing, from which the branch holds the post for
 * the rest of the term. Each answers with the events appended and the revision as the ETag.
 */
@ApiTags('by-elections')
@OverviewAccess()
@Controller('by-elections')
export class ByElectionsController extends CommandController {
  constructor(
    commands: CommandBus,
    private readonly queries: ByElectionQueries,
    private readonly calendar: BusinessCalendar,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({
    summary:
      'Request a by-election (补选请示) for a vacancy: the vacated post, reason, planned date, method and candidates',
  })
  @CommandEndpoint('The by-election was requested.', 201)
  request(
    @Body() body: RequestByElectionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // A retry with the same key must address the same by-election, so a missing id derives from it.
    const byElectionId = body.byElectionId ?? uuidV5(`by-election:${meta.commandId}`);
    const { branchId, vacatedPostId, reason, plannedDate, candidates, electionMethod, requestReference } = body;
    const data = {
      byElectionId,
      branchId,
      vacatedPostId,
      reason,
      plannedDate,
      candidates: candidates.map(person),
      ...(electionMethod === undefined ? {} : { electionMethod }),
      ...(requestReference === undefined ? {} : { requestReference }),
    };
    return this.step({ type: 'RequestByElection', data }, body, meta, res, created('/by-elections', byElectionId));
  }

  @Post(':byElectionId/consent')
  @ApiOperation({ summary: "Record the superior's consent (同意补选) after reviewing the candidates" })
  @CommandEndpoint('The consent was recorded.')
  consent(
    @UuidParam('byElectionId') byElectionId: string,
    @Body() body: ConsentToByElectionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'ConsentToByElection', data: { ...commandData(body), byElectionId } }, body, meta, res);
  }

  @Post(':byElectionId/assembly')
  @ApiOperation({
    summary:
      "Hold the vote at the members' assembly (党员大会补选): due voters from the roll, quorum, the returned ballots counted by the majority rule",
  })
  @CommandEndpoint('The by-election was held and its winner recorded.')
  hold(
    @UuidParam('byElectionId') byElectionId: string,
    @Body() body: HoldByElectionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = {
      byElectionId,
      heldBy: body.heldBy,
      exclusions: body.exclusions.map(({ memberId, reason, approvalReference }) => ({
        memberId,
        reason,
        approvalReference,
      })),
      presentVoters: body.presentVoters.map(person),
      issued: body.issued,
      ballots: body.ballots.map((paper) => ({
        marks: { ...paper.marks },
        ...(paper.writeIns === undefined
          ? {}
          : {
              writeIns: paper.writeIns.map((writeIn) => ({ beside: writeIn.beside, person: person(writeIn.person) })),
            }),
        ...(paper.spoiled === undefined ? {} : { spoiled: paper.spoiled }),
      })),
    };
    return this.step({ type: 'HoldByElection', data }, body, meta, res);
  }

  @Post(':byElectionId/file')
  @ApiOperation({
    summary:
      'File the result (补选结果报备): the branch holds the post from the filing date to the end of the current term',
  })
  @CommandEndpoint('The result was filed; the branch is given the post.')
  file(
    @UuidParam('byElectionId') byElectionId: string,
    @Body() body: FileByElectionResultBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'FileByElectionResult', data: { ...commandData(body), byElectionId } }, body, meta, res);
  }

  @Get(':byElectionId')
  @ApiOperation({ summary: 'A by-election as it stands: vacancy, request, consent, vote and filing; revision as ETag' })
  @ReadAnswer(ByElectionViewDto, { etag: true, problems: { 400: true, 404: 'No by-election has this id.' } })
  async get(
    @UuidParam('byElectionId') byElectionId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ByElectionView> {
    const view = await this.queries.byElection(byElectionId);
    if (view === null) throw new NotFoundException(missing('by-election', byElectionId));
    res.setHeader('ETag', `"${view.revision}"`);
    return view;
  }

  private step(
    input: Input,
    body: CommandBody,
    meta: CommandRequestMeta,
    res: Response,
    target: CommandTarget = { id: input.data.byElectionId },
  ): Promise<CommandAnswer> {
    return this.send(
      new ExecuteByElectionCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      target,
    );
  }
}
