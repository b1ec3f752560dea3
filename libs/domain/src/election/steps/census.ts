import { branchShape } from '../../organisation/branch/branch-shape';
import { requireEstablishedBy } from '../../organisation/establishment';
import { refuse } from '../../shared/domain-error';
import { requireOrderedDates, requireText } from '../../shared/iso-date';
import { TakeCensus } from '../election.commands';
import { ElectionEvent } from '../election.events';
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
      },
    },
  ];
}
