import { electionStreamDecider, type ElectionStreamEvent, type ElectionStreamState } from '@app/domain';
import { pauseIfBusy, type EventStore, type RecordedEvent } from '@app/event-store';
import { toDomainEvent } from '../command-handling/load-stream';

const ELECTION_STREAM_PREFIX = 'election-';
const PAGE = 500;

/** One election as the index knows it: its state folded from its stream, and when it began. */
export interface IndexedElection {
  readonly electionId: string;
  readonly branchId: string;
  readonly state: ElectionStreamState;
  readonly revision: number;
  /** Business time of the census that opened it. */
  readonly openedAt: string;
  /** Business time of its latest event. */
  readonly lastStepAt: string;
  readonly lastStep: string;
}

/**
 * Every election of this store, folded in memory from the event log and brought up to date by
 * reading only what was appended since the last call. Each question first catches up with the
 * store's head, so a client that has just opened an election sees it in its branch's list and a
 * timer never judges a stale state. It answers the small questions the election workflow needs
 * across streams (a branch's elections, the term an installed result set, what a timer must
 * fire) without a projection table; the board read model serves the screens.
 */
export class ElectionIndex {
  private position: number | undefined = undefined;
  private readonly elections = new Map<string, IndexedElection>();
  private catchingUp: Promise<void> | null = null;

  constructor(private readonly store: EventStore) {}

  /** Applies everything appended since the last call (one catch-up at a time). */
  async refresh(): Promise<void> {
    // A call arriving during a catch-up waits for it, then catches up again for its own writes.
    while (this.catchingUp) await this.catchingUp;
    this.catchingUp = this.readNew().finally(() => (this.catchingUp = null));
    await this.catchingUp;
  }

  async electionsOfBranch(branchId: string): Promise<IndexedElection[]> {
    await this.refresh();
    return [...this.elections.values()]
      .filter((election) => election.branchId === branchId)
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.electionId.localeCompare(b.electionId));
  }

  async all(): Promise<IndexedElection[]> {
    await this.refresh();
    return [...this.elections.values()];
  }

  /**
   * The term of the branch's officers as the latest installed election set it (the one whose
   * term began last), or null when no election of this store was ever installed for the branch.
   */
  async installedTerm(
    branchId: string,
    exceptElectionId?: string,
  ): Promise<{ electionId: string; start: string; end: string } | null> {
    const latest = latestInstalled(
      (await this.electionsOfBranch(branchId)).filter((election) => election.electionId !== exceptElectionId),
    );
    if (latest === null || latest.state.status !== 'installed') return null;
    const { termStart, termEnd } = latest.state.installation;
    return { electionId: latest.electionId, start: termStart, end: termEnd };
  }

  private async readNew(): Promise<void> {
    for (;;) {
      // The first call folds the whole log: let requests in between pages (time-slice.ts).
      const pause = pauseIfBusy();
      if (pause) await pause;
      const events = await this.store.readAll({ fromPosition: this.position, maxCount: PAGE });
      for (const event of events) {
        if (event.stream.startsWith(ELECTION_STREAM_PREFIX)) this.apply(event);
        this.position = event.position;
      }
      if (events.length < PAGE) return;
    }
  }

  private apply(event: RecordedEvent): void {
    const electionId = event.stream.slice(ELECTION_STREAM_PREFIX.length);
    const known = this.elections.get(electionId);
    const before: ElectionStreamState = known?.state ?? electionStreamDecider.initialState();
    const state = electionStreamDecider.evolve(before, toDomainEvent<ElectionStreamEvent>(event));
    if (state.status === 'none') return;
    const at = typeof event.data.at === 'string' ? event.data.at : event.metadata.occurredAt;
    this.elections.set(electionId, {
      electionId,
      branchId: state.branchId,
      state,
      revision: event.revision,
      openedAt: known?.openedAt ?? at,
      lastStepAt: at,
      lastStep: event.type,
    });
  }
}

/** Of a branch's elections, the installed one whose term began last. */
export function latestInstalled(elections: readonly IndexedElection[]): IndexedElection | null {
  let latest: IndexedElection | null = null;
  for (const election of elections) {
    if (election.state.status !== 'installed') continue;
    if (
      latest === null ||
      (latest.state.status === 'installed' &&
        election.state.installation.termStart > latest.state.installation.termStart)
    ) {
      latest = election;
    }
  }
  return latest;
}
