import { invalid, notFound } from '../shared/domain-error';
import { calendarDateOf } from '../shared/iso-date';
import { RulePolicy } from './rule-policy';

/**
 * The version that governs an act on `isoDate` (a date or an ISO date-time, read on its own
 * calendar date): the one whose `effectiveFrom` is the latest on or before that date.
 */
export function policyInForce(versions: readonly RulePolicy[], isoDate: string): RulePolicy {
  const date = calendarDateOf(isoDate);
  if (date === undefined) {
    throw invalid(
      'INVALID_DATE',
      `The date "${isoDate}" is not an ISO date, so no rule version can be chosen for it.`,
      { value: isoDate },
    );
  }
  const candidates = versions.filter((policy) => policy.effectiveFrom <= date);
  const latest = candidates.reduce<RulePolicy | undefined>(
    (best, policy) => (best === undefined || policy.effectiveFrom > best.effectiveFrom ? policy : best),
    undefined,
  );
  if (latest === undefined) {
    throw notFound(
      'POLICY_NOT_IN_FORCE',
      `No rule policy was in force on ${date}; every act must be judged by a policy version effective on or before its date.`,
      {
        date,
        earliest: versions.map((policy) => policy.effectiveFrom).sort()[0] ?? null,
      },
    );
  }
  const rivals = candidates.filter((policy) => policy.effectiveFrom === latest.effectiveFrom);
  if (rivals.length > 1) {
    throw invalid(
      'POLICY_AMBIGUOUS',
      `Policy versions ${rivals.map((p) => p.version).join(', ')} all take effect on ${latest.effectiveFrom}; exactly one version may govern a given date.`,
      {
        versions: rivals.map((policy) => policy.version),
      },
    );
  }
  return latest;
}

/** The version an event recorded, for replays that must judge by the rules then in force. */
export function policyVersion(versions: readonly RulePolicy[], version: string): RulePolicy {
  const found = versions.find((policy) => policy.version === version);
  if (found === undefined) {
    throw notFound(
      'POLICY_VERSION_UNKNOWN',
      `Rule policy version ${version} is not configured; a recorded decision can only be replayed against the version it names.`,
      {
        version,
      },
    );
  }
  return found;
}
