import { DomainEvent } from '../../shared/decider';
import { PartyCommitteeKind } from './committee.commands';

export type PartyCommitteeEstablished = DomainEvent<
  'PartyCommitteeEstablished',
  {
    readonly committeeId: string;
    readonly name: string;
    readonly kind: PartyCommitteeKind;
    readonly parentCommitteeId: string | null;
    readonly decisionReference: string | null;
    readonly at: string;
  }
>;

export type PartyCommitteeRenamed = DomainEvent<
  'PartyCommitteeRenamed',
  { readonly committeeId: string; readonly previousName: string; readonly name: string; readonly at: string }
>;

export type PartyCommitteeDissolved = DomainEvent<
  'PartyCommitteeDissolved',
  {
    readonly committeeId: string;
    readonly reason: string;
    readonly decisionReference: string | null;
    readonly at: string;
  }
>;

export type PartyCommitteeEvent = PartyCommitteeEstablished | PartyCommitteeRenamed | PartyCommitteeDissolved;
