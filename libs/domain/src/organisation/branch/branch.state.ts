import { BranchShape } from './branch-shape';
import { ManagementLink } from './branch.commands';
import { Post, Vacancy } from './post';

export type BranchState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly branchId: string;
      readonly name: string;
      readonly parentCommitteeId: string;
      readonly managementLinks: readonly ManagementLink[];
      readonly joint: boolean;
      readonly jointUnits: readonly string[];
      /** Posts currently held. */
      readonly posts: readonly Post[];
      /** Posts that have ended, so a post id is never reused. */
      readonly endedPostIds: readonly string[];
      /** Elected posts vacated mid-term and not yet filled by a by-election (补选). */
      readonly vacancies: readonly Vacancy[];
      readonly lastShape: BranchShape | null;
      readonly establishedAt: string;
      /**
       * Whether the record founds the branch (a restructuring set it up, or the superior's
       * decision is cited), so it did not exist before `establishedAt`; otherwise the record
       * only begins when the bureau took over a branch that already existed.
       */
      readonly founded: boolean;
    }
  | {
      readonly status: 'dissolved';
      readonly branchId: string;
      readonly name: string;
      readonly parentCommitteeId: string;
      readonly establishedAt: string;
      readonly dissolvedAt: string;
      readonly restructuringId: string | null;
    };

export type OpenBranch = Extract<BranchState, { status: 'open' }>;

/** A 支部委员会 exists when at least one elected committee member is in office. */
export function hasCommittee(state: BranchState): boolean {
  return (
    state.status === 'open' && state.posts.some((post) => post.kind === 'committeeMember' && post.source === 'elected')
  );
}
