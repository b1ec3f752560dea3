import { refuse } from '../shared/domain-error';
import { ElectionCommand } from './election.commands';
import { ElectionState, isStarted } from './election.state';

/**
 * Refuses a step dated before what it follows. The assembly elects from the approved slate, so
 * it cannot precede the superior's consent (named by its own date); and every act on the
 * election, whichever it is, is dated on or after the latest act already recorded, so the file
 * reads in the order things happened (the same day is allowed). Without this an assembly could be
 * recorded before its slate was approved, and reports would show results before their causes.
 */
export function requireDatedInOrder(command: ElectionCommand, state: ElectionState, on: string): void {
  if (!isStarted(state)) return;
  if (command.type === 'ConveneMembersAssembly' && 'slateApproval' in state) {
    const slateApprovedOn = state.slateApproval.approvedOn;
    if (on < slateApprovedOn) throw refuse('ASSEMBLY_BEFORE_SLATE_APPROVAL', { assemblyOn: on, slateApprovedOn });
  }
  if (on < state.lastActOn) {
    throw refuse('ELECTION_STEP_BEFORE_PREVIOUS', {
      command: command.type,
      status: state.status,
      date: on,
      previousOn: state.lastActOn,
    });
  }
}
