import {
  DEFAULT_RULE_POLICIES,
  isDomainError,
  policyInForce,
  rulePolicyDecider,
  rulePolicyStreamName,
  rulePolicyVersions,
  type RulePolicy,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import { loadState } from '../command-handling/load-stream';

/** The bureau keeps one registry of published rule versions. */
export const RULE_POLICY_REGISTRY_ID = 'bureau';
export const RULE_POLICY_STREAM = rulePolicyStreamName(RULE_POLICY_REGISTRY_ID);

/**
 * Every rule version a command may be judged by: the built-in defaults plus every version an
 * administrator has published (read from the registry stream, so a new version applies at once).
 */
export class RulePolicies {
  constructor(private readonly store: EventStore) {}

  async versions(): Promise<readonly RulePolicy[]> {
    const state = await loadState(this.store, rulePolicyDecider, RULE_POLICY_STREAM);
    return rulePolicyVersions(DEFAULT_RULE_POLICIES, state);
  }

  async inForce(isoDate: string): Promise<RulePolicy> {
    return policyInForce(await this.versions(), isoDate);
  }

  /** The version in force on a date, or null before the first one; other failures are thrown. */
  async inForceOrNull(isoDate: string): Promise<RulePolicy | null> {
    return policyInForceOrNull(await this.versions(), isoDate);
  }
}

/** policyInForce, with "no version in force yet" as null rather than an error. */
export function policyInForceOrNull(versions: readonly RulePolicy[], isoDate: string): RulePolicy | null {
  try {
    return policyInForce(versions, isoDate);
  } catch (error) {
    if (isDomainError(error) && error.code === 'POLICY_NOT_IN_FORCE') return null;
    throw error;
  }
}
