import type { RestructuringEvent, RestructuringState } from '@app/domain';

export type RestructuringStateName = Exclude<RestructuringState['status'], 'none'>;

/** Every state a restructuring can be in, in workflow order: the statistics breakdown lists them all. */
export const RESTRUCTURING_STATES: readonly RestructuringStateName[] = [
  'proposed',
  'approved',
  'executing',
  'completed',
  'abandoned',
];

/**
 * The state a restructuring is in after each of its events; null for events that do not move
 * it (BranchesMerged is a record for auditors, not a step). A new restructuring event fails to
 * compile here until it is given a state.
 */
export const RESTRUCTURING_STATE_BY_EVENT: {
  readonly [K in RestructuringEvent['type']]: RestructuringStateName | null;
} & Readonly<Record<string, RestructuringStateName | null | undefined>> = {
  RestructuringProposed: 'proposed',
  RestructuringApproved: 'approved',
  RestructuringExecutionStarted: 'executing',
  RestructuringCompleted: 'completed',
  RestructuringAbandoned: 'abandoned',
  BranchesMerged: null,
};

/**
 * The state an election (`election-…` stream, one branch, one term) is in after each of its
 * events. Empty until the election context records events: add e.g.
 * `ElectionRequested: 'requested'`, `ElectionResultApproved: 'completed'`; the statistics
 * projection then tracks them with no other change (bump its version to rebuild the history).
 */
export const ELECTION_STATE_BY_EVENT: Readonly<Record<string, string | undefined>> = {};
