import { Body, Controller, Get, NotFoundException, Post, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  BusinessCalendar,
  ElectionQueries,
  ExecuteElectionCommand,
  OrganisationFacts,
  uuidV5,
  type ElectionListItem,
  type ElectionView,
  type Role,
} from '@app/application';
import { ReadAccess } from '../auth/access.decorators';
import { commandData, type CommandBody } from '../http/command-body';
import { CommandController, created, type CommandTarget } from '../http/command-controller';
import { CommandEndpoint, type CommandAnswer } from '../http/command-responses';
import { CommandMeta, commandContext, type CommandRequestMeta } from '../http/command-request';
import {
  ApprovalBody,
  ApproveResultBody,
  CancelElectionBody,
  ConsultCommunityBody,
  ConveneAssemblyBody,
  ElectOfficersBody,
  ElectionViewQuery,
  NominateCandidateBody,
  RaceBody,
  RecommendCandidateBody,
  RecordBallotsBody,
  ReduceSeatsBody,
  ReportResultBody,
  RequestElectionBody,
  RequestInstallationBody,
  ShiftElectionBody,
  SubmitCandidateSlateBody,
  SupplementaryBallotBody,
  TakeCensusBody,
  VetCandidateBody,
} from './election.dto';
import { ballotPapersOf, exclusionsOf, person, persons } from './assembly-data';
import { CallerRole } from '../privacy/caller-role';
import { electionForReporter } from '../privacy/election-view';
import { ReporterSees } from '../privacy/reporter-sees';
import { missing } from '../http/not-found';
import { answerIn, languageOf } from '../http/language';
import { ReadAnswer, UuidParam } from '../http/read-responses';
import { describesView } from '../http/view-binding';
import { BranchElectionsDto, ElectionViewDto } from './election-view.dto';

type Input = ExecuteElectionCommand['input'];

/**
 * One branch's election for one term (换届选举), one endpoint per step. Each answers with the
 * events appended and the election's revision as the ETag; a step the rules forbid is a 422
 * whose `code` and `detail` name the rule. GET shows the state, the steps so far and, for every
 * command, whether it may run now or which rule blocks it.
 */
@ApiTags('elections')
@ReadAccess()
@Controller('elections')
export class ElectionsController extends CommandController {
  constructor(
    commands: CommandBus,
    private readonly queries: ElectionQueries,
    private readonly calendar: BusinessCalendar,
  ) {
    super(commands);
  }

  @Post()
  @ApiOperation({
    summary:
      "Open a branch's election with its census (摸排): counts from the roll, the committee's and secretary's situation",
  })
  @CommandEndpoint('The census was taken and the election opened.', 201)
  async open(
    @Body() body: TakeCensusBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    // A retry with the same key must address the same election, so a missing id derives from it.
    const electionId = body.electionId ?? uuidV5(`election:${meta.commandId}`);
    const { branchId, committeeWorking, secretarySituation, notes, termNumber } = body;
    return this.step(
      { type: 'TakeCensus', data: { electionId, branchId, committeeWorking, secretarySituation, notes, termNumber } },
      body,
      meta,
      res,
      created('/elections', electionId),
    );
  }

  @Post(':electionId/request')
  @ApiOperation({ summary: 'Submit the request (换届请示): date, seats, committee or not, deputy, methods' })
  @CommandEndpoint('The request was submitted.')
  request(
    @UuidParam('electionId') electionId: string,
    @Body() body: RequestElectionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'RequestElection', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/approve-request')
  @ApiOperation({ summary: "Record the superior's approval (批复) of the request; it lapses after the policy's days" })
  @CommandEndpoint('The request was approved.')
  approveRequest(
    @UuidParam('electionId') electionId: string,
    @Body() body: ApprovalBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'ApproveElectionRequest', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/postpone')
  @ApiOperation({ summary: "Postpone the election with the superior's approval (at most the policy's limit)" })
  @CommandEndpoint('The election was postponed.')
  postpone(
    @UuidParam('electionId') electionId: string,
    @Body() body: ShiftElectionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'PostponeElection', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/bring-forward')
  @ApiOperation({ summary: "Bring the election forward with the superior's approval (at most the policy's limit)" })
  @CommandEndpoint('The election was brought forward.')
  bringForward(
    @UuidParam('electionId') electionId: string,
    @Body() body: ShiftElectionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'BringElectionForward', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/recommendations')
  @ApiOperation({ summary: 'Record a recommendation by veteran cadres (老干部推荐): who recommended whom' })
  @CommandEndpoint('The recommendation was recorded.')
  recommend(
    @UuidParam('electionId') electionId: string,
    @Body() body: RecommendCandidateBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = {
      electionId,
      nominee: person(body.nominee),
      forPost: body.forPost,
      recommendedBy: persons(body.recommendedBy),
    };
    return this.step({ type: 'RecommendCandidate', data }, body, meta, res);
  }

  @Post(':electionId/nominations')
  @ApiOperation({ summary: 'Nominate a candidate inside the party (党内提名)' })
  @CommandEndpoint('The nomination was recorded; nothing is appended for a repeated nomination.')
  nominate(
    @UuidParam('electionId') electionId: string,
    @Body() body: NominateCandidateBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = { electionId, nominee: person(body.nominee), forPost: body.forPost, nominatedBy: body.nominatedBy };
    return this.step({ type: 'NominateCandidate', data }, body, meta, res);
  }

  @Post(':electionId/vetting')
  @ApiOperation({ summary: 'Record a vetting of a nominee: talk, visit, survey (谈心谈话、走访了解、多方调研)' })
  @CommandEndpoint('The vetting was recorded.')
  vet(
    @UuidParam('electionId') electionId: string,
    @Body() body: VetCandidateBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'VetCandidate', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/community-consultation')
  @ApiOperation({ summary: "Record the community party organisation's opinion (社区参与), on a nominee or the slate" })
  @CommandEndpoint('The consultation was recorded.')
  consult(
    @UuidParam('electionId') electionId: string,
    @Body() body: ConsultCommunityBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'ConsultCommunity', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/slate')
  @ApiOperation({ summary: 'Submit the candidate slate (候选人预备人选) in ballot order' })
  @CommandEndpoint('The slate was submitted.')
  submitSlate(
    @UuidParam('electionId') electionId: string,
    @Body() body: SubmitCandidateSlateBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = {
      electionId,
      committeeCandidates: persons(body.committeeCandidates),
      secretaryCandidates: persons(body.secretaryCandidates),
      deputySecretaryCandidates: persons(body.deputySecretaryCandidates),
    };
    return this.step({ type: 'SubmitCandidateSlate', data }, body, meta, res);
  }

  @Post(':electionId/approve-slate')
  @ApiOperation({ summary: "Record the superior's consent to the slate (审查同意), order kept" })
  @CommandEndpoint('The slate was approved.')
  approveSlate(
    @UuidParam('electionId') electionId: string,
    @Body() body: ApprovalBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'ApproveCandidateSlate', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/assembly')
  @ApiOperation({
    summary:
      "Convene the members' assembly (党员大会): due voters from the roll snapshot minus approved exclusions, quorum, scrutineers, tellers, method",
  })
  @CommandEndpoint('The assembly was convened.')
  convene(
    @UuidParam('electionId') electionId: string,
    @Body() body: ConveneAssemblyBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = {
      electionId,
      exclusions: exclusionsOf(body.exclusions),
      presentVoters: persons(body.presentVoters),
      nonVotingAttendees: body.nonVotingAttendees.map((attendee) => ({
        person: person(attendee.person),
        kind: attendee.kind,
      })),
      scrutineers: persons(body.scrutineers),
      scrutineersApproval: motion(body.scrutineersApproval),
      tellers: persons(body.tellers),
      electionMethodAdoption: motion(body.electionMethodAdoption),
    };
    return this.step({ type: 'ConveneMembersAssembly', data }, body, meta, res);
  }

  @Post(':electionId/ballots')
  @ApiOperation({
    summary: 'Record the returned ballots of the open round of a race; more returned than issued voids the round',
  })
  @CommandEndpoint('The ballots were recorded, or the round was voided (BallotRoundVoided) to be voted again.')
  recordBallots(
    @UuidParam('electionId') electionId: string,
    @Body() body: RecordBallotsBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = {
      electionId,
      race: body.race,
      issued: body.issued,
      ballots: ballotPapersOf(body.ballots),
    };
    return this.step({ type: 'RecordBallots', data }, body, meta, res);
  }

  @Post(':electionId/count')
  @ApiOperation({
    summary: 'Count the recorded round: elected by the majority rule, a runoff on a tie, or a shortfall',
  })
  @CommandEndpoint('The ballots were counted.')
  count(
    @UuidParam('electionId') electionId: string,
    @Body() body: RaceBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'CountBallots', data: { electionId, race: body.race } }, body, meta, res);
  }

  @Post(':electionId/supplementary-ballot')
  @ApiOperation({ summary: 'Hold a supplementary ballot (另行选举) for the seats still empty' })
  @CommandEndpoint('The supplementary ballot was opened.')
  supplementary(
    @UuidParam('electionId') electionId: string,
    @Body() body: SupplementaryBallotBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = { electionId, race: body.race, candidates: persons(body.candidates) };
    return this.step({ type: 'HoldSupplementaryBallot', data }, body, meta, res);
  }

  @Post(':electionId/reduce-seats')
  @ApiOperation({ summary: 'Reduce the seats to those elected, with more than half of the electors consenting' })
  @CommandEndpoint('The seats were reduced.')
  reduceSeats(
    @UuidParam('electionId') electionId: string,
    @Body() body: ReduceSeatsBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = { electionId, race: body.race, consent: motion(body.consent) };
    return this.step({ type: 'ReduceSeats', data }, body, meta, res);
  }

  @Post(':electionId/officers')
  @ApiOperation({
    summary: "The new committee's first meeting (支委会第一次会议) elects the secretary and deputy and divides duties",
  })
  @CommandEndpoint('The officers were elected.')
  electOfficers(
    @UuidParam('electionId') electionId: string,
    @Body() body: ElectOfficersBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const vote = (officer: ElectOfficersBody['secretary']) => ({
      memberId: officer.memberId,
      votes: motion(officer.votes),
    });
    const data = {
      electionId,
      chairMemberId: body.chairMemberId,
      secretary: vote(body.secretary),
      ...(body.deputySecretary === undefined ? {} : { deputySecretary: vote(body.deputySecretary) }),
      scrutineers: persons(body.scrutineers),
      duties: { ...body.duties },
    };
    return this.step({ type: 'ElectOfficers', data }, body, meta, res);
  }

  @Post(':electionId/report')
  @ApiOperation({ summary: 'Report the result to the superior, with how it departs from the approved slate' })
  @CommandEndpoint('The result was reported.')
  report(
    @UuidParam('electionId') electionId: string,
    @Body() body: ReportResultBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'ReportElectionResult', data: { ...commandData(body), electionId } }, body, meta, res);
  }

  @Post(':electionId/approve-result')
  @ApiOperation({
    summary: 'Record the approval (批准) of the secretary and deputy and the filing (备案) of the committee',
  })
  @CommandEndpoint('The result was approved.')
  approveResult(
    @UuidParam('electionId') electionId: string,
    @Body() body: ApproveResultBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    const data = {
      electionId,
      approvalReference: body.approvalReference,
      approvedOn: body.approvedOn,
      filingReference: body.filingReference,
      ...(body.superiorDecision === undefined
        ? {}
        : {
            superiorDecision: { reference: body.superiorDecision.reference, decision: body.superiorDecision.decision },
          }),
    };
    return this.step({ type: 'ApproveElectionResult', data }, body, meta, res);
  }

  @Post(':electionId/request-installation')
  @ApiOperation({
    summary: 'Install the approved result on the branch',
    description:
      'Sets the term from the policy in force on the election day. The installation process manager then ends the ' +
      'outgoing officers’ posts and assigns the elected ones in the background: poll GET /elections/{id} until ' +
      '`state.status` is `installed`.',
  })
  @CommandEndpoint('The installation was requested; the process manager is assigning the posts.', 202)
  requestInstallation(
    @UuidParam('electionId') electionId: string,
    @Body() body: RequestInstallationBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'RequestInstallation', data: { electionId } }, body, meta, res);
  }

  @Post(':electionId/cancel')
  @ApiOperation({ summary: 'Cancel the election, with the reason' })
  @CommandEndpoint('The election was cancelled.')
  cancel(
    @UuidParam('electionId') electionId: string,
    @Body() body: CancelElectionBody,
    @CommandMeta() meta: CommandRequestMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAnswer> {
    return this.step({ type: 'CancelElection', data: { electionId, reason: body.reason } }, body, meta, res);
  }

  @Get(':electionId')
  @ReporterSees('redacted', 'no suspension reasons in the roll, no exclusion reasons, no cancellation reason')
  @ApiOperation({
    summary:
      'An election as it stands: its state, its steps so far, and for every command whether it may run today or which rule blocks it; revision as ETag',
  })
  @ReadAnswer(ElectionViewDto, {
    etag: true,
    description: 'Reporting jobs get it without suspension, exclusion and cancellation reasons.',
    problems: { 400: true, 404: 'No election has this id.' },
  })
  async get(
    @UuidParam('electionId') electionId: string,
    @Query() query: ElectionViewQuery,
    @CallerRole() role: Role,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ElectionView | Record<string, unknown>> {
    const language = languageOf(res.req);
    const view = await this.queries.election(electionId, query.asOf ?? this.calendar.today(), language);
    if (view === null) throw new NotFoundException(missing('election', electionId));
    res.setHeader('ETag', `"${view.revision}"`);
    // Why a blocked action is blocked is told in the request's language.
    answerIn(res, language);
    return role === 'reporter' ? electionForReporter(view) : view;
  }

  private step(
    input: Input,
    body: CommandBody,
    meta: CommandRequestMeta,
    res: Response,
    target: CommandTarget = { id: input.data.electionId },
  ): Promise<CommandAnswer> {
    return this.send(
      new ExecuteElectionCommand(input, commandContext(meta, body.occurredAt, this.calendar)),
      res,
      target,
    );
  }
}

/** A branch's elections, one per term, oldest first. */
@ApiTags('elections')
@ReadAccess()
@Controller('branches')
export class BranchElectionsController {
  constructor(
    private readonly queries: ElectionQueries,
    private readonly facts: OrganisationFacts,
  ) {}

  @Get(':branchId/elections')
  @ReporterSees('everything', "each election's status, dates and term: no person in it")
  @ApiOperation({ summary: "A branch's elections: status, planned and due dates, and the term each installed" })
  @ReadAnswer(BranchElectionsDto, { problems: { 404: 'No branch has this id.' } })
  async list(@UuidParam('branchId') branchId: string): Promise<BranchElections> {
    if ((await this.facts.branchStatus(branchId)) === 'notFound') {
      throw new NotFoundException(missing('branch', branchId));
    }
    return { branchId, elections: await this.queries.electionsOfBranch(branchId) };
  }
}

type BranchElections = { readonly branchId: string; readonly elections: readonly ElectionListItem[] };
describesView<BranchElectionsDto, BranchElections>('matches');

function motion(value: { for: number; against: number; abstain: number }) {
  return { for: value.for, against: value.against, abstain: value.abstain };
}
