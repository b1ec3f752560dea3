import { documentNumbersOf, termNumberOf, type ElectionView } from '@app/application';
import {
  DEFAULT_RULE_POLICIES,
  electionStreamDecider,
  fold,
  nextActions,
  type ElectionStreamCommand,
  type ElectionStreamEvent,
  type ElectionStreamState,
  type MemberState,
  type PersonalData,
} from '@app/domain';
import {
  cancelElection,
  confirmInstallation,
  convene,
  ELECTION,
  requestInstallation,
  takeCensus,
  TO_RESULT_APPROVED,
} from '@app/domain/election/election.fixtures';
import { REPORTER_PERSONAL, type FieldShape } from '@app/read-models';
import { electionForReporter } from './election-view';
import { memberForReporter } from './member-view';

/** Every leaf of a value with its path (`state.assembly.roll[].suspension`). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((element) => leaves(element, `${path}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

/** The paths the full value has and the reporter's view does not. */
const withheldPaths = (full: unknown, shown: unknown): string[] => {
  const visible = new Set(leaves(shown).map(([path]) => path));
  return [...new Set(leaves(full).map(([path]) => path))].filter((path) => !visible.has(path)).sort();
};

const PERSONAL: PersonalData = {
  name: '宋德福',
  birthDate: '1941-11-29',
  sex: 'male',
  joinedPartyOn: '1975-07-01',
  formerPostLevel: '处级',
};

const active: MemberState & { revision: number } = {
  status: 'active',
  memberId: 'm1',
  personal: PERSONAL,
  membership: 'full',
  branchId: 'b1',
  suspension: { reason: 'detention', from: '2023-02-10', until: '2025-08-31' },
  lastTransferRestructuringId: null,
  affiliated: { since: '2023-01-05', by: 'admission' },
  revision: 3,
};

/** An election's view as GET /elections/:id builds it, from commands its stream's decider accepts. */
function viewOf(
  commands: readonly (
    | ElectionStreamCommand
    | ((state: ElectionStreamState) => ElectionStreamCommand)
    | { readonly recorded: ElectionStreamEvent }
  )[],
): ElectionView {
  const events: ElectionStreamEvent[] = [];
  for (const command of commands) {
    const state = fold(electionStreamDecider, events);
    // A reminder an older release recorded on the election stream: no command sends it any more.
    if ('recorded' in command) events.push(command.recorded);
    else events.push(...electionStreamDecider.decide(typeof command === 'function' ? command(state) : command, state));
  }
  const state = fold(electionStreamDecider, events);
  return {
    electionId: ELECTION,
    revision: events.length - 1,
    termNumber: termNumberOf(state),
    documentNumbers: documentNumbersOf(state),
    state,
    steps: [
      {
        revision: 0,
        type: 'CensusTaken',
        occurredAt: '2023-03-01T00:00:00.000Z',
        recordedAt: '2023-03-01T08:00:00.000Z',
        actor: { id: 'u1', name: '组织科', role: 'admin' },
        policyVersion: '2022-10-22',
      },
    ],
    policyInForce: '2022-10-22',
    asOf: '2023-07-01',
    nextActions: nextActions(state, DEFAULT_RULE_POLICIES[DEFAULT_RULE_POLICIES.length - 1]!, '2023-07-01'),
  };
}

describe("reporters' views of a member and an election (allow-lists)", () => {
  it('a member: no birth date, a suspension only by its first day, everything else as it stands', () => {
    const shown = memberForReporter(active);
    expect(withheldPaths(active, shown)).toEqual(['personal.birthDate', 'suspension.reason', 'suspension.until']);
    expect(shown).toEqual({
      status: 'active',
      memberId: 'm1',
      personal: { name: '宋德福', sex: 'male', joinedPartyOn: '1975-07-01', formerPostLevel: '处级' },
      membership: 'full',
      branchId: 'b1',
      suspension: { from: '2023-02-10' },
      lastTransferRestructuringId: null,
      affiliated: { since: '2023-01-05', by: 'admission' },
      revision: 3,
    });
    expect(memberForReporter({ ...active, suspension: null })).toMatchObject({ suspension: null });
  });

  it('a member who left: death, or other for moving out and expulsion alike', () => {
    const left = (reason: 'death' | 'movedOut' | 'expelled') =>
      memberForReporter({
        status: 'left',
        memberId: 'm1',
        personal: PERSONAL,
        membership: 'full',
        lastBranchId: 'b1',
        reason,
        leftOn: '2023-05-20',
        revision: 4,
      });
    expect(left('death')).toEqual({
      status: 'left',
      memberId: 'm1',
      personal: { name: '宋德福', sex: 'male', joinedPartyOn: '1975-07-01', formerPostLevel: '处级' },
      membership: 'full',
      lastBranchId: 'b1',
      reason: 'death',
      leftOn: '2023-05-20',
      revision: 4,
    });
    expect([left('movedOut').reason, left('expelled').reason]).toEqual(['other', 'other']);
  });

  it('a member: a field nobody has decided about (an ID number, a phone) is not shown', () => {
    const widened = {
      ...active,
      phone: '13800000000',
      personal: { ...PERSONAL, idNumber: '142301194111290011' },
    } as unknown as MemberState & { revision: number };
    const shown = memberForReporter(widened);
    expect(JSON.stringify(shown)).not.toMatch(/13800000000|142301194111290011/);
    expect(shown).toEqual(memberForReporter(active));
  });

  it('an installed election: only the suspension reasons of the roll are withheld, every other field shown', () => {
    const full = viewOf([
      ...TO_RESULT_APPROVED,
      requestInstallation(),
      (state) =>
        confirmInstallation(state.status === 'installing' ? state.installation.posts.map((p) => p.postId) : []),
      {
        recorded: {
          type: 'TermEndReminderDue',
          data: {
            electionId: ELECTION,
            policyVersion: '2022-10-22',
            at: '2028-04-01T00:00:00.000Z',
            branchId: 'b-1',
            termEnd: '2028-05-31',
            daysBefore: 60,
            dueOn: '2028-04-01',
          },
        },
      },
    ]);
    expect(full.state).toMatchObject({ status: 'installed', termEndReminders: [{ daysBefore: 60 }] });
    const shown = electionForReporter(full);
    expect(withheldPaths(full, shown)).toEqual(['state.assembly.roll[].suspension']);
    expect(JSON.stringify(shown)).not.toContain('"probation"');
    // Nothing else changes: the same leaves, value for value.
    const others = (view: unknown) =>
      leaves(view)
        .filter(([path]) => path !== 'state.assembly.roll[].suspension')
        .map((leaf) => JSON.stringify(leaf))
        .sort();
    expect(others(shown)).toEqual(others(full));
  });

  it('an election with an exclusion: its reason withheld, its approval shown', () => {
    const full = viewOf([
      takeCensus(),
      ...TO_RESULT_APPROVED.slice(1, 9),
      convene({
        exclusions: [
          { memberId: 'm10', reason: 'illnessPreventsExpression', approvalReference: '孝离党字〔2023〕11号' },
        ],
      }),
    ]);
    const shown = electionForReporter(full) as { state: { assembly: { exclusions: unknown[] } } };
    expect(shown.state.assembly.exclusions).toEqual([{ memberId: 'm10', approvalReference: '孝离党字〔2023〕11号' }]);
    expect(withheldPaths(full, shown)).toEqual([
      'state.assembly.exclusions[].reason',
      'state.assembly.roll[].suspension',
    ]);
  });

  it('a cancelled election: no reason, and the blocked actions no longer quote it', () => {
    const full = viewOf([takeCensus(), cancelElection()]);
    expect(JSON.stringify(full)).toContain('支部撤并');
    const shown = electionForReporter(full);
    expect(JSON.stringify(shown)).not.toContain('支部撤并');
    expect(withheldPaths(full, shown)).toEqual(['state.reason']);
    expect((shown as { nextActions: { reason?: string }[] }).nextActions[0]!.reason).toMatch(
      /^\w+ cannot run because the election was cancelled; a new election is started on a new stream/,
    );
  });

  it('an election: a field nobody has decided about is not shown, at the top or deep in the state', () => {
    const full = viewOf([...TO_RESULT_APPROVED]);
    const state = full.state as unknown as { assembly: { roll: object[] } };
    const widened = {
      ...full,
      state: {
        ...full.state,
        healthNote: '书记患脑梗住院',
        assembly: {
          ...state.assembly,
          roll: state.assembly.roll.map((entry) => ({ ...entry, phone: '13800000000' })),
        },
      },
    } as unknown as ElectionView;
    const shown = JSON.stringify(electionForReporter(widened));
    expect(shown).not.toMatch(/书记患脑梗住院|13800000000/);
    expect(electionForReporter(widened)).toEqual(electionForReporter(full));
  });
});

// Compile-time: an allow-list is a FieldShape of its type, which names every field of every
// variant, so a field added to the type fails to compile until it has a decision (`npm test`
// type-checks these lines: each must stay an error).
type Widened<T, Extra> = T & Extra;
// @ts-expect-error a field added to PersonalData has no decision
export const personalWidened: FieldShape<Widened<PersonalData, { idNumber: string }>> = REPORTER_PERSONAL;
// @ts-expect-error an allow-list that leaves out a field of one variant does not compile
export const memberPartial: FieldShape<MemberState> = { status: true, memberId: true };
