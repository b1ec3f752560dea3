import { DomainEvent } from '../shared/decider';
import { VolunteerProposal } from './volunteer.commands';

export type VolunteerTeamFormed = DomainEvent<
  'VolunteerTeamFormed',
  {
    readonly teamId: string;
    readonly name: string;
    readonly leadBranchId: string;
    readonly leader: { readonly memberId: string; readonly name: string; readonly branchId: string };
    readonly kindsVersion: string;
    readonly at: string;
  }
>;

export type VolunteerJoinedTeam = DomainEvent<
  'VolunteerJoinedTeam',
  {
    readonly teamId: string;
    readonly memberId: string;
    readonly name: string;
    /** The member's branch when they joined: the leading branch or another. */
    readonly branchId: string;
    readonly at: string;
  }
>;

export interface VolunteerParticipant {
  readonly memberId: string;
  readonly name: string;
  /** The member's branch on the day of the activity. */
  readonly branchId: string;
}

export type VolunteerActivityRecorded = DomainEvent<
  'VolunteerActivityRecorded',
  {
    readonly teamId: string;
    readonly activityId: string;
    readonly on: string;
    readonly kind: string;
    readonly kindsVersion: string;
    readonly title: string;
    readonly place: string;
    readonly organiser: string;
    readonly participants: readonly VolunteerParticipant[];
    readonly proposals: readonly VolunteerProposal[];
    readonly at: string;
  }
>;

export type VolunteerEvent = VolunteerTeamFormed | VolunteerJoinedTeam | VolunteerActivityRecorded;
