import { DomainCommand } from '../shared/decider';
import { BranchStatusFact } from '../organisation/organisation-facts';
import { EstablishmentFacts } from '../organisation/establishment-facts';
import { DepartureReason } from '../organisation/member/member.commands';

/** A member as the roll knows them when a team or an activity names them. */
export type VolunteerMemberFact =
  | { readonly status: 'notFound' }
  | { readonly status: 'active'; readonly name: string; readonly branchId: string }
  | {
      readonly status: 'left';
      readonly name: string;
      readonly branchId: string;
      readonly leftOn: string;
      readonly reason: DepartureReason;
    };

/** 支部引领型老干部志愿服务队: a team a branch leads, with its leader. */
export type FormVolunteerTeam = DomainCommand<
  'FormVolunteerTeam',
  {
    readonly teamId: string;
    readonly name: string;
    readonly leadBranchId: string;
    readonly leaderMemberId: string;
    readonly context: {
      readonly branchStatus: BranchStatusFact;
      readonly established: EstablishmentFacts;
      readonly members: Readonly<Record<string, VolunteerMemberFact>>;
    };
  }
>;

/** A member joins the team: of the leading branch or of another. */
export type JoinVolunteerTeam = DomainCommand<
  'JoinVolunteerTeam',
  {
    readonly teamId: string;
    readonly memberId: string;
    readonly context: { readonly members: Readonly<Record<string, VolunteerMemberFact>> };
  }
>;

export interface VolunteerProposal {
  /** Who proposed it, when a participant did. */
  readonly memberId: string | null;
  readonly text: string;
}

/** One activity the team held, with everyone who took part: each participant is one person-time (人次). */
export type RecordVolunteerActivity = DomainCommand<
  'RecordVolunteerActivity',
  {
    readonly teamId: string;
    readonly activityId: string;
    readonly on: string;
    readonly kind: string;
    readonly title: string;
    readonly place: string;
    readonly organiser: string;
    readonly participantIds: readonly string[];
    readonly proposals: readonly VolunteerProposal[];
    readonly context: { readonly members: Readonly<Record<string, VolunteerMemberFact>> };
  }
>;

export type VolunteerCommand = FormVolunteerTeam | JoinVolunteerTeam | RecordVolunteerActivity;
