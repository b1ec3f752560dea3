import {
  branchDecider,
  branchStreamName,
  byElectionDecider,
  byElectionStreamName,
  electionStreamDecider,
  electionRemindersStreamName,
  electionStreamName,
  memberDecider,
  memberStreamName,
  partyCommitteeDecider,
  partyCommitteeStreamName,
  restructuringDecider,
  restructuringStreamName,
  type Decider,
  type DomainEvent,
  type ElectionReminderEvent,
  type RestructuringPlan,
  type RestructuringState,
} from '@app/domain';

/**
 * Whose a stream is, from what its own events say: the committees, branches and members it
 * concerns (each of which belongs to a committee), or the bureau as a whole. A stream of a kind
 * not listed here counts as the bureau's, so a new kind of stream is closed to a
 * committee-scoped administrator until someone decides whose it is.
 */
export type StreamSubjects =
  | { readonly kind: 'bureau' }
  /** A committee's own stream: it is within the scope of itself and of each of its ancestors. */
  | { readonly kind: 'committee'; readonly committeeId: string; readonly parentCommitteeId: string | null }
  | {
      readonly kind: 'organisation';
      readonly committees: readonly string[];
      readonly branches: readonly string[];
      readonly members: readonly string[];
    };

const NOTHING: StreamSubjects = { kind: 'organisation', committees: [], branches: [], members: [] };
const BUREAU: StreamSubjects = { kind: 'bureau' };

type Folder = (events: readonly DomainEvent[]) => StreamSubjects;

/** Folds a stream's events with its decider, then reads the subjects off the state. */
function folding<S>(
  decider: Pick<Decider<unknown, DomainEvent, S>, 'evolve' | 'initialState'>,
  read: (state: S) => StreamSubjects,
): Folder {
  return (events) => read(events.reduce((state, event) => decider.evolve(state, event), decider.initialState()));
}

type OrganisationSubjects = Extract<StreamSubjects, { kind: 'organisation' }>;

const organisation = (subjects: Partial<Omit<OrganisationSubjects, 'kind'>>): OrganisationSubjects => ({
  ...NOTHING,
  ...subjects,
});

/** Every branch, committee and member a restructuring's plan names: all of them must be the caller's. */
function subjectsOfPlan(plan: RestructuringPlan): OrganisationSubjects {
  switch (plan.kind) {
    case 'merge':
      return plan.target.kind === 'existing'
        ? organisation({ branches: [...plan.sourceBranchIds, plan.target.branchId] })
        : organisation({
            branches: [...plan.sourceBranchIds, plan.target.branch.branchId],
            committees: [plan.target.branch.parentCommitteeId],
          });
    case 'redraw':
      return organisation({
        branches: [...plan.assignments.map((a) => a.toBranchId), ...plan.newBranches.map((b) => b.branchId)],
        committees: plan.newBranches.map((b) => b.parentCommitteeId),
        members: plan.assignments.map((a) => a.memberId),
      });
    case 'dissolution':
      return organisation({ branches: [plan.branchId, plan.destinationBranchId] });
  }
}

/**
 * Until it executes, a restructuring belongs to everyone its plan names, members included, where
 * they are now: that is what protects the execution from moving another committee's member.
 * Once frozen (or abandoned) it is judged by what it did and named — its branches, committees and
 * each transfer's branches — so a member moving on later does not hide a committee's own history.
 */
function subjectsOfRestructuring(state: RestructuringState): StreamSubjects {
  switch (state.status) {
    case 'none':
      return NOTHING;
    case 'proposed':
    case 'approved':
      return subjectsOfPlan(state.plan);
    case 'abandoned':
      return { ...subjectsOfPlan(state.plan), members: [] };
    case 'executing':
    case 'completed': {
      const planned = subjectsOfPlan(state.plan);
      const moved = state.execution.transfers.flatMap((t) => [t.fromBranchId, t.toBranchId]);
      return { ...planned, branches: [...planned.branches, ...moved], members: [] };
    }
  }
}

const CATEGORIES: readonly (readonly [prefix: string, fold: Folder])[] = [
  [
    partyCommitteeStreamName(''),
    folding(partyCommitteeDecider, (state) =>
      state.status === 'none'
        ? NOTHING
        : { kind: 'committee', committeeId: state.committeeId, parentCommitteeId: state.parentCommitteeId },
    ),
  ],
  [
    branchStreamName(''),
    folding(branchDecider, (state) =>
      state.status === 'none' ? NOTHING : organisation({ committees: [state.parentCommitteeId] }),
    ),
  ],
  [
    memberStreamName(''),
    folding(memberDecider, (state) => {
      if (state.status === 'none') return NOTHING;
      return organisation({ branches: [state.status === 'active' ? state.branchId : state.lastBranchId] });
    }),
  ],
  [
    electionStreamName(''),
    folding(electionStreamDecider, (state) =>
      state.status === 'none' ? NOTHING : organisation({ branches: [state.branchId] }),
    ),
  ],
  [restructuringStreamName(''), folding(restructuringDecider, subjectsOfRestructuring)],
  [
    byElectionStreamName(''),
    folding(byElectionDecider, (state) =>
      state.status === 'none' ? NOTHING : organisation({ branches: [state.branchId] }),
    ),
  ],
  // A branch's reminders to the superior are the branch's: its id is in the stream's name.
  [electionRemindersStreamName(''), (events) => reminderSubjects(events)],
];

function reminderSubjects(events: readonly DomainEvent[]): StreamSubjects {
  const first = events[0] as ElectionReminderEvent | undefined;
  return first === undefined ? NOTHING : organisation({ branches: [first.data.branchId] });
}

/** The subjects of `stream` as its events (current shapes, oldest first) leave it. */
export function subjectsOf(stream: string, events: readonly DomainEvent[]): StreamSubjects {
  const category = CATEGORIES.find(([prefix]) => stream.startsWith(prefix));
  return category ? category[1](events) : BUREAU;
}
