import { RestructuringCounts } from './restructuring.events';
import { ExecutionPlan, RestructuringPlan } from './restructuring-plan';

export interface Approval {
  readonly approvedBy: string;
  readonly documentReference: string;
  readonly approvedOn: string;
}

interface Proposal {
  readonly restructuringId: string;
  readonly plan: RestructuringPlan;
  readonly reason: string;
}

export type RestructuringState =
  | { readonly status: 'none' }
  | (Proposal & { readonly status: 'proposed' })
  | (Proposal & { readonly status: 'approved'; readonly approval: Approval })
  | (Proposal & { readonly status: 'executing'; readonly approval: Approval; readonly execution: ExecutionPlan })
  | (Proposal & {
      readonly status: 'completed';
      readonly approval: Approval;
      readonly execution: ExecutionPlan;
      readonly counts: RestructuringCounts;
    })
  | (Proposal & { readonly status: 'abandoned'; readonly abandonReason: string });
