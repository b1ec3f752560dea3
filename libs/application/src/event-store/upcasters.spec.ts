import {
  DEFAULT_RULE_POLICIES,
  electionStreamDecider,
  type CensusTakenV1,
  type ElectionRequestedV1,
  type ElectionStreamEvent,
  rulePolicyDecider,
  rulePolicyStreamName,
  type RulePolicy,
  type RulePolicyPublishedV1,
} from '@app/domain';
import { MemoryEventStore, UpcastingEventStore, type JsonObject } from '@app/event-store';
import { handleCommand } from '../command-handling/handle-command';
import { toDomainEvent } from '../command-handling/load-stream';
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

describe('election upcasting (v1 without the 届次 or the request’s 文号 → v2)', () => {
  const at = '2022-03-01T00:00:00.000Z';
  const stored = (revision: number, type: string, data: object) => ({
    id: `8f1f1d5e-0000-4000-8000-00000000010${revision}`,
    type,
    schemaVersion: 1,
    data: data as JsonObject,
    metadata: {
      commandId: `c-${revision}`,
      correlationId: 'c',
      causationId: 'c',
      actor,
      occurredAt: at,
      policyVersion: null,
    },
  });
  const censusV1: CensusTakenV1['data'] = {
    electionId: 'e1',
    policyVersion: '2018-10-28',
    at,
    branchId: 'b1',
    fullMembers: 9,
    probationaryMembers: 0,
    suspendedMembers: 0,
    committeeRequired: true,
    overSize: false,
    currentTerm: null,
    committeeWorking: '正常',
    secretarySituation: '正常',
    notes: null,
  };
  const requestV1: ElectionRequestedV1['data'] = {
    electionId: 'e1',
    policyVersion: '2018-10-28',
    at,
    plannedDate: '2022-05-01',
    committee: true,
    committeeSeats: 3,
    deputySecretary: false,
    electionMethod: '差额选举',
    nominationMethod: '党员推荐',
    agenda: [],
    minimumCommitteeCandidates: 4,
    seatsAboveUsual: false,
  };

  it('reads an old census as not counted and an old request as unnumbered, leaving the stored bytes alone', async () => {
    const raw = new MemoryEventStore();
    const store = new UpcastingEventStore(raw, productUpcasters());
    await raw.append('election-e1', [stored(0, 'CensusTaken', censusV1), stored(1, 'ElectionRequested', requestV1)], {
      expectedRevision: 'noStream',
    });
    const [census, request] = await store.readStream('election-e1');
    expect(census).toMatchObject({ schemaVersion: 2, data: { ...censusV1, termNumber: null, termNumberBasis: null } });
    expect(request).toMatchObject({ schemaVersion: 2, data: { ...requestV1, requestReference: null } });
    const state = [census, request].reduce(
      (s, event) => electionStreamDecider.evolve(s, toDomainEvent<ElectionStreamEvent>(event!)),
      electionStreamDecider.initialState(),
    );
    expect(state).toMatchObject({ census: { termNumber: null }, request: { requestReference: null } });
    expect((await raw.readStream('election-e1')).map((event) => event.data)).toEqual([censusV1, requestV1]);
    expect([currentSchemaVersion('CensusTaken'), currentSchemaVersion('ElectionRequested')]).toEqual([2, 2]);
  });
});
