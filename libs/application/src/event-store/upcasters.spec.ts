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
  type RulePolicyPublishedV2,
  type RulePolicyPublishedV3,
  type RulePolicyPublishedV4,
  type CandidateSlateSubmittedV1,
} from '@app/domain';
import { MemoryEventStore, UpcastingEventStore, type JsonObject } from '@app/event-store';
import { handleCommand } from '../command-handling/handle-command';
import { toDomainEvent } from '../command-handling/load-stream';
import { currentSchemaVersion, productUpcasters } from './upcasters';

const actor = { id: 'u-1', name: '管理员', role: 'admin' };
const current: RulePolicy = {
  ...(DEFAULT_RULE_POLICIES[1] as RulePolicy),
  version: '2026-07-01',
  effectiveFrom: '2026-07-01',
  description: '市委组织部通知',
};
const {
  termEndReminderMonths: _reminders,
  overdueReminderEveryMonths: _overdue,
  noTermReminderEveryMonths: _noTerm,
  ...beforeReminderMonths
} = current;
/** Schema 4: reminders before a term's end in days, none after it. */
const v4Policy = { ...beforeReminderMonths, termEndReminderDays: [60, 30] };
const {
  secretaryMinPartyStandingYears: _standing,
  secretaryPartyStandingShortfall: _shortfall,
  committeeSeatsOdd: _odd,
  suspensionsWithoutVote: _suspensions,
  dueVoterExclusionReasons: _exclusions,
  ...v3Policy
} = v4Policy;
const { minimumPartyJoiningAge: _age, electionShiftLimitMonths: _months, ...withoutAge } = v3Policy;
/** What the built-in rules give the versions before schema 5: the days read as months, monthly after. */
const readAsV5 = { termEndReminderMonths: [2, 1], overdueReminderEveryMonths: 1, noTermReminderEveryMonths: 1 };
const at = '2026-06-01T00:00:00.000Z';
/** Schema 1: no joining age, the shift limit in days. */
const v1: RulePolicyPublishedV1['data'] = {
  registryId: 'bureau',
  policy: { ...withoutAge, electionShiftLimitDays: 365 },
  at,
};
/** Schema 3: the shift limit in months, before the secretary's standing, odd seats and who is no voter. */
const v3: RulePolicyPublishedV3['data'] = { registryId: 'bureau', policy: { ...v3Policy, termYears: 3 }, at };
/** Schema 4: the standing, odd seats and who is no voter; reminders still in days. */
const v4: RulePolicyPublishedV4['data'] = { registryId: 'bureau', policy: v4Policy, at };
/** Schema 2: the joining age, the shift limit still in days (here half a year). */
const v2: RulePolicyPublishedV2['data'] = {
  registryId: 'bureau',
  policy: { ...withoutAge, minimumPartyJoiningAge: 16, electionShiftLimitDays: 183 },
  at,
};

describe('RulePolicyPublished upcasting (v1 without the joining age → v2 → v3 with the shift limit in months → v4 with the standing, odd seats and non-voters → v5 with reminders in months)', () => {
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
    expect(event?.schemaVersion).toBe(5);
    expect(event?.data).toEqual({
      ...v1,
      policy: { ...current, minimumPartyJoiningAge: 18, electionShiftLimitMonths: 12, ...readAsV5 },
    });
    // The stored bytes are untouched: verification hashes what was written.
    expect((await raw.readStream(stream))[0]?.data).toEqual(v1);
  });

  it('reads a shift limit of other than a year in days as the nearest whole number of months', async () => {
    const [event] = await store.readStream(await storeOld(2, v2));
    expect(event?.schemaVersion).toBe(5);
    expect(event?.data).toEqual({
      ...v2,
      policy: { ...current, minimumPartyJoiningAge: 16, electionShiftLimitMonths: 6, ...readAsV5 },
    });
  });

  it('reads a version published before the schema 4 parameters with those of the built-in version of its date', async () => {
    const [event] = await store.readStream(await storeOld(3, v3));
    expect(event?.schemaVersion).toBe(5);
    const { termEndReminderDays: _days, ...v3WithoutDays } = v3.policy;
    expect(event?.data).toEqual({
      ...v3,
      policy: {
        ...v3WithoutDays,
        secretaryMinPartyStandingYears: 1,
        secretaryPartyStandingShortfall: 'warning',
        committeeSeatsOdd: true,
        suspensionsWithoutVote: ['membershipSuspended', 'probation', 'detention', 'arrest'],
        dueVoterExclusionReasons: expect.arrayContaining(['retiredInHomeTown', 'floatingOnOwnApplication']),
        ...readAsV5,
      },
    });
  });

  it('reads reminders in days as the nearest whole months, at least one, with monthly reminders once overdue and without a term', async () => {
    const [event] = await store.readStream(await storeOld(4, v4));
    expect(event?.schemaVersion).toBe(5);
    expect(event?.data).toEqual({ ...v4, policy: { ...current, ...readAsV5 } });
  });

  it('never reads a reminder as zero months, nor the same month twice', async () => {
    const [event] = await store.readStream(
      await storeOld(4, { ...v4, policy: { ...v4.policy, termEndReminderDays: [183, 10, 7] } }),
    );
    expect((event?.data as unknown as { policy: RulePolicy }).policy.termEndReminderMonths).toEqual([6, 1]);
  });

  it('writes new publications as v5, which the upcasters leave alone', async () => {
    expect(currentSchemaVersion('RulePolicyPublished')).toBe(5);
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
    expect(written?.schemaVersion).toBe(5);
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

describe('CandidateSlateSubmitted upcasting (v1 without warnings → v2)', () => {
  it('reads a slate recorded before slates carried warnings as carrying none, leaving the stored bytes alone', async () => {
    const raw = new MemoryEventStore();
    const store = new UpcastingEventStore(raw, productUpcasters());
    const at = '2023-04-01T00:00:00.000Z';
    const slateV1: CandidateSlateSubmittedV1['data'] = {
      electionId: 'e1',
      policyVersion: '2022-10-22',
      at,
      committeeCandidates: [{ personId: 'm1', name: '李全爱' }],
      secretaryCandidates: [{ personId: 'm1', name: '李全爱' }],
      deputySecretaryCandidates: [],
      minimumCommitteeCandidates: 4,
    };
    await raw.append(
      'election-e1',
      [
        {
          id: '8f1f1d5e-0000-4000-8000-000000000201',
          type: 'CandidateSlateSubmitted',
          schemaVersion: 1,
          data: slateV1 as unknown as JsonObject,
          metadata: {
            commandId: 'c',
            correlationId: 'c',
            causationId: 'c',
            actor,
            occurredAt: at,
            policyVersion: null,
          },
        },
      ],
      { expectedRevision: 'noStream' },
    );
    const [slate] = await store.readStream('election-e1');
    expect(slate).toMatchObject({ schemaVersion: 2, data: { ...slateV1, warnings: [] } });
    expect((await raw.readStream('election-e1'))[0]?.data).toEqual(slateV1);
    expect(currentSchemaVersion('CandidateSlateSubmitted')).toBe(2);
  });
});
