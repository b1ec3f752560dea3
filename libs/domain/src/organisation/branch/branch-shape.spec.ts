import { DEFAULT_RULE_POLICIES } from '../../policy/default-rule-policies';
import { policyInForce } from '../../policy/policy-in-force';
import { branchShape } from './branch-shape';

const policy = policyInForce(DEFAULT_RULE_POLICIES, '2023-01-01');

describe('branchShape', () => {
  it('flags fewer than 3 full members as below minimum, counting full members only', () => {
    expect(branchShape({ full: 2, probationary: 5 }, false, policy).belowMinimum).toBe(true);
    expect(branchShape({ full: 3, probationary: 0 }, false, policy).belowMinimum).toBe(false);
  });

  it('requires a committee from 7 full members, and an election while there is none', () => {
    expect(branchShape({ full: 6, probationary: 3 }, false, policy)).toMatchObject({
      committeeRequired: false,
      electionRequired: false,
    });
    expect(branchShape({ full: 7, probationary: 0 }, false, policy)).toMatchObject({
      committeeRequired: true,
      electionRequired: true,
    });
    expect(branchShape({ full: 7, probationary: 0 }, true, policy)).toMatchObject({
      committeeRequired: true,
      electionRequired: false,
    });
  });

  it('warns above 50 members, counting probationary members too', () => {
    expect(branchShape({ full: 45, probationary: 5 }, true, policy).overSize).toBe(false);
    expect(branchShape({ full: 45, probationary: 6 }, true, policy).overSize).toBe(true);
  });

  it('names the policy version it judged by, and follows a configured threshold', () => {
    expect(
      branchShape({ full: 5, probationary: 0 }, false, {
        ...policy,
        version: 'local',
        committeeRequiredFromFullMembers: 5,
      }),
    ).toEqual({
      belowMinimum: false,
      committeeRequired: true,
      electionRequired: true,
      overSize: false,
      policyVersion: 'local',
    });
  });
});
