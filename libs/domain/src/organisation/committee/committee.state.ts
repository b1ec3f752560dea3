import { PartyCommitteeKind } from './committee.commands';

export type PartyCommitteeState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly committeeId: string;
      readonly name: string;
      readonly kind: PartyCommitteeKind;
      readonly parentCommitteeId: string | null;
      readonly establishedAt: string;
    }
  | {
      readonly status: 'dissolved';
      readonly committeeId: string;
      readonly name: string;
      readonly kind: PartyCommitteeKind;
      readonly parentCommitteeId: string | null;
      readonly establishedAt: string;
      readonly dissolvedAt: string;
    };
