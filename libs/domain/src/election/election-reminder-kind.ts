/**
 * The three reminders the superior is sent about a branch's term: before its end (6 and 3
 * months, as the rule version says), monthly once it is overdue, and monthly while no term end
 * is recorded. Apart from election-reminders.ts so that the refusals can name a kind without
 * depending on the reminders' rules.
 */
export type ElectionReminderKind = 'beforeTermEnd' | 'overdue' | 'noTerm';

export const ELECTION_REMINDER_KINDS: readonly ElectionReminderKind[] = ['beforeTermEnd', 'overdue', 'noTerm'];
