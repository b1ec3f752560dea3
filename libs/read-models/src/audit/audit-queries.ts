import type { ReadModelDatabase } from '../database/read-model-database';
import type { CsvColumn } from '../export/csv';
import { describeEvent, type EventDescription, type NameLookup } from './event-descriptions';
import { streamCategory } from './event-subjects';
import { reporterData, reporterEntry } from './reporter-fields';

/** One audit-log row as the API and CSV export give it (flat, so both share the same columns). */
export interface AuditEntry {
  readonly position: number;
  readonly eventId: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly actorName: string;
  readonly actorRole: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly policyVersion: string | null;
  readonly committeeId: string | null;
  readonly branchId: string | null;
  readonly fromBranchId: string | null;
  readonly memberId: string | null;
  readonly restructuringId: string | null;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
}

/** One event in full: the row, every branch it concerns, its hash and its data. */
export interface AuditEventDetail extends AuditEntry {
  readonly branchIds: readonly string[];
  readonly hash: string;
  readonly data: Record<string, unknown>;
}

export interface AuditFilter {
  readonly branchId?: string;
  readonly memberId?: string;
  readonly actorId?: string;
  readonly types?: readonly string[];
  /** Business dates (YYYY-MM-DD), inclusive. */
  readonly from?: string;
  readonly to?: string;
}

export interface PageRequest {
  /** Only rows after this position. */
  readonly after?: number;
  readonly limit: number;
}

/** A page of a keyset-paged list: `next` is the cursor to pass as `after`, null at the end. */
export interface Page<Row> {
  readonly items: Row[];
  readonly next: number | null;
}

/**
 * Who reads the change feed: auditors see each event's data as recorded; reporting jobs see only
 * the fields `REPORTER_FIELDS` shows (reporter-fields.ts), and a summary that names no other.
 */
export type FeedAudience = 'auditor' | 'reporter';

/** One line of the change feed: a read-model change, with the checkpoint to resume after it. */
export interface FeedChange {
  readonly checkpoint: number;
  readonly position: number;
  readonly stream: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly change: {
    /** The stream's category and id: the aggregate whose rows changed (`member`, `m1`). */
    readonly entity: string;
    readonly entityId: string;
    readonly revision: number;
    readonly branchIds: readonly string[];
    readonly memberId: string | null;
    readonly committeeId: string | null;
    readonly restructuringId: string | null;
    readonly summary: { readonly zh: string; readonly en: string };
    readonly data: Record<string, unknown>;
  };
}

/** Each column: its header in the view's names, its Chinese header, the entry's key. */
const AUDIT_COLUMNS: readonly (readonly [string, string, keyof AuditEntry, 'date'?])[] = [
  ['position', '位置', 'position'],
  ['event_id', '事件编号', 'eventId'],
  ['stream', '记录流', 'stream'],
  ['revision', '版本', 'revision'],
  ['type', '事件类型', 'type'],
  ['schema_version', '结构版本', 'schemaVersion'],
  ['occurred_at', '发生时间', 'occurredAt'],
  ['occurred_on', '发生日期', 'occurredOn', 'date'],
  ['recorded_at', '记录时间', 'recordedAt'],
  ['actor_id', '操作人编号', 'actorId'],
  ['actor_name', '操作人', 'actorName'],
  ['actor_role', '操作人角色', 'actorRole'],
  ['command_id', '命令编号', 'commandId'],
  ['correlation_id', '关联编号', 'correlationId'],
  ['causation_id', '起因编号', 'causationId'],
  ['policy_version', '规则版本', 'policyVersion'],
  ['committee_id', '党组织编号', 'committeeId'],
  ['branch_id', '支部编号', 'branchId'],
  ['from_branch_id', '原支部编号', 'fromBranchId'],
  ['member_id', '党员编号', 'memberId'],
  ['restructuring_id', '组织调整编号', 'restructuringId'],
  ['description_zh', '说明', 'descriptionZh'],
  ['description_en', '说明（英文）', 'descriptionEn'],
];

/** CSV columns of the audit log, in the view's names: the header row reporting jobs rely on. */
export const AUDIT_CSV_COLUMNS: readonly CsvColumn<AuditEntry>[] = AUDIT_COLUMNS.map(
  ([header, headerZh, key, kind]) => ({
    header,
    headerZh,
    value: (row: AuditEntry) => row[key],
    ...(kind === undefined ? {} : { kind }),
  }),
);

const SELECT = `SELECT position, event_id AS eventId, stream, revision, type, schema_version AS schemaVersion,
  occurred_at AS occurredAt, occurred_on AS occurredOn, recorded_at AS recordedAt, actor_id AS actorId,
  actor_name AS actorName, actor_role AS actorRole, command_id AS commandId, correlation_id AS correlationId,
  causation_id AS causationId, policy_version AS policyVersion, committee_id AS committeeId, branch_id AS branchId,
  from_branch_id AS fromBranchId, member_id AS memberId, restructuring_id AS restructuringId,
  description_zh AS descriptionZh, description_en AS descriptionEn`;

/**
 * Questions auditors and reporting jobs ask of the audit log. Every list is keyset-paged by
 * position: a page holds rows strictly after the cursor in position order, so walking the pages
 * sees every matching row exactly once even while new events arrive.
 */
export class AuditQueries {
  constructor(private readonly db: ReadModelDatabase) {}

  events(filter: AuditFilter, page: PageRequest): Page<AuditEntry> {
    const where: string[] = ['position > ?'];
    const params: unknown[] = [page.after ?? -1];
    if (filter.branchId !== undefined) {
      where.push('position IN (SELECT position FROM audit_event_branches WHERE branch_id = ? AND position > ?)');
      params.push(filter.branchId, page.after ?? -1);
    }
    if (filter.memberId !== undefined) {
      where.push('member_id = ?');
      params.push(filter.memberId);
    }
    if (filter.actorId !== undefined) {
      where.push('actor_id = ?');
      params.push(filter.actorId);
    }
    if (filter.types !== undefined && filter.types.length > 0) {
      where.push(`type IN (${filter.types.map(() => '?').join(', ')})`);
      params.push(...filter.types);
    }
    if (filter.from !== undefined) {
      where.push('occurred_on >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('occurred_on <= ?');
      params.push(filter.to);
    }
    return this.page(`${SELECT} FROM audit_events WHERE ${where.join(' AND ')}`, params, page.limit);
  }

  /** A stream's history in revision order (which is also position order). */
  stream(stream: string, page: PageRequest): Page<AuditEntry> {
    return this.page(
      `${SELECT} FROM audit_events WHERE stream = ? AND position > ?`,
      [stream, page.after ?? -1],
      page.limit,
    );
  }

  event(eventId: string): AuditEventDetail | null {
    const row = this.db
      .prepare(`${SELECT}, hash, data_json AS dataJson FROM audit_events WHERE event_id = ?`)
      .get(eventId) as (AuditEntry & { hash: string; dataJson: string }) | undefined;
    if (!row) return null;
    const { dataJson, ...entry } = row;
    return {
      ...entry,
      branchIds: this.branchIdsOf(row.position),
      data: JSON.parse(dataJson) as Record<string, unknown>,
    };
  }

  /**
   * The change feed: what changed in the read models after `checkpoint`, one entry per event.
   * The checkpoint is the position, so resuming after the last one read gives exactly what came next.
   */
  changes(after: number | undefined, limit: number, audience: FeedAudience = 'auditor'): Page<FeedChange> {
    const rows = this.db
      .prepare(`${SELECT}, data_json AS dataJson FROM audit_events WHERE position > ? ORDER BY position LIMIT ?`)
      .all(after ?? -1, limit + 1) as (AuditEntry & { dataJson: string })[];
    const more = rows.length > limit;
    const names = audience === 'reporter' ? this.currentNames() : null;
    const items = rows.slice(0, limit).map((row): FeedChange => {
      const { category, id } = streamCategory(row.stream);
      const recorded = JSON.parse(row.dataJson) as Record<string, unknown>;
      let data = recorded;
      let summary: EventDescription = { zh: row.descriptionZh, en: row.descriptionEn };
      if (names !== null) {
        data = reporterData(row.type, recorded);
        // The recorded line names a withheld field: write it again from what the reporter sees.
        if (reporterEntry(row.type)?.summary === 'visibleFields')
          summary = describeEvent(row.type, data, names, row.stream);
      }
      return {
        checkpoint: row.position,
        position: row.position,
        stream: row.stream,
        type: row.type,
        occurredAt: row.occurredAt,
        change: {
          entity: category,
          entityId: id,
          revision: row.revision,
          branchIds: this.branchIdsOf(row.position),
          memberId: row.memberId,
          committeeId: row.committeeId,
          restructuringId: row.restructuringId,
          summary,
          data,
        },
      };
    });
    return { items, next: more ? (items[items.length - 1]?.checkpoint ?? null) : null };
  }

  /** The position of the newest row: where a feed reader that has read everything stands. */
  lastPosition(): number | null {
    const row = this.db.prepare(`SELECT MAX(position) AS position FROM audit_events`).get() as {
      position: number | null;
    };
    return row.position;
  }

  /**
   * Names as the audit projection knows them now, for lines written again for reporters (the
   * names at the time are in the recorded line, which is what such a line cannot reuse).
   */
  private currentNames(): NameLookup {
    const lookup = this.db.prepare(`SELECT name FROM audit_names WHERE kind = ? AND id = ?`).pluck();
    const name = (kind: string, id: string): string | null => (lookup.get(kind, id) as string | undefined) ?? null;
    return {
      committee: (id) => name('committee', id) ?? id,
      branch: (id) => name('branch', id) ?? id,
      member: (id) => name('member', id) ?? id,
      restructuringKind: (id) => {
        const kind = name('restructuring', id);
        return kind === 'merge' || kind === 'redraw' || kind === 'dissolution' ? kind : null;
      },
      campaign: (id) => name('campaign', id) ?? id,
      workingGroup: (campaignId, groupId) => name('workingGroup', `${campaignId}/${groupId}`) ?? groupId,
      electionBranch: (id) => name('election', id),
      demonstration: (id) => name('demonstration', id) ?? id,
      volunteerTeam: (id) => name('volunteerTeam', id) ?? id,
    };
  }

  private branchIdsOf(position: number): string[] {
    return this.db
      .prepare(`SELECT branch_id FROM audit_event_branches WHERE position = ? ORDER BY branch_id`)
      .pluck()
      .all(position) as string[];
  }

  private page(sql: string, params: unknown[], limit: number): Page<AuditEntry> {
    const rows = this.db.prepare(`${sql} ORDER BY position LIMIT ?`).all(...params, limit + 1) as AuditEntry[];
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    return { items, next: more ? (items[items.length - 1]?.position ?? null) : null };
  }
}
