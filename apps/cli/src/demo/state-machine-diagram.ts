import {
  ELECTION_STATUS_CATALOGUE,
  ELECTION_STATUSES,
  ELECTION_TRANSITIONS,
  type ElectionStatus,
  type ElectionTransition,
} from '@app/domain';

/**
 * The election state machine drawn from the decider's own transition table
 * (`ELECTION_TRANSITIONS`), so the picture cannot drift from the rules: docs/election-state-machine.md
 * is this module's output, and a unit test fails when the committed file is stale.
 * Regenerate with `node -r @swc-node/register apps/cli/src/demo/write-election-diagram.ts`.
 */

export const DIAGRAM_FILE = 'docs/election-state-machine.md';

interface Edge {
  readonly from: ElectionStatus;
  readonly to: ElectionStatus;
  readonly commands: string[];
}

/**
 * The transitions as edges. A command that may keep the status (its `to` contains its `from`)
 * loops on each status it runs in, and does not jump between two statuses it merely stays in
 * (vetting in `requestApproved` does not lead to `slateSubmitted`).
 */
export function electionEdges(
  transitions: Readonly<Record<string, ElectionTransition>> = ELECTION_TRANSITIONS,
): Edge[] {
  const edges: Edge[] = [];
  for (const [command, transition] of Object.entries(transitions)) {
    for (const from of transition.from) {
      for (const to of transition.to) {
        const stayStatus = to !== from && transition.from.includes(to) && transition.to.includes(from);
        if (stayStatus) continue;
        const existing = edges.find((edge) => edge.from === from && edge.to === to);
        if (existing) existing.commands.push(command);
        else edges.push({ from, to, commands: [command] });
      }
    }
  }
  const order = (status: ElectionStatus) => ELECTION_STATUSES.indexOf(status);
  return edges.sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
}

/** The Mermaid `stateDiagram-v2` source. */
export function electionStateDiagram(
  transitions: Readonly<Record<string, ElectionTransition>> = ELECTION_TRANSITIONS,
): string {
  const node = (status: ElectionStatus) => (status === 'none' ? '[*]' : status);
  const edges = electionEdges(transitions);
  const used = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const lines = ['stateDiagram-v2', '  direction TB'];
  for (const status of ELECTION_STATUSES) {
    if (status !== 'none' && used.has(status))
      lines.push(`  ${status}: ${status}<br/>${ELECTION_STATUS_CATALOGUE[status].zh}`);
  }
  for (const edge of edges) lines.push(`  ${node(edge.from)} --> ${node(edge.to)}: ${edge.commands.join(', ')}`);
  for (const terminal of ['installed', 'cancelled'] as const) {
    if (!edges.some((edge) => edge.from === terminal)) lines.push(`  ${terminal} --> [*]`);
  }
  return lines.join('\n');
}

/** The whole document: the diagram and the table it is drawn from. */
export function electionStateMachineDocument(
  transitions: Readonly<Record<string, ElectionTransition>> = ELECTION_TRANSITIONS,
): string {
  const code = (value: string) => `\`${value}\``;
  const rows = Object.entries(transitions).map(([command, t]) => [
    code(command),
    t.from.map(code).join(', '),
    t.to.map(code).join(', '),
    t.events.map(code).join(', '),
    `${code(t.outOfOrder.code)}${t.guards.length ? `; guards ${t.guards.map((g) => code(g.code)).join(', ')}` : ''}`,
  ]);
  return [
    '# The election state machine (换届选举)',
    '',
    '<!-- Generated from ELECTION_TRANSITIONS (libs/domain/src/election/election.transitions.ts) by',
    '     apps/cli/src/demo/state-machine-diagram.ts. Do not edit by hand: run',
    '     `node -r @swc-node/register apps/cli/src/demo/write-election-diagram.ts` and commit the result.',
    '     A unit test fails when this file is stale. -->',
    '',
    "One branch's election for one term, as the decider enforces it. Each arrow is a command an",
    'administrator sends (`POST /elections/:id/…`); the decider refuses a command in any other status',
    'with the code in the table, and the guards block it further on dates and rules (the 422',
    "problem's `code` names which). `GET /elections/:id` lists, for every command, whether it may run now.",
    '',
    '```mermaid',
    electionStateDiagram(transitions),
    '```',
    '',
    ...alignedTable(['command', 'runs in', 'leads to', 'events', 'refused otherwise with'], rows),
    '',
  ].join('\n');
}

/** A Markdown table padded the way Prettier pads one (cells here are ASCII), so `format:check` passes. */
function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}
