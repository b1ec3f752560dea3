import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { RulePolicy } from '../policy/rule-policy';
import { rulePolicyDecider, rulePolicyVersions } from '../policy/rule-policy.decider';
import { RulePolicyEvent } from '../policy/rule-policy.events';
import { fold } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification';
import { ElectionCommand } from './election.commands';
import { createElectionDecider, electionDecider } from './election.decider';
import { confirmInstallation, history, meta, requestInstallation, TO_RESULT_APPROVED } from './election.fixtures';

/** The same election two years earlier: every date moved back, so it falls under the 3-year version. */
const twoYearsEarlier = (command: ElectionCommand): ElectionCommand =>
  JSON.parse(
    JSON.stringify(command).replaceAll('2023-', '2021-').replaceAll('2020-06-30', '2018-06-30'),
  ) as ElectionCommand;

const OLD = [...TO_RESULT_APPROVED.map(twoYearsEarlier), twoYearsEarlier(requestInstallation())];
const NEW = [...TO_RESULT_APPROVED, requestInstallation()];

const third: RulePolicy = {
  ...(DEFAULT_RULE_POLICIES[1] as RulePolicy),
  version: 'xiaoyi-2025',
  effectiveFrom: '2025-01-01',
  description: 'A later local version: 4-year terms, majority of those present, quorum 2/3.',
  termYears: 4,
  majorityBase: 'present',
  quorumNumerator: 2,
  quorumDenominator: 3,
};
const published: RulePolicyEvent[] = [
  ...rulePolicyDecider.decide(
    { type: 'PublishRulePolicy', data: { registryId: 'main', policy: third }, metadata: meta('2024-12-01') },
    rulePolicyDecider.initialState(),
  ),
];
const withThird = createElectionDecider(rulePolicyVersions(DEFAULT_RULE_POLICIES, published));

describe('Elections under versioned rule policies', () => {
  it('gives an election held under the 3-year version a 3-year term and one under the 5-year version a 5-year term', () => {
    const old = history(OLD);
    const recent = history(NEW);
    const term = (events: typeof old) => events.find((event) => event.type === 'InstallationRequested')?.data;
    expect(term(old)).toMatchObject({
      termStart: '2021-05-20',
      termEnd: '2024-05-20',
      termYears: 3,
      termPolicyVersion: '2018-10-28',
    });
    expect(term(recent)).toMatchObject({
      termStart: '2023-05-20',
      termEnd: '2028-05-20',
      termYears: 5,
      termPolicyVersion: '2022-10-22',
    });
    expect(old.every((event) => event.data.policyVersion === '2018-10-28')).toBe(true);
    expect(recent.every((event) => event.data.policyVersion === '2022-10-22')).toBe(true);
  });

  it('replays both unchanged after a third version is published, and decides their next steps by the recorded version', () => {
    for (const commands of [OLD, NEW]) {
      const events = history(commands);
      expect(fold(withThird, events)).toEqual(fold(electionDecider, events));
      // Installation confirmed later, under the third version, keeps the term of the election day.
      const before = history(commands.slice(0, -1));
      const later: ElectionCommand = { ...requestInstallation(), metadata: meta('2025-03-01') };
      const requested = withThird.decide(later, fold(withThird, before));
      expect(requested[0]).toMatchObject({
        data: { policyVersion: 'xiaoyi-2025', termYears: commands === OLD ? 3 : 5 },
      });
      const installed = withThird.decide(
        {
          ...confirmInstallation(
            (requested[0]?.type === 'InstallationRequested' ? requested[0].data.posts : []).map((post) => post.postId),
          ),
          metadata: meta('2025-03-02'),
        },
        fold(withThird, [...before, ...requested]),
      );
      expect(installed[0]?.type).toBe('ResultInstalled');
    }
  });

  it('judges a new election by the third version from its effective date', () => {
    const census = history(
      NEW.slice(0, 1).map((command) => ({ ...command, metadata: meta('2025-02-01') })),
      withThird,
    );
    expect(census[0]?.data.policyVersion).toBe('xiaoyi-2025');
  });

  it('refuses to decide a step whose recorded version is no longer configured', () => {
    const events = history(TO_RESULT_APPROVED);
    const bare = createElectionDecider([
      { ...(DEFAULT_RULE_POLICIES[0] as RulePolicy), version: 'only', effectiveFrom: '2000-01-01' },
    ]);
    deciderSpecification(bare).given(events).when(requestInstallation()).thenThrows('POLICY_VERSION_UNKNOWN');
  });
});
