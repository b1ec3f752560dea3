/**
 * Property: random command sequences, mostly steered to the commands `nextActions` allows (so runs
 * reach the assembly, the count and the installation) and partly arbitrary, with random data —
 * voters that may include probationary, suspended, non-member and cross-appointed people, ballots
 * that may be over-returned, overfilled or carry write-ins — never install a result without
 * approval, never count more ballots than voters present, never let a non-voter vote; and a
 * command `nextActions` shows as allowed is refused, if at all, only for its data: never with a
 * code the transition table gives for a step taken out of order.
 *
 * On failure fast-check reports the seed and path; re-run with `{ seed, path }` to replay it.
 */
import fc from 'fast-check';
import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { policyInForce } from '../policy/policy-in-force';
import { DomainError } from '../shared/domain-error';
import {
  BallotPaper,
  ElectionCommand,
  ElectionCommandType,
  ElectionRollEntry,
  Mark,
  Person,
  Race,
} from './election.commands';
import { electionDecider } from './election.decider';
import { ElectionEvent } from './election.events';
import {
  approveRequest,
  approveResult,
  approveSlate,
  cancelElection,
  COMMUNITY_SECRETARY,
  confirmInstallation,
  convene,
  countBallots,
  ELECTION,
  electOfficers,
  meta,
  nominate,
  person,
  recordBallots,
  reportResult,
  requestElection,
  requestInstallation,
  ROLL,
  standing,
  takeCensus,
  STROKES,
} from './election.fixtures';
import { ElectionState } from './election.state';
import { ELECTION_TRANSITIONS } from './election.transitions';
import { nextActions } from './next-actions';

const SMALL_ROLL: readonly ElectionRollEntry[] = ROLL.filter((entry) =>
  ['m1', 'm2', 'm3', 'm4', 'm5', 'm11'].includes(entry.memberId),
);
const STRANGER: Person = { personId: 'z1', name: '路人' };
/** The codes of refusals for the election's status, which no step may give once the table allowed the command. */
const STATUS_CODES: ReadonlySet<string> = new Set([
  'ELECTION_NOT_STARTED',
  'ELECTION_CANCELLED',
  'ELECTION_COMPLETED',
  ...Object.values(ELECTION_TRANSITIONS).map((transition) => transition.outOfOrder.code),
]);

/** Random choices drawn in order from the step's seed list. */
class Dice {
  private index = 0;
  constructor(private readonly seeds: readonly number[]) {}
  int(max: number): number {
    const seed = this.seeds[this.index % this.seeds.length] ?? 0;
    this.index += 1;
    return max <= 0 ? 0 : (seed + this.index * 7) % max;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  subset<T>(items: readonly T[], chance = 70): T[] {
    return items.filter(() => this.int(100) < chance);
  }
}

function standingOf(roll: readonly ElectionRollEntry[], who: Person) {
  const entry = roll.find((candidate) => candidate.memberId === who.personId);
  return entry === undefined
    ? standing({ status: 'notFound', branchId: null, membership: null })
    : standing({ membership: entry.membership, suspension: entry.suspension });
}

const people = (roll: readonly ElectionRollEntry[]): Person[] => [
  ...roll.map((entry) => ({ personId: entry.memberId, name: entry.name })),
  COMMUNITY_SECRETARY,
  STRANGER,
];

function openRound(state: ElectionState, race: Race): { candidates: readonly Person[]; seats: number } {
  const fallback = { candidates: [person(1), person(2)], seats: 1 };
  if (state.status !== 'assemblyOpen') return fallback;
  const found = state.races.find((candidate) => candidate.race === race);
  return found !== undefined && found.phase === 'awaitingBallots' ? found.round : fallback;
}

function presentCount(state: ElectionState): number {
  return 'assembly' in state ? state.assembly.presentVoters.length : 8;
}

function randomBallot(
  dice: Dice,
  candidates: readonly Person[],
  seats: number,
  everyone: readonly Person[],
): BallotPaper {
  const marks: Record<string, Mark> = {};
  for (const candidate of candidates) {
    // Usually about as many votes for as there are seats, sometimes more (an invalid ballot).
    if (dice.int(candidates.length * 10) < seats * 10 + 2) marks[candidate.personId] = 'for';
    else if (dice.int(3) > 0) marks[candidate.personId] = dice.pick(['against', 'abstain'] as const);
  }
  const writeIns =
    dice.int(5) === 0 && candidates.length > 0
      ? [{ beside: dice.pick(candidates).personId, person: dice.pick(everyone) }]
      : undefined;
  return { marks, ...(writeIns === undefined ? {} : { writeIns }), ...(dice.int(20) === 0 ? { spoiled: true } : {}) };
}

function command(
  type: ElectionCommandType,
  state: ElectionState,
  dice: Dice,
  roll: readonly ElectionRollEntry[],
): ElectionCommand {
  const everyone = people(roll);
  const members = roll.map((entry) => ({ personId: entry.memberId, name: entry.name }));
  const eligible = roll
    .filter((entry) => entry.membership === 'full' && entry.suspension === null)
    .map((entry) => ({ personId: entry.memberId, name: entry.name }));
  // Mostly the contest that is waiting for this kind of step, sometimes any.
  const race = (): Race => {
    const phase =
      type === 'RecordBallots' ? 'awaitingBallots' : type === 'CountBallots' ? 'awaitingCount' : 'shortfall';
    const active = 'races' in state ? state.races.filter((r) => r.phase === phase).map((r) => r.race) : [];
    return active.length > 0 && dice.int(8) > 0
      ? dice.pick(active)
      : dice.pick(['committee', 'secretary', 'deputySecretary'] as const);
  };
  const day = (...dates: string[]): string => dice.pick(dates);
  switch (type) {
    case 'TakeCensus':
      return takeCensus({
        context: {
          branchStatus: 'open',
          roll,
          currentTerm: { start: '2020-06-30', end: '2023-06-30' },
          established: {},
        },
      });
    case 'RequestElection': {
      const committee = roll.length > 7 ? dice.int(6) > 0 : dice.int(6) === 0;
      return requestElection({
        committee,
        committeeSeats: committee ? dice.pick([3, 3, 4, 2]) : 0,
        deputySecretary: dice.int(2) === 0,
      });
    }
    case 'ApproveElectionRequest':
      return approveRequest();
    case 'LapseApproval':
      return { type, data: { electionId: ELECTION }, metadata: meta(day('2023-05-01', '2023-06-18')) };
    case 'PostponeElection':
    case 'BringElectionForward':
      return {
        type,
        data: {
          electionId: ELECTION,
          newDate: day('2023-05-25', '2023-09-01', '2024-08-01'),
          reason: '调整',
          approvalReference: 'ref',
        },
        metadata: meta('2023-03-05'),
      };
    case 'RecommendCandidate': {
      const who = dice.pick(everyone);
      return {
        type,
        data: {
          electionId: ELECTION,
          nominee: who,
          forPost: race(),
          recommendedBy: [dice.pick(members)],
          context: { nominee: standingOf(roll, who) },
        },
        metadata: meta('2023-03-25'),
      };
    }
    case 'NominateCandidate': {
      const already = new Set(
        'nominations' in state ? state.nominations.nominees.map((entry) => entry.nominee.personId) : [],
      );
      const fresh = eligible.filter((p) => !already.has(p.personId));
      const who = dice.int(6) === 0 || fresh.length === 0 ? dice.pick(everyone) : dice.pick(fresh);
      const post: Race =
        'request' in state && !state.request.committee
          ? dice.pick(['secretary', 'deputySecretary'] as const)
          : 'committee';
      return nominate(
        who,
        dice.int(10) === 0 ? dice.pick(['committee', 'secretary', 'deputySecretary'] as const) : post,
        standingOf(roll, who),
      );
    }
    case 'VetCandidate':
      return {
        type,
        data: {
          electionId: ELECTION,
          memberId: dice.pick(everyone).personId,
          method: 'talk',
          by: '工作组',
          notes: '好',
          on: '2023-04-02',
        },
        metadata: meta('2023-04-02'),
      };
    case 'ConsultCommunity':
      return {
        type,
        data: { electionId: ELECTION, community: '社区党委', opinion: '同意', on: '2023-04-03' },
        metadata: meta('2023-04-03'),
      };
    case 'SubmitCandidateSlate': {
      const nominated = 'nominations' in state ? state.nominations.nominees.map((entry) => entry.nominee) : members;
      const unique = nominated.filter((p, i) => nominated.findIndex((other) => other.personId === p.personId) === i);
      const pool = [...unique, ...(dice.int(6) === 0 ? [dice.pick(everyone)] : [])];
      const committeeWanted = 'request' in state ? state.request.committee : true;
      const deputyWanted = 'request' in state ? state.request.deputySecretary : false;
      const committee = committeeWanted !== (dice.int(10) === 0) ? dice.subset(pool, 92) : [];
      const officers = committee.length > 0 ? committee : pool;
      const secretary = officers.slice(0, 1);
      const deputy = deputyWanted !== (dice.int(10) === 0) ? officers.slice(1, 2) : [];
      return {
        type,
        data: {
          electionId: ELECTION,
          committeeCandidates: committee,
          secretaryCandidates: secretary,
          deputySecretaryCandidates: deputy,
          context: { members: Object.fromEntries(pool.map((p) => [p.personId, standingOf(roll, p)])) },
        },
        metadata: meta('2023-04-10'),
      };
    }
    case 'ApproveCandidateSlate':
      return approveSlate();
    case 'ConveneMembersAssembly': {
      const present = [...dice.subset(eligible, 93), ...dice.subset(everyone, 4)].filter(
        (p, i, all) => all.findIndex((other) => other.personId === p.personId) === i,
      );
      const excludable = dice.subset(members, 5);
      return convene(
        {
          presentVoters: present,
          exclusions: excludable.map((p) => ({
            memberId: p.personId,
            reason: 'frailOrBedridden' as const,
            approvalReference: 'ref',
          })),
          nonVotingAttendees: dice.int(2) === 0 ? [{ person: COMMUNITY_SECRETARY, kind: 'crossAppointed' }] : [],
          scrutineers: present.length > 0 ? [dice.pick(present)] : [],
          scrutineersApproval: { for: present.length, against: 0, abstain: 0 },
          electionMethodAdoption: { for: present.length, against: 0, abstain: 0 },
          context: { roll, concurrentPostHolders: [COMMUNITY_SECRETARY], strokes: STROKES },
        },
        day('2023-05-20', '2023-05-20', '2023-06-20'),
      );
    }
    case 'RecordBallots': {
      const contest = race();
      const { candidates, seats } = openRound(state, contest);
      const present = presentCount(state);
      const issued = dice.int(6) === 0 ? present + 1 : present;
      const returned = Math.max(0, present - (dice.int(4) === 0 ? 1 : 0) + (dice.int(6) === 0 ? 2 : 0));
      const ballots = Array.from({ length: returned }, () => randomBallot(dice, candidates, seats, everyone));
      return recordBallots(contest, ballots, issued);
    }
    case 'CountBallots':
      return countBallots(race());
    case 'HoldSupplementaryBallot':
      return {
        type,
        data: {
          electionId: ELECTION,
          race: race(),
          candidates: dice.int(5) === 0 ? dice.subset(everyone, 40) : dice.subset(electable(state, eligible), 75),
        },
        metadata: meta('2023-05-20'),
      };
    case 'ReduceSeats': {
      const n = presentCount(state);
      const consentFor = dice.int(n + 1);
      return {
        type,
        data: { electionId: ELECTION, race: race(), consent: { for: consentFor, against: n - consentFor, abstain: 0 } },
        metadata: meta('2023-05-20'),
      };
    }
    case 'ElectOfficers': {
      const committee = 'races' in state ? (state.races.find((r) => r.race === 'committee')?.elected ?? []) : [];
      const start = dice.int(Math.max(committee.length, 1));
      const rotated = [...committee.slice(start), ...committee.slice(0, start), person(1), person(2), person(3)];
      const [a, b, c] = dice.int(8) === 0 ? [dice.pick(rotated), dice.pick(rotated), dice.pick(rotated)] : rotated;
      if (a === undefined || b === undefined || c === undefined) throw new Error('unreachable');
      const size = committee.length;
      return electOfficers({
        chairMemberId: c.personId,
        secretary: { memberId: a.personId, votes: { for: size, against: 0, abstain: 0 } },
        deputySecretary:
          dice.int(2) === 0 ? { memberId: b.personId, votes: { for: size, against: 0, abstain: 0 } } : undefined,
        scrutineers: [c],
        duties: {},
      });
    }
    case 'ReportElectionResult':
      return reportResult();
    case 'ApproveElectionResult':
      return approveResult(dice.int(2) === 0 ? { superiorDecision: { reference: 'ref', decision: '同意' } } : {});
    case 'RequestInstallation':
      return requestInstallation();
    case 'ConfirmInstallation': {
      const posts = state.status === 'installing' ? state.installation.posts.map((post) => post.postId) : [];
      return confirmInstallation(dice.int(3) === 0 ? posts.slice(1) : posts);
    }
    case 'CancelElection':
      return cancelElection(day('2023-04-01', '2023-05-21'));
    default:
      throw new Error(`no generator for ${type as string}`);
  }
}

/** The command that moves a well-behaved run forward from this state. */
function canonical(state: ElectionState): ElectionCommandType {
  switch (state.status) {
    case 'none':
      return 'TakeCensus';
    case 'censusTaken':
    case 'approvalLapsed':
      return 'RequestElection';
    case 'requested':
      return 'ApproveElectionRequest';
    case 'requestApproved': {
      const wanted = state.request.committee ? state.request.minimumCommitteeCandidates + 1 : 2;
      return state.nominations.nominees.length < wanted ? 'NominateCandidate' : 'SubmitCandidateSlate';
    }
    case 'slateSubmitted':
      return 'ApproveCandidateSlate';
    case 'slateApproved':
      return 'ConveneMembersAssembly';
    case 'assemblyOpen': {
      const phases = state.races.map((race) => race.phase);
      if (phases.includes('awaitingCount')) return 'CountBallots';
      if (phases.includes('awaitingBallots')) return 'RecordBallots';
      return state.races.length % 2 === 0 ? 'ReduceSeats' : 'HoldSupplementaryBallot';
    }
    case 'committeeElected':
      return 'ElectOfficers';
    case 'officersElected':
      return 'ReportElectionResult';
    case 'resultReported':
      return 'ApproveElectionResult';
    case 'resultApproved':
      return 'RequestInstallation';
    case 'installing':
    case 'installed':
    case 'cancelled':
      return 'ConfirmInstallation';
    default:
      return 'TakeCensus';
  }
}

function electable(state: ElectionState, eligible: readonly Person[]): Person[] {
  const elected = new Set('races' in state ? state.races.flatMap((race) => race.elected.map((p) => p.personId)) : []);
  return eligible.filter((p) => !elected.has(p.personId));
}

interface Step {
  /** 0–11: the canonical next step; 12–16: any command the table allows; 17–19: any command. */
  readonly mode: number;
  readonly pick: number;
  readonly seeds: readonly number[];
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  mode: fc.nat(19),
  pick: fc.nat(1000),
  seeds: fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }),
});

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

/** Watches the events of one stream as they are appended and checks the invariants on each. */
class Invariants {
  private approved = false;
  private assembly: Extract<ElectionEvent, { type: 'MembersAssemblyConvened' }>['data'] | null = null;

  observe(event: ElectionEvent): void {
    switch (event.type) {
      case 'ElectionResultApproved':
        this.approved = true;
        break;
      case 'InstallationRequested':
      case 'ResultInstalled':
        assert(this.approved, `${event.type} without ElectionResultApproved`);
        break;
      case 'MembersAssemblyConvened': {
        const data = event.data;
        this.assembly = data;
        const concurrent = new Set(data.concurrentPostHolders.map((p) => p.personId));
        const excluded = new Set(data.exclusions.map((exclusion) => exclusion.memberId));
        const due = new Set(data.dueVoters.map((p) => p.personId));
        for (const voter of data.presentVoters) {
          const entry = data.roll.find((candidate) => candidate.memberId === voter.personId);
          assert(
            entry?.membership === 'full' && entry.suspension === null,
            `${voter.personId} voted without full rights`,
          );
          assert(!concurrent.has(voter.personId), `concurrent holder ${voter.personId} voted`);
          assert(!excluded.has(voter.personId) && due.has(voter.personId), `${voter.personId} voted but was not due`);
        }
        assert(data.presentVoters.length * 5 >= data.dueVoters.length * 4, 'assembly without quorum');
        break;
      }
      case 'BallotsRecorded': {
        const present = this.assembly?.presentVoters.length ?? -1;
        const data = event.data;
        assert(
          data.issued === present && data.returned <= present,
          `counted ${data.returned} ballots for ${present} voters`,
        );
        assert(data.valid + data.invalid === data.returned, 'valid + invalid differs from returned');
        for (const tally of data.tallies)
          assert(tally.for + tally.against + tally.abstain === data.valid, 'tally exceeds valid ballots');
        break;
      }
      case 'BallotsCounted': {
        const roll = this.assembly?.roll ?? [];
        for (const elected of event.data.elected) {
          const entry = roll.find((candidate) => candidate.memberId === elected.personId);
          assert(
            entry?.membership === 'full' && entry.suspension === null,
            `${elected.personId} elected without rights`,
          );
        }
        break;
      }
      default:
        break;
    }
  }
}

describe('Election decider, property', () => {
  it('never installs without approval, never counts more ballots than voters, never lets a non-voter vote, and refuses a command nextActions allows only for its data', () => {
    let deepest = 0;
    let installedRuns = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(stepArb, { minLength: 20, maxLength: 80 }), (smallBranch, steps) => {
        const roll = smallBranch ? SMALL_ROLL : ROLL;
        let state: ElectionState = electionDecider.initialState();
        const invariants = new Invariants();
        for (const step of steps) {
          const dice = new Dice(step.seeds);
          const probe = policyInForce(DEFAULT_RULE_POLICIES, '2023-05-20T09:00:00+08:00');
          const actions = nextActions(state, probe, '2023-05-20T09:00:00+08:00');
          const allowed = actions.filter(
            (action) => action.allowed && (action.command !== 'CancelElection' || step.pick % 10 === 0),
          );
          const types =
            step.mode < 12
              ? [canonical(state)]
              : step.mode < 17 && allowed.length > 0
                ? allowed.map((action) => action.command)
                : actions.map((action) => action.command);
          const type = types[step.pick % types.length]!;
          const cmd = command(type, state, dice, roll);
          let produced: readonly ElectionEvent[];
          try {
            produced = electionDecider.decide(cmd, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            // Guard codes such as NO_SHORTFALL are also given for the race a command names; status codes never are.
            const shown = nextActions(state, policyInForce(DEFAULT_RULE_POLICIES, cmd.metadata.at), cmd.metadata.at);
            if (shown.find((action) => action.command === cmd.type)?.allowed === true)
              assert(!STATUS_CODES.has(error.code), `${cmd.type} shown as allowed but refused with ${error.code}`);
            continue;
          }
          for (const event of produced) {
            invariants.observe(event);
            state = electionDecider.evolve(state, event);
          }
        }
        const order = [
          'none',
          'censusTaken',
          'requested',
          'requestApproved',
          'slateSubmitted',
          'slateApproved',
          'assemblyOpen',
          'committeeElected',
          'officersElected',
          'resultReported',
          'resultApproved',
          'installing',
          'installed',
        ];
        deepest = Math.max(deepest, order.indexOf(state.status));
        if (state.status === 'installed') installedRuns += 1;
      }),
      { numRuns: 1000 },
    );
    // The generator must reach the end of the workflow, or the properties above prove little.
    expect(deepest).toBe(12);
    expect(installedRuns).toBeGreaterThan(50);
  });
});
