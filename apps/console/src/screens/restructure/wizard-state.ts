import { newIdempotencyKey } from '../../api/user-action';
import type { Choice, PlannedBranch } from './plan';
import type { RestructuringKind } from './labels';

/** Everything the first step's form holds; `choice` reads the part the chosen kind uses. */
export interface WizardForm {
  readonly kind: RestructuringKind;
  readonly reason: string;
  /** The business day of the proposal (YYYY-MM-DD). */
  readonly proposedOn: string;
  readonly mergeSources: readonly string[];
  readonly mergeInto: 'existing' | 'new';
  readonly mergeTarget: string;
  readonly mergeNewBranch: PlannedBranch;
  readonly dissolveBranch: string;
  readonly dissolveDestination: string;
  readonly redrawSources: readonly string[];
  readonly redrawNewBranches: readonly PlannedBranch[];
  readonly redrawAssignments: Readonly<Record<string, string>>;
}

/** A branch to set up, its id chosen now so the preview and the proposal name the same one. */
export const newPlannedBranch = (): PlannedBranch => ({
  branchId: newIdempotencyKey(),
  name: '',
  parentCommitteeId: '',
});

export function emptyForm(today: string): WizardForm {
  return {
    kind: 'merge',
    reason: '',
    proposedOn: today,
    mergeSources: [],
    mergeInto: 'existing',
    mergeTarget: '',
    mergeNewBranch: newPlannedBranch(),
    dissolveBranch: '',
    dissolveDestination: '',
    redrawSources: [],
    redrawNewBranches: [],
    redrawAssignments: {},
  };
}

export function choiceOf(form: WizardForm): Choice {
  switch (form.kind) {
    case 'merge':
      return {
        kind: 'merge',
        sources: form.mergeSources,
        target:
          form.mergeInto === 'existing'
            ? { kind: 'existing', branchId: form.mergeTarget }
            : { kind: 'new', ...form.mergeNewBranch },
      };
    case 'dissolution':
      return { kind: 'dissolution', branchId: form.dissolveBranch, destinationBranchId: form.dissolveDestination };
    case 'redraw':
      return {
        kind: 'redraw',
        sources: form.redrawSources,
        newBranches: form.redrawNewBranches,
        assignments: form.redrawAssignments,
      };
    default: {
      const never: never = form.kind;
      return never;
    }
  }
}
