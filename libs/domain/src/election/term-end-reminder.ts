import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { RulePolicy } from '../policy/rule-policy';
import { Decider, DomainEvent } from '../shared/decider';
import { ElectionCommand } from './election.commands';
import { createElectionDecider, ElectionDecider } from './election.decider';
import { ElectionEvent } from './election.events';
import { ElectionState } from './election.state';

/**
 * A reminder recorded on the election stream before reminders had a stream of their own per
 * branch (election-reminders.ts): 60 and 30 days before the installed term's end. No longer
 * sent; kept so the streams that hold one still fold and read.
 */
export type TermEndReminderDue = DomainEvent<
  'TermEndReminderDue',
  {
    readonly electionId: string;
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

/** Every command an election stream accepts. */
export type ElectionStreamCommand = ElectionCommand;
/** Every event an election stream holds. */
export type ElectionStreamEvent = ElectionEvent | TermEndReminderDue;
/** The election's state, with the reminders once recorded for its installed term. */
export type ElectionStreamState = ElectionState & { readonly termEndReminders?: readonly TermEndReminder[] };

export type ElectionStreamDecider = Decider<ElectionStreamCommand, ElectionStreamEvent, ElectionStreamState>;

/** The election decider over the whole stream: a recorded `TermEndReminderDue` only records. */
export function createElectionStreamDecider(
  policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES,
  election: ElectionDecider = createElectionDecider(policies),
): ElectionStreamDecider {
  return {
    initialState: () => election.initialState(),
    decide: (command, state) => election.decide(command, state),
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
