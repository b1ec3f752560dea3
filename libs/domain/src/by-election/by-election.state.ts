import { Person } from '../election/election.commands';
import { Vacancy } from '../organisation/branch/post';
import { ByElectionFiled, ByElectionHeld } from './by-election.events';

interface Requested {
  readonly byElectionId: string;
  readonly branchId: string;
  readonly vacancy: Vacancy;
  readonly candidates: readonly Person[];
  readonly plannedDate: string;
  readonly term: { readonly start: string; readonly end: string } | null;
  readonly requestedOn: string;
}
interface Consented extends Requested {
  readonly consent: { readonly consentReference: string; readonly consentedOn: string };
}
interface Held extends Consented {
  readonly vote: Omit<ByElectionHeld['data'], 'byElectionId' | 'branchId' | 'at'>;
}
interface Filed extends Held {
  readonly filing: Omit<ByElectionFiled['data'], 'byElectionId' | 'branchId' | 'at'>;
}

/** One by-election (补选) filling one vacancy, union on `status` (RULES X7). */
export type ByElectionState =
  | { readonly status: 'none' }
  | (Requested & { readonly status: 'requested' })
  | (Consented & { readonly status: 'consented' })
  | (Held & { readonly status: 'held' })
  | (Filed & { readonly status: 'filed' });

export type ByElectionStatus = ByElectionState['status'];
export type ByElectionIn<S extends ByElectionStatus> = Extract<ByElectionState, { status: S }>;
