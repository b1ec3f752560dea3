import { RulePolicy } from '../policy/rule-policy';

/** What every step judges by: the policy in force on the act's date, and that date. */
export interface Judge {
  readonly policy: RulePolicy;
  readonly policies: readonly RulePolicy[];
  /** Calendar date of the act. */
  readonly on: string;
  readonly at: string;
}

/** Every event records which election, under which policy version, and when. */
export function stamp(electionId: string, judge: Judge): { electionId: string; policyVersion: string; at: string } {
  return { electionId, policyVersion: judge.policy.version, at: judge.at };
}
