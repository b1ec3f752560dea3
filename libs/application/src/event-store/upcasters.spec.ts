import {
  DEFAULT_RULE_POLICIES,
  rulePolicyDecider,
  rulePolicyStreamName,
  type RulePolicy,
  type RulePolicyPublishedV1,
} from '@app/domain';
import { MemoryEventStore, UpcastingEventStore, type JsonObject } from '@app/event-store';
import { handleCommand } from '../command-handling/handle-command';
import { currentSchemaVersion, productUpcasters } from './upcasters';

const actor = { id: 'u-1', name: '管理员', role: 'admin' };
const { minimumPartyJoiningAge: _age, ...withoutAge } = {
  ...(DEFAULT_RULE_POLICIES[1] as RulePolicy),
  version: '2026-07-01',
  effectiveFrom: '2026-07-01',
  description: '市委组织部通知',
};
const v1: RulePolicyPublishedV1['data'] = { registryId: 'bureau', policy: withoutAge, at: '2026-06-01T00:00:00.000Z' };

describe('RulePolicyPublished upcasting (v1 without the joining age → v2)', () => {
  let raw: MemoryEventStore;
  let store: UpcastingEventStore;
  beforeEach(() => {
    raw = new MemoryEventStore();
    store = new UpcastingEventStore(raw, productUpcasters());
  });

  it('reads a version published before the parameter with the built-in age of its date, keeping every other field', async () => {
    const stream = rulePolicyStreamName('bureau');
    await raw.append(
      stream,
      [
        {
          id: '8f1f1d5e-0000-4000-8000-000000000001',
          type: 'RulePolicyPublished',
          schemaVersion: 1,
          data: v1 as unknown as JsonObject,
          metadata: {
            commandId: 'c-1',
            correlationId: 'c-1',
            causationId: 'c-1',
            actor,
            occurredAt: v1.at,
            policyVersion: null,
          },
        },
      ],
      { expectedRevision: 'noStream' },
    );
    const [event] = await store.readStream(stream);
    expect(event?.schemaVersion).toBe(2);
    expect(event?.data).toEqual({ ...v1, policy: { ...withoutAge, minimumPartyJoiningAge: 18 } });
    // The stored bytes are untouched: verification hashes what was written.
    expect((await raw.readStream(stream))[0]?.data).toEqual(v1);
  });

  it('writes new publications as v2, which the upcaster leaves alone', async () => {
    expect(currentSchemaVersion('RulePolicyPublished')).toBe(2);
    expect(currentSchemaVersion('MemberAdmitted')).toBe(1);
    const policy: RulePolicy = { ...withoutAge, minimumPartyJoiningAge: 16 };
    await handleCommand(
      store,
      rulePolicyDecider,
      rulePolicyStreamName('bureau'),
      { type: 'PublishRulePolicy', data: { registryId: 'bureau', policy }, metadata: { at: v1.at, actor } },
      { commandId: 'c-2', actor, occurredAt: v1.at },
    );
    const [written] = await raw.readStream(rulePolicyStreamName('bureau'));
    expect(written?.schemaVersion).toBe(2);
    expect((await store.readStream(rulePolicyStreamName('bureau')))[0]?.data).toEqual(written?.data);
    expect((written?.data as unknown as { policy: RulePolicy }).policy.minimumPartyJoiningAge).toBe(16);
  });
});
