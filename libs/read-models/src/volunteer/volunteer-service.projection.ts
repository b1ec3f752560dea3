import type { RecordedEvent } from '@app/event-store';
import type { SqlProjection } from '../projection/projection';
import { statement } from '../database/statement-cache';

export type VolunteerServiceTable =
  'volunteer_teams' | 'volunteer_activities' | 'volunteer_participations' | 'demonstration_campaigns';
type Data = Record<string, unknown>;

interface Participant {
  readonly memberId: string;
  readonly name: string;
  readonly branchId: string;
}

/**
 * Volunteer service (志愿服务) as figures: the teams, each activity, and one row per
 * participation — a person-time (人次) — keyed by (activity, member), so the totals by member,
 * team, branch, kind and month are sums over one table and a repeated event counts once. It also
 * lists the demonstration campaigns (their streams hold the rest, read strongly consistent).
 */
export const volunteerServiceProjection: SqlProjection<VolunteerServiceTable> = {
  name: 'volunteer-service',
  version: 1,
  tables: ['volunteer_teams', 'volunteer_activities', 'volunteer_participations', 'demonstration_campaigns'],

  createTables(db, t) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.volunteer_teams} (
        team_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        lead_branch_id TEXT NOT NULL,
        leader_member_id TEXT NOT NULL,
        leader_name TEXT NOT NULL,
        formed_on TEXT NOT NULL,
        members INTEGER NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.volunteer_activities} (
        activity_id TEXT PRIMARY KEY,
        team_id TEXT NOT NULL,
        on_date TEXT NOT NULL,
        month TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        place TEXT NOT NULL,
        organiser TEXT NOT NULL,
        participants INTEGER NOT NULL,
        proposals_json TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS ${t.volunteer_participations} (
        activity_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        member_name TEXT NOT NULL,
        branch_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        on_date TEXT NOT NULL,
        month TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (activity_id, member_id)
      );
      CREATE TABLE IF NOT EXISTS ${t.demonstration_campaigns} (
        campaign_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        year INTEGER NOT NULL,
        standard_version TEXT NOT NULL,
        launched_on TEXT NOT NULL,
        designated INTEGER NOT NULL,
        approved INTEGER NOT NULL,
        position INTEGER NOT NULL
      );
    `);
  },

  createIndexes(db, t) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS ${t.volunteer_participations}_member ON ${t.volunteer_participations} (member_id, on_date);
      CREATE INDEX IF NOT EXISTS ${t.volunteer_activities}_team ON ${t.volunteer_activities} (team_id, on_date);
    `);
  },

  apply(db, event, t) {
    const d = event.data as Data;
    switch (event.type) {
      case 'VolunteerTeamFormed': {
        const leader = d.leader as Participant;
        statement(
          db,
          `INSERT INTO ${t.volunteer_teams} (team_id, name, lead_branch_id, leader_member_id, leader_name, formed_on, members, position)
           VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (team_id) DO NOTHING`,
        ).run(d.teamId, d.name, d.leadBranchId, leader.memberId, leader.name, day(d.at, event), event.position);
        return;
      }
      case 'VolunteerJoinedTeam':
        // Only an event after the row's last one counts, so applying it again changes nothing.
        statement(
          db,
          `UPDATE ${t.volunteer_teams} SET members = members + 1, position = ? WHERE team_id = ? AND position < ?`,
        ).run(event.position, d.teamId, event.position);
        return;
      case 'VolunteerActivityRecorded': {
        const participants = d.participants as readonly Participant[];
        const on = String(d.on);
        const inserted = statement(
          db,
          `INSERT INTO ${t.volunteer_activities} (activity_id, team_id, on_date, month, kind, title, place, organiser,
             participants, proposals_json, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (activity_id) DO NOTHING`,
        ).run(
          d.activityId,
          d.teamId,
          on,
          on.slice(0, 7),
          d.kind,
          d.title,
          d.place,
          d.organiser,
          participants.length,
          JSON.stringify(d.proposals ?? []),
          event.position,
        );
        if (inserted.changes === 0) return;
        const participation = statement(
          db,
          `INSERT INTO ${t.volunteer_participations} (activity_id, member_id, member_name, branch_id, team_id, kind,
             on_date, month, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (activity_id, member_id) DO NOTHING`,
        );
        for (const p of participants) {
          participation.run(
            d.activityId,
            p.memberId,
            p.name,
            p.branchId,
            d.teamId,
            d.kind,
            on,
            on.slice(0, 7),
            event.position,
          );
        }
        return;
      }
      case 'DemonstrationCampaignLaunched':
        statement(
          db,
          `INSERT INTO ${t.demonstration_campaigns} (campaign_id, title, year, standard_version, launched_on,
             designated, approved, position)
           VALUES (?, ?, ?, ?, ?, 0, 0, ?) ON CONFLICT (campaign_id) DO NOTHING`,
        ).run(d.campaignId, d.title, d.year, d.standardVersion, day(d.at, event), event.position);
        return;
      case 'DemonstrationBranchDesignated':
      case 'DemonstrationBranchApproved': {
        const column = event.type === 'DemonstrationBranchDesignated' ? 'designated' : 'approved';
        statement(
          db,
          `UPDATE ${t.demonstration_campaigns} SET ${column} = ${column} + 1, position = ?
           WHERE campaign_id = ? AND position < ?`,
        ).run(event.position, d.campaignId, event.position);
        return;
      }
    }
  },
};

function day(value: unknown, event: RecordedEvent): string {
  return (typeof value === 'string' ? value : event.metadata.occurredAt).slice(0, 10);
}
