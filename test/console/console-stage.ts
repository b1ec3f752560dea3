import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { bootApi, type BootedApi } from '../api/boot-api';
import { launchChromium } from './browser';
import { clerkToken } from './overview-seed';

/** The real API listening on loopback, a clerk's bearer token, and Chromium: what a console test drives. */
export interface ConsoleStage {
  readonly api: BootedApi;
  /** `http://127.0.0.1:<port>`, the origin the console is served from. */
  readonly base: string;
  /** `Bearer …` for an administrator, to make records through the API beside the console. */
  readonly authorization: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/**
 * Boots the API with no timers (approval lapses and digests would otherwise be recorded on
 * today's date, and the pictures change), listens on a loopback port and launches Chromium. With
 * `pictures`, Chromium rasterises on one thread with whole tiles in sRGB, so rounded corners and
 * shadows come out the same to the last grey level and the committed screenshots are stable.
 */
export async function stageConsole(options: { pictures?: boolean } = {}): Promise<ConsoleStage> {
  const api = await bootApi({
    auth: 'explicit',
    env: { BRANCHFLOW_ELECTION_TIMER_MINUTES: '0', BRANCHFLOW_DIGEST_INTERVAL_MINUTES: '0' },
  });
  try {
    const server: Server = api.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the API is not listening on a port');
    const browser = await launchChromium(
      options.pictures ? ['--num-raster-threads=1', '--disable-partial-raster', '--force-color-profile=srgb'] : [],
    );
    return {
      api,
      base: `http://127.0.0.1:${address.port}`,
      authorization: `Bearer ${await clerkToken(api.config)}`,
      browser,
      async close() {
        await browser.close();
        await api.close();
      },
    };
  } catch (error) {
    await api.close();
    throw error;
  }
}
