import { branchShape } from '../../organisation/branch/branch-shape';
import { requireEstablishedBy } from '../../organisation/establishment';
import { conflict, refuse } from '../../shared/domain-error';
import { requireOrderedDates, requireText } from '../../shared/iso-date';
import { TakeCensus } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn } from '../election.state';
import { requireUniqueRoll } from '../guards';
import { Judge, ruleOf, stamp } from '../judge';

export function takeCensus(
  command: TakeCensus,
  state: ElectionIn<'none' | 'censusTaken'>,
  judge: Judge,
): readonly ElectionEvent[] {
  const { branchId, context } = command.data;
  if (state.status === 'censusTaken' && state.branchId !== branchId) {
    throw conflict(
      'ELECTION_BRANCH_MISMATCH',
      `Election ${state.electionId} belongs to branch ${state.branchId}, not ${branchId}; one election stream serves one branch for one term.`,
      { branchId, electionBranchId: state.branchId },
    );
  }
  if (context.branchStatus !== 'open') {
    throw refuse(
      'BRANCH_NOT_OPEN',
      `Branch ${branchId} is ${context.branchStatus === 'dissolved' ? 'dissolved' : 'not established'}; only an open branch holds an election (RULES Workflow A).`,
      { branchId, branchStatus: context.branchStatus },
    );
  }
  requireEstablishedBy(`The census opening the election`, command.metadata.at, context.established[branchId]);
  requireUniqueRoll(context.roll);
  const full = context.roll.filter((entry) => entry.membership === 'full');
  const counts = { full: full.length, probationary: context.roll.length - full.length };
  const shape = branchShape(counts, false, judge.policy);
  if (shape.belowMinimum) {
    throw refuse(
      'BRANCH_BELOW_MINIMUM',
      `Branch ${branchId} has ${counts.full} full members, fewer than the ${judge.policy.minFullMembersForBranch} a branch needs, so it goes to restructuring instead of an election (支部工作条例 ch. 2; RULES Workflow A.2, ${ruleOf(judge.policy)}).`,
      { branchId, fullMembers: counts.full, minimum: judge.policy.minFullMembersForBranch },
    );
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
