import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electionRemindersStreamName, electionStreamName } from '@app/domain';
import { readWholeStream } from '../command-handling/load-stream';
import { ExecuteElectionCommand } from './election-command.handler';
import {
  Commands,
  BRANCH,
  ELECTION,
  holdElection,
  openAndApprove,
  openElectionRuntime,
  prepareBranch,
  waitUntil,
  type ElectionRuntime,
} from './election.fixture';
import { ELECTION_TIMER_ACTOR, electionReminderCommandId, electionTimerCommandId } from './election-timers';

/**
 * The durable election timers on the embedded store, with an injected clock: each fires on the
 * day it falls due and not before, and once only — also when the process restarts, or when the
 * same firing is sent again. "Restart" is a new process on the same data directory: new timers,
 * new index, nothing kept in memory.
 */
describe('election timers', () => {
  const root = mkdtempSync(join(tmpdir(), 'branchflow-election-timers-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const at = (date: string) => new Date(`${date}T06:00:00.000Z`);
  const readAllOf = async (runtime: ElectionRuntime, stream: string) =>
    (await runtime.store.readAll()).filter((event) => event.stream === stream);
  /** The lapses among a tick's firings: the branch's monthly reminders (no term recorded) beside them are tested below. */
  const lapses = <T extends { kind: string }>(firings: readonly T[]) =>
    firings.filter((firing) => firing.kind === 'approvalLapse');
  const types = async (runtime: ElectionRuntime, electionId = ELECTION): Promise<string[]> =>
    (await readWholeStream(runtime.store, electionStreamName(electionId))).map((event) => event.type);

  describe('approval lapse', () => {
    const dataDir = join(root, 'lapse');

    beforeAll(async () => {
      const runtime = await openElectionRuntime(dataDir);
      const commands = new Commands(runtime, 'lapse');
      await prepareBranch(commands);
      await openAndApprove(commands);
      await runtime.close();
    });

    it('does not fire before the lapse date', async () => {
      const runtime = await openElectionRuntime(dataDir);
      try {
        expect(lapses(await runtime.timers().tick(at('2023-06-07')))).toEqual([]);
        expect(await types(runtime)).not.toContain('ApprovalLapsed');
      } finally {
        await runtime.close();
      }
    });

    it('fires on the lapse date, and once only across a restart and a repeated firing', async () => {
      let runtime = await openElectionRuntime(dataDir);
      const firings = lapses(await runtime.timers().tick(at('2023-06-08')));
      expect(firings).toEqual([
        expect.objectContaining({ electionId: ELECTION, kind: 'approvalLapse', dueOn: '2023-06-08', result: 'fired' }),
      ]);
      const events = await readWholeStream(runtime.store, electionStreamName(ELECTION));
      const lapsed = events[events.length - 1];
      expect(lapsed).toMatchObject({
        type: 'ApprovalLapsed',
        data: { lapsesOn: '2023-06-08', at: '2023-06-08T00:00:00.000Z' },
        metadata: { actor: ELECTION_TIMER_ACTOR },
      });
      // Fingerprinted, so the repeated firing below replays only because it asks for the same thing.
      expect(lapsed?.metadata.commandFingerprint).toMatch(/^v1:[0-9a-f]{64}$/);
      await runtime.close();

      runtime = await openElectionRuntime(dataDir);
      try {
        expect(lapses(await runtime.timers().tick(at('2023-06-09')))).toEqual([]);
        expect(lapses(await runtime.timers().tick(at('2024-01-01')))).toEqual([]);
        const count = (await runtime.store.readAll()).length;
        // The very same firing sent again (e.g. by a second process that scanned before the first fired).
        const again = await runtime.elections.execute(
          new ExecuteElectionCommand(
            { type: 'LapseApproval', data: { electionId: ELECTION } },
            {
              commandId: electionTimerCommandId(ELECTION, 'approvalLapse', '2023-06-08'),
              actor: ELECTION_TIMER_ACTOR,
              occurredAt: '2023-06-08T00:00:00.000Z',
            },
          ),
        );
        expect(again.replayed).toBe(true);
        expect((await runtime.store.readAll()).length).toBe(count);
        expect((await types(runtime)).filter((type) => type === 'ApprovalLapsed')).toHaveLength(1);
      } finally {
        await runtime.close();
      }
    });

    it('two timers ticking at once fire once', async () => {
      const dir = join(root, 'lapse-race');
      const runtime = await openElectionRuntime(dir);
      try {
        const commands = new Commands(runtime, 'race');
        await prepareBranch(commands);
        await openAndApprove(commands);
        const results = await Promise.all([
          runtime.timers().tick(at('2023-07-01')),
          runtime.timers().tick(at('2023-07-01')),
        ]);
        // Same command id, same event ids: the store writes the lapse once (the loser's append is a retry).
        const firings = lapses(results.flat());
        expect(firings).toHaveLength(2);
        expect(new Set(firings.map((firing) => firing.commandId)).size).toBe(1);
        expect(firings.every((firing) => firing.result !== 'refused')).toBe(true);
        expect((await types(runtime)).filter((type) => type === 'ApprovalLapsed')).toHaveLength(1);
      } finally {
        await runtime.close();
      }
    });
  });

  describe('term-end reminders', () => {
    const dataDir = join(root, 'reminders');

    beforeAll(async () => {
      const runtime = await openElectionRuntime(dataDir);
      const commands = new Commands(runtime, 'reminders');
      await prepareBranch(commands);
      await openAndApprove(commands);
      await holdElection(commands);
      const runner = runtime.startInstallation();
      await waitUntil(async () => (await types(runtime)).includes('ResultInstalled'), runner, runtime);
      await runtime.close();
    }, 60_000);

    const sent = async (runtime: ElectionRuntime) =>
      (await readAllOf(runtime, electionRemindersStreamName(BRANCH))).map(
        (event) => `${event.data.kind as string} ${event.data.dueOn as string}`,
      );

    it('reminds six and three months before the installed term ends (2028-05-20), each once, across restarts', async () => {
      let runtime = await openElectionRuntime(dataDir);
      // The approval was used by the assembly: it never lapses. Nothing is due until six months before.
      expect(await runtime.timers().tick(at('2023-06-08'))).toEqual([]);
      expect(await runtime.timers().tick(at('2027-11-19'))).toEqual([]);
      expect(await runtime.timers().tick(at('2027-11-20'))).toEqual([
        expect.objectContaining({
          kind: 'beforeTermEnd',
          branchId: BRANCH,
          electionId: ELECTION,
          dueOn: '2027-11-20',
          result: 'fired',
        }),
      ]);
      expect(await runtime.timers().tick(at('2027-11-21'))).toEqual([]);
      await runtime.close();

      runtime = await openElectionRuntime(dataDir);
      expect(await runtime.timers().tick(at('2028-02-19'))).toEqual([]);
      expect(await runtime.timers().tick(at('2028-02-20'))).toEqual([
        expect.objectContaining({ kind: 'beforeTermEnd', dueOn: '2028-02-20', result: 'fired' }),
      ]);
      await runtime.close();

      runtime = await openElectionRuntime(dataDir);
      try {
        expect(await runtime.timers().tick(at('2028-05-20'))).toEqual([]);
        const events = await readAllOf(runtime, electionRemindersStreamName(BRANCH));
        expect(events.map((event) => event.data)).toEqual([
          expect.objectContaining({ monthsBefore: 6, dueOn: '2027-11-20', termEnd: '2028-05-20', branchId: BRANCH }),
          expect.objectContaining({ monthsBefore: 3, dueOn: '2028-02-20', termEnd: '2028-05-20', branchId: BRANCH }),
        ]);
        expect(events[0]?.metadata).toMatchObject({
          actor: ELECTION_TIMER_ACTOR,
          occurredAt: '2027-11-20T00:00:00.000Z',
          commandId: electionReminderCommandId(BRANCH, 'beforeTermEnd', '2028-05-20', '2027-11-20'),
        });
      } finally {
        await runtime.close();
      }
    });

    it('reminds monthly once the term has ended with no newer one, each month once', async () => {
      const runtime = await openElectionRuntime(dataDir);
      try {
        expect(await runtime.timers().tick(at('2028-05-21'))).toEqual([
          expect.objectContaining({ kind: 'overdue', dueOn: '2028-05-21', result: 'fired' }),
        ]);
        expect(await runtime.timers().tick(at('2028-06-20'))).toEqual([]);
        // A month missed while nothing ran is not sent late: the latest due one is.
        expect(await runtime.timers().tick(at('2028-08-25'))).toEqual([
          expect.objectContaining({ kind: 'overdue', dueOn: '2028-08-21', result: 'fired' }),
        ]);
        expect((await sent(runtime)).slice(-2)).toEqual(['overdue 2028-05-21', 'overdue 2028-08-21']);
      } finally {
        await runtime.close();
      }
    });

    it('reminds monthly of a branch with no recorded term, from a month after it was established', async () => {
      const dir = join(root, 'reminders-no-term');
      let runtime = await openElectionRuntime(dir);
      const commands = new Commands(runtime, 'no-term');
      await prepareBranch(commands);
      // A second branch, established the same day, with no officers on record: no term at all.
      await commands.branch(
        {
          type: 'EstablishBranch',
          data: { branchId: 'b-xinyi', name: '新义社区离退休干部党支部', parentCommitteeId: 'c-xiaoyi', joint: false },
        },
        '2020-01-10',
      );
      expect(await runtime.timers().tick(at('2020-02-09'))).toEqual([]);
      expect(await runtime.timers().tick(at('2020-02-10'))).toEqual([
        expect.objectContaining({ kind: 'noTerm', branchId: 'b-xinyi', electionId: null, dueOn: '2020-02-10' }),
      ]);
      await runtime.close();
      runtime = await openElectionRuntime(dir);
      try {
        expect(await runtime.timers().tick(at('2020-03-09'))).toEqual([]);
        const both = await Promise.all([
          runtime.timers().tick(at('2020-03-10')),
          runtime.timers().tick(at('2020-03-10')),
        ]);
        expect(both.flat().filter((firing) => firing.result === 'fired')).toHaveLength(1);
        const xinyi = (await readAllOf(runtime, electionRemindersStreamName('b-xinyi'))).map(
          (event) => `${event.data.kind as string} ${event.data.dueOn as string}`,
        );
        expect(xinyi).toEqual(['noTerm 2020-02-10', 'noTerm 2020-03-10']);
        // 府前's officers were elected 2020-06-30 for three years: a term on record without an
        // election in this store, reminded of like any other.
        expect(await runtime.timers().tick(at('2022-12-30'))).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              kind: 'beforeTermEnd',
              branchId: BRANCH,
              electionId: null,
              dueOn: '2022-12-30',
              result: 'fired',
            }),
          ]),
        );
      } finally {
        await runtime.close();
      }
    });
  });
});
