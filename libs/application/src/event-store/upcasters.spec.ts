import {
  DEFAULT_RULE_POLICIES,
  rulePolicyDecider,
  rulePolicyStreamName,
  type RulePolicy,
  type RulePolicyPublishedV1,
  type RulePolicyPublishedV2,
} from '@app/domain';
import { MemoryEventStore, UpcastingEventStore, type JsonObject } from '@app/event-store';
import { handleCommand } from '../command-handling/handle-command';
import { currentSchemaVersion, productUpcasters } from './upcasters';

const actor = { id: 'u-1', name: '管理员', role: 'admin' };
const current: RulePolicy = {
  ...(DEFAULT_RULE_POLICIES[1] as RulePolicy),
  version: '2026-07-01',
  effectiveFrom: '2026-07-01',
  description: '市委组织部通知',
};
const { minimumPartyJoiningAge: _age, electionShiftLimitMonths: _months, ...withoutAge } = current;
const at = '2026-06-01T00:00:00.000Z';
/** Schema 1: no joining age, the shift limit in days. */
const v1: RulePolicyPublishedV1['data'] = {
  registryId: 'bureau',
  policy: { ...withoutAge, electionShiftLimitDays: 365 },
  at,
};
/** Schema 2: the joining age, the shift limit still in days (here half a year). */
const v2: RulePolicyPublishedV2['data'] = {
  registryId: 'bureau',
  policy: { ...withoutAge, minimumPartyJoiningAge: 16, electionShiftLimitDays: 183 },
  at,
};

describe('RulePolicyPublished upcasting (v1 without the joining age → v2 → v3 with the shift limit in months)', () => {
  let raw: MemoryEventStore;
  let store: UpcastingEventStore;
  beforeEach(() => {
    raw = new MemoryEventStore();
    store = new UpcastingEventStore(raw, productUpcasters());
  });

  const storeOld = async (schemaVersion: number, data: object) => {
    const stream = rulePolicyStreamName('bureau');
    await raw.append(
      stream,
      [
        {
          id: '8f1f1d5e-0000-4000-8000-000000000001',
          type: 'RulePolicyPublished',
          schemaVersion,
          data: data as JsonObject,
          metadata: {
            commandId: 'c-1',
            correlationId: 'c-1',
            causationId: 'c-1',
            actor,
            occurredAt: at,
            policyVersion: null,
          },
        },
      ],
      { expectedRevision: 'noStream' },
    );
    return stream;
  };

  it('reads a version published before the joining age with the built-in age of its date, and 365 days as one year', async () => {
    const stream = await storeOld(1, v1);
    const [event] = await store.readStream(stream);
    expect(event?.schemaVersion).toBe(3);
    expect(event?.data).toEqual({
      ...v1,
      policy: { ...current, minimumPartyJoiningAge: 18, electionShiftLimitMonths: 12 },
    });
    // The stored bytes are untouched: verification hashes what was written.
    expect((await raw.readStream(stream))[0]?.data).toEqual(v1);
  });

  it('reads a shift limit of other than a year in days as the nearest whole number of months', async () => {
    const [event] = await store.readStream(await storeOld(2, v2));
    expect(event?.schemaVersion).toBe(3);
    expect(event?.data).toEqual({
      ...v2,
      policy: { ...current, minimumPartyJoiningAge: 16, electionShiftLimitMonths: 6 },
    });
  });

  it('writes new publications as v3, which the upcasters leave alone', async () => {
    expect(currentSchemaVersion('RulePolicyPublished')).toBe(3);
    expect(currentSchemaVersion('MemberAdmitted')).toBe(1);
    const policy: RulePolicy = { ...current, minimumPartyJoiningAge: 16 };
    await handleCommand(
      store,
      rulePolicyDecider,
      rulePolicyStreamName('bureau'),
      { type: 'PublishRulePolicy', data: { registryId: 'bureau', policy }, metadata: { at, actor } },
      { commandId: 'c-2', actor, occurredAt: at },
    );
    const [written] = await raw.readStream(rulePolicyStreamName('bureau'));
    expect(written?.schemaVersion).toBe(3);
    expect((await store.readStream(rulePolicyStreamName('bureau')))[0]?.data).toEqual(written?.data);
    expect((written?.data as unknown as { policy: RulePolicy }).policy.minimumPartyJoiningAge).toBe(16);
  });
});
