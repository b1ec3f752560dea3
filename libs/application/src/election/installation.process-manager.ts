import {
  isDomainError,
  ELECTED_POST_KINDS,
  electionStreamDecider,
  electionStreamName,
  SINGLE_HOLDER_POSTS,
  type InstallationRequested,
  type PostEndReason,
} from '@app/domain';
import { StoreUnavailable, type EventStore, type RecordedEvent } from '@app/event-store';
import type { CommandContext } from '../command-handling/handle-command';
import type { CommandOutcome } from '../command-handling/domain-command-message';
import { loadState } from '../command-handling/load-stream';
import { uuidV5 } from '../ids/uuid-v5';
import { BranchCommandHandler, ExecuteBranchCommand } from '../organisation/branch/branch-command.handler';
import type { OrganisationFacts } from '../organisation/organisation-facts';
import type { RulePolicies } from '../policy/rule-policies';
import type { ProcessManager } from '../process-managers/process-manager-runner';
import { ElectionCommandHandler, ExecuteElectionCommand } from './election-command.handler';
import type { ElectionFacts } from './election-facts';

/** The checkpoint name of the installation process manager. */
const INSTALLATION_PROCESS_MANAGER = 'election-installation';

export type InstallationStepKind = 'vacate' | 'assign' | 'confirm';

/**
 * `done` appended its events; `replayed` had been taken before under the same command id (a retry
 * after a crash); `alreadyDone` was refused because the world already matches.
 */
export type InstallationStepResult = 'done' | 'replayed' | 'unchanged' | 'alreadyDone';

export interface InstallationStep {
  readonly electionId: string;
  readonly kind: InstallationStepKind;
  /** The post the step acts on (the election itself for `confirm`). */
  readonly targetId: string;
  readonly result: InstallationStepResult;
}

export interface InstallationProcessLogger {
  log(message: string, fields?: Record<string, unknown>): void;
}

export interface InstallationProcessOptions {
  readonly logger?: InstallationProcessLogger;
  /** Called after every step, in order; a test throws from here to simulate a crash between two steps. */
  readonly afterStep?: (step: InstallationStep) => void | Promise<void>;
}

/** Refusals meaning a step's purpose is already achieved. */
const ALREADY_DONE: Readonly<Record<InstallationStepKind, readonly string[]>> = {
  vacate: ['POST_ALREADY_VACATED'],
  // Post ids derive from the election, the kind and the person: an existing one is this installation's.
  assign: ['POST_ALREADY_EXISTS'],
  confirm: ['ELECTION_COMPLETED'],
};

/** Same election, kind and target → same command id on every run, so a step taken before a crash appends nothing again. */
function installationStepCommandId(electionId: string, kind: InstallationStepKind, targetId: string): string {
  return uuidV5(`election-installation:${electionId}:${kind}:${targetId}`);
}

/**
 * Installs an approved election result on its branch when `InstallationRequested` arrives
 * (RULES Workflow A.12): the officers of the term that ends leave their posts (`termEnded`, on
 * the first day of the new term), as does anyone holding a post the new term needs (a single
 * secretary or deputy; one post per person); then every elected post is assigned with the post
 * id the election fixed; then `ConfirmInstallation`, which the election accepts only once the
 * branch holds every post. Each step goes through the handler an administrator uses, with the
 * installation request's actor and business time, correlation from it and causation = its id.
 * A refusal other than "already done" stops the process loudly; the runner keeps its checkpoint
 * before the event, so a fix and a restart resume where it stopped.
 */
export class InstallationProcessManager implements ProcessManager {
  readonly name = INSTALLATION_PROCESS_MANAGER;
  private readonly branches: BranchCommandHandler;
  private readonly elections: ElectionCommandHandler;

  constructor(
    private readonly store: EventStore,
    private readonly organisation: OrganisationFacts,
    facts: ElectionFacts,
    policies: RulePolicies,
    private readonly options: InstallationProcessOptions = {},
  ) {
    this.branches = new BranchCommandHandler(store, organisation, policies);
    this.elections = new ElectionCommandHandler(store, facts, policies);
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'InstallationRequested' || !event.stream.startsWith('election-')) return;
    const request = event.data as unknown as InstallationRequested['data'];
    const { electionId, branchId, posts, termStart } = request;
    const election = await loadState(this.store, electionStreamDecider, electionStreamName(electionId));
    // Delivered again after the installation finished (e.g. a lost checkpoint): nothing to do.
    if (election.status !== 'installing') return;
    const reference = election.resultApproval.approvalReference;
    this.options.logger?.log(`Election ${electionId}: installing ${posts.length} posts on branch ${branchId}`);

    const branch = await this.organisation.branch(branchId);
    const incoming = new Set(posts.map((post) => post.postId));
    const incomingHolders = new Set(posts.map((post) => post.holder.personId));
    const incomingKinds = new Set(posts.map((post) => post.kind));
    const held = branch.status === 'open' ? branch.posts : [];
    for (const post of held) {
      if (incoming.has(post.postId)) continue;
      const endsWithTerm = post.source === 'elected' && ELECTED_POST_KINDS.includes(post.kind);
      const displaced = SINGLE_HOLDER_POSTS.includes(post.kind) && incomingKinds.has(post.kind);
      const holderElected = incomingHolders.has(post.holder.personId);
      if (!endsWithTerm && !displaced && !holderElected) continue;
      const reason: PostEndReason = endsWithTerm ? 'termEnded' : 'other';
      await this.step(electionId, 'vacate', post.postId, () =>
        this.branches.execute(
          new ExecuteBranchCommand(
            {
              type: 'VacatePost',
              data: {
                branchId,
                postId: post.postId,
                reason,
                note: endsWithTerm
                  ? `换届: the term ends as election ${electionId} installs its result`
                  : `换届: replaced by the officers election ${electionId} installs`,
                endDate: post.startDate > termStart ? post.startDate : termStart,
              },
            },
            this.context(event, electionId, 'vacate', post.postId),
          ),
        ),
      );
    }
    for (const post of posts) {
      await this.step(electionId, 'assign', post.postId, () =>
        this.branches.execute(
          new ExecuteBranchCommand(
            {
              type: 'AssignPost',
              data: {
                branchId,
                postId: post.postId,
                kind: post.kind,
                duty: post.duty ?? undefined,
                source: 'elected',
                documentReference: reference,
                holder: post.holder,
                startDate: termStart,
              },
            },
            this.context(event, electionId, 'assign', post.postId),
          ),
        ),
      );
    }
    await this.step(electionId, 'confirm', electionId, () =>
      this.elections.execute(
        new ExecuteElectionCommand(
          { type: 'ConfirmInstallation', data: { electionId } },
          this.context(event, electionId, 'confirm', electionId),
        ),
      ),
    );
    this.options.logger?.log(`Election ${electionId}: result installed`);
  }

  private async step(
    electionId: string,
    kind: InstallationStepKind,
    targetId: string,
    send: () => Promise<CommandOutcome>,
  ): Promise<void> {
    let result: InstallationStepResult;
    try {
      const outcome = await send();
      result = outcome.replayed ? 'replayed' : outcome.events.length > 0 ? 'done' : 'unchanged';
    } catch (error) {
      if (isDomainError(error) && ALREADY_DONE[kind].includes(error.code)) result = 'alreadyDone';
      // Transient: the runner retries the whole event, and every step taken so far replays.
      else if (error instanceof StoreUnavailable) throw error;
      else throw new InstallationStepFailed(electionId, kind, targetId, error);
    }
    await this.options.afterStep?.({ electionId, kind, targetId, result });
  }

  private context(
    cause: RecordedEvent,
    electionId: string,
    kind: InstallationStepKind,
    targetId: string,
  ): CommandContext {
    return {
      commandId: installationStepCommandId(electionId, kind, targetId),
      actor: cause.metadata.actor,
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
      occurredAt: cause.metadata.occurredAt,
    };
  }
}

/** A step refused for a reason that does not mean "already done": the installation stops and must be looked at. */
class InstallationStepFailed extends Error {
  constructor(electionId: string, kind: InstallationStepKind, targetId: string, cause: unknown) {
    const why = isDomainError(cause)
      ? `${cause.code}: ${cause.message}`
      : cause instanceof Error
        ? cause.message
        : cause;
    super(`Installing election ${electionId}, step ${kind} ${targetId}, was refused: ${String(why)}`, { cause });
    this.name = 'InstallationStepFailed';
  }
}
