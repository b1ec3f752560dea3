import { refuse, type PlannedTransfer } from '@app/domain';
import { WrongExpectedRevision, type AppendResult, type StreamAppend } from '@app/event-store';
import type { RestructuringStepResult } from './restructuring-step-result';
import { MAX_TRANSFERS_PER_SLICE, transferInSlices, type TransferSliceHost } from './transfers-in-slices';

const transfers: PlannedTransfer[] = Array.from({ length: 40 }, (_, i) => ({
  memberId: `m${String(i).padStart(2, '0')}`,
  fromBranchId: 'b-old',
  toBranchId: 'b-new',
}));

/** A host over a plain record of who is stored: what the process manager gives the slices. */
function host(options: { loseRaceOnce?: boolean; leftMember?: string; brokenMember?: string } = {}) {
  const stored = new Set<string>();
  const appendCalls: number[] = [];
  const alone: string[] = [];
  const reported: [string, RestructuringStepResult][] = [];
  let caughtUp = 0;
  let lost = false;
  const append = (memberId: string): StreamAppend => ({
    stream: `member-${memberId}`,
    events: [],
    expectedRevision: 0,
  });
  const result: AppendResult = { nextRevision: 1, position: 1 };
  const slices: TransferSliceHost = {
    decide: (transfer) => {
      if (transfer.memberId === options.leftMember) {
        const details = { memberId: transfer.memberId, name: '李全爱', leftOn: '2023-02-01', reason: 'death' } as const;
        return Promise.reject(refuse('MEMBER_LEFT', details));
      }
      if (transfer.memberId === options.brokenMember) return Promise.reject(new Error('broken'));
      return Promise.resolve(
        stored.has(transfer.memberId)
          ? ({ kind: 'settled', result: { replayed: true } } as never)
          : ({ kind: 'append', append: append(transfer.memberId) } as never),
      );
    },
    classify: (_transfer, error) => {
      if (error instanceof Error && 'code' in error && error.code === 'MEMBER_LEFT') return 'skipped';
      throw error;
    },
    alone: (transfer) => {
      alone.push(transfer.memberId);
      stored.add(transfer.memberId);
      reported.push([transfer.memberId, 'done']);
      return Promise.resolve();
    },
    appendMany: (appends) => {
      if (options.loseRaceOnce && !lost) {
        lost = true;
        return Promise.reject(new WrongExpectedRevision(appends[0]?.stream ?? '', 0, 1));
      }
      appendCalls.push(appends.length);
      for (const { stream } of appends) stored.add(stream.slice('member-'.length));
      return Promise.resolve(appends.map(() => result));
    },
    caughtUp: () => Promise.resolve(void (caughtUp += 1)),
    report: (transfer, outcome) => Promise.resolve(void reported.push([transfer.memberId, outcome])),
  };
  return { slices, stored, appendCalls, alone, reported, caughtUps: () => caughtUp };
}

describe('moving a restructuring’s members a slice at a time', () => {
  it('appends at most a slice per transaction, reports every member in plan order, and waits for the read model between slices', async () => {
    const run = host();
    await transferInSlices(run.slices, transfers);
    expect(run.stored.size).toBe(40);
    expect(Math.max(...run.appendCalls)).toBeLessThanOrEqual(MAX_TRANSFERS_PER_SLICE);
    expect(run.appendCalls.reduce((a, b) => a + b, 0)).toBe(40);
    expect(run.reported).toEqual(transfers.map((t) => [t.memberId, 'done']));
    expect(run.caughtUps()).toBe(run.appendCalls.length);
  });

  it('replays what a crashed run stored, appending only the rest', async () => {
    const run = host();
    for (const { memberId } of transfers.slice(0, 25)) run.stored.add(memberId);
    await transferInSlices(run.slices, transfers);
    expect(run.appendCalls.reduce((a, b) => a + b, 0)).toBe(15);
    expect(run.reported.filter(([, result]) => result === 'replayed')).toHaveLength(25);
  });

  it('redoes a slice one member at a time when its append lost a race, appending nothing twice', async () => {
    const run = host({ loseRaceOnce: true });
    await transferInSlices(run.slices, transfers);
    expect(run.alone).toEqual(transfers.slice(0, run.alone.length).map((t) => t.memberId));
    expect(run.alone.length).toBeGreaterThan(0);
    expect(run.stored.size).toBe(40);
    expect(run.reported.map(([memberId]) => memberId)).toEqual(transfers.map((t) => t.memberId));
  });

  it('skips a member who left, and stops on a refusal after storing the members before it', async () => {
    const skipping = host({ leftMember: 'm03' });
    await transferInSlices(skipping.slices, transfers);
    expect(skipping.reported.find(([memberId]) => memberId === 'm03')).toEqual(['m03', 'skipped']);

    const stopping = host({ brokenMember: 'm05' });
    await expect(transferInSlices(stopping.slices, transfers)).rejects.toThrow('broken');
    expect([...stopping.stored].sort()).toEqual(['m00', 'm01', 'm02', 'm03', 'm04']);
  });
});
