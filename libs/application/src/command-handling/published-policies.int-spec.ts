import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { branchStreamName, DEFAULT_RULE_POLICIES, policyInForce } from '@app/domain';
import {
  BRANCH,
  Commands,
  openElectionRuntime,
  prepareBranch,
  type ElectionRuntime,
} from '../election/election.fixture';
import { ExecuteRulePolicyCommand, RulePolicyCommandHandler } from '../policy-publication/rule-policy-command.handler';

/**
 * A published rule version governs every command from its effective date, not only the election
 * commands: the branch's shape is judged by it and each event records it.
 */
describe('published rule versions in every command', () => {
  let dir: string;
  let runtime: ElectionRuntime;
  let commands: Commands;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'branchflow-published-policies-'));
    runtime = await openElectionRuntime(dir);
    commands = new Commands(runtime, 'published');
    await prepareBranch(commands); // nine full members, established in 2020
    const publish = new RulePolicyCommandHandler(runtime.store, runtime.policies);
    const policy = {
      ...policyInForce(DEFAULT_RULE_POLICIES, '2021-01-01'),
      version: 'warn-above-5',
      effectiveFrom: '2021-01-01',
      description: '测试：五人以上即提示',
      memberWarningAbove: 5,
    };
    await publish.execute(
      new ExecuteRulePolicyCommand(
        { type: 'PublishRulePolicy', data: { registryId: 'bureau', policy } },
        {
          commandId: 'publish-warn-5',
          actor: { id: 'u-admin', name: '管理员', role: 'admin' },
          occurredAt: '2020-12-01',
        },
      ),
    );
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('judges a branch by the version in force on the act, and records that version', async () => {
    await commands.branch({ type: 'AssessBranchShape', data: { branchId: BRANCH } }, '2021-02-01');
    const events = await runtime.store.readStream(branchStreamName(BRANCH));
    const assessed = events[events.length - 1];
    expect(assessed?.type).toBe('BranchShapeAssessed');
    expect(assessed?.data).toMatchObject({ shape: { overSize: true } }); // nine members, above five
    expect(assessed?.metadata.policyVersion).toBe('warn-above-5');
  });
});
