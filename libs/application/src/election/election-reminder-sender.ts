import {
  createElectionRemindersDecider,
  electionRemindersDecider,
  type DueElectionReminder,
  electionRemindersStreamName,
  establishmentOf,
  type ElectionReminderFacts,
  type ElectionReminderKind,
  type RulePolicy,
} from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { CommandOutcome } from '../command-handling/domain-command-message';
import { executeDomainCommand } from '../command-handling/execute-domain-command';
import { loadState } from '../command-handling/load-stream';
import type { CommandContext } from '../command-handling/handle-command';
import type { OrganisationFacts } from '../organisation/organisation-facts';
import type { RulePolicies } from '../policy/rule-policies';
import type { ElectionFacts } from './election-facts';
import type { ElectionIndex } from './election-index';

export interface ElectionReminderInput {
  readonly branchId: string;
  readonly kind: ElectionReminderKind;
  readonly dueOn: string;
}

/**
 * Sends the reminders to the superior (domain/election/election-reminders.ts) on each branch's
 * `reminders-…` stream, with the facts the decider judges them by: the branch's status and
 * establishment, and the term its latest installed election set.
 */
export class ElectionReminderSender {
  constructor(
    private readonly store: EventStore,
    private readonly organisation: OrganisationFacts,
    private readonly index: ElectionIndex,
    private readonly elections: ElectionFacts,
    private readonly policies: RulePolicies,
  ) {}

  /** The open branches, each of which may be due a reminder. */
  openBranches(): Promise<string[]> {
    return this.organisation.openBranchIds();
  }

  async facts(branchId: string): Promise<ElectionReminderFacts> {
    const versions = await this.policies.versions();
    const [branch, term] = await Promise.all([
      this.organisation.branch(branchId),
      this.recordedTerm(branchId, versions),
    ]);
    return {
      branchStatus: branch.status === 'none' ? 'notFound' : branch.status === 'dissolved' ? 'dissolved' : 'open',
      establishedOn: branch.status === 'none' ? null : establishmentOf('branch', branch, branchId).on,
      term,
    };
  }

  /** Whether this reminder is on the branch's reminder stream already (a tick then skips it). */
  async alreadySent(branchId: string, reminder: Pick<DueElectionReminder, 'kind' | 'dueOn' | 'termEnd'>) {
    const state = await loadState(this.store, electionRemindersDecider, electionRemindersStreamName(branchId));
    return state.sent.some(
      (sent) => sent.kind === reminder.kind && sent.dueOn === reminder.dueOn && sent.termEnd === reminder.termEnd,
    );
  }

  /**
   * The branch's term end as the record has it, as a census reads it (ElectionFacts.currentTerm):
   * the term its latest installed election set, else the one its elected officers in office
   * began; null for a branch that never had elected officers.
   */
  private async recordedTerm(
    branchId: string,
    versions: readonly RulePolicy[],
  ): Promise<ElectionReminderFacts['term']> {
    const installed = await this.index.installedTerm(branchId);
    if (installed !== null) return { electionId: installed.electionId, end: installed.end };
    const term = await this.elections.currentTerm(branchId, '', versions);
    return term === null ? null : { electionId: null, end: term.end };
  }

  async send(input: ElectionReminderInput, context: CommandContext): Promise<CommandOutcome> {
    const [facts, versions] = await Promise.all([this.facts(input.branchId), this.policies.versions()]);
    return executeDomainCommand(
      this.store,
      createElectionRemindersDecider(versions),
      electionRemindersStreamName(input.branchId),
      { type: 'SendElectionReminder', data: { ...input, context: facts } },
      context,
      versions,
    );
  }
}
