import { assertNever } from '../shared/decider';
import { calendarDateOf } from '../shared/iso-date';
import { ElectionEvent } from './election.events';
import { ElectionIn, ElectionState, isStarted, Nominations, openedPart } from './election.state';
import { hasUnusedApproval } from './election-statuses';
import { afterCount, resolveShortfall, updateRace } from './evolve-race';

const EMPTY_NOMINATIONS = { recommendations: [], nominees: [], vettings: [], consultations: [] } as const;

/** Folds one event, and remembers the date of the latest act so the next one cannot precede it. */
export function evolveElection(state: ElectionState, event: ElectionEvent): ElectionState {
  const next = evolveStep(state, event);
  if (!isStarted(next)) return next;
  const on = calendarDateOf(event.data.at) ?? next.lastActOn;
  return on > next.lastActOn ? { ...next, lastActOn: on } : next;
}

function evolveStep(state: ElectionState, event: ElectionEvent): ElectionState {
  switch (event.type) {
    case 'CensusTaken': {
      const { electionId, branchId, policyVersion: version, currentTerm } = event.data;
      const census = {
        fullMembers: event.data.fullMembers,
        probationaryMembers: event.data.probationaryMembers,
        suspendedMembers: event.data.suspendedMembers,
        committeeRequired: event.data.committeeRequired,
        overSize: event.data.overSize,
        currentTerm,
        policyVersion: version,
        termNumber: event.data.termNumber,
        termNumberBasis: event.data.termNumberBasis,
      };
      if (state.status === 'none') {
        const lastActOn = calendarDateOf(event.data.at) ?? event.data.at;
        return { status: 'censusTaken', electionId, branchId, census, dueDate: currentTerm?.end ?? null, lastActOn };
      }
      if (state.status !== 'censusTaken') return state;
      const shifted = state.dueDate !== (state.census.currentTerm?.end ?? null);
      return { ...state, census, dueDate: shifted ? state.dueDate : (currentTerm?.end ?? null) };
    }
    case 'ElectionRequested':
      if (state.status !== 'censusTaken' && state.status !== 'approvalLapsed') return state;
      return {
        ...openedPart(state),
        status: 'requested',
        request: {
          plannedDate: event.data.plannedDate,
          committee: event.data.committee,
          committeeSeats: event.data.committeeSeats,
          deputySecretary: event.data.deputySecretary,
          minimumCommitteeCandidates: event.data.minimumCommitteeCandidates,
          requestedOn: event.data.at.slice(0, 10),
          requestReference: event.data.requestReference,
        },
      };
    case 'ElectionRequestApproved':
      if (state.status !== 'requested') return state;
      return {
        ...state,
        status: 'requestApproved',
        approval: {
          approvalReference: event.data.approvalReference,
          approvedOn: event.data.approvedOn,
          lapsesOn: event.data.lapsesOn,
        },
        nominations: EMPTY_NOMINATIONS,
      };
    case 'ApprovalLapsed':
      if (!hasUnusedApproval(state)) return state;
      return { ...openedPart(state), status: 'approvalLapsed', request: state.request, lapsedApproval: state.approval };
    case 'ElectionPostponed':
    case 'ElectionBroughtForward':
      return isStarted(state) ? { ...state, dueDate: event.data.newDate } : state;
    case 'CandidateRecommended':
      if (state.status !== 'requestApproved') return state;
      return withNomination(state, 'recommendations', {
        nominee: event.data.nominee,
        forPost: event.data.forPost,
        recommendedBy: event.data.recommendedBy,
      });
    case 'CandidateNominated':
      if (state.status !== 'requestApproved') return state;
      return withNomination(state, 'nominees', {
        nominee: event.data.nominee,
        forPost: event.data.forPost,
        nominatedBy: event.data.nominatedBy,
      });
    case 'CandidateVetted':
      if (state.status !== 'requestApproved' && state.status !== 'slateSubmitted') return state;
      return withNomination(state, 'vettings', {
        nominee: event.data.nominee,
        method: event.data.method,
        on: event.data.on,
      });
    case 'CommunityConsulted':
      if (state.status !== 'requestApproved' && state.status !== 'slateSubmitted') return state;
      return withNomination(state, 'consultations', { nominee: event.data.nominee, community: event.data.community });
    case 'CandidateSlateSubmitted':
      if (state.status !== 'requestApproved' && state.status !== 'slateSubmitted') return state;
      return {
        ...state,
        status: 'slateSubmitted',
        slate: {
          committeeCandidates: event.data.committeeCandidates,
          secretaryCandidates: event.data.secretaryCandidates,
          deputySecretaryCandidates: event.data.deputySecretaryCandidates,
        },
      };
    case 'CandidateSlateApproved':
      if (state.status !== 'slateSubmitted') return state;
      return {
        ...state,
        status: 'slateApproved',
        slateApproval: { approvalReference: event.data.approvalReference, approvedOn: event.data.approvedOn },
      };
    case 'MembersAssemblyConvened':
      if (state.status !== 'slateApproved') return state;
      return {
        ...state,
        status: 'assemblyOpen',
        assembly: {
          date: event.data.at.slice(0, 10),
          policyVersion: event.data.policyVersion,
          roll: event.data.roll,
          exclusions: event.data.exclusions,
          dueVoters: event.data.dueVoters,
          presentVoters: event.data.presentVoters,
          nonVotingAttendees: event.data.nonVotingAttendees,
          concurrentPostHolders: event.data.concurrentPostHolders,
          scrutineers: event.data.scrutineers,
          tellers: event.data.tellers,
        },
        races: event.data.races.map((setup) => ({
          phase: 'awaitingBallots',
          race: setup.race,
          seats: setup.seats,
          slateCandidates: setup.candidates,
          elected: [],
          rounds: [],
          counts: [],
          nextRoundNo: 2,
          round: { roundNo: 1, kind: 'regular', candidates: setup.candidates, seats: setup.seats },
        })),
        seatReductions: [],
      };
    case 'BallotsRecorded':
      return updateRace(state, event.data.race, (race) =>
        race.phase === 'awaitingBallots'
          ? { ...race, phase: 'awaitingCount', recorded: event.data, rounds: [...race.rounds, event.data] }
          : race,
      );
    case 'BallotRoundVoided':
      return updateRace(state, event.data.race, (race) =>
        race.phase === 'awaitingBallots'
          ? { ...race, round: { ...race.round, roundNo: race.nextRoundNo }, nextRoundNo: race.nextRoundNo + 1 }
          : race,
      );
    case 'BallotsCounted':
      return updateRace(state, event.data.race, (race) => afterCount(race, event.data));
    case 'SupplementaryBallotHeld':
      return resolveShortfall(state, event.data.race, (rest) => ({
        ...rest,
        phase: 'awaitingBallots',
        round: {
          roundNo: event.data.roundNo,
          kind: 'supplementary',
          candidates: event.data.candidates,
          seats: event.data.seats,
        },
        nextRoundNo: event.data.roundNo + 1,
      }));
    case 'SeatsReduced': {
      const next = resolveShortfall(state, event.data.race, (rest) => ({
        ...rest,
        phase: 'complete',
        seats: event.data.toSeats,
      }));
      return next.status === 'assemblyOpen' || next.status === 'committeeElected'
        ? { ...next, seatReductions: [...next.seatReductions, event.data] }
        : next;
    }
    case 'OfficersElected':
      if (state.status !== 'committeeElected' && state.status !== 'assemblyOpen') return state;
      return {
        ...state,
        status: 'officersElected',
        officers: {
          electedBy: event.data.electedBy,
          chair: event.data.chair,
          secretary: event.data.secretary,
          deputySecretary: event.data.deputySecretary,
          scrutineers: event.data.scrutineers,
          duties: event.data.duties,
        },
      };
    case 'ElectionResultReported':
      if (state.status !== 'officersElected') return state;
      return {
        ...state,
        status: 'resultReported',
        report: { reportReference: event.data.reportReference, deviations: event.data.deviations },
      };
    case 'ElectionResultApproved': {
      if (state.status !== 'resultReported') return state;
      const { electionId: _id, policyVersion: _version, at: _at, ...resultApproval } = event.data;
      return { ...state, status: 'resultApproved', resultApproval };
    }
    case 'InstallationRequested':
      if (state.status !== 'resultApproved') return state;
      return {
        ...state,
        status: 'installing',
        installation: {
          posts: event.data.posts,
          termStart: event.data.termStart,
          termEnd: event.data.termEnd,
          termYears: event.data.termYears,
          termPolicyVersion: event.data.termPolicyVersion,
        },
      };
    case 'ResultInstalled':
      if (state.status !== 'installing') return state;
      return { ...state, status: 'installed', installedAt: event.data.at };
    case 'ElectionCancelled':
      if (!isStarted(state)) return state;
      return {
        status: 'cancelled',
        electionId: state.electionId,
        branchId: state.branchId,
        reason: event.data.reason,
        cancelledInStatus: event.data.cancelledInStatus,
        cancelledAt: event.data.at,
      };
    default:
      return assertNever(event);
  }
}

/** Records one more recommendation, nomination, vetting or consultation while candidates are being gathered. */
function withNomination<K extends keyof Nominations>(
  state: ElectionIn<'requestApproved' | 'slateSubmitted'>,
  list: K,
  entry: Nominations[K][number],
): ElectionState {
  const nominations: Nominations = { ...state.nominations, [list]: [...state.nominations[list], entry] };
  return { ...state, nominations };
}
