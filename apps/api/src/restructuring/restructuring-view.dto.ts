import type { RestructuringState } from '@app/domain';
import { RESTRUCTURING_KINDS, SKIP_REASONS } from '../http/domain-values';
import { Count, Day, List, Obj, OneOf, Text, Id, Ids } from '../http/response-fields';
import { describesView } from '../http/view-binding';

class NewBranchDto {
  @Id() readonly branchId!: string;
  @Text() readonly name!: string;
  @Id() readonly parentCommitteeId!: string;
}

class MergeTargetDto {
  @OneOf(['existing', 'new'], 'MergeTargetKind') readonly kind!: string;
  @Id({ optional: true, description: '`existing`: the branch the sources merge into.' }) readonly branchId?: string;
  @Obj(() => NewBranchDto, { optional: true, description: '`new`: the branch established for them.' })
  readonly branch?: NewBranchDto;
}

class RedrawAssignmentDto {
  @Id() readonly memberId!: string;
  @Id() readonly toBranchId!: string;
}

/** What was decided; the fields present depend on `kind`. */
class RestructuringPlanDto {
  @OneOf(RESTRUCTURING_KINDS, 'RestructuringKind') readonly kind!: string;
  @Ids({ optional: true, description: 'merge' }) readonly sourceBranchIds?: readonly string[];
  @Obj(() => MergeTargetDto, { optional: true, description: 'merge' }) readonly target?: MergeTargetDto;
  @List(() => RedrawAssignmentDto, { optional: true, description: 'redraw' })
  readonly assignments?: readonly RedrawAssignmentDto[];
  @List(() => NewBranchDto, { optional: true, description: 'redraw' }) readonly newBranches?: readonly NewBranchDto[];
  @Id({ optional: true, description: 'dissolution: the branch dissolved' }) readonly branchId?: string;
  @Id({ optional: true, description: 'dissolution: where its members go' }) readonly destinationBranchId?: string;
}

class RestructuringApprovalDto {
  @Text() readonly approvedBy!: string;
  @Text() readonly documentReference!: string;
  @Day() readonly approvedOn!: string;
}

class PlannedTransferDto {
  @Id() readonly memberId!: string;
  @Id() readonly fromBranchId!: string;
  @Id() readonly toBranchId!: string;
}

class SkippedAssignmentDto {
  @Id() readonly memberId!: string;
  @OneOf(SKIP_REASONS, 'SkipReason') readonly reason!: string;
}

class ExecutionPlanDto {
  @List(() => NewBranchDto) readonly branchesToEstablish!: readonly NewBranchDto[];
  @List(() => PlannedTransferDto) readonly transfers!: readonly PlannedTransferDto[];
  @Ids() readonly branchesToClose!: readonly string[];
  @Ids() readonly branchesToReassess!: readonly string[];
  @List(() => SkippedAssignmentDto) readonly skipped!: readonly SkippedAssignmentDto[];
}

class RestructuringCountsDto {
  @Count() readonly membersTransferred!: number;
  @Count({ description: 'Planned members who left while it ran; not transferred.' })
  readonly membersLeftDuringExecution!: number;
  @Count() readonly branchesEstablished!: number;
  @Count() readonly branchesClosed!: number;
}

/** A restructuring: its plan, then its approval, its frozen execution plan and its final counts. */
export class RestructuringViewDto {
  @OneOf(['none', 'proposed', 'approved', 'executing', 'completed', 'abandoned'], 'RestructuringStatus')
  readonly status!: RestructuringState['status'];
  @Id({ optional: true }) readonly restructuringId?: string;
  @Obj(() => RestructuringPlanDto, { optional: true }) readonly plan?: RestructuringPlanDto;
  @Text({ optional: true }) readonly reason?: string;
  @Obj(() => RestructuringApprovalDto, { optional: true }) readonly approval?: RestructuringApprovalDto;
  @Obj(() => ExecutionPlanDto, { optional: true }) readonly execution?: ExecutionPlanDto;
  @Obj(() => RestructuringCountsDto, { optional: true }) readonly counts?: RestructuringCountsDto;
  @Text({ optional: true }) readonly abandonReason?: string;
  @Count({ description: 'The stream revision; also the ETag.' }) readonly revision!: number;
}

describesView<RestructuringViewDto, RestructuringState & { readonly revision: number }>('matches');
