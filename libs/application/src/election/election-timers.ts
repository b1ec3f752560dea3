import { BusinessCalendar } from '../calendar/business-calendar';
import {
  electionRemindersDue,
  isDomainError,
  hasUnusedApproval,
  policyInForce,
  type ElectionReminderKind,
  type ElectionStreamCommand,
  type RulePolicy,
} from '@app/domain';
import { pauseIfBusy } from '@app/event-store';
import type { CommandContext } from '../command-handling/handle-command';
import { uuidV5 } from '../ids/uuid-v5';
import type { CommandInput, CommandOutcome } from '../command-handling/domain-command-message';
import type { RulePolicies } from '../policy/rule-policies';
import type { ElectionIndex, IndexedElection } from './election-index';
import type { ElectionReminderSender } from './election-reminder-sender';

/** The timers act as the system itself. */
export const ELECTION_TIMER_ACTOR = { id: 'system:election-timers', name: 'Election timers', role: 'system' } as const;

export type ElectionTimerKind = 'approvalLapse' | ElectionReminderKind;

/** One firing: which election or branch, what, and the day it fell due. */
export interface ElectionTimerFiring {
  /** The election an approval lapses in, or whose term a reminder is about (null: no term recorded). */
  readonly electionId: string | null;
  /** The branch a reminder is about (null for a lapse). */
  readonly branchId: string | null;
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
 * A reminder's command id, from the branch, the kind, the term it is about and the day it fell
 * due: each reminder is sent once however many ticks or processes notice it.
 */
export function electionReminderCommandId(
  branchId: string,
  kind: ElectionReminderKind,
  termEnd: string | null,
  dueOn: string,
): string {
  return uuidV5(`election-reminder:${branchId}:${kind}:${termEnd ?? 'none'}:${dueOn}`);
}

/**
 * The election's durable timers (RULES §1.6, Workflow A.1): an approval (批复) unused by its
 * lapse date lapses (`LapseApproval`), and the superior is reminded of each open branch's
 * election (`SendElectionReminder`, docs/rules.md §5.3): months before its term ends, monthly
 * once it has ended, monthly when no term is recorded. Nothing is kept in memory between ticks:
 * what is due is derived from the streams on every tick, so the timers survive restarts; each
 * firing's command id derives from what it fires for, so it never fires twice.
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
    /** Absent: no reminders are sent (a test of the lapses alone). */
    private readonly reminders?: ElectionReminderSender,
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
    for (const due of dueFirings(elections, today)) {
      const pause = pauseIfBusy();
      if (pause) await pause;
      firings.push(await this.fire(due));
    }
    if (this.reminders) firings.push(...(await this.remind(this.reminders, versions, today)));
    return firings;
  }

  /** Each open branch's reminders due today and not yet sent. */
  private async remind(
    reminders: ElectionReminderSender,
    versions: readonly RulePolicy[],
    today: string,
  ): Promise<ElectionTimerFiring[]> {
    const policy = policyInForce(versions, today);
    const firings: ElectionTimerFiring[] = [];
    for (const branchId of await reminders.openBranches()) {
      const pause = pauseIfBusy();
      if (pause) await pause;
      for (const due of electionRemindersDue(await reminders.facts(branchId), policy, today)) {
        if (await reminders.alreadySent(branchId, due)) continue;
        const commandId = electionReminderCommandId(branchId, due.kind, due.termEnd, due.dueOn);
        const base = { electionId: due.electionId, branchId, kind: due.kind, dueOn: due.dueOn, commandId };
        firings.push(
          await this.attempt(base, () =>
            reminders.send(
              { branchId, kind: due.kind, dueOn: due.dueOn },
              {
                commandId,
                actor: ELECTION_TIMER_ACTOR,
                // The business time is the day it fell due, however late the tick that noticed it.
                occurredAt: `${due.dueOn}T00:00:00.000Z`,
              },
            ),
          ),
        );
      }
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
    const base = { electionId: due.electionId, branchId: null, kind: due.kind, dueOn: due.dueOn, commandId };
    return this.attempt(base, () => this.send(due.input, context));
  }

  private async attempt(
    base: Omit<ElectionTimerFiring, 'result' | 'code'>,
    send: () => Promise<CommandOutcome>,
  ): Promise<ElectionTimerFiring> {
    const about = base.branchId === null ? `Election ${base.electionId ?? ''}` : `Branch ${base.branchId}`;
    try {
      const outcome = await send();
      const result = outcome.replayed ? 'replayed' : outcome.events.length > 0 ? 'fired' : 'unchanged';
      if (result === 'fired') this.logger?.log(`${about}: ${base.kind} due ${base.dueOn} fired`);
      return { ...base, result };
    } catch (error) {
      // The election or branch moved on between the scan and the firing (held, cancelled,
      // dissolved, a new term installed): nothing is due.
      if (isDomainError(error)) {
        this.logger?.warn(`${about}: ${base.kind} due ${base.dueOn} refused (${error.code})`);
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

/** The approvals lapsing by `today` and not yet recorded, from the elections' states. */
function dueFirings(elections: readonly IndexedElection[], today: string): DueFiring[] {
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
  return due;
}
