import { branchShape } from '../../organisation/branch/branch-shape';
import { requireEstablishedBy } from '../../organisation/establishment';
import { refuse } from '../../shared/domain-error';
import { requireOrderedDates, requireText } from '../../shared/iso-date';
import { CommitteeHistory, TakeCensus } from '../election.commands';
import { ElectionEvent, TermNumberBasis } from '../election.events';
import { ElectionIn } from '../election.state';
import { requireUniqueRoll } from '../guards';
import { Judge, stamp } from '../judge';

export function takeCensus(
  command: TakeCensus,
  state: ElectionIn<'none' | 'censusTaken'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { branchId, context } = command.data;
  if (state.status === 'censusTaken' && state.branchId !== branchId) {
    throw refuse('ELECTION_BRANCH_MISMATCH', {
      electionId: state.electionId,
      branchId,
      electionBranchId: state.branchId,
    });
  }
  if (context.branchStatus !== 'open') {
    throw refuse('BRANCH_NOT_OPEN', { branchId, branchStatus: context.branchStatus, purpose: 'election' });
  }
  requireEstablishedBy({ kind: 'census' }, command.metadata.at, context.established[branchId]);
  requireUniqueRoll(context.roll);
  const full = context.roll.filter((entry) => entry.membership === 'full');
  const counts = { full: full.length, probationary: context.roll.length - full.length };
  const shape = branchShape(counts, false, judge.policy);
  if (shape.belowMinimum) {
    throw refuse('BRANCH_BELOW_MINIMUM', {
      branchId,
      fullMembers: counts.full,
      minimum: judge.policy.minFullMembersForBranch,
      policyVersion: judge.policy.version,
    });
  }
  const currentTerm = context.currentTerm;
  if (currentTerm !== null) {
    requireOrderedDates(currentTerm.start, currentTerm.end, 'current term');
  }
  const history = context.committeeHistory ?? {
    lastTermNumber: null,
    committeesOnRecord: currentTerm === null ? 0 : 1,
  };
  const term = termNumberOf(command.data.termNumber, history);
  return [
    {
      type: 'CensusTaken',
      data: {
        ...stamp(command.data.electionId, judge),
        branchId,
        fullMembers: counts.full,
        probationaryMembers: counts.probationary,
        suspendedMembers: full.filter((entry) => entry.suspension !== null).length,
        committeeRequired: shape.committeeRequired,
        overSize: shape.overSize,
        currentTerm,
        committeeWorking: requireText(command.data.committeeWorking, 'account of how the committee works'),
        secretarySituation: requireText(command.data.secretarySituation, "account of the secretary's situation"),
        notes: command.data.notes?.trim() || null,
        termNumber: term.number,
        termNumberBasis: term.basis,
      },
    },
  ];
}

/**
 * The 届次 the election elects: one past the last installed election's when it recorded one (a
 * clerk may only repeat it), else one past the committees on record, which a clerk may raise
 * (never lower) where the branch's history before this system is longer than its record.
 */
export function termNumberOf(
  stated: number | undefined,
  history: CommitteeHistory,
): { readonly number: number; readonly basis: TermNumberBasis } {
  const last = history.lastTermNumber;
  const fromElection = last !== null;
  const counted = last !== null ? last + 1 : history.committeesOnRecord + 1;
  if (stated === undefined) return { number: counted, basis: fromElection ? 'previousElection' : 'committeesOnRecord' };
  if (!Number.isInteger(stated) || (fromElection ? stated !== counted : stated < counted)) {
    throw refuse('TERM_NUMBER_CONFLICT', {
      stated,
      counted,
      basis: fromElection ? 'previousElection' : 'committeesOnRecord',
    });
  }
  return { number: stated, basis: fromElection ? 'previousElection' : 'stated' };
}
