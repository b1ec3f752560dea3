import { VOLUNTEER_KIND_LISTS } from '@app/domain';
import { inList } from '../database/in-list';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { CsvColumn } from '../export/csv';

export interface PersonTimesRow {
  /** `kind`, `month`, `team`, `branch` or `member`. */
  readonly dimension: 'kind' | 'month' | 'team' | 'branch' | 'member';
  readonly key: string;
  /** What people call it: the kind in Chinese, the team's, branch's or member's name, or the month. */
  readonly name: string;
  readonly activities: number;
  readonly personTimes: number;
}

export interface VolunteerStatisticsView {
  readonly from: string | null;
  readonly to: string | null;
  readonly teams: number;
  readonly activities: number;
  /** 人次: every participation of every activity. */
  readonly personTimes: number;
  /** Different members who took part. */
  readonly volunteers: number;
  readonly proposals: number;
  readonly byKind: readonly PersonTimesRow[];
  readonly byMonth: readonly PersonTimesRow[];
  readonly byTeam: readonly PersonTimesRow[];
  readonly byBranch: readonly PersonTimesRow[];
  readonly byMember: readonly PersonTimesRow[];
}

export interface VolunteerActivityRow {
  readonly activityId: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly on: string;
  readonly kind: string;
  readonly kindName: string;
  readonly title: string;
  readonly place: string;
  readonly organiser: string;
  readonly personTimes: number;
  readonly proposals: readonly { readonly memberId: string | null; readonly text: string }[];
}

export interface ServiceHistoryRow {
  readonly activityId: string;
  readonly on: string;
  readonly kind: string;
  readonly kindName: string;
  readonly title: string;
  readonly place: string;
  readonly teamId: string;
  readonly teamName: string;
  /** The member's branch on the day. */
  readonly branchId: string;
}

export interface VolunteerTeamRow {
  readonly teamId: string;
  readonly name: string;
  readonly leadBranchId: string;
  readonly leadBranchName: string | null;
  readonly leaderMemberId: string;
  readonly leaderName: string;
  readonly formedOn: string;
  readonly members: number;
  readonly activities: number;
  readonly personTimes: number;
}

export interface DemonstrationCampaignRow {
  readonly campaignId: string;
  readonly title: string;
  readonly year: number;
  readonly standardVersion: string;
  readonly launchedOn: string;
  readonly designated: number;
  readonly approved: number;
}

export interface ServicePeriod {
  readonly from?: string;
  readonly to?: string;
}

/** Kind ids → their Chinese names, over every list version (a kind keeps its id across versions). */
const KIND_NAMES = new Map(VOLUNTEER_KIND_LISTS.flatMap((list) => list.kinds.map((kind) => [kind.id, kind.zh])));
export const volunteerKindName = (kind: string): string => KIND_NAMES.get(kind) ?? kind;

/**
 * The volunteer service read model (volunteer-service.projection.ts) with branch names from the
 * statistics projection's `report_branches`: person-times by kind, month, team, branch and member,
 * within a period and, for a committee-scoped caller, within their branches.
 */
export class VolunteerQueries {
  constructor(private readonly db: ReadModelDatabase) {}

  statistics(period: ServicePeriod, withinBranches?: ReadonlySet<string>): VolunteerStatisticsView {
    const params: Record<string, unknown> = { from: period.from ?? '0000-01-01', to: period.to ?? '9999-12-31' };
    const scope = withinBranches === undefined ? 'TRUE' : inList('p.branch_id', 'branch', withinBranches, params);
    const where = `p.on_date BETWEEN @from AND @to AND ${scope}`;
    const grouped = (dimension: PersonTimesRow['dimension'], key: string, name: string, join = ''): PersonTimesRow[] =>
      (
        this.db
          .prepare(
            `SELECT ${key} AS key, ${name} AS name, COUNT(DISTINCT p.activity_id) AS activities, COUNT(*) AS personTimes
             FROM volunteer_participations p ${join} WHERE ${where} GROUP BY ${key} ORDER BY personTimes DESC, key`,
          )
          .all(params) as { key: string; name: string | null; activities: number; personTimes: number }[]
      ).map((row) => ({
        dimension,
        key: row.key,
        name: dimension === 'kind' ? volunteerKindName(row.key) : (row.name ?? row.key),
        activities: row.activities,
        personTimes: row.personTimes,
      }));
    const totals = this.db
      .prepare(
        `SELECT COUNT(DISTINCT p.activity_id) AS activities, COUNT(*) AS personTimes,
           COUNT(DISTINCT p.member_id) AS volunteers, COUNT(DISTINCT p.team_id) AS teams
         FROM volunteer_participations p WHERE ${where}`,
      )
      .get(params) as { activities: number; personTimes: number; volunteers: number; teams: number };
    const proposals = (
      this.db
        .prepare(
          `SELECT a.proposals_json FROM volunteer_activities a
           WHERE a.on_date BETWEEN @from AND @to
             AND EXISTS (SELECT 1 FROM volunteer_participations p WHERE p.activity_id = a.activity_id AND ${scope})`,
        )
        .pluck()
        .all(params) as string[]
    ).reduce((total, json) => total + (JSON.parse(json) as unknown[]).length, 0);
    return {
      from: period.from ?? null,
      to: period.to ?? null,
      teams: totals.teams,
      activities: totals.activities,
      personTimes: totals.personTimes,
      volunteers: totals.volunteers,
      proposals,
      byKind: grouped('kind', 'p.kind', 'p.kind'),
      byMonth: grouped('month', 'p.month', 'p.month'),
      byTeam: grouped('team', 'p.team_id', 't.name', 'LEFT JOIN volunteer_teams t ON t.team_id = p.team_id'),
      byBranch: grouped('branch', 'p.branch_id', 'b.name', 'LEFT JOIN report_branches b ON b.branch_id = p.branch_id'),
      byMember: grouped('member', 'p.member_id', 'MAX(p.member_name)'),
    };
  }

  /** `withinBranches`: only activities a member of these branches took part in. */
  activities(period: ServicePeriod, teamId?: string, withinBranches?: ReadonlySet<string>): VolunteerActivityRow[] {
    const params: Record<string, unknown> = {
      from: period.from ?? '0000-01-01',
      to: period.to ?? '9999-12-31',
      teamId: teamId ?? null,
    };
    const scope =
      withinBranches === undefined
        ? 'TRUE'
        : `EXISTS (SELECT 1 FROM volunteer_participations p WHERE p.activity_id = a.activity_id AND ${inList(
            'p.branch_id',
            'branch',
            withinBranches,
            params,
          )})`;
    const rows = this.db
      .prepare(
        `SELECT a.activity_id AS activityId, a.team_id AS teamId, t.name AS teamName, a.on_date AS "on", a.kind,
           a.title, a.place, a.organiser, a.participants AS personTimes, a.proposals_json AS proposalsJson
         FROM volunteer_activities a LEFT JOIN volunteer_teams t ON t.team_id = a.team_id
         WHERE a.on_date BETWEEN @from AND @to AND (@teamId IS NULL OR a.team_id = @teamId) AND ${scope}
         ORDER BY a.on_date, a.position`,
      )
      .all(params) as (Omit<VolunteerActivityRow, 'kindName' | 'proposals'> & { proposalsJson: string })[];
    return rows.map(({ proposalsJson, ...row }) => ({
      ...row,
      teamName: row.teamName ?? row.teamId,
      kindName: volunteerKindName(row.kind),
      proposals: JSON.parse(proposalsJson) as VolunteerActivityRow['proposals'],
    }));
  }

  /** A member's service history (志愿服务记录), oldest first. */
  memberHistory(memberId: string): ServiceHistoryRow[] {
    const rows = this.db
      .prepare(
        `SELECT p.activity_id AS activityId, p.on_date AS "on", p.kind, a.title, a.place, p.team_id AS teamId,
           t.name AS teamName, p.branch_id AS branchId
         FROM volunteer_participations p
         JOIN volunteer_activities a ON a.activity_id = p.activity_id
         LEFT JOIN volunteer_teams t ON t.team_id = p.team_id
         WHERE p.member_id = ? ORDER BY p.on_date, p.position`,
      )
      .all(memberId) as Omit<ServiceHistoryRow, 'kindName'>[];
    return rows.map((row) => ({ ...row, teamName: row.teamName ?? row.teamId, kindName: volunteerKindName(row.kind) }));
  }

  /** `withinBranches`: only the teams these branches lead. */
  teams(withinBranches?: ReadonlySet<string>): VolunteerTeamRow[] {
    const params: Record<string, unknown> = {};
    const scope = withinBranches === undefined ? 'TRUE' : inList('t.lead_branch_id', 'branch', withinBranches, params);
    return this.db
      .prepare(
        `SELECT t.team_id AS teamId, t.name, t.lead_branch_id AS leadBranchId, b.name AS leadBranchName,
           t.leader_member_id AS leaderMemberId, t.leader_name AS leaderName, t.formed_on AS formedOn, t.members,
           (SELECT COUNT(*) FROM volunteer_activities a WHERE a.team_id = t.team_id) AS activities,
           (SELECT COUNT(*) FROM volunteer_participations p WHERE p.team_id = t.team_id) AS personTimes
         FROM volunteer_teams t LEFT JOIN report_branches b ON b.branch_id = t.lead_branch_id
         WHERE ${scope} ORDER BY t.position`,
      )
      .all(params) as VolunteerTeamRow[];
  }

  demonstrationCampaigns(): DemonstrationCampaignRow[] {
    return this.db
      .prepare(
        `SELECT campaign_id AS campaignId, title, year, standard_version AS standardVersion, launched_on AS launchedOn,
           designated, approved
         FROM demonstration_campaigns ORDER BY year DESC, launched_on DESC, campaign_id`,
      )
      .all() as DemonstrationCampaignRow[];
  }
}

export const VOLUNTEER_STATISTICS_CSV_COLUMNS: readonly CsvColumn<PersonTimesRow>[] = [
  { header: 'dimension', headerZh: '统计维度', value: (row) => row.dimension },
  { header: 'key', headerZh: '编号', value: (row) => row.key },
  { header: 'name', headerZh: '名称', value: (row) => row.name },
  { header: 'activities', headerZh: '活动次数', value: (row) => row.activities },
  { header: 'personTimes', headerZh: '人次', value: (row) => row.personTimes },
];

/** The statistics as one table: a total row, then each breakdown. */
export function volunteerStatisticsRows(view: VolunteerStatisticsView): PersonTimesRow[] {
  return [
    { dimension: 'kind', key: 'total', name: '合计', activities: view.activities, personTimes: view.personTimes },
    ...view.byKind,
    ...view.byMonth,
    ...view.byTeam,
    ...view.byBranch,
    ...view.byMember,
  ];
}

export const VOLUNTEER_ACTIVITY_CSV_COLUMNS: readonly CsvColumn<VolunteerActivityRow>[] = [
  { header: 'activityId', headerZh: '活动编号', value: (row) => row.activityId },
  { header: 'on', headerZh: '活动日期', value: (row) => row.on, kind: 'date' },
  { header: 'kind', headerZh: '类别', value: (row) => row.kindName },
  { header: 'title', headerZh: '活动名称', value: (row) => row.title },
  { header: 'place', headerZh: '地点', value: (row) => row.place },
  { header: 'organiser', headerZh: '组织者', value: (row) => row.organiser },
  { header: 'team', headerZh: '志愿服务队', value: (row) => row.teamName },
  { header: 'personTimes', headerZh: '人次', value: (row) => row.personTimes },
  { header: 'proposals', headerZh: '建议', value: (row) => row.proposals.map((p) => p.text).join('；') },
];

export const SERVICE_HISTORY_CSV_COLUMNS: readonly CsvColumn<ServiceHistoryRow>[] = [
  { header: 'on', headerZh: '活动日期', value: (row) => row.on, kind: 'date' },
  { header: 'kind', headerZh: '类别', value: (row) => row.kindName },
  { header: 'title', headerZh: '活动名称', value: (row) => row.title },
  { header: 'place', headerZh: '地点', value: (row) => row.place },
  { header: 'team', headerZh: '志愿服务队', value: (row) => row.teamName },
  { header: 'activityId', headerZh: '活动编号', value: (row) => row.activityId },
];
