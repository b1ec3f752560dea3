import type { ApiClient, CommandOutcomeBody } from './http-client';
import type { PhaseProgress, PhaseResult, ProgressSink } from './progress';
import { DEMO_YEAR, type DemoBranch, type DemoMember, type XiaoyiYear } from './xiaoyi-year';

/**
 * What the demo's phases share: the context they run in, the Idempotency-Key of each command
 * (derived from its place in the script, so a second run sends the same keys and the API appends
 * nothing), and waiting for the asynchronous work of process managers.
 */
const KEY_PREFIX = `xiaoyi-${DEMO_YEAR}`;
export const key = (...parts: readonly (string | number)[]): string => [KEY_PREFIX, ...parts].join(':');

/** Who approves restructurings and elections: the basic-level committee the branches belong to. */
export const SUPERIOR = '孝义市离退休干部党委';

export interface ScriptContext {
  readonly api: ApiClient;
  readonly year: XiaoyiYear;
  readonly sink: ProgressSink;
  /** `METHOD /path` of every operation the API's OpenAPI document lists. */
  readonly operations: ReadonlySet<string>;
  readonly pollIntervalMs: number;
  readonly waitTimeoutMs: number;
}

/** A phase ran on, or was skipped because the API lacks what it needs. */
export type PhaseOutcome = PhaseResult | { readonly phase: string; readonly skipped: string };

export interface Phase {
  readonly name: string;
  /** Operations the phase needs; it is skipped (and the demo fails at the end) when one is missing. */
  readonly needs: readonly string[];
  run(context: ScriptContext, progress: PhaseProgress): Promise<string>;
  estimate(year: XiaoyiYear): number;
}

/** Sends one command and counts it. */
export async function send(
  context: ScriptContext,
  progress: PhaseProgress,
  commandKey: string,
  path: string,
  body: object,
): Promise<CommandOutcomeBody> {
  const outcome = await context.api.command(commandKey, path, body);
  progress.command(outcome.replayed);
  return outcome;
}

/** A process manager did not finish its work in time: the demo stops and says where to look. */
export class WaitTimedOut extends Error {
  constructor(timeoutMs: number, what: string) {
    super(
      `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}. ` +
        'Is the API running its workers (BRANCHFLOW_IN_PROCESS_WORKERS=true), or a worker (`npm run start:worker`) beside it? Its log says more.',
    );
    this.name = 'WaitTimedOut';
  }
}

/** Polls `check` until it answers true, or fails with `what` after the context's timeout. */
export async function waitUntil(context: ScriptContext, what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + context.waitTimeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new WaitTimedOut(context.waitTimeoutMs, what);
    await new Promise((resolve) => setTimeout(resolve, context.pollIntervalMs));
  }
}

export const branchByKey = (year: XiaoyiYear, branchKey: string): DemoBranch => {
  const branch = year.branches.find((b) => b.key === branchKey);
  if (!branch) throw new Error(`no demo branch ${branchKey}`);
  return branch;
};

export const memberById = (year: XiaoyiYear): ((memberId: string) => DemoMember) => {
  const index = new Map(year.members.map((m) => [m.memberId, m]));
  return (memberId) => {
    const member = index.get(memberId);
    if (!member) throw new Error(`no demo member ${memberId}`);
    return member;
  };
};

export const atStart = (year: XiaoyiYear) => year.branches.filter((b) => b.existsAtStart);
