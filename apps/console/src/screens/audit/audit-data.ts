import { answer } from '../../api/client';
import { api } from '../../api/api';
import { jsonOf } from '../../api/json-of';
import type { components } from '../../api/schema';
import { eventsQuery, type AuditFilters } from './audit-filters';

export type AuditEntry = components['schemas']['AuditEntryDto'];
export type AuditEvent = components['schemas']['AuditEventDetailDto'];
export type BranchRow = components['schemas']['BranchReportRowDto'];
export type MemberRow = components['schemas']['MemberReportRowDto'];

/** Events per page of the log; 加载更多 fetches the next page. */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  readonly items: readonly AuditEntry[];
  readonly next: number | null;
}

/** One page of the log with these filters, or of one stream's history, after a position. */
export async function auditPage(filters: AuditFilters, after?: number): Promise<AuditPage> {
  const paging = { limit: AUDIT_PAGE_SIZE, ...(after === undefined ? {} : { after }) };
  if (filters.stream) {
    const { data } = await answer(
      api.GET('/audit/streams/{stream}', { params: { path: { stream: filters.stream }, query: paging } }),
    );
    return jsonOf(data);
  }
  const { data } = await answer(
    api.GET('/audit/events', { params: { query: { ...eventsQuery(filters), ...paging } } }),
  );
  return jsonOf(data);
}

/** Every branch, open and dissolved, by name (GET /reports/branches, page after page). */
export async function allBranches(): Promise<BranchRow[]> {
  const rows: BranchRow[] = [];
  let after: string | undefined;
  do {
    const query = { limit: 5000, ...(after === undefined ? {} : { after }) };
    const { data } = await answer(api.GET('/reports/branches', { params: { query } }));
    const page = jsonOf(data);
    rows.push(...page.items);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Every member on the roll, present and past (GET /reports/members, page after page). */
export async function allMembers(): Promise<MemberRow[]> {
  const rows: MemberRow[] = [];
  let after: string | undefined;
  do {
    const query = { limit: 5000, ...(after === undefined ? {} : { after }) };
    const { data } = await answer(api.GET('/reports/members', { params: { query } }));
    const page = jsonOf(data);
    rows.push(...page.items);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export const branchNames = (rows: readonly BranchRow[]): ReadonlyMap<string, string> =>
  new Map(rows.map((row) => [row.branchId, row.name]));

/** The hash a stream's first event links to. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The event stored just before this one in its stream, whose hash this one's chain links to
 * (the API answers an event's own hash, not its `prevHash`): null for a stream's first event.
 */
export async function previousInStream(event: AuditEvent): Promise<AuditEvent | null> {
  if (event.revision === 0) return null;
  let after: number | undefined;
  do {
    const query = { limit: 500, ...(after === undefined ? {} : { after }) };
    const { data } = await answer(
      api.GET('/audit/streams/{stream}', { params: { path: { stream: event.stream }, query } }),
    );
    const page = jsonOf(data);
    const previous = page.items.find((item) => item.revision === event.revision - 1);
    if (previous) {
      const detail = await answer(
        api.GET('/audit/events/{eventId}', { params: { path: { eventId: previous.eventId } } }),
      );
      return jsonOf(detail.data);
    }
    after = page.next ?? undefined;
  } while (after !== undefined);
  return null;
}

export async function auditEvent(eventId: string): Promise<AuditEvent> {
  const { data } = await answer(api.GET('/audit/events/{eventId}', { params: { path: { eventId } } }));
  return jsonOf(data);
}
