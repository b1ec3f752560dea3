import { requireText } from '../../shared/iso-date';
import { CancelElection } from '../election.commands';
import { ElectionEvent } from '../election.events';
import { ElectionIn } from '../election.state';
import { StatusesFor } from '../election.transitions';
import { Judge, stamp } from '../judge';

export function cancel(
  command: CancelElection,
  state: ElectionIn<StatusesFor<'CancelElection'>>,
  judge: Judge,
): readonly ElectionEvent[] {
  return [
    {
      type: 'ElectionCancelled',
      data: {
        ...stamp(state.electionId, judge),
        reason: requireText(command.data.reason, 'reason for cancelling', 'REASON_REQUIRED'),
        cancelledInStatus: state.status,
      },
    },
  ];
}
