import {
  DEFAULT_RULE_POLICIES,
  policyInForce,
  type CandidateSlateSubmittedV1,
  type CensusTakenV1,
  type ElectionRequestedV1,
  type RulePolicy,
  type RulePolicyPublishedV1,
  type RulePolicyPublishedV2,
  type RulePolicyPublishedV3,
  type RulePolicyPublishedV4,
  type RulePolicyV3,
  type RulePolicyV4,
} from '@app/domain';
import { UpcasterRegistry, type JsonObject, type Upcaster } from '@app/event-store';

/**
 * RulePolicyPublished v1 → v2: a version published before the joining age was a parameter
 * governed with the age the built-in rules had on its effective date (the constitution's 18).
 */
const rulePolicyPublishedV1: Upcaster = {
  type: 'RulePolicyPublished',
  fromVersion: 1,
  upcast(event) {
    const data = event.data as unknown as RulePolicyPublishedV1['data'];
    const builtIn = policyInForce(DEFAULT_RULE_POLICIES, data.policy.effectiveFrom);
    const policy = { minimumPartyJoiningAge: builtIn.minimumPartyJoiningAge, ...data.policy };
    return { ...event, schemaVersion: 2, data: { ...data, policy } as unknown as JsonObject };
  },
};

/**
 * RulePolicyPublished v2 → v3: the shift limit in days becomes calendar months. 365 days was how
 * "one year" was written, so it reads as 12 months; any other count reads as the nearest whole
 * number of months (a 365-day year is 12 of them), never more generous by more than half a month.
 */
const rulePolicyPublishedV2: Upcaster = {
  type: 'RulePolicyPublished',
  fromVersion: 2,
  upcast(event) {
    const data = event.data as unknown as RulePolicyPublishedV2['data'];
    const { electionShiftLimitDays, ...rest } = data.policy;
    const policy: RulePolicyV3 = { ...rest, electionShiftLimitMonths: Math.round((electionShiftLimitDays * 12) / 365) };
    return { ...event, schemaVersion: 3, data: { ...data, policy } as unknown as JsonObject };
  },
};

/**
 * RulePolicyPublished v3 → v4: a version published before the secretary's party standing, odd
 * committee seats and the newer non-voter categories (停止党籍; 流动党员 on their own application)
 * were parameters governs them as the built-in version in force on its effective date does, as
 * the joining age was read in (v1 → v2): these rules come from the regulations, not the bureau.
 */
const rulePolicyPublishedV3: Upcaster = {
  type: 'RulePolicyPublished',
  fromVersion: 3,
  upcast(event) {
    const data = event.data as unknown as RulePolicyPublishedV3['data'];
    const builtIn = policyInForce(DEFAULT_RULE_POLICIES, data.policy.effectiveFrom);
    const policy: RulePolicyV4 = {
      secretaryMinPartyStandingYears: builtIn.secretaryMinPartyStandingYears,
      secretaryPartyStandingShortfall: builtIn.secretaryPartyStandingShortfall,
      committeeSeatsOdd: builtIn.committeeSeatsOdd,
      suspensionsWithoutVote: builtIn.suspensionsWithoutVote,
      dueVoterExclusionReasons: builtIn.dueVoterExclusionReasons,
      ...data.policy,
    };
    return { ...event, schemaVersion: 4, data: { ...data, policy } as unknown as JsonObject };
  },
};

/**
 * RulePolicyPublished v4 → v5: reminders before a term's end in days become calendar months, each
 * the nearest whole number of months and at least one (60 and 30 days read as 2 and 1); the
 * reminders once a term has ended and for a branch with no term, which a version published
 * before them did not set, are those the built-in rules had on its effective date (monthly).
 */
const rulePolicyPublishedV4: Upcaster = {
  type: 'RulePolicyPublished',
  fromVersion: 4,
  upcast(event) {
    const data = event.data as unknown as RulePolicyPublishedV4['data'];
    const { termEndReminderDays, ...rest } = data.policy;
    const builtIn = policyInForce(DEFAULT_RULE_POLICIES, data.policy.effectiveFrom);
    const months = termEndReminderDays.map((days) => Math.max(1, Math.round((days * 12) / 365)));
    const policy: RulePolicy = {
      ...rest,
      termEndReminderMonths: [...new Set(months)],
      overdueReminderEveryMonths: builtIn.overdueReminderEveryMonths,
      noTermReminderEveryMonths: builtIn.noTermReminderEveryMonths,
    };
    return { ...event, schemaVersion: 5, data: { ...data, policy } as unknown as JsonObject };
  },
};

/**
 * CensusTaken v1 → v2: a census recorded before the 届次 was counted says nothing of it. Its
 * number cannot be inferred here (an upcaster sees one event, the count needs the branch's other
 * elections), so it reads as not recorded: `termNumber: null`.
 */
const censusTakenV1: Upcaster = {
  type: 'CensusTaken',
  fromVersion: 1,
  upcast(event) {
    const data = event.data as unknown as CensusTakenV1['data'];
    return {
      ...event,
      schemaVersion: 2,
      data: { ...data, termNumber: null, termNumberBasis: null },
    };
  },
};

/** CandidateSlateSubmitted v1 → v2: a slate recorded before slates carried warnings carries none. */
const candidateSlateSubmittedV1: Upcaster = {
  type: 'CandidateSlateSubmitted',
  fromVersion: 1,
  upcast(event) {
    const data = event.data as unknown as CandidateSlateSubmittedV1['data'];
    return { ...event, schemaVersion: 2, data: { ...data, warnings: [] } as unknown as JsonObject };
  },
};

/** ElectionRequested v1 → v2: a request recorded before its 文号 was asked carries none. */
const electionRequestedV1: Upcaster = {
  type: 'ElectionRequested',
  fromVersion: 1,
  upcast(event) {
    const data = event.data as unknown as ElectionRequestedV1['data'];
    return { ...event, schemaVersion: 2, data: { ...data, requestReference: null } as unknown as JsonObject };
  },
};

/**
 * Every upcaster the product has ever needed, oldest shapes first. When an event's data changes
 * shape, keep the old shape's type beside the new one, add the upcaster here, and give it a
 * round-trip test; handlers then write the new version (`currentSchemaVersion`). Stored events
 * are never rewritten.
 */
export const UPCASTERS: readonly Upcaster[] = [
  rulePolicyPublishedV1,
  rulePolicyPublishedV2,
  rulePolicyPublishedV3,
  rulePolicyPublishedV4,
  censusTakenV1,
  electionRequestedV1,
  candidateSlateSubmittedV1,
];

export function productUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry(UPCASTERS);
}

/** The schema version an event type is written with now: one past the last shape upcast from. */
export function currentSchemaVersion(type: string): number {
  return UPCASTERS.filter((upcaster) => upcaster.type === type).reduce(
    (version, upcaster) => Math.max(version, upcaster.fromVersion + 1),
    1,
  );
}
