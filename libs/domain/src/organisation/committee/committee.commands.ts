import { DomainCommand } from '../../shared/decider';
import { EstablishmentFacts } from '../establishment-facts';
import { CommitteeStatusFact } from '../organisation-facts';

/** 离退休干部党委 (`committee`) or 党总支 (`general_branch`). */
export type PartyCommitteeKind = 'committee' | 'general_branch';

export type EstablishPartyCommittee = DomainCommand<
  'EstablishPartyCommittee',
  {
    readonly committeeId: string;
    readonly name: string;
    readonly kind: PartyCommitteeKind;
    /** The committee above, when it is itself in the system (a 党总支 sits under a 党委). */
    readonly parentCommitteeId?: string;
    readonly decisionReference?: string;
    readonly context: {
      /** Status of `parentCommitteeId`; ignored when there is no parent. */
      readonly parentCommitteeStatus?: CommitteeStatusFact;
      /** When the parent committee was established: a subordinate committee cannot predate it. */
      readonly established: EstablishmentFacts;
    };
  }
>;

export type RenamePartyCommittee = DomainCommand<
  'RenamePartyCommittee',
  { readonly committeeId: string; readonly name: string }
>;

export type DissolvePartyCommittee = DomainCommand<
  'DissolvePartyCommittee',
  {
    readonly committeeId: string;
    readonly reason: string;
    readonly decisionReference?: string;
    readonly context: {
      /** Open branches affiliated to this committee. */
      readonly openBranches: number;
      /** Active committees (e.g. 党总支) whose parent is this committee. */
      readonly activeChildCommittees: number;
    };
  }
>;

export type PartyCommitteeCommand = EstablishPartyCommittee | RenamePartyCommittee | DissolvePartyCommittee;
