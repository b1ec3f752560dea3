import {
  branchStreamName,
  isDomainError,
  restructuringDecider,
  restructuringStreamName,
  type ExecutionPlan,
  type PlannedTransfer,
  type RestructuringExecutionStarted,
} from '@app/domain';
import {
  pauseIfBusy,
  StoreUnavailable,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
  type StreamAppend,
} from '@app/event-store';
import type { CommandContext } from '../command-handling/handle-command';
import type { CommandOutcome } from '../command-handling/domain-command-message';
import { loadState, readWholeStream } from '../command-handling/load-stream';
import { uuidV5 } from '../ids/uuid-v5';
import { BranchCommandHandler, ExecuteBranchCommand } from '../organisation/branch/branch-command.handler';
import { ExecuteMemberCommand, MemberCommandHandler } from '../organisation/member/member-command.handler';
import type { OrganisationFacts } from '../organisation/organisation-facts';
import type { RulePolicies } from '../policy/rule-policies';
import type { ProcessManager } from '../process-managers/process-manager-runner';
import { ExecuteRestructuringCommand, RestructuringCommandHandler } from './restructuring-command.handler';
import type { RestructuringStepResult } from './restructuring-step-result';
import { transferInSlices, type TransferSliceHost } from './transfers-in-slices';

/** The checkpoint name of the restructuring process manager. */
export const RESTRUCTURING_PROCESS_MANAGER = 'restructuring-execution';

export type RestructuringStepKind = 'establish' | 'transfer' | 'dissolve' | 'assess' | 'complete';

export type { RestructuringStepResult } from './restructuring-step-result';

export interface RestructuringStep {
  readonly restructuringId: string;
  readonly kind: RestructuringStepKind;
  /** The branch or member the step acts on (the restructuring itself for `complete`). */
  readonly targetId: string;
  readonly result: RestructuringStepResult;
}

export interface RestructuringProcessLogger {
  log(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface RestructuringProcessOptions {
  readonly logger?: RestructuringProcessLogger;
  /** Called after every step, in order; a test throws from here to simulate a crash between two steps. */
  readonly afterStep?: (step: RestructuringStep) => void | Promise<void>;
}

/**
 * The command id of one step: the same restructuring, step kind and target give the same id on
 * every run, so a step already taken before a crash is recognised by its event ids and appends
 * nothing the second time (principle 5).
 */
export function restructuringStepCommandId(
  restructuringId: string,
  kind: RestructuringStepKind,
  targetId: string,
): string {
  return uuidV5(`restructuring-step:${restructuringId}:${kind}:${targetId}`);
}

/** Refusals meaning a step's purpose is already achieved, per step kind. */
const ALREADY_DONE: Readonly<Record<RestructuringStepKind, readonly string[]>> = {
  establish: [],
  transfer: [],
  // Closed by another route after our members left it: what the plan wants is true.
  dissolve: ['BRANCH_DISSOLVED'],
  assess: [],
  complete: ['RESTRUCTURING_COMPLETED'],
};

/** Refusals meaning the step no longer applies and the completion check accounts for it. */
const SKIPPABLE: Readonly<Record<RestructuringStepKind, readonly string[]>> = {
  establish: [],
  // The member left (death, moved out, expelled) after the plan was frozen; CompleteRestructuring
  // counts them as `membersLeftDuringExecution`.
  transfer: ['MEMBER_LEFT'],
  dissolve: [],
  // A dissolved branch has no shape to re-check.
  assess: ['BRANCH_DISSOLVED'],
  complete: [],
};

/**
 * Carries out a restructuring's frozen plan (RULES "Restructuring operations" B, §4.3) when its
 * `RestructuringExecutionStarted` event arrives: establish the new branches, transfer every member,
 * dissolve the closed branches (ending their posts), re-assess the shapes (flagging "election
 * required"), then complete. Every step is an ordinary command through the same handlers an
 * administrator uses, with metadata that ties it to the restructuring: correlation = the
 * restructuring id, causation = the execution event, actor and business time = the execution's.
 * The transfers are judged that way too but appended a time slice at a time, each slice in one
 * transaction (transfers-in-slices.ts), so the API answers while hundreds of members move.
 * Any other refusal stops the process manager loudly; the runner keeps the checkpoint before the
 * event, so a fix and a restart resume exactly where it stopped.
 */
export class RestructuringProcessManager implements ProcessManager {
  readonly name = RESTRUCTURING_PROCESS_MANAGER;
  private readonly branches: BranchCommandHandler;
  private readonly members: MemberCommandHandler;
  private readonly restructurings: RestructuringCommandHandler;

  constructor(
    private readonly store: EventStore,
    private readonly facts: OrganisationFacts,
    policies: RulePolicies,
    private readonly options: RestructuringProcessOptions = {},
  ) {
    this.branches = new BranchCommandHandler(store, facts, policies);
    this.members = new MemberCommandHandler(store, facts, policies);
    this.restructurings = new RestructuringCommandHandler(store, facts, policies);
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'RestructuringExecutionStarted' || !event.stream.startsWith('restructuring-')) return;
    const { restructuringId, execution } = event.data as unknown as RestructuringExecutionStarted['data'];
    const state = await loadState(this.store, restructuringDecider, restructuringStreamName(restructuringId));
    // Delivered again after the whole process finished (e.g. a lost checkpoint): nothing to do.
    if (state.status === 'completed') return;
    this.options.logger?.log(`Restructuring ${restructuringId}: executing its plan`, summary(execution));
    await new Execution(this, event, restructuringId).run(execution);
    this.options.logger?.log(`Restructuring ${restructuringId}: completed`);
  }

  /** Runs one step, classifying its outcome; anything unexpected is rethrown with the step named. */
  async step(
    restructuringId: string,
    kind: RestructuringStepKind,
    targetId: string,
    send: () => Promise<CommandOutcome>,
  ): Promise<void> {
    let result: RestructuringStepResult;
    // A merge of large branches is thousands of steps, each answered synchronously by SQLite:
    // requests get their turn in between (time-slice.ts).
    const pause = pauseIfBusy();
    if (pause) await pause;
    try {
      const outcome = await send();
      result = outcome.replayed ? 'replayed' : outcome.events.length > 0 ? 'done' : 'unchanged';
    } catch (error) {
      result = this.classify(restructuringId, kind, targetId, error);
    }
    await this.report({ restructuringId, kind, targetId, result });
  }

  /** What a step's refusal means: done already, or skipped; anything else is rethrown with the step named. */
  classify(
    restructuringId: string,
    kind: RestructuringStepKind,
    targetId: string,
    error: unknown,
  ): RestructuringStepResult {
    if (isDomainError(error) && ALREADY_DONE[kind].includes(error.code)) return 'alreadyDone';
    if (isDomainError(error) && SKIPPABLE[kind].includes(error.code)) {
      this.options.logger?.warn(`Restructuring ${restructuringId}: ${kind} ${targetId} skipped (${error.code})`, {
        restructuringId,
        reason: error.message,
      });
      return 'skipped';
    }
    // Transient: the runner retries the whole event, and every step taken so far replays.
    if (error instanceof StoreUnavailable) throw error;
    throw new RestructuringStepFailed(restructuringId, kind, targetId, error);
  }

  async report(step: RestructuringStep): Promise<void> {
    await this.options.afterStep?.(step);
  }

  decideMember(input: ExecuteMemberCommand['input'], context: CommandContext) {
    return this.members.decide(new ExecuteMemberCommand(input, context));
  }

  readModelCaughtUp(): Promise<void> {
    return this.facts.readModelCaughtUp();
  }

  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.store.appendMany(appends);
  }

  sendBranch(input: ExecuteBranchCommand['input'], context: CommandContext): Promise<CommandOutcome> {
    return this.branches.execute(new ExecuteBranchCommand(input, context));
  }

  sendMember(input: ExecuteMemberCommand['input'], context: CommandContext): Promise<CommandOutcome> {
    return this.members.execute(new ExecuteMemberCommand(input, context));
  }

  sendRestructuring(input: ExecuteRestructuringCommand['input'], context: CommandContext): Promise<CommandOutcome> {
    return this.restructurings.execute(new ExecuteRestructuringCommand(input, context));
  }

  /** Whether the branch stream was opened by this restructuring (so an existing branch is ours). */
  async establishedBy(branchId: string, restructuringId: string): Promise<boolean> {
    const [first] = await readWholeStream(this.store, branchStreamName(branchId));
    return first?.type === 'BranchEstablished' && first.data.restructuringId === restructuringId;
  }
}

/** One run over one execution event; holds the metadata every step shares. */
class Execution {
  constructor(
    private readonly manager: RestructuringProcessManager,
    private readonly cause: RecordedEvent,
    private readonly restructuringId: string,
  ) {}

  async run(execution: ExecutionPlan): Promise<void> {
    const { restructuringId } = this;
    const reason = `Restructuring ${restructuringId}`;
    for (const branch of execution.branchesToEstablish) {
      await this.manager.step(restructuringId, 'establish', branch.branchId, async () => {
        try {
          return await this.manager.sendBranch(
            {
              type: 'EstablishBranch',
              data: {
                branchId: branch.branchId,
                name: branch.name,
                parentCommitteeId: branch.parentCommitteeId,
                joint: false,
                restructuringId,
              },
            },
            this.context('establish', branch.branchId),
          );
        } catch (error) {
          // Only a branch this restructuring itself opened counts as done; any other is a collision.
          if (
            isDomainError(error) &&
            error.code === 'BRANCH_ALREADY_EXISTS' &&
            (await this.manager.establishedBy(branch.branchId, restructuringId))
          ) {
            return { stream: branchStreamName(branch.branchId), revision: null, replayed: true, events: [] };
          }
          throw error;
        }
      });
    }
    // Hundreds of members: moved a time slice at a time, each slice in one transaction.
    await transferInSlices(this.transferHost(), execution.transfers);
    for (const branchId of execution.branchesToClose) {
      await this.manager.step(restructuringId, 'dissolve', branchId, () =>
        this.manager.sendBranch(
          { type: 'DissolveBranch', data: { branchId, reason, restructuringId } },
          this.context('dissolve', branchId),
        ),
      );
    }
    for (const branchId of execution.branchesToReassess) {
      await this.manager.step(restructuringId, 'assess', branchId, () =>
        this.manager.sendBranch({ type: 'AssessBranchShape', data: { branchId } }, this.context('assess', branchId)),
      );
    }
    await this.manager.step(restructuringId, 'complete', restructuringId, () =>
      this.manager.sendRestructuring(
        { type: 'CompleteRestructuring', data: { restructuringId } },
        this.context('complete', restructuringId),
      ),
    );
  }

  private transferHost(): TransferSliceHost {
    const { manager, restructuringId } = this;
    const input = (transfer: PlannedTransfer) =>
      ({
        type: 'TransferMember',
        data: {
          memberId: transfer.memberId,
          toBranchId: transfer.toBranchId,
          expectedFromBranchId: transfer.fromBranchId,
          restructuringId,
        },
      }) as const;
    return {
      decide: (transfer) => manager.decideMember(input(transfer), this.context('transfer', transfer.memberId)),
      classify: (transfer, error) => manager.classify(restructuringId, 'transfer', transfer.memberId, error),
      alone: (transfer) =>
        manager.step(restructuringId, 'transfer', transfer.memberId, () =>
          manager.sendMember(input(transfer), this.context('transfer', transfer.memberId)),
        ),
      appendMany: (appends) => manager.appendMany(appends),
      caughtUp: () => manager.readModelCaughtUp(),
      report: (transfer, result) =>
        manager.report({ restructuringId, kind: 'transfer', targetId: transfer.memberId, result }),
    };
  }

  private context(kind: RestructuringStepKind, targetId: string): CommandContext {
    return {
      commandId: restructuringStepCommandId(this.restructuringId, kind, targetId),
      actor: this.cause.metadata.actor,
      correlationId: this.restructuringId,
      causationId: this.cause.id,
      occurredAt: this.cause.metadata.occurredAt,
    };
  }
}

function summary(execution: ExecutionPlan): Record<string, number> {
  return {
    branchesToEstablish: execution.branchesToEstablish.length,
    transfers: execution.transfers.length,
    branchesToClose: execution.branchesToClose.length,
    branchesToReassess: execution.branchesToReassess.length,
  };
}

/** A step refused for a reason that does not mean "already done": the process must stop and be looked at. */
export class RestructuringStepFailed extends Error {
  constructor(restructuringId: string, kind: RestructuringStepKind, targetId: string, cause: unknown) {
    const why = isDomainError(cause)
      ? `${cause.code}: ${cause.message}`
      : cause instanceof Error
        ? cause.message
        : cause;
    super(`Restructuring ${restructuringId}, step ${kind} ${targetId}, was refused: ${String(why)}`, { cause });
    this.name = 'RestructuringStepFailed';
  }
}
