import { refuse } from '../shared/domain-error';
import { calendarDateOf } from '../shared/iso-date';
import { RulePolicy } from './rule-policy';

/**
 * The version that governs an act on `isoDate` (a date or an ISO date-time, read on its own
 * calendar date): the one whose `effectiveFrom` is the latest on or before that date.
 */
export function policyInForce(versions: readonly RulePolicy[], isoDate: string): RulePolicy {
  const date = calendarDateOf(isoDate);
  if (date === undefined) {
    throw refuse('INVALID_DATE', { value: isoDate });
  }
  const candidates = versions.filter((policy) => policy.effectiveFrom <= date);
  const latest = candidates.reduce<RulePolicy | undefined>(
    (best, policy) => (best === undefined || policy.effectiveFrom > best.effectiveFrom ? policy : best),
    undefined,
  );
  if (latest === undefined) {
    throw refuse('POLICY_NOT_IN_FORCE', {
      date,
      earliest: versions.map((policy) => policy.effectiveFrom).sort()[0] ?? null,
    });
  }
  const rivals = candidates.filter((policy) => policy.effectiveFrom === latest.effectiveFrom);
  if (rivals.length > 1) {
    throw refuse('POLICY_AMBIGUOUS', {
      versions: rivals.map((policy) => policy.version),
      effectiveFrom: latest.effectiveFrom,
    });
  }
  return latest;
}

/** The version an event recorded, for replays that must judge by the rules then in force. */
export function policyVersion(versions: readonly RulePolicy[], version: string): RulePolicy {
  const found = versions.find((policy) => policy.version === version);
  if (found === undefined) {
    throw refuse('POLICY_VERSION_UNKNOWN', { version });
  }
  return found;
}
