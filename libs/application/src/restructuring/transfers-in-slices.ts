import type { MemberEvent, MemberState, PlannedTransfer } from '@app/domain';
import {
  IdempotencyConflict,
  pauseIfBusy,
  sliceLeft,
  WrongExpectedRevision,
  type AppendResult,
  type StreamAppend,
} from '@app/event-store';
import type { CommandDecision } from '../command-handling/handle-command';
import type { RestructuringStepResult } from './restructuring-step-result';

/**
 * Most transfers appended in one transaction. Small enough that a slice, and the organisation
 * read model applying it before the next, each take a few milliseconds (probes answered within
 * 50 ms while 400 members move, where 64 at a time let them wait longer); large enough that a
 * disk sync is shared by many members.
 */
export const MAX_TRANSFERS_PER_SLICE = 16;

/** What the slices need from the process manager: its judgement of each transfer and its reporting. */
export interface TransferSliceHost {
  /** The transfer judged as the member command handler judges it, nothing appended yet. */
  decide(transfer: PlannedTransfer): Promise<CommandDecision<MemberEvent, MemberState>>;
  /** What a refusal means for the step (`skipped`, `alreadyDone`), or throws why the process must stop. */
  classify(transfer: PlannedTransfer, error: unknown): RestructuringStepResult;
  /** One transfer the ordinary way (load, decide, append, retried on a lost race), reported. */
  alone(transfer: PlannedTransfer): Promise<void>;
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Resolves once the read models the slice changed have applied it. */
  caughtUp(): Promise<void>;
  /** Called once per transfer, in plan order, after its slice is stored. */
  report(transfer: PlannedTransfer, result: RestructuringStepResult): Promise<void>;
}

type Judged =
  | { readonly transfer: PlannedTransfer; readonly result: RestructuringStepResult }
  | { readonly transfer: PlannedTransfer; readonly append: StreamAppend };

/**
 * Moves the members a slice at a time: as many transfers as one time slice has room for
 * (time-slice.ts) are judged, then appended together in one transaction, then the event loop
 * turns before the next slice. One transaction per slice instead of one per member spares a
 * disk sync per member, which is what held requests back while a 400-member merge ran (issue 16).
 *
 * Each transfer keeps its own command id, so its events and ids are exactly those the one-by-one
 * path appends: a transfer stored before a crash is recognised and replayed, and the rest of its
 * slice, stored in the same transaction, too. A slice whose append loses a race (an administrator
 * moved one of its members meanwhile) appended nothing and is redone one transfer at a time, with
 * the ordinary retries. A refusal that stops the process stops it after the transfers before it
 * are stored, as the one-by-one path would.
 */
export async function transferInSlices(host: TransferSliceHost, transfers: readonly PlannedTransfer[]): Promise<void> {
  let next = 0;
  while (next < transfers.length) {
    const pause = pauseIfBusy();
    if (pause) await pause;
    const slice: Judged[] = [];
    let stop: Error | null = null;
    do {
      const transfer = transfers[next] as PlannedTransfer;
      next += 1;
      try {
        const decision = await host.decide(transfer);
        slice.push(
          decision.kind === 'append'
            ? { transfer, append: decision.append }
            : { transfer, result: decision.result.replayed ? 'replayed' : 'unchanged' },
        );
      } catch (error) {
        try {
          slice.push({ transfer, result: host.classify(transfer, error) });
        } catch (fatal) {
          stop = fatal instanceof Error ? fatal : new Error(String(fatal));
        }
      }
    } while (stop === null && next < transfers.length && slice.length < MAX_TRANSFERS_PER_SLICE && sliceLeft() > 0);
    await store(host, slice);
    if (stop !== null) throw stop;
    // The reads that count members wait for the organisation read model to reach the head: let
    // it apply this slice before the next one moves the head again, so they never chase it.
    await host.caughtUp();
  }
}

async function store(host: TransferSliceHost, slice: readonly Judged[]): Promise<void> {
  const appends = slice.flatMap((judged) => ('append' in judged ? [judged.append] : []));
  let results: AppendResult[];
  try {
    results = appends.length === 0 ? [] : await host.appendMany(appends);
  } catch (error) {
    if (!(error instanceof WrongExpectedRevision || error instanceof IdempotencyConflict)) throw error;
    // Nothing of the slice was stored: each transfer again on its own, judged on fresh state.
    for (const { transfer } of slice) await host.alone(transfer);
    return;
  }
  let appended = 0;
  for (const judged of slice) {
    if ('append' in judged) {
      // Stored meanwhile under the same ids (another runner on the same plan): a replay.
      const stored = results[appended] as AppendResult;
      appended += 1;
      await host.report(judged.transfer, stored.alreadyStored ? 'replayed' : 'done');
    } else {
      await host.report(judged.transfer, judged.result);
    }
  }
}
