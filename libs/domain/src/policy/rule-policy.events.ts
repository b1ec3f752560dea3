import { DomainEvent } from '../shared/decider';
import { RulePolicy } from './rule-policy';

/** The whole version is recorded, so auditors see every parameter as it was published. */
export type RulePolicyPublished = DomainEvent<
  'RulePolicyPublished',
  { readonly registryId: string; readonly policy: RulePolicy; readonly at: string }
>;

/** The reminder parameters as schema 4 recorded them: days before a term's end, none after it. */
export type RulePolicyV4 = Omit<
  RulePolicy,
  'termEndReminderMonths' | 'overdueReminderEveryMonths' | 'noTermReminderEveryMonths'
> & { readonly termEndReminderDays: readonly number[] };

/**
 * Schema 4: reminders were days before a term's end (60 and 30), with none once it had ended or
 * for a branch with no term recorded. Kept for the upcaster that reads it as months.
 */
export type RulePolicyPublishedV4 = DomainEvent<
  'RulePolicyPublished',
  { readonly registryId: string; readonly policy: RulePolicyV4; readonly at: string }
>;

/** The parameters added in schema 4: the secretary's party standing, odd seats, who is no voter. */
export type RulePolicyV4Parameters =
  | 'secretaryMinPartyStandingYears'
  | 'secretaryPartyStandingShortfall'
  | 'committeeSeatsOdd'
  | 'suspensionsWithoutVote'
  | 'dueVoterExclusionReasons';

/** The parameters as schema 3 recorded them, before the schema 4 parameters. */
export type RulePolicyV3 = Omit<RulePolicyV4, RulePolicyV4Parameters>;

/**
 * Schema 3: published before the secretary's party standing, odd committee seats and the newer
 * non-voter categories were parameters. Kept for the upcaster that reads it as schema 4.
 */
export type RulePolicyPublishedV3 = DomainEvent<
  'RulePolicyPublished',
  { readonly registryId: string; readonly policy: RulePolicyV3; readonly at: string }
>;

/** The parameters as schema 2 recorded them: the shift limit in days (365 meaning one year). */
export type RulePolicyV2 = Omit<RulePolicyV3, 'electionShiftLimitMonths'> & { readonly electionShiftLimitDays: number };

/**
 * Schema 2: the shift limit was a number of days, which made 2023-09-01 → 2024-09-01 (366 days
 * across 29 February) more than "one year". Kept for the upcaster that reads it as months.
 */
export type RulePolicyPublishedV2 = DomainEvent<
  'RulePolicyPublished',
  { readonly registryId: string; readonly policy: RulePolicyV2; readonly at: string }
>;

/**
 * Schema 1: published before the joining age (`minimumPartyJoiningAge`) was a parameter. Kept for
 * the upcaster that reads it as the current shape.
 */
export type RulePolicyPublishedV1 = DomainEvent<
  'RulePolicyPublished',
  {
    readonly registryId: string;
    readonly policy: Omit<RulePolicyV2, 'minimumPartyJoiningAge'>;
    readonly at: string;
  }
>;

export type RulePolicyEvent = RulePolicyPublished;
