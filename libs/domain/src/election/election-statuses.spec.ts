import {
  APPROVAL_UNUSED,
  BEFORE_ASSEMBLY,
  ELECTION_STATUS_CATALOGUE,
  ELECTION_STATUSES,
  type ElectionStatusFacts,
} from './election-statuses';
import type { ElectionStatus } from './election.state';
import type { ElectionCommandType } from './election.commands';
import { ELECTION_TRANSITIONS as TABLE, type ElectionTransition } from './election.transitions';

/** The transition table, read as the statuses it names (its own entries are narrower literal tuples). */
const ELECTION_TRANSITIONS: Readonly<Record<ElectionCommandType, ElectionTransition>> = TABLE;
const transitions = Object.entries(ELECTION_TRANSITIONS);
const facts = (status: ElectionStatus): ElectionStatusFacts => ELECTION_STATUS_CATALOGUE[status];

/** The statuses the transition table can lead to from `start`, without cancelling. */
function reachableFrom(start: ElectionStatus): Set<ElectionStatus> {
  const seen = new Set<ElectionStatus>([start]);
  const queue = [start];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    for (const [command, transition] of transitions) {
      if (command === 'CancelElection' || !transition.from.includes(status)) continue;
      for (const to of transition.to) {
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
  }
  return seen;
}

describe('the election status catalogue', () => {
  it('lists every status once, in workflow order from none, and every status the transition table names', () => {
    expect(ELECTION_STATUSES[0]).toBe('none');
    expect(new Set(ELECTION_STATUSES).size).toBe(ELECTION_STATUSES.length);
    const named = new Set(transitions.flatMap(([, transition]) => [...transition.from, ...transition.to]));
    expect([...named].filter((status) => !ELECTION_STATUSES.includes(status))).toEqual([]);
    expect(ELECTION_STATUSES.filter((status) => status !== 'none' && !named.has(status))).toEqual([]);
  });

  it('gives every status its own Chinese label', () => {
    const labels = ELECTION_STATUSES.map((status) => facts(status).zh);
    expect(labels.every((label) => /[\u4e00-\u9fff]/.test(label))).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("names as each status's next step a command that runs in it, and no step only where no command runs", () => {
    for (const status of ELECTION_STATUSES) {
      const { command } = facts(status).next;
      const runsHere = transitions.filter(([, transition]) => transition.from.includes(status));
      if (command === null)
        expect({ status, runsHere: runsHere.map(([name]) => name) }).toEqual({ status, runsHere: [] });
      else
        expect({ status, from: ELECTION_TRANSITIONS[command].from }).toEqual({
          status,
          from: expect.arrayContaining([status]),
        });
    }
  });

  it("marks before the assembly exactly the started statuses from which the members' assembly can still be convened", () => {
    const beforeAssembly = ELECTION_STATUSES.filter(
      (status) =>
        status !== 'none' &&
        [...reachableFrom(status)].some((s) => ELECTION_TRANSITIONS.ConveneMembersAssembly.from.includes(s)),
    );
    expect(BEFORE_ASSEMBLY).toEqual(beforeAssembly);
  });

  it('marks the approval unused exactly before the assembly where neither the request nor its approval is still to be recorded', () => {
    const awaitingApproval = [
      ...ELECTION_TRANSITIONS.RequestElection.from,
      ...ELECTION_TRANSITIONS.ApproveElectionRequest.from,
    ];
    expect(APPROVAL_UNUSED).toContain('requestApproved');
    expect(APPROVAL_UNUSED).toEqual(BEFORE_ASSEMBLY.filter((status) => !awaitingApproval.includes(status)));
    expect(APPROVAL_UNUSED).not.toContain(ELECTION_TRANSITIONS.LapseApproval.to[0]);
  });
});
