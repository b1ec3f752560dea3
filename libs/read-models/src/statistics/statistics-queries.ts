import {
  reporterDepartureReason,
  reporterShape,
  type FieldShape,
  type ReporterDepartureReason,
} from '../audit/reporter-fields';
import { inList } from '../database/in-list';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { CsvColumn } from '../export/csv';
import { withSittingCommittees, type SittingCommittee } from './sitting-committees';
import { RESTRUCTURING_STATES, type RestructuringStateName } from './workflow-states';

/**
 * How an age is reckoned: from the birth date (full years on the day: auditors, who see birth
 * dates anyway), or from the birth year alone (the day's year less the birth year: reporting
 * jobs). An age by birth date changes on the birthday, so a caller free to choose the day could
 * find any birth date by asking either side of it; by birth year it changes on 1 January only.
 */
export type AgeReckoning = 'birthDate' | 'birthYear';

export interface Statistics {
  /** The day ages are computed against. Counts are as the read model stands now. */
  readonly asOf: string;
  readonly branches: {
    readonly open: number;
    readonly dissolved: number;
    /** Open branches where an elected committee member (支部委员) currently holds a post. */
    readonly withCommittee: number;
    readonly withoutCommittee: number;
  };
  readonly members: {
    readonly active: number;
    readonly full: number;
    readonly probationary: number;
    readonly left: number;
  };
  readonly secretaries: {
    /** Current secretaries of open branches. */
    readonly count: number;
    /** Those who are active members with a birth date on the roll: the ages below are theirs. */
    readonly withKnownAge: number;
    readonly youngestAge: number | null;
    readonly medianAge: number | null;
    /** How the ages above are reckoned: `birthYear` for reporting jobs. */
    readonly agesBy: AgeReckoning;
  };
  readonly restructurings: Readonly<Record<RestructuringStateName, number>>;
  /** Elections by state; empty until election events exist. */
  readonly elections: Readonly<Record<string, number>>;
}

export interface BranchReportRow {
  readonly branchId: string;
  readonly name: string;
  readonly committeeId: string;
  readonly committeeName: string | null;
  readonly joint: boolean;
  readonly status: string;
  readonly establishedOn: string;
  readonly dissolvedOn: string | null;
  readonly fullMembers: number;
  readonly probationaryMembers: number;
  readonly hasCommittee: boolean;
  readonly secretaryId: string | null;
  readonly secretaryName: string | null;
}

export interface MemberReportRow {
  readonly memberId: string;
  readonly name: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly joinedPartyOn: string;
  readonly formerPostLevel: string;
  readonly membership: string;
  readonly votingSuspended: boolean;
  readonly status: string;
  readonly branchId: string;
  readonly branchName: string | null;
  readonly admittedOn: string;
  readonly leftOn: string | null;
  readonly leftReason: string | null;
  /** Five-year band of the age on the report's date (`70-74`), `90+` from 90: see `ageBand`. */
  readonly ageBand: string;
}

/**
 * A roll row as a reporting job sees it, by an allow-list of the row's fields (a column added
 * to the row fails to compile here until it is decided): the age band (reckoned by birth year),
 * never the birth date, and a departure reason without the disciplinary one (`death` or `other`,
 * as the change feed shows it).
 */
const MEMBER_ROW_FOR_REPORTER: FieldShape<MemberReportRow> = {
  memberId: true,
  name: true,
  sex: true,
  birthDate: false,
  joinedPartyOn: true,
  formerPostLevel: true,
  membership: true,
  votingSuspended: true,
  status: true,
  branchId: true,
  branchName: true,
  admittedOn: true,
  leftOn: true,
  leftReason: reporterDepartureReason,
  ageBand: true,
};

export type ReporterMemberReportRow = Omit<MemberReportRow, 'birthDate' | 'leftReason'> & {
  readonly leftReason: ReporterDepartureReason | null;
};

export function memberRowForReporter(row: MemberReportRow): ReporterMemberReportRow {
  return reporterShape(MEMBER_ROW_FOR_REPORTER, row) as unknown as ReporterMemberReportRow;
}

/** One restructuring in the list: what it is, where it stands, and the business days of both. */
export interface RestructuringListRow {
  readonly restructuringId: string;
  readonly kind: string;
  readonly status: RestructuringStateName;
  /** The business day it was proposed. */
  readonly proposedOn: string;
  /** The business day it reached its status. */
  readonly statusSince: string;
}

export interface ReportPage<Row> {
  readonly items: Row[];
  /** The id to pass as `after` for the next page; null at the end. */
  readonly next: string | null;
}

export interface ReportPageRequest {
  readonly after?: string;
  readonly limit: number;
}

/** Each column: its stable header, its Chinese header, the row's key, and `date` for calendar dates. */
type ColumnList<Row> = readonly (readonly [string, string, keyof Row, 'date'?])[];

const csv = <Row>(columns: ColumnList<Row>): CsvColumn<Row>[] =>
  columns.map(([header, headerZh, key, kind]) => ({
    header,
    headerZh,
    value: (row: Row) => row[key],
    ...(kind === undefined ? {} : { kind }),
  }));

export const BRANCH_REPORT_CSV_COLUMNS = csv<BranchReportRow>([
  ['branch_id', '支部编号', 'branchId'],
  ['name', '支部名称', 'name'],
  ['committee_id', '党组织编号', 'committeeId'],
  ['committee_name', '隶属党组织', 'committeeName'],
  ['joint', '是否联合党支部', 'joint'],
  ['status', '状态', 'status'],
  ['established_on', '成立日期', 'establishedOn', 'date'],
  ['dissolved_on', '撤销日期', 'dissolvedOn', 'date'],
  ['full_members', '正式党员人数', 'fullMembers'],
  ['probationary_members', '预备党员人数', 'probationaryMembers'],
  ['has_committee', '是否设支部委员会', 'hasCommittee'],
  ['secretary_id', '书记编号', 'secretaryId'],
  ['secretary_name', '书记姓名', 'secretaryName'],
]);

const MEMBER_REPORT_COLUMNS: ColumnList<MemberReportRow> = [
  ['member_id', '党员编号', 'memberId'],
  ['name', '姓名', 'name'],
  ['sex', '性别', 'sex'],
  ['birth_date', '出生日期', 'birthDate', 'date'],
  ['joined_party_on', '入党日期', 'joinedPartyOn', 'date'],
  ['former_post_level', '原职级', 'formerPostLevel'],
  ['membership', '党员类别', 'membership'],
  ['voting_suspended', '权利是否中止', 'votingSuspended'],
  ['status', '状态', 'status'],
  ['branch_id', '支部编号', 'branchId'],
  ['branch_name', '所在支部', 'branchName'],
  ['admitted_on', '编入日期', 'admittedOn', 'date'],
  ['left_on', '离开日期', 'leftOn', 'date'],
  ['left_reason', '离开原因', 'leftReason'],
  // Added at the end, so the columns before it keep their places.
  ['age_band', '年龄段', 'ageBand'],
];

export const MEMBER_REPORT_CSV_COLUMNS = csv<MemberReportRow>(MEMBER_REPORT_COLUMNS);

/** The roll's columns for reporting jobs: those of the fields their allow-list shows, in the same places. */
export const REPORTER_MEMBER_REPORT_CSV_COLUMNS = csv<ReporterMemberReportRow>(
  MEMBER_REPORT_COLUMNS.filter(
    ([, , key]) => MEMBER_ROW_FOR_REPORTER[key] !== false,
  ) as ColumnList<ReporterMemberReportRow>,
);

/** The statistics as `metric,value` rows, for a CSV export of the figures. */
export function statisticsRows(statistics: Statistics): { metric: string; value: string | number | null }[] {
  const rows: { metric: string; value: string | number | null }[] = [{ metric: 'as_of', value: statistics.asOf }];
  const groups = ['branches', 'members', 'secretaries', 'restructurings', 'elections'] as const;
  for (const group of groups) {
    for (const [key, value] of Object.entries(statistics[group] as Record<string, string | number | null>)) {
      rows.push({ metric: `${group}.${key}`, value });
    }
  }
  return rows;
}

export const STATISTICS_CSV_COLUMNS: CsvColumn<{ metric: string; value: string | number | null }>[] = [
  { header: 'metric', headerZh: '指标', value: (row) => row.metric },
  // as_of is a date, every other value a count: a workbook writes each as what it is.
  { header: 'value', headerZh: '数值', value: (row) => row.value, kind: 'date' },
];

/** Full years from a birth date (YYYY-MM-DD) to a day (YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.slice(0, 10).split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The age as `by` reckons it: full years on the day, or the day's year less the birth year. */
export function ageBy(by: AgeReckoning, birthDate: string, day: string): number {
  return by === 'birthDate' ? ageOn(birthDate, day) : Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
}

/**
 * The band a reporting job sees instead of a birth date: five years wide (`70-74`), and `90+`
 * from 90, where so few members remain that an exact band would point at one person.
 */
export function ageBand(birthDate: string, day: string, by: AgeReckoning): string {
  const age = ageBy(by, birthDate, day);
  if (age >= 90) return '90+';
  const low = Math.floor(age / 5) * 5;
  return `${low}-${low + 4}`;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Reports over the statistics projection's views (`report_*`), which stay stable across rebuilds. */
export class StatisticsQueries {
  constructor(private readonly db: ReadModelDatabase) {}

  /** Every restructuring the figures count, for a scope to be judged on (restructurings have no branch column). */
  restructuringIds(): string[] {
    return this.db
      .prepare(`SELECT restructuring_id FROM report_restructurings ORDER BY restructuring_id`)
      .pluck()
      .all() as string[];
  }

  /**
   * The figures now, with secretaries' ages on `asOf` reckoned as `agesBy` says. With `within`
   * (a committee-scoped caller's), only those branches, their members, posts and elections, and
   * those restructurings are counted.
   */
  statistics(
    asOf: string,
    agesBy: AgeReckoning,
    within?: { readonly branches: ReadonlySet<string>; readonly restructurings: ReadonlySet<string> },
  ): Statistics {
    const params: Record<string, unknown> = {};
    const branchesOf = (column: string): string =>
      within === undefined ? 'TRUE' : inList(column, 'branch', within.branches, params);
    const restructuringsOf = (column: string): string =>
      within === undefined ? 'TRUE' : inList(column, 'restructuring', within.restructurings, params);
    const all = <Row>(sql: string): Row[] => this.db.prepare(sql).all(params) as Row[];
    const count = (sql: string): number => Number((this.db.prepare(sql).pluck().get(params) as number | null) ?? 0);
    const openBranches = count(
      `SELECT COUNT(*) FROM report_branches WHERE status = 'open' AND ${branchesOf('branch_id')}`,
    );
    const withCommittee = count(
      `SELECT COUNT(*) FROM report_branches b WHERE b.status = 'open' AND ${branchesOf('b.branch_id')} AND EXISTS (
         SELECT 1 FROM report_posts p WHERE p.branch_id = b.branch_id AND p.end_date IS NULL
           AND p.kind = 'committeeMember' AND p.source = 'elected')`,
    );
    const secretaries = all<{ personId: string; birthDate: string | null }>(
      `SELECT p.person_id AS personId, m.birth_date AS birthDate
       FROM report_posts p JOIN report_branches b ON b.branch_id = p.branch_id AND b.status = 'open'
       LEFT JOIN report_members m ON m.member_id = p.person_id AND m.status = 'active'
       WHERE p.kind = 'secretary' AND p.end_date IS NULL AND ${branchesOf('p.branch_id')}`,
    );
    const ages = secretaries.flatMap((s) => (s.birthDate ? [ageBy(agesBy, s.birthDate, asOf)] : []));

    const restructurings = Object.fromEntries(RESTRUCTURING_STATES.map((state) => [state, 0])) as Record<
      RestructuringStateName,
      number
    >;
    for (const row of all<{ state: RestructuringStateName; n: number }>(
      `SELECT state, COUNT(*) AS n FROM report_restructurings WHERE ${restructuringsOf('restructuring_id')} GROUP BY state`,
    )) {
      restructurings[row.state] = row.n;
    }
    const elections = Object.fromEntries(
      all<{ state: string; n: number }>(
        `SELECT state, COUNT(*) AS n FROM report_elections WHERE ${branchesOf('branch_id')} GROUP BY state ORDER BY state`,
      ).map((row) => [row.state, row.n]),
    );
    // A member who left is counted with the branch they left, as the scope judges their stream.
    const members = (where: string): number =>
      count(`SELECT COUNT(*) FROM report_members WHERE ${where} AND ${branchesOf('branch_id')}`);

    return {
      asOf,
      branches: {
        open: openBranches,
        dissolved: count(
          `SELECT COUNT(*) FROM report_branches WHERE status = 'dissolved' AND ${branchesOf('branch_id')}`,
        ),
        withCommittee,
        withoutCommittee: openBranches - withCommittee,
      },
      members: {
        active: members(`status = 'active'`),
        full: members(`status = 'active' AND membership = 'full'`),
        probationary: members(`status = 'active' AND membership = 'probationary'`),
        left: members(`status = 'left'`),
      },
      secretaries: {
        count: secretaries.length,
        withKnownAge: ages.length,
        youngestAge: ages.length > 0 ? Math.min(...ages) : null,
        medianAge: median(ages),
        agesBy,
      },
      restructurings,
      elections,
    };
  }

  /**
   * The restructurings, paged by id; with `within` (a committee-scoped caller's) only those.
   * A list is short (a city has a handful a year), so a caller sorts a page as it likes.
   */
  restructurings(
    filter: { status?: RestructuringStateName; within?: ReadonlySet<string> },
    page: ReportPageRequest,
  ): ReportPage<RestructuringListRow> {
    const params: Record<string, unknown> = { after: page.after ?? '', limit: page.limit + 1 };
    const where = ['restructuring_id > @after'];
    if (filter.status !== undefined) {
      where.push('state = @status');
      params.status = filter.status;
    }
    if (filter.within !== undefined) where.push(inList('restructuring_id', 'restructuring', filter.within, params));
    const rows = this.db
      .prepare(
        `SELECT restructuring_id AS restructuringId, kind, state AS status, proposed_on AS proposedOn,
           state_since AS statusSince
         FROM report_restructurings WHERE ${where.join(' AND ')} ORDER BY restructuring_id LIMIT @limit`,
      )
      .all(params) as RestructuringListRow[];
    return pageOf(rows, page.limit, (row) => row.restructuringId);
  }

  branches(filter: { status?: string; committeeId?: string }, page: ReportPageRequest): ReportPage<BranchReportRow> {
    const where = ['branch_id > ?'];
    const params: unknown[] = [page.after ?? ''];
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.committeeId !== undefined) {
      where.push('committee_id = ?');
      params.push(filter.committeeId);
    }
    const rows = this.db
      .prepare(
        `SELECT branch_id AS branchId, name, committee_id AS committeeId, committee_name AS committeeName, joint, status,
           established_on AS establishedOn, dissolved_on AS dissolvedOn, full_members AS fullMembers,
           probationary_members AS probationaryMembers, has_committee AS hasCommittee, secretary_id AS secretaryId,
           secretary_name AS secretaryName
         FROM report_branch_overview WHERE ${where.join(' AND ')} ORDER BY branch_id LIMIT ?`,
      )
      .all(...params, page.limit + 1) as (Omit<BranchReportRow, 'joint' | 'hasCommittee'> & {
      joint: number;
      hasCommittee: number;
    })[];
    return pageOf(
      rows.map((row) => ({ ...row, joint: row.joint === 1, hasCommittee: row.hasCommittee === 1 })),
      page.limit,
      (row) => row.branchId,
    );
  }

  /** A page of the branch list with each branch's sitting committee and term end, for the workbook. */
  withSittingCommittees(rows: readonly BranchReportRow[]): (BranchReportRow & SittingCommittee)[] {
    return withSittingCommittees(this.db, rows);
  }

  /** The roll; age bands are computed as of `asOf` (YYYY-MM-DD), reckoned as `agesBy` says. */
  members(
    filter: { branchId?: string; status?: string },
    page: ReportPageRequest,
    asOf: string,
    agesBy: AgeReckoning,
  ): ReportPage<MemberReportRow> {
    const where = ['member_id > ?'];
    const params: unknown[] = [page.after ?? ''];
    if (filter.branchId !== undefined) {
      where.push('branch_id = ?');
      params.push(filter.branchId);
    }
    if (filter.status !== undefined) {
      where.push('status = ?');
      params.push(filter.status);
    }
    const rows = this.db
      .prepare(
        `SELECT member_id AS memberId, name, sex, birth_date AS birthDate, joined_party_on AS joinedPartyOn,
           former_post_level AS formerPostLevel, membership, voting_suspended AS votingSuspended, status,
           branch_id AS branchId, branch_name AS branchName, admitted_on AS admittedOn, left_on AS leftOn,
           left_reason AS leftReason
         FROM report_member_roll WHERE ${where.join(' AND ')} ORDER BY member_id LIMIT ?`,
      )
      .all(...params, page.limit + 1) as (Omit<MemberReportRow, 'votingSuspended' | 'ageBand'> & {
      votingSuspended: number;
    })[];
    return pageOf(
      rows.map((row) => ({
        ...row,
        votingSuspended: row.votingSuspended === 1,
        ageBand: ageBand(row.birthDate, asOf, agesBy),
      })),
      page.limit,
      (row) => row.memberId,
    );
  }
}

function pageOf<Row>(rows: Row[], limit: number, key: (row: Row) => string): ReportPage<Row> {
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: more && last ? key(last) : null };
}
