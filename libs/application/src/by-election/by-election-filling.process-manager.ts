import { isDomainError, SINGLE_HOLDER_POSTS, type ByElectionFiled } from '@app/domain';
import { StoreUnavailable, type EventStore, type RecordedEvent } from '@app/event-store';
import type { CommandContext } from '../command-handling/handle-command';
import { uuidV5 } from '../ids/uuid-v5';
import { BranchCommandHandler, ExecuteBranchCommand } from '../organisation/branch/branch-command.handler';
import type { OrganisationFacts } from '../organisation/organisation-facts';
import type { RulePolicies } from '../policy/rule-policies';
import type { ProcessManager } from '../process-managers/process-manager-runner';

/** The checkpoint name of the by-election filling process manager. */
const BY_ELECTION_FILLING = 'by-election-filling';

type StepKind = 'vacate' | 'assign';

/** Refusals meaning the step's purpose is already achieved (the post ids derive from the by-election). */
const ALREADY_DONE: Readonly<Record<StepKind, readonly string[]>> = {
  vacate: ['POST_ALREADY_VACATED', 'POST_NOT_FOUND'],
  assign: ['POST_ALREADY_EXISTS'],
};

export interface ByElectionFillingLogger {
  log(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Gives the branch the post a filed by-election (补选) elected, when `ByElectionFiled` arrives:
 * whoever the new post displaces leaves first — the holder's own other post on the branch (one
 * person, one post) or a single-holder post of the same kind held meanwhile (an appointed acting
 * secretary) — then the post is assigned from the filing date, naming the vacancy it fills, so
 * the branch closes the vacancy. Each step goes through the branch's own handler with a command
 * id derived from the by-election and the post, so a retry after a crash appends nothing twice.
 */
export class ByElectionFillingProcessManager implements ProcessManager {
  readonly name = BY_ELECTION_FILLING;
  private readonly branches: BranchCommandHandler;

  constructor(
    store: EventStore,
    private readonly organisation: OrganisationFacts,
    policies: RulePolicies,
    private readonly logger?: ByElectionFillingLogger,
  ) {
    this.branches = new BranchCommandHandler(store, organisation, policies);
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'ByElectionFiled' || !event.stream.startsWith('byelection-')) return;
    const filed = event.data as unknown as ByElectionFiled['data'];
    const { byElectionId, branchId, post, filedOn, vacatedPostId, filingReference } = filed;
    const branch = await this.organisation.branch(branchId);
    if (branch.status !== 'open') return;
    if (branch.posts.some((held) => held.postId === post.postId)) return;
    this.logger?.log(`By-election ${byElectionId}: filling post ${vacatedPostId} on branch ${branchId}`);

    for (const held of branch.posts) {
      const sameHolder = held.holder.personId === post.holder.personId;
      const displaced = SINGLE_HOLDER_POSTS.includes(held.kind) && held.kind === post.kind;
      if (!sameHolder && !displaced) continue;
      await this.step(byElectionId, 'vacate', held.postId, event, {
        type: 'VacatePost',
        data: {
          branchId,
          postId: held.postId,
          reason: 'other',
          note: `补选: replaced by the post by-election ${byElectionId} filled`,
          endDate: held.startDate > filedOn ? held.startDate : filedOn,
        },
      });
    }
    await this.step(byElectionId, 'assign', post.postId, event, {
      type: 'AssignPost',
      data: {
        branchId,
        postId: post.postId,
        kind: post.kind,
        duty: post.duty ?? undefined,
        source: 'elected',
        documentReference: filingReference,
        holder: post.holder,
        startDate: filedOn,
        vacancyPostId: vacatedPostId,
      },
    });
  }

  private async step(
    byElectionId: string,
    kind: StepKind,
    targetId: string,
    cause: RecordedEvent,
    input: ExecuteBranchCommand['input'],
  ): Promise<void> {
    const context: CommandContext = {
      commandId: uuidV5(`by-election-filling:${byElectionId}:${kind}:${targetId}`),
      actor: cause.metadata.actor,
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
      occurredAt: cause.metadata.occurredAt,
    };
    try {
      await this.branches.execute(new ExecuteBranchCommand(input, context));
    } catch (error) {
      if (isDomainError(error) && ALREADY_DONE[kind].includes(error.code)) return;
      if (error instanceof StoreUnavailable) throw error;
      const why = isDomainError(error) ? `${error.code}: ${error.message}` : String(error);
      throw new Error(`Filling by-election ${byElectionId}, step ${kind} ${targetId}, was refused: ${why}`, {
        cause: error,
      });
    }
  }
}
