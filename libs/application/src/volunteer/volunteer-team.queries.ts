import { volunteerTeamDecider, volunteerTeamStreamName, type ActiveVolunteerTeam } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { loadStateWithRevision } from '../command-handling/load-stream';

export type VolunteerTeamView = ActiveVolunteerTeam & { readonly revision: number; readonly personTimes: number };

/** A volunteer team as its stream says: leader, members and every activity (strongly consistent). */
export class VolunteerTeamQueries {
  constructor(private readonly store: EventStore) {}

  async team(teamId: string): Promise<VolunteerTeamView | null> {
    const loaded = await loadStateWithRevision(this.store, volunteerTeamDecider, volunteerTeamStreamName(teamId));
    if (loaded.state.status !== 'active' || loaded.revision === null) return null;
    const personTimes = loaded.state.activities.reduce((total, activity) => total + activity.participants.length, 0);
    return { ...loaded.state, revision: loaded.revision, personTimes };
  }
}
