/**
 * The audit log's filters as the address carries them (`/audit?branch=…&type=A&type=B&from=…`),
 * so a filtered view can be shared and reloaded, and the API query they become.
 */
export interface AuditFilters {
  readonly branchId: string | null;
  readonly memberId: string | null;
  readonly actorId: string | null;
  readonly types: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  /** One stream's events in revision order (GET /audit/streams/{stream}) instead of the filtered log. */
  readonly stream: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: string | null): string | null => (value && value.trim() ? value.trim() : null);
const date = (value: string | null): string | null => (value && DATE.test(value) ? value : null);

export function filtersOf(query: URLSearchParams): AuditFilters {
  return {
    branchId: text(query.get('branch')),
    memberId: text(query.get('member')),
    actorId: text(query.get('actor')),
    types: query.getAll('type').filter((type) => /^[A-Za-z][A-Za-z0-9]{0,99}$/.test(type)),
    from: date(query.get('from')),
    to: date(query.get('to')),
    stream: text(query.get('stream')),
  };
}

/** The address of the log with these filters; empty ones are left out. */
export function auditRoute(filters: Partial<AuditFilters>): string {
  const query = new URLSearchParams();
  if (filters.stream) query.set('stream', filters.stream);
  if (filters.branchId) query.set('branch', filters.branchId);
  if (filters.memberId) query.set('member', filters.memberId);
  if (filters.actorId) query.set('actor', filters.actorId);
  for (const type of filters.types ?? []) query.append('type', type);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  const search = query.toString();
  return search ? `/audit?${search}` : '/audit';
}

/** The query of GET /audit/events for these filters (the stream is a route of its own). */
export function eventsQuery(filters: AuditFilters) {
  return {
    ...(filters.branchId ? { branchId: filters.branchId } : {}),
    ...(filters.memberId ? { memberId: filters.memberId } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.types.length > 0 ? { type: [...filters.types] } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}

export const hasFilters = (filters: AuditFilters): boolean =>
  Boolean(
    filters.branchId ||
    filters.memberId ||
    filters.actorId ||
    filters.types.length > 0 ||
    filters.from ||
    filters.to ||
    filters.stream,
  );
