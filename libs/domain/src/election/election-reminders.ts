import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { policyInForce } from '../policy/policy-in-force';
import { RulePolicy } from '../policy/rule-policy';
import { BranchStatusFact } from '../organisation/organisation-facts';
import { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { refuse } from '../shared/domain-error';
import { requireCalendarDate } from '../shared/iso-date';
import { addDays, addMonths } from './calendar';

/**
 * Reminders to the superior (上级党组织) that a branch's election is coming or late, as practice
 * has them (docs/rules.md §5.3): some months before the installed term ends (six and three),
 * every month once it has ended with no newer term installed, and every month for a branch with
 * no recorded term end at all. The months are policy data; each reminder falls due on a day,
 * is recorded once, and is kept on a stream of its own per branch (`reminders-…`), so it moves
 * neither the branch's nor an election's revision.
 */
import type { ElectionReminderKind } from './election-reminder-kind';

export { ELECTION_REMINDER_KINDS, type ElectionReminderKind } from './election-reminder-kind';

/** What the reminders of a branch depend on, looked up by the handler. */
export interface ElectionReminderFacts {
  readonly branchStatus: BranchStatusFact;
  /** The day the branch was established (null when it is not found). */
  readonly establishedOn: string | null;
  /**
   * The branch's current term as recorded: the one its latest installed election set (with that
   * election), else the one its elected officers in office began (no election); null when none is.
   */
  readonly term: { readonly electionId: string | null; readonly end: string } | null;
}

/** One reminder that has fallen due. */
export interface DueElectionReminder {
  readonly kind: ElectionReminderKind;
  readonly dueOn: string;
  readonly termEnd: string | null;
  readonly electionId: string | null;
  /** `beforeTermEnd`: how many months before the term's end. */
  readonly monthsBefore: number | null;
}

/**
 * The reminders due on `on`, at most one per kind: the latest due date of its series on or
 * before `on`. A reminder missed while nothing ran is thereby replaced by the next, never sent
 * late in a backlog; a dissolved branch is reminded of nothing.
 */
export function electionRemindersDue(
  facts: ElectionReminderFacts,
  policy: RulePolicy,
  on: string,
): DueElectionReminder[] {
  if (facts.branchStatus !== 'open') return [];
  const { term } = facts;
  if (term !== null && on <= term.end) {
    const due = policy.termEndReminderMonths
      .map((monthsBefore) => ({ monthsBefore, dueOn: addMonths(term.end, -monthsBefore) }))
      .filter(({ dueOn }) => dueOn <= on)
      .sort((a, b) => b.dueOn.localeCompare(a.dueOn))[0];
    return due ? [{ kind: 'beforeTermEnd', termEnd: term.end, electionId: term.electionId, ...due }] : [];
  }
  if (term !== null) {
    // Overdue from the day after the term's last day, then every N months from that day.
    const dueOn = latestOfSeries(addDays(term.end, 1), policy.overdueReminderEveryMonths, on, 0);
    return dueOn === null
      ? []
      : [{ kind: 'overdue', dueOn, termEnd: term.end, electionId: term.electionId, monthsBefore: null }];
  }
  if (facts.establishedOn === null) return [];
  // No term recorded: every N months from the establishment, the first N months after it.
  const dueOn = latestOfSeries(facts.establishedOn, policy.noTermReminderEveryMonths, on, 1);
  return dueOn === null ? [] : [{ kind: 'noTerm', dueOn, termEnd: null, electionId: null, monthsBefore: null }];
}

/** The latest `addMonths(anchor, k × every)` on or before `on`, for k ≥ `first`; null when none is. */
function latestOfSeries(anchor: string, every: number, on: string, first: number): string | null {
  const [ay, am] = anchor.split('-').map(Number) as [number, number];
  const [oy, om] = on.split('-').map(Number) as [number, number];
  // Each step counted from the anchor, not from the step before: 31 January stays the month's end.
  let k = Math.floor(((oy - ay) * 12 + (om - am)) / every) + 1;
  while (k >= first && addMonths(anchor, k * every) > on) k -= 1;
  return k >= first ? addMonths(anchor, k * every) : null;
}

export type SendElectionReminder = DomainCommand<
  'SendElectionReminder',
  {
    readonly branchId: string;
    readonly kind: ElectionReminderKind;
    readonly dueOn: string;
    readonly context: ElectionReminderFacts;
  }
>;

export type ElectionReminderSent = DomainEvent<
  'ElectionReminderSent',
  {
    readonly branchId: string;
    readonly kind: ElectionReminderKind;
    readonly dueOn: string;
    readonly termEnd: string | null;
    readonly electionId: string | null;
    readonly monthsBefore: number | null;
    /** The version whose reminder months applied: the one in force on the day it fell due. */
    readonly policyVersion: string;
    readonly at: string;
  }
>;

export type ElectionReminderEvent = ElectionReminderSent;

export interface ElectionRemindersState {
  readonly sent: readonly {
    readonly kind: ElectionReminderKind;
    readonly dueOn: string;
    readonly termEnd: string | null;
  }[];
}

export type ElectionRemindersDecider = Decider<SendElectionReminder, ElectionReminderEvent, ElectionRemindersState>;

export const electionRemindersStreamName = (branchId: string): string => `reminders-${branchId}`;

export function createElectionRemindersDecider(
  policies: readonly RulePolicy[] = DEFAULT_RULE_POLICIES,
): ElectionRemindersDecider {
  return {
    initialState: () => ({ sent: [] }),
    evolve: (state, event) => ({
      sent: [...state.sent, { kind: event.data.kind, dueOn: event.data.dueOn, termEnd: event.data.termEnd }],
    }),
    decide: (command, state) => {
      const on = requireCalendarDate(command.metadata.at, 'date of the reminder');
      const { branchId, kind, dueOn, context } = command.data;
      const policy = policyInForce(policies, on);
      const due = electionRemindersDue(context, policy, on).find(
        (reminder) => reminder.kind === kind && reminder.dueOn === dueOn,
      );
      if (due === undefined) throw refuse('REMINDER_NOT_DUE', { branchId, kind, dueOn, on });
      // Sent before (a retry under another id, a second process): the reminder stands.
      if (state.sent.some((sent) => sent.kind === kind && sent.dueOn === dueOn && sent.termEnd === due.termEnd)) {
        return [];
      }
      return [
        {
          type: 'ElectionReminderSent',
          data: {
            branchId,
            kind,
            dueOn,
            termEnd: due.termEnd,
            electionId: due.electionId,
            monthsBefore: due.monthsBefore,
            policyVersion: policy.version,
            at: command.metadata.at,
          },
        },
      ];
    },
  };
}

/** The decider with the built-in policies: enough to fold a stream, which needs none. */
export const electionRemindersDecider: ElectionRemindersDecider = createElectionRemindersDecider();
