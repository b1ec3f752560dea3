import { VolunteerActivityRecorded } from './volunteer.events';

export interface VolunteerTeamMember {
  readonly memberId: string;
  readonly name: string;
  readonly branchId: string;
  readonly joinedAt: string;
}

export type VolunteerActivity = Omit<VolunteerActivityRecorded['data'], 'teamId'>;

export type VolunteerTeamState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly teamId: string;
      readonly name: string;
      readonly leadBranchId: string;
      readonly leader: { readonly memberId: string; readonly name: string; readonly branchId: string };
      readonly kindsVersion: string;
      readonly formedAt: string;
      /** In the order they joined; the leader is the first. */
      readonly members: readonly VolunteerTeamMember[];
      readonly activities: readonly VolunteerActivity[];
    };

export type ActiveVolunteerTeam = Extract<VolunteerTeamState, { status: 'active' }>;
