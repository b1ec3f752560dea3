/**
 * Property: random sequences of admit, transfer, leave, post assignment, merge, redraw and
 * dissolution keep the organisation's invariants. The model is made only of the deciders: each
 * aggregate's events are folded, and each command's `context` is filled from the current states
 * exactly as the application layer will fill it from the store. The model also plays the
 * restructuring process manager (propose → approve → start → establish → transfer → dissolve →
 * assess → complete), retrying some steps as a restart after a crash would.
 *
 * On failure fast-check reports the seed and path; re-run with `{ seed, path }` to replay it.
 */
import fc from 'fast-check';
import { CommandMetadata, Decider, fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import {
  CompleteRestructuring,
  MemberFact,
  OrganisationContext,
  RestructuringCommand,
} from '../restructuring/restructuring.commands';
import { restructuringDecider } from '../restructuring/restructuring.decider';
import { RestructuringEvent } from '../restructuring/restructuring.events';
import { NewBranch, RollEntry } from '../restructuring/restructuring-plan';
import { RestructuringState } from '../restructuring/restructuring.state';
import { BranchCommand } from './branch/branch.commands';
import { branchDecider } from './branch/branch.decider';
import { BranchEvent } from './branch/branch.events';
import { BranchState } from './branch/branch.state';
import { partyCommitteeDecider } from './committee/committee.decider';
import { PartyCommitteeEvent } from './committee/committee.events';
import { MemberCommand } from './member/member.commands';
import { memberDecider } from './member/member.decider';
import { MemberEvent } from './member/member.events';
import { MemberState } from './member/member.state';
import { BranchStatusFact, MemberCounts } from './organisation-facts';

const metadata: CommandMetadata = {
  at: '2023-05-01T09:00:00+08:00',
  actor: { id: 'u-prop', name: 'property', role: 'admin' },
};
const COMMITTEE = 'c-1';

type Outcome<E> =
  { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly error: DomainError };

class Streams<C, E, S> {
  readonly events = new Map<string, E[]>();
  private readonly states = new Map<string, S>();
  constructor(private readonly decider: Decider<C, E, S>) {}

  state(id: string): S {
    const cached = this.states.get(id);
    if (cached !== undefined) return cached;
    const state = fold(this.decider, this.events.get(id) ?? []);
    this.states.set(id, state);
    return state;
  }

  /** Load, decide, append: what the application's generic command handler does. */
  handle(id: string, command: C): Outcome<E> {
    try {
      const produced = this.decider.decide(command, this.state(id));
      this.events.set(id, [...(this.events.get(id) ?? []), ...produced]);
      this.states.delete(id);
      return { ok: true, events: produced };
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error };
      throw error;
    }
  }

  ids(): string[] {
    return [...this.events.keys()].sort();
  }
}

class OrganisationModel {
  readonly committees = new Streams(partyCommitteeDecider);
  readonly branches = new Streams(branchDecider);
  readonly members = new Streams(memberDecider);
  readonly restructurings = new Streams(restructuringDecider);
  admitted = 0;
  left = 0;
  private nextId = 0;

  constructor() {
    const established = this.committees.handle(COMMITTEE, {
      type: 'EstablishPartyCommittee',
      data: { committeeId: COMMITTEE, name: '离退休干部党委', kind: 'committee', context: { established: {} } },
      metadata,
    });
    expectOk(established);
    for (let i = 0; i < 3; i += 1) this.establishBranch(this.newId('b'));
  }

  newId(prefix: string): string {
    this.nextId += 1;
    return `${prefix}-${this.nextId}`;
  }

  // ---- facts the application layer reads before deciding ----
  branchStatus(branchId: string): BranchStatusFact {
    const state = this.branches.state(branchId);
    return state.status === 'none' ? 'notFound' : state.status;
  }

  activeMembers(): { memberId: string; state: Extract<MemberState, { status: 'active' }> }[] {
    return this.members
      .ids()
      .map((memberId) => ({ memberId, state: this.members.state(memberId) }))
      .filter(
        (entry): entry is { memberId: string; state: Extract<MemberState, { status: 'active' }> } =>
          entry.state.status === 'active',
      );
  }

  roll(): RollEntry[] {
    return this.activeMembers().map(({ memberId, state }) => ({ memberId, branchId: state.branchId }));
  }

  counts(branchId: string): MemberCounts {
    const here = this.activeMembers().filter(({ state }) => state.branchId === branchId);
    return {
      full: here.filter(({ state }) => state.membership === 'full').length,
      probationary: here.filter(({ state }) => state.membership === 'probationary').length,
    };
  }

  organisationContext(): OrganisationContext {
    return {
      branches: Object.fromEntries(this.branches.ids().map((id) => [id, this.branchStatus(id)])),
      committees: { [COMMITTEE]: 'active' },
    };
  }

  pick<T>(items: readonly T[], index: number): T | undefined {
    return items.length === 0 ? undefined : items[index % items.length];
  }

  // ---- operations ----
  establishBranch(branchId: string, restructuringId?: string): Outcome<BranchEvent> {
    return this.branches.handle(branchId, {
      type: 'EstablishBranch',
      data: {
        branchId,
        name: `社区离退休干部党支部 ${branchId}`,
        parentCommitteeId: COMMITTEE,
        joint: false,
        ...(restructuringId === undefined ? {} : { restructuringId }),
        context: { parentCommitteeStatus: 'active', established: {} },
      },
      metadata,
    });
  }

  admit(branchPick: number, full: boolean): Outcome<MemberEvent> | undefined {
    const branchId = this.pick(this.branches.ids(), branchPick);
    if (branchId === undefined) return undefined;
    const memberId = this.newId('m');
    const outcome = this.members.handle(memberId, {
      type: 'AdmitMember',
      data: {
        memberId,
        name: `党员 ${memberId}`,
        birthDate: '1955-01-01',
        sex: 'male',
        joinedPartyOn: '1980-07-01',
        formerPostLevel: '科级',
        membership: full ? 'full' : 'probationary',
        branchId,
        context: { branchStatus: this.branchStatus(branchId), established: {} },
      },
      metadata,
    });
    if (outcome.ok) this.admitted += 1;
    else expect(['BRANCH_DISSOLVED']).toContain(outcome.error.code);
    return outcome;
  }

  transfer(memberPick: number, branchPick: number): void {
    const memberId = this.pick(this.members.ids(), memberPick);
    const toBranchId = this.pick(this.branches.ids(), branchPick);
    if (memberId === undefined || toBranchId === undefined) return;
    const outcome = this.members.handle(memberId, {
      type: 'TransferMember',
      data: { memberId, toBranchId, context: { toBranchStatus: this.branchStatus(toBranchId), established: {} } },
      metadata,
    });
    if (!outcome.ok) expect(['BRANCH_DISSOLVED', 'SOURCE_EQUALS_TARGET', 'MEMBER_LEFT']).toContain(outcome.error.code);
  }

  leave(memberPick: number): void {
    const memberId = this.pick(this.members.ids(), memberPick);
    if (memberId === undefined) return;
    const outcome = this.members.handle(memberId, {
      type: 'RecordMemberDeparture',
      data: { memberId, reason: 'death', leftOn: '2023-05-01' },
      metadata,
    });
    if (outcome.ok) this.left += 1;
    else expect(outcome.error.code).toBe('MEMBER_LEFT');
  }

  assignSecretary(branchPick: number, memberPick: number): void {
    const branchId = this.pick(this.branches.ids(), branchPick);
    const memberId = this.pick(this.members.ids(), memberPick);
    if (branchId === undefined || memberId === undefined) return;
    const member = this.members.state(memberId);
    const outcome = this.branches.handle(branchId, {
      type: 'AssignPost',
      data: {
        branchId,
        postId: this.newId('p'),
        kind: 'secretary',
        source: 'elected',
        holder: { personId: memberId, name: `党员 ${memberId}` },
        startDate: '2023-05-01',
        context: {
          holder: {
            isMemberOfBranch: member.status === 'active' && member.branchId === branchId,
            isFullMember: member.status === 'active' && member.membership === 'full',
            votingRightsSuspended: member.status === 'active' && member.suspension !== null,
          },
        },
      },
      metadata,
    });
    if (!outcome.ok)
      expect(['BRANCH_DISSOLVED', 'POST_HOLDER_NOT_ELIGIBLE', 'POST_OCCUPIED', 'PERSON_ALREADY_HOLDS_POST']).toContain(
        outcome.error.code,
      );
  }

  dissolveDirectly(branchPick: number): void {
    const branchId = this.pick(this.branches.ids(), branchPick);
    if (branchId === undefined) return;
    const { full, probationary } = this.counts(branchId);
    const outcome = this.branches.handle(branchId, {
      type: 'DissolveBranch',
      data: { branchId, reason: '不再符合设立条件', context: { memberCount: full + probationary } },
      metadata,
    });
    if (!outcome.ok) expect(['BRANCH_DISSOLVED', 'BRANCH_HAS_MEMBERS']).toContain(outcome.error.code);
  }

  merge(sourcePicks: readonly number[], targetPick: number, newTarget: boolean, crashAt: number): void {
    const ids = this.branches.ids();
    const sourceBranchIds = [
      ...new Set(sourcePicks.map((p) => this.pick(ids, p)).filter((id): id is string => id !== undefined)),
    ];
    const target = newTarget
      ? ({ kind: 'new', branch: this.newBranch() } as const)
      : ({ kind: 'existing', branchId: this.pick(ids, targetPick) ?? 'b-none' } as const);
    const restructuringId = this.newId('r');
    this.runRestructuring(
      restructuringId,
      {
        type: 'ProposeMerge',
        data: {
          restructuringId,
          sourceBranchIds,
          target,
          reason: '撤并',
          context: { ...this.organisationContext(), established: {} },
        },
        metadata,
      },
      ['BRANCH_DISSOLVED', 'SOURCE_EQUALS_TARGET', 'EMPTY_PLAN'],
      crashAt,
    );
  }

  dissolveVia(branchPick: number, destinationPick: number, crashAt: number): void {
    const ids = this.branches.ids();
    const branchId = this.pick(ids, branchPick);
    const destinationBranchId = this.pick(ids, destinationPick);
    if (branchId === undefined || destinationBranchId === undefined) return;
    const restructuringId = this.newId('r');
    this.runRestructuring(
      restructuringId,
      {
        type: 'ProposeDissolution',
        data: {
          restructuringId,
          branchId,
          destinationBranchId,
          reason: '党员不足',
          context: { ...this.organisationContext(), established: {} },
        },
        metadata,
      },
      ['BRANCH_DISSOLVED', 'SOURCE_EQUALS_TARGET'],
      crashAt,
    );
  }

  redraw(
    memberPicks: readonly number[],
    branchPicks: readonly number[],
    withNewBranch: boolean,
    crashAt: number,
  ): void {
    const memberIds = [
      ...new Set(
        memberPicks.map((p) => this.pick(this.members.ids(), p)).filter((id): id is string => id !== undefined),
      ),
    ];
    const newBranches = withNewBranch ? [this.newBranch()] : [];
    const destinations = [...this.branches.ids(), ...newBranches.map((b) => b.branchId)];
    const assignments = memberIds.map((memberId, i) => ({
      memberId,
      toBranchId: this.pick(destinations, branchPicks[i] ?? i) ?? 'b-none',
    }));
    const restructuringId = this.newId('r');
    this.runRestructuring(
      restructuringId,
      {
        type: 'ProposeRedraw',
        data: {
          restructuringId,
          assignments,
          newBranches,
          reason: '结合城市社区调整',
          context: { ...this.organisationContext(), established: {} },
        },
        metadata,
      },
      ['BRANCH_DISSOLVED', 'EMPTY_PLAN', 'UNUSED_NEW_BRANCH'],
      crashAt,
    );
  }

  private newBranch(): NewBranch {
    const branchId = this.newId('b');
    return { branchId, name: `永安社区离退休干部党支部 ${branchId}`, parentCommitteeId: COMMITTEE };
  }

  /** The process manager, run to completion; `crashAt` replays the first steps once, as a restart would. */
  private runRestructuring(
    restructuringId: string,
    proposal: RestructuringCommand,
    allowedRefusals: readonly string[],
    crashAt: number,
  ): void {
    const proposed = this.restructurings.handle(restructuringId, proposal);
    if (!proposed.ok) {
      expect(allowedRefusals).toContain(proposed.error.code);
      return;
    }
    expectOk(
      this.restructurings.handle(restructuringId, {
        type: 'ApproveRestructuring',
        data: {
          restructuringId,
          approvedBy: '离退休干部党委',
          documentReference: `孝离党字〔2023〕${restructuringId}号`,
          approvedOn: '2023-05-01',
        },
        metadata,
      }),
    );
    const started = this.restructurings.handle(restructuringId, {
      type: 'StartRestructuringExecution',
      data: { restructuringId, context: { ...this.organisationContext(), roll: this.roll() } },
      metadata,
    });
    if (!started.ok) {
      // Nothing to move on today's roll (e.g. a redraw of members already in place): abandon it.
      expect(started.error.code).toBe('EMPTY_PLAN');
      expectOk(
        this.restructurings.handle(restructuringId, {
          type: 'AbandonRestructuring',
          data: { restructuringId, reason: '无需调整' },
          metadata,
        }),
      );
      return;
    }
    const state = this.restructurings.state(restructuringId);
    if (state.status !== 'executing') throw new Error(`expected executing, got ${state.status}`);
    const { execution } = state;

    const steps: (() => void)[] = [
      ...execution.branchesToEstablish.map((branch) => () => this.establishStep(branch, restructuringId)),
      ...execution.transfers.map((transfer) => () => {
        const command: MemberCommand = {
          type: 'TransferMember',
          data: {
            memberId: transfer.memberId,
            toBranchId: transfer.toBranchId,
            expectedFromBranchId: transfer.fromBranchId,
            restructuringId,
            context: { toBranchStatus: this.branchStatus(transfer.toBranchId), established: {} },
          },
          metadata,
        };
        const member = this.members.state(transfer.memberId);
        // A retried step finds the member already moved by this restructuring: a no-op.
        if (member.status === 'active' && member.branchId === transfer.toBranchId) {
          expect(this.members.handle(transfer.memberId, command)).toEqual({ ok: true, events: [] });
          return;
        }
        expectOk(this.members.handle(transfer.memberId, command));
      }),
      ...execution.branchesToClose.map((branchId) => () => {
        if (this.branches.state(branchId).status === 'dissolved') return; // retried after a crash
        const { full, probationary } = this.counts(branchId);
        expectOk(
          this.branches.handle(branchId, {
            type: 'DissolveBranch',
            data: { branchId, reason: '撤并', restructuringId, context: { memberCount: full + probationary } },
            metadata,
          }),
        );
      }),
    ];
    // Simulated crash: the steps before `crashAt` ran, then the restart re-runs everything.
    steps.slice(0, crashAt % (steps.length + 1)).forEach((step) => step());
    steps.forEach((step) => step());

    for (const branchId of execution.branchesToReassess) {
      if (this.branchStatus(branchId) !== 'open') continue;
      expectOk(
        this.branches.handle(branchId, {
          type: 'AssessBranchShape',
          data: { branchId, context: { counts: this.counts(branchId) } },
          metadata,
        }),
      );
    }
    const members: Record<string, MemberFact> = {};
    for (const { memberId } of execution.transfers) {
      const member = this.members.state(memberId);
      members[memberId] =
        member.status === 'active' ? { status: 'active', branchId: member.branchId } : { status: 'left' };
    }
    const complete: CompleteRestructuring = {
      type: 'CompleteRestructuring',
      data: { restructuringId, context: { members, branches: this.organisationContext().branches } },
      metadata,
    };
    const completed = this.restructurings.handle(restructuringId, complete);
    expectOk(completed);
    const last = completed.ok ? completed.events[completed.events.length - 1] : undefined;
    expect(last?.type).toBe('RestructuringCompleted');
    if (last?.type === 'RestructuringCompleted') {
      expect(last.data.counts.membersTransferred).toBe(execution.transfers.length);
      expect(last.data.counts.branchesClosed).toBe(execution.branchesToClose.length);
    }
  }

  private establishStep(branch: NewBranch, restructuringId: string): void {
    if (this.branches.state(branch.branchId).status === 'open') return; // retried after a crash
    expectOk(this.establishBranch(branch.branchId, restructuringId));
  }
}

/** The refusal code of `run`, or undefined when it is accepted; plain code because jest's matchers are slow in a hot loop. */
function refusalCode(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

function mustRefuse(run: () => unknown, code: string, what: string): void {
  const actual = refusalCode(run);
  if (actual !== code) throw new Error(`${what}: expected ${code}, got ${actual ?? 'acceptance'}`);
}

function expectOk<E>(outcome: Outcome<E>): void {
  if (!outcome.ok) throw new Error(`unexpected refusal ${outcome.error.code}: ${outcome.error.message}`);
}

/** Every command a branch accepts, aimed at `branchId`. */
function everyBranchCommand(branchId: string): BranchCommand[] {
  return [
    {
      type: 'EstablishBranch',
      data: {
        branchId,
        name: 'x',
        parentCommitteeId: COMMITTEE,
        joint: false,
        context: { parentCommitteeStatus: 'active', established: {} },
      },
      metadata,
    },
    { type: 'RenameBranch', data: { branchId, name: '新名称' }, metadata },
    {
      type: 'ReaffiliateBranch',
      data: { branchId, parentCommitteeId: 'c-2', context: { parentCommitteeStatus: 'active', established: {} } },
      metadata,
    },
    {
      type: 'AddManagementLink',
      data: { branchId, link: { linkId: 'l-1', kind: 'community', name: '社区党委' } },
      metadata,
    },
    { type: 'RemoveManagementLink', data: { branchId, linkId: 'l-1' }, metadata },
    {
      type: 'AssignPost',
      data: {
        branchId,
        postId: 'p-x',
        kind: 'deputySecretary',
        source: 'concurrent',
        holder: { personId: 'x', name: '社区书记' },
        startDate: '2023-05-01',
        context: { holder: { isMemberOfBranch: false, isFullMember: false, votingRightsSuspended: false } },
      },
      metadata,
    },
    { type: 'VacatePost', data: { branchId, postId: 'p-x', reason: 'other', endDate: '2023-05-02' }, metadata },
    { type: 'AssessBranchShape', data: { branchId, context: { counts: { full: 0, probationary: 0 } } }, metadata },
    { type: 'DissolveBranch', data: { branchId, reason: 'x', context: { memberCount: 0 } }, metadata },
  ];
}

function checkInvariants(model: OrganisationModel): void {
  const active = model.activeMembers();

  // Counts are conserved: members on the roll = admitted − left.
  if (active.length !== model.admitted - model.left)
    throw new Error(`${active.length} active members, but ${model.admitted} admitted − ${model.left} left`);

  // Every active member is in exactly one branch, and it is open. (One affiliation field on the
  // member's own stream makes "exactly one" structural; the branch must exist and be open.)
  for (const { memberId, state } of active) {
    const branch: BranchState = model.branches.state(state.branchId);
    if (branch.status !== 'open')
      throw new Error(`member ${memberId} is attached to ${state.branchId}, which is ${branch.status}`);
  }
  const perBranch = model.branches
    .ids()
    .reduce((sum, id) => sum + model.counts(id).full + model.counts(id).probationary, 0);
  if (perBranch !== active.length) throw new Error(`branches hold ${perBranch} members, the roll ${active.length}`);

  for (const branchId of model.branches.ids()) {
    if (model.branches.state(branchId).status !== 'dissolved') continue;
    // A dissolved branch has no members, and refuses every command (its own and those aimed at it).
    const left = model.counts(branchId);
    if (left.full + left.probationary !== 0) throw new Error(`dissolved branch ${branchId} still has members`);
    for (const command of everyBranchCommand(branchId)) {
      mustRefuse(
        () => branchDecider.decide(command, model.branches.state(branchId)),
        'BRANCH_DISSOLVED',
        `${command.type} on dissolved ${branchId}`,
      );
    }
    for (const { memberId, state } of active.slice(0, 3)) {
      const transfer: MemberCommand = {
        type: 'TransferMember',
        data: {
          memberId,
          toBranchId: branchId,
          context: { toBranchStatus: model.branchStatus(branchId), established: {} },
        },
        metadata,
      };
      mustRefuse(
        () => memberDecider.decide(transfer, state),
        'BRANCH_DISSOLVED',
        `transfer of ${memberId} into dissolved ${branchId}`,
      );
    }
    const admit: MemberCommand = {
      type: 'AdmitMember',
      data: {
        memberId: 'm-new',
        name: '新党员',
        birthDate: '1960-01-01',
        sex: 'female',
        joinedPartyOn: '1990-01-01',
        formerPostLevel: '科级',
        membership: 'full',
        branchId,
        context: { branchStatus: model.branchStatus(branchId), established: {} },
      },
      metadata,
    };
    mustRefuse(
      () => memberDecider.decide(admit, memberDecider.initialState()),
      'BRANCH_DISSOLVED',
      `admission into dissolved ${branchId}`,
    );
  }

  // Every restructuring has run to an end, and every transfer it caused names an existing one.
  for (const id of model.restructurings.ids()) {
    const state: RestructuringState = model.restructurings.state(id);
    if (state.status !== 'completed' && state.status !== 'abandoned')
      throw new Error(`restructuring ${id} left ${state.status}`);
  }
  for (const events of model.members.events.values()) {
    for (const event of events) {
      if (event.type === 'MemberTransferred' && event.data.restructuringId !== null) {
        if (!model.restructurings.events.has(event.data.restructuringId))
          throw new Error(`transfer of ${event.data.memberId} names unknown ${event.data.restructuringId}`);
      }
    }
  }
}

type Operation =
  | { readonly kind: 'admit'; readonly branch: number; readonly full: boolean }
  | { readonly kind: 'transfer'; readonly member: number; readonly branch: number }
  | { readonly kind: 'leave'; readonly member: number }
  | { readonly kind: 'assignSecretary'; readonly branch: number; readonly member: number }
  | { readonly kind: 'dissolveDirectly'; readonly branch: number }
  | { readonly kind: 'establish' }
  | {
      readonly kind: 'merge';
      readonly sources: readonly number[];
      readonly target: number;
      readonly newTarget: boolean;
      readonly crashAt: number;
    }
  | {
      readonly kind: 'redraw';
      readonly members: readonly number[];
      readonly branches: readonly number[];
      readonly newBranch: boolean;
      readonly crashAt: number;
    }
  | { readonly kind: 'dissolve'; readonly branch: number; readonly destination: number; readonly crashAt: number };

const pick = fc.nat({ max: 50 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('admit' as const), branch: pick, full: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('transfer' as const), member: pick, branch: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('leave' as const), member: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('assignSecretary' as const), branch: pick, member: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dissolveDirectly' as const), branch: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('establish' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      sources: fc.array(pick, { minLength: 1, maxLength: 3 }),
      target: pick,
      newTarget: fc.boolean(),
      crashAt: pick,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('redraw' as const),
      members: fc.array(pick, { minLength: 0, maxLength: 5 }),
      branches: fc.array(pick, { maxLength: 5 }),
      newBranch: fc.boolean(),
      crashAt: pick,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('dissolve' as const), branch: pick, destination: pick, crashAt: pick }),
  },
);

function apply(model: OrganisationModel, op: Operation): void {
  switch (op.kind) {
    case 'admit':
      model.admit(op.branch, op.full);
      return;
    case 'transfer':
      model.transfer(op.member, op.branch);
      return;
    case 'leave':
      model.leave(op.member);
      return;
    case 'assignSecretary':
      model.assignSecretary(op.branch, op.member);
      return;
    case 'dissolveDirectly':
      model.dissolveDirectly(op.branch);
      return;
    case 'establish':
      expectOk(model.establishBranch(model.newId('b')));
      return;
    case 'merge':
      model.merge(op.sources, op.target, op.newTarget, op.crashAt);
      return;
    case 'redraw':
      model.redraw(op.members, op.branches, op.newBranch, op.crashAt);
      return;
    case 'dissolve':
      model.dissolveVia(op.branch, op.destination, op.crashAt);
      return;
    default: {
      const unexpected: never = op;
      throw new Error(`unknown operation ${JSON.stringify(unexpected)}`);
    }
  }
}

describe('organisation invariants under random admit, transfer, merge, redraw and dissolve', () => {
  it('keeps every active member in exactly one open branch, conserves counts, and closes dissolved branches for good', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 30 }), (operations) => {
        const model = new OrganisationModel();
        checkInvariants(model);
        for (const op of operations) {
          apply(model, op);
          checkInvariants(model);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('a dissolved branch ends its posts (no active post survives dissolution)', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 30 }), (operations) => {
        const model = new OrganisationModel();
        operations.forEach((op) => apply(model, op));
        for (const branchId of model.branches.ids()) {
          const events: readonly BranchEvent[] = model.branches.events.get(branchId) ?? [];
          if (!events.some((event) => event.type === 'BranchDissolved')) continue;
          const assigned = events
            .filter((event) => event.type === 'PostAssigned')
            .map((event) => (event.type === 'PostAssigned' ? event.data.post.postId : ''));
          const vacated = new Set(events.flatMap((event) => (event.type === 'PostVacated' ? [event.data.postId] : [])));
          expect(assigned.filter((postId) => !vacated.has(postId))).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

// Keep the event unions referenced so a renamed type breaks this file at compile time.
export type ModelEvents = PartyCommitteeEvent | BranchEvent | MemberEvent | RestructuringEvent;
