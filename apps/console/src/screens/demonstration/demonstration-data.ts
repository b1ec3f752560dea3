import { answer } from '../../api/client';
import { api } from '../../api/api';
import { csvPage, wholeCsv } from '../../api/download';
import { jsonOf } from '../../api/json-of';
import type { components } from '../../api/schema';

export type DemonstrationRow = components['schemas']['DemonstrationCampaignRowDto'];
export type Demonstration = components['schemas']['DemonstrationViewDto'];
export type BoardBranch = components['schemas']['BoardBranchDto'];
export type VolunteerStatistics = components['schemas']['VolunteerStatisticsDto'];
export type Activity = components['schemas']['ActivityRowDto'];

/** The campaigns, newest year first, and the board of the one asked for (else the newest). */
export async function demonstrationBoard(
  campaignId: string | null,
): Promise<{ campaigns: readonly DemonstrationRow[]; campaign: Demonstration | null }> {
  const { data } = await answer(api.GET('/demonstrations'));
  const chosen = data.items.find((item) => item.campaignId === campaignId) ?? data.items[0];
  if (!chosen) return { campaigns: data.items, campaign: null };
  const board = await answer(
    api.GET('/demonstrations/{demonstrationId}', { params: { path: { demonstrationId: chosen.campaignId } } }),
  );
  return { campaigns: data.items, campaign: board.data };
}

/** The board as a CSV file: per branch its 13 checklist items, then its 六好 (Chinese headers). */
export const boardCsv = (demonstrationId: string): Promise<string> =>
  wholeCsv(() =>
    csvPage(
      api.GET('/demonstrations/{demonstrationId}/board', {
        params: { path: { demonstrationId }, query: { format: 'csv' } },
        parseAs: 'text',
      }),
    ),
  );

/** Person-times in total and by kind, month, team and branch, with every activity. */
export async function volunteerService(): Promise<{
  statistics: VolunteerStatistics;
  activities: readonly Activity[];
}> {
  const [statistics, activities] = await Promise.all([
    answer(api.GET('/volunteer-service/statistics')),
    answer(api.GET('/volunteer-service/activities')),
  ]);
  return { statistics: jsonOf(statistics.data), activities: jsonOf(activities.data).items };
}

/** The statistics as a CSV file: one row per total (the total first). */
export const statisticsCsv = (): Promise<string> =>
  wholeCsv(() =>
    csvPage(api.GET('/volunteer-service/statistics', { params: { query: { format: 'csv' } }, parseAs: 'text' })),
  );
