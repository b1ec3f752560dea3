import { answer } from '../api/client';
import { api } from '../api/api';
import type { components } from '../api/schema';

export type ConsoleConfig = components['schemas']['ConsoleConfig'];
export type ConsoleOidc = components['schemas']['ConsoleOidc'];

/** How this console signs people in, from the API that serves it (read once per page load). */
let loading: Promise<ConsoleConfig> | null = null;
export function loadConsoleConfig(): Promise<ConsoleConfig> {
  loading ??= answer(api.GET('/console/config.json')).then(({ data }) => data);
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
