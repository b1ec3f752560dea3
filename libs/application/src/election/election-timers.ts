import { BusinessCalendar } from '../calendar/business-calendar';
import {
  addDays,
  isDomainError,
  hasUnusedApproval,
  termEndReminderDays,
  type ElectionStreamCommand,
  type RulePolicy,
} from '@app/domain';
import { pauseIfBusy } from '@app/event-store';
import type { CommandContext } from '../command-handling/handle-command';
import { uuidV5 } from '../ids/uuid-v5';
import type { CommandInput, CommandOutcome } from '../command-handling/domain-command-message';
import type { RulePolicies } from '../policy/rule-policies';
import { latestInstalled, type ElectionIndex, type IndexedElection } from './election-index';

/** The timers act as the system itself. */
export const ELECTION_TIMER_ACTOR = { id: 'system:election-timers', name: 'Election timers', role: 'system' } as const;

export type ElectionTimerKind = 'approvalLapse' | `termEndReminder${number}`;

/** One firing: which election, what, and the day it fell due. */
export interface ElectionTimerFiring {
  readonly electionId: string;
  readonly kind: ElectionTimerKind;
  readonly dueOn: string;
  readonly commandId: string;
  /** `fired` appended an event; `replayed` had fired before (same command id); `refused` was refused by the rules. */
  readonly result: 'fired' | 'replayed' | 'unchanged' | 'refused';
  readonly code?: string;
}

export interface ElectionTimerLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Sends one election command (the command bus, or a handler in tests). */
export type ElectionCommandSender = (
  input: CommandInput<ElectionStreamCommand>,
  context: CommandContext,
) => Promise<CommandOutcome>;

/**
 * The firing's command id, from the election, the kind and the day it fell due: a timer that
 * fires again (after a restart, or from a second process) sends the same id, and the handler
 * recognises it and appends nothing.
 */
export function electionTimerCommandId(electionId: string, kind: ElectionTimerKind, dueOn: string): string {
  return uuidV5(`election-timer:${electionId}:${kind}:${dueOn}`);
}

/**
 * The election's durable timers (RULES §1.6, Workflow A.1): an approval (批复) unused by its
 * lapse date lapses (`LapseApproval`), and reminders fall due 60 and 30 days (per the term's
 * policy) before the term an installed result set ends (`RemindTermEnd`). Nothing is kept in
 * memory between ticks: what is due is derived from the election streams on every tick, so the
 * timers survive restarts; each firing's command id derives from what it fires for, so it never
 * fires twice. A reminder whose term has ended, or whose branch has since installed a newer
 * term, is not sent.
 */
export class ElectionTimers {
  private running: Promise<ElectionTimerFiring[]> | null = null;

  constructor(
    private readonly index: ElectionIndex,
    private readonly policies: RulePolicies,
    private readonly send: ElectionCommandSender,
    private readonly logger?: ElectionTimerLogger,
    /** Deadlines fall on the bureau's calendar days. */
    private readonly calendar: BusinessCalendar = new BusinessCalendar('UTC'),
  ) {}

  /** One round at `now`; a round asked for while another runs shares it. */
  tick(now: Date): Promise<ElectionTimerFiring[]> {
    this.running ??= this.fireDue(now).finally(() => (this.running = null));
    return this.running;
  }

  private async fireDue(now: Date): Promise<ElectionTimerFiring[]> {
    const today = this.calendar.dateOf(now);
    const [elections, versions] = await Promise.all([this.index.all(), this.policies.versions()]);
    const firings: ElectionTimerFiring[] = [];
    for (const due of dueFirings(elections, versions, today)) {
      const pause = pauseIfBusy();
      if (pause) await pause;
      firings.push(await this.fire(due));
    }
    return firings;
  }

  private async fire(due: DueFiring): Promise<ElectionTimerFiring> {
    const commandId = electionTimerCommandId(due.electionId, due.kind, due.dueOn);
    const context: CommandContext = {
      commandId,
      actor: ELECTION_TIMER_ACTOR,
      // The business time is the day it fell due, however late the tick that noticed it.
      occurredAt: `${due.dueOn}T00:00:00.000Z`,
    };
    const base = { electionId: due.electionId, kind: due.kind, dueOn: due.dueOn, commandId };
    try {
      const outcome = await this.send(due.input, context);
      const result = outcome.replayed ? 'replayed' : outcome.events.length > 0 ? 'fired' : 'unchanged';
      if (result === 'fired') this.logger?.log(`Election ${due.electionId}: ${due.kind} due ${due.dueOn} fired`);
      return { ...base, result };
    } catch (error) {
      // The election moved on between the scan and the firing (held, cancelled): nothing is due.
      if (isDomainError(error)) {
        this.logger?.warn(`Election ${due.electionId}: ${due.kind} due ${due.dueOn} refused (${error.code})`);
        return { ...base, result: 'refused', code: error.code };
      }
      throw error;
    }
  }
}

interface DueFiring {
  readonly electionId: string;
  readonly kind: ElectionTimerKind;
  readonly dueOn: string;
  readonly input: CommandInput<ElectionStreamCommand>;
}

/** Everything due on `today` and not yet recorded, from the elections' states. */
function dueFirings(
  elections: readonly IndexedElection[],
  policies: readonly RulePolicy[],
  today: string,
): DueFiring[] {
  const due: DueFiring[] = [];
  for (const { electionId, state } of elections) {
    if (hasUnusedApproval(state) && today >= state.approval.lapsesOn) {
      due.push({
        electionId,
        kind: 'approvalLapse',
        dueOn: state.approval.lapsesOn,
        input: { type: 'LapseApproval', data: { electionId } },
      });
    }
  }
  const byBranch = new Map<string, IndexedElection[]>();
  for (const election of elections)
    byBranch.set(election.branchId, [...(byBranch.get(election.branchId) ?? []), election]);
  for (const branchElections of byBranch.values()) {
    const current = latestInstalled(branchElections);
    if (current === null || current.state.status !== 'installed') continue;
    const { termEnd } = current.state.installation;
    if (today > termEnd) continue;
    const sent = current.state.termEndReminders ?? [];
    for (const daysBefore of termEndReminderDays(current.state, policies)) {
      const dueOn = addDays(termEnd, -daysBefore);
      if (
        today < dueOn ||
        sent.some((reminder) => reminder.daysBefore === daysBefore && reminder.termEnd === termEnd)
      ) {
        continue;
      }
      due.push({
        electionId: current.electionId,
        kind: `termEndReminder${daysBefore}`,
        dueOn,
        input: { type: 'RemindTermEnd', data: { electionId: current.electionId, daysBefore } },
      });
    }
  }
  return due;
}
