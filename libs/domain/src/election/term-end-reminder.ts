import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { policyVersion } from '../policy/policy-in-force';
import { RulePolicy } from '../policy/rule-policy';
import { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate } from '../shared/iso-date';
import { addDays } from './calendar';
import { ElectionCommand } from './election.commands';
import { createElectionDecider, ElectionDecider } from './election.decider';
import { ElectionEvent } from './election.events';
import { ElectionState } from './election.state';

/**
 * Sent by the durable timer when a reminder before the installed term's end falls due
 * (RULES Workflow A.1: T–60 and T–30 days). A small addition beside the election decider: the
 * reminder changes nothing of the election itself, it is a record that the bureau was told.
 */
export type RemindTermEnd = DomainCommand<
  'RemindTermEnd',
  { readonly electionId: string; readonly daysBefore: number }
>;

export type TermEndReminderDue = DomainEvent<
  'TermEndReminderDue',
  {
    readonly electionId: string;
    /** The version whose reminder days applied: the one that set the term (in force on the election day). */
    readonly policyVersion: string;
    readonly at: string;
    readonly branchId: string;
    readonly termEnd: string;
    readonly daysBefore: number;
    readonly dueOn: string;
  }
>;

export interface TermEndReminder {
  readonly daysBefore: number;
  readonly dueOn: string;
  readonly termEnd: string;
}

/** Every command an election stream accepts: the workflow's, and the timer's reminder. */
export type ElectionStreamCommand = ElectionCommand | RemindTermEnd;
/** Every event an election stream holds. */
export type ElectionStreamEvent = ElectionEvent | TermEndReminderDue;
/** The election's state, with the reminders sent for its installed term. */
export type ElectionStreamState = ElectionState & { readonly termEndReminders?: readonly TermEndReminder[] };

export type ElectionStreamDecider = Decider<ElectionStreamCommand, ElectionStreamEvent, ElectionStreamState>;

/** The days before an installed term's end at which reminders fall due, per the version that set the term. */
export function termEndReminderDays(
  state: ElectionState,
  policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES,
): readonly number[] {
  if (state.status !== 'installed') return [];
  return policyVersion(policies, state.installation.termPolicyVersion).termEndReminderDays;
}

/**
 * The election decider with term-end reminders: `RemindTermEnd` is decided here, every other
 * command by the election decider unchanged; `TermEndReminderDue` only records the reminder.
 */
export function createElectionStreamDecider(
  policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES,
  election: ElectionDecider = createElectionDecider(policies),
): ElectionStreamDecider {
  return {
    initialState: () => election.initialState(),
    decide: (command, state) =>
      command.type === 'RemindTermEnd' ? remindTermEnd(command, state, policies) : election.decide(command, state),
    evolve: (state, event) => {
      if (event.type === 'TermEndReminderDue') {
        const { daysBefore, dueOn, termEnd } = event.data;
        return { ...state, termEndReminders: [...(state.termEndReminders ?? []), { daysBefore, dueOn, termEnd }] };
      }
      const next: ElectionStreamState = election.evolve(state, event);
      return state.termEndReminders === undefined ? next : { ...next, termEndReminders: state.termEndReminders };
    },
  };
}

export const electionStreamDecider: ElectionStreamDecider = createElectionStreamDecider();

function remindTermEnd(
  command: RemindTermEnd,
  state: ElectionStreamState,
  policies: readonly RulePolicy[],
): readonly ElectionStreamEvent[] {
  const on = requireCalendarDate(command.metadata.at, 'date of the reminder');
  if (state.status !== 'installed') {
    throw refuse('TERM_NOT_INSTALLED', { electionId: command.data.electionId, status: state.status });
  }
  const { termEnd, termPolicyVersion } = state.installation;
  const { daysBefore } = command.data;
  const days = termEndReminderDays(state, policies);
  if (!days.includes(daysBefore)) {
    throw refuse('REMINDER_NOT_IN_POLICY', { daysBefore, reminderDays: days, policyVersion: termPolicyVersion });
  }
  const dueOn = addDays(termEnd, -daysBefore);
  if (on < dueOn) {
    throw refuse('REMINDER_NOT_DUE', { daysBefore, termEnd, dueOn, on });
  }
  if (on > termEnd) {
    throw refuse('TERM_ALREADY_ENDED', { termEnd, on });
  }
  // Sent before (by another timer or a retry under a new id): the reminder stands, nothing to add.
  if (state.termEndReminders?.some((sent) => sent.daysBefore === daysBefore && sent.termEnd === termEnd)) return [];
  return [
    {
      type: 'TermEndReminderDue',
      data: {
        electionId: state.electionId,
        policyVersion: termPolicyVersion,
        at: command.metadata.at,
        branchId: state.branchId,
        termEnd,
        daysBefore,
        dueOn,
      },
    },
  ];
}
