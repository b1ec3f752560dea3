import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electionStreamName } from '@app/domain';
import { readWholeStream } from '../command-handling/load-stream';
import { ExecuteElectionCommand } from './election-command.handler';
import {
  Commands,
  ELECTION,
  holdElection,
  openAndApprove,
  openElectionRuntime,
  prepareBranch,
  waitUntil,
  type ElectionRuntime,
} from './election.fixture';
import { ELECTION_TIMER_ACTOR, electionTimerCommandId } from './election-timers';

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
        expect(await runtime.timers().tick(at('2023-06-07'))).toEqual([]);
        expect(await types(runtime)).not.toContain('ApprovalLapsed');
      } finally {
        await runtime.close();
      }
    });

    it('fires on the lapse date, and once only across a restart and a repeated firing', async () => {
      let runtime = await openElectionRuntime(dataDir);
      const firings = await runtime.timers().tick(at('2023-06-08'));
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
        const count = (await runtime.store.readAll()).length;
        expect(await runtime.timers().tick(at('2023-06-09'))).toEqual([]);
        expect(await runtime.timers().tick(at('2024-01-01'))).toEqual([]);
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
        const firings = results.flat();
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

    it('fires 60 and 30 days before the installed term ends (2028-05-20), each once, across restarts', async () => {
      let runtime = await openElectionRuntime(dataDir);
      // The approval was used by the assembly: it never lapses. Nothing is due until T–60.
      expect(await runtime.timers().tick(at('2023-06-08'))).toEqual([]);
      expect(await runtime.timers().tick(at('2028-03-20'))).toEqual([]);
      expect(await runtime.timers().tick(at('2028-03-21'))).toEqual([
        expect.objectContaining({ kind: 'termEndReminder60', dueOn: '2028-03-21', result: 'fired' }),
      ]);
      expect(await runtime.timers().tick(at('2028-03-22'))).toEqual([]);
      await runtime.close();

      runtime = await openElectionRuntime(dataDir);
      expect(await runtime.timers().tick(at('2028-04-19'))).toEqual([]);
      expect(await runtime.timers().tick(at('2028-04-20'))).toEqual([
        expect.objectContaining({ kind: 'termEndReminder30', dueOn: '2028-04-20', result: 'fired' }),
      ]);
      await runtime.close();

      runtime = await openElectionRuntime(dataDir);
      try {
        expect(await runtime.timers().tick(at('2028-05-01'))).toEqual([]);
        expect(await runtime.timers().tick(at('2028-06-01'))).toEqual([]);
        const reminders = (await readWholeStream(runtime.store, electionStreamName(ELECTION))).filter(
          (event) => event.type === 'TermEndReminderDue',
        );
        expect(reminders.map((event) => event.data)).toEqual([
          expect.objectContaining({ daysBefore: 60, dueOn: '2028-03-21', termEnd: '2028-05-20', branchId: 'b-fuqian' }),
          expect.objectContaining({ daysBefore: 30, dueOn: '2028-04-20', termEnd: '2028-05-20', branchId: 'b-fuqian' }),
        ]);
      } finally {
        await runtime.close();
      }
    });

    it('a reminder missed while no process ran fires on the first tick after, unless the term has ended', async () => {
      const dir = join(root, 'reminders-late');
      const runtime = await openElectionRuntime(dir);
      try {
        const commands = new Commands(runtime, 'late');
        await prepareBranch(commands);
        await openAndApprove(commands);
        await holdElection(commands);
        const runner = runtime.startInstallation();
        await waitUntil(async () => (await types(runtime)).includes('ResultInstalled'), runner, runtime);
        const firings = await runtime.timers().tick(at('2028-05-01'));
        expect(firings.map((firing) => `${firing.kind} ${firing.result}`)).toEqual([
          'termEndReminder60 fired',
          'termEndReminder30 fired',
        ]);
      } finally {
        await runtime.close();
      }
    }, 60_000);
  });
});
