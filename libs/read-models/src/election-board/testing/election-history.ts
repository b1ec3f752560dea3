/**
 * Test helpers (not exported from the package): domain-shaped election, campaign and branch
 * events, decided by the real election decider from the domain's fixtures, recorded on a store
 * the way the application records them.
 */
import type { ElectionCommand, ElectionEvent } from '@app/domain';
import {
  approveRequest,
  approveResult,
  ballot,
  cancelElection,
  confirmInstallation,
  countBallots,
  history,
  recordBallots,
  reportResult,
  requestInstallation,
  SMALL_TO_ASSEMBLY,
  smallConvene,
  takeCensus,
  requestElection,
  TO_RESULT_APPROVED,
  TO_SLATE_APPROVED,
} from '@app/domain/election/election.fixtures';
import type { EventStore, NewEvent } from '@app/event-store';
import { randomUUID } from 'node:crypto';

export const recordedEvent = (
  type: string,
  data: object,
  at: string,
  policyVersion: string | null = null,
): NewEvent => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data: data as NewEvent['data'],
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'a', name: '管理员', role: 'admin' },
    occurredAt: at,
    policyVersion,
  },
});

/** Election events decided by the domain, re-addressed to an election and a branch of the test's choosing. */
export function electionEvents(
  commands: readonly ElectionCommand[],
  ids: { readonly electionId: string; readonly branchId: string },
): ElectionEvent[] {
  return history(commands).map(
    (event) =>
      ({
        type: event.type,
        data: {
          ...event.data,
          electionId: ids.electionId,
          ...('branchId' in event.data ? { branchId: ids.branchId } : {}),
        },
      }) as ElectionEvent,
  );
}

/** Appends election events on `election-<id>` as the application would (metadata from the event). */
export async function appendElection(store: EventStore, electionId: string, events: readonly ElectionEvent[]) {
  const stream = `election-${electionId}`;
  let revision: number | 'noStream';
  try {
    const existing = await store.readStream(stream);
    revision = existing.length === 0 ? 'noStream' : existing.length - 1;
  } catch {
    revision = 'noStream';
  }
  await store.append(
    stream,
    events.map((event) =>
      recordedEvent(event.type, event.data, new Date(event.data.at).toISOString(), event.data.policyVersion),
    ),
    { expectedRevision: revision },
  );
}

/** A committee branch up to its approved result (due 2023-06-30, approval lapsing 2023-06-18). */
export const COMMITTEE_TO_RESULT_APPROVED: readonly ElectionCommand[] = TO_RESULT_APPROVED;

/** The same branch through installation. */
export function committeeInstalled(): ElectionCommand[] {
  const installing = history([...TO_RESULT_APPROVED, requestInstallation()]);
  const requested = installing[installing.length - 1];
  const posts = requested?.type === 'InstallationRequested' ? requested.data.posts.map((post) => post.postId) : [];
  return [...TO_RESULT_APPROVED, requestInstallation(), confirmInstallation(posts)];
}

/** A branch without a committee, its slate approved and its assembly not yet held. */
export const SMALL_TO_SLATE_APPROVED: readonly ElectionCommand[] = SMALL_TO_ASSEMBLY;

/** The small branch electing its secretary and deputy directly at the assembly. */
export const SMALL_TO_OFFICERS_ELECTED: readonly ElectionCommand[] = [
  ...SMALL_TO_ASSEMBLY,
  smallConvene(),
  recordBallots(
    'secretary',
    [1, 2, 3, 4].map(() => ballot({ s1: 'for' })),
    4,
  ),
  countBallots('secretary'),
  recordBallots(
    'deputySecretary',
    [1, 2, 3, 4].map((i) => ballot({ s2: i < 4 ? 'for' : 'abstain' })),
    4,
  ),
  countBallots('deputySecretary'),
  reportResult(),
  approveResult(),
];

export const REQUESTED: readonly ElectionCommand[] = [takeCensus(), requestElection()];
export const APPROVED: readonly ElectionCommand[] = [takeCensus(), requestElection(), approveRequest()];
export const CANCELLED: readonly ElectionCommand[] = [...TO_SLATE_APPROVED.slice(0, 3), cancelElection()];
