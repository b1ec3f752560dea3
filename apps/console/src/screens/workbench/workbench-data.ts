import dayjs from 'dayjs';
import { answer } from '../../api/client';
import { api } from '../../api/api';
import { jsonOf } from '../../api/json-of';
import type { components } from '../../api/schema';
import type { BoardEntry, Campaign } from './workbench';

type CampaignSummary = components['schemas']['CampaignSummaryDto'];
type Restructuring = components['schemas']['RestructuringViewDto'];
type AuditEntry = components['schemas']['AuditEntryDto'];
export type Statistics = components['schemas']['StatisticsDto'];
export type { Reminder };

/** Every election on the board (GET /elections), overdue judged on `asOf`, page after page. */
export async function electionBoard(asOf: string): Promise<BoardEntry[]> {
  const items: BoardEntry[] = [];
  let after: string | undefined;
  do {
    const query = { asOf, limit: 5000, ...(after === undefined ? {} : { after }) };
    const { data } = await answer(api.GET('/elections', { params: { query } }));
    const page = jsonOf(data);
    items.push(...page.items);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return items;
}

/** The campaigns, newest plan first, and the board of the one asked for (else the newest), on `asOf`. */
export async function campaignBoard(
  asOf: string,
  campaignId: string | null,
): Promise<{ campaigns: readonly CampaignSummary[]; campaign: Campaign | null }> {
  const { data } = await answer(api.GET('/campaigns'));
  const chosen = data.items.find((item) => item.campaignId === campaignId) ?? data.items[0];
  if (!chosen) return { campaigns: data.items, campaign: null };
  const board = await answer(
    api.GET('/campaigns/{campaignId}', { params: { path: { campaignId: chosen.campaignId }, query: { asOf } } }),
  );
  return { campaigns: data.items, campaign: board.data };
}

type Reminder = components['schemas']['ElectionReminderDto'];

/** The month of reminders to the superior up to `asOf`: due after the same day a month before, latest first. */
export async function recentReminders(asOf: string): Promise<Reminder[]> {
  const since = dayjs(asOf).subtract(1, 'month').add(1, 'day').format('YYYY-MM-DD');
  const { data } = await answer(api.GET('/elections/reminders', { params: { query: { since, limit: 500 } } }));
  return data.items.filter((reminder) => reminder.dueOn <= asOf);
}

export async function statistics(asOf: string): Promise<Statistics> {
  const { data } = await answer(api.GET('/reports/statistics', { params: { query: { asOf } } }));
  return jsonOf(data);
}

/** A restructuring not yet done: proposed, approved or executing, with the line its proposal is logged under. */
export interface RestructuringInFlight {
  readonly restructuringId: string;
  readonly status: Restructuring['status'];
  readonly proposal: AuditEntry;
}

const IN_FLIGHT: readonly Restructuring['status'][] = ['proposed', 'approved', 'executing'];

/**
 * The restructurings in flight, for auditors: the API has no list of restructurings, so their
 * proposals are read from the audit log (auditors only) and each one's status from GET
 * /restructurings/{id}.
 */
export async function restructuringsInFlight(): Promise<RestructuringInFlight[]> {
  const proposals: AuditEntry[] = [];
  let after: number | undefined;
  do {
    const query = { type: ['RestructuringProposed'], limit: 500, ...(after === undefined ? {} : { after }) };
    const { data } = await answer(api.GET('/audit/events', { params: { query } }));
    const page = jsonOf(data);
    proposals.push(...page.items);
    after = page.next ?? undefined;
  } while (after !== undefined);
  const found = await Promise.all(
    proposals.map(async (proposal) => {
      const restructuringId = proposal.restructuringId;
      if (restructuringId === null) return null;
      const { data } = await answer(
        api.GET('/restructurings/{restructuringId}', { params: { path: { restructuringId } } }),
      );
      return { restructuringId, status: data.status, proposal };
    }),
  );
  return found.filter((item): item is RestructuringInFlight => item !== null && IN_FLIGHT.includes(item.status));
}
