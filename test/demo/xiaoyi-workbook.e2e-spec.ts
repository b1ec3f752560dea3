import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createDemoCommand } from '../../apps/cli/src/commands/demo.command';
import { ApiClient } from '../../apps/cli/src/demo/http-client';
import { organisationPhase } from '../../apps/cli/src/demo/organisation-phases';
import { PhaseProgress, type ProgressSink } from '../../apps/cli/src/demo/progress';
import { xiaoyiRollDate } from '../../apps/cli/src/demo/xiaoyi-workbook';
import { generateXiaoyiYear } from '../../apps/cli/src/demo/xiaoyi-year';
import { ExitCode } from '../../apps/cli/src/exit-codes';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Xiaoyi organisation two ways on two fresh APIs: entered by the demo's first phase, one
 * command after another, and imported from the bureau's workbook the demo writes
 * (`branchflow demo --workbook FILE`). On the day the roll stands complete both trees read the
 * same — committees, branches, co-managing units, member counts, the 2019 posts and their
 * holders — apart from the ids, which the import derives from the workbook's names and numbers.
 */
describe('the Xiaoyi roll loaded from a workbook', () => {
  const year = generateXiaoyiYear();
  const asOf = xiaoyiRollDate(year);
  let entered: BootedApi;
  let imported: BootedApi;

  beforeAll(async () => {
    [entered, imported] = await Promise.all([bootApi({ env: { BRANCHFLOW_WRITES_PER_MINUTE: '1000000' } }), bootApi()]);
  });
  afterAll(async () => {
    await entered?.close();
    await imported?.close();
  });

  it('gives the same tree as the generator’s commands, and a second import records nothing', async () => {
    await entered.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(entered.app.getHttpServer().address() as AddressInfo).port}`;
    const sink: ProgressSink = { isTTY: false, write: () => undefined };
    await organisationPhase.run(
      {
        api: new ApiClient(url, await tokenFor(entered.config, 'admin')),
        year,
        sink,
        operations: new Set(),
        pollIntervalMs: 50,
        waitTimeoutMs: 60_000,
      },
      new PhaseProgress(sink, organisationPhase.name, organisationPhase.estimate(year)),
    );

    // The workbook as a user gets it: `branchflow demo --workbook FILE`.
    const file = join(mkdtempSync(join(tmpdir(), 'xiaoyi-roll-')), '孝义花名册.xlsx');
    const said: string[] = [];
    const wrote = await createDemoCommand().run(['--workbook', file], {
      config: entered.config,
      openStore: () => Promise.reject(new Error('writing the workbook needs no store')),
      out: (line) => said.push(line),
      err: (line) => said.push(line),
    });
    expect(wrote).toBe(ExitCode.ok);
    expect(said.join('\n')).toContain(`--apply --as-of ${asOf}`);
    const workbook = readFileSync(file);
    const http = imported.app.getHttpServer();
    const applied = await request(http)
      .post(`/imports?apply=true&asOf=${asOf}`)
      .set('Content-Type', XLSX)
      .send(workbook);
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: true, problemCount: 0 });
    expect(applied.body.appendedEvents).toBeGreaterThan(year.members.length);

    const [fromCommands, fromWorkbook] = await Promise.all([
      treeOn(entered.app.getHttpServer(), asOf),
      treeOn(http, asOf),
    ]);
    expect(withoutIds(fromWorkbook)).toEqual(withoutIds(fromCommands));
    expect(fromWorkbook).toMatchObject({ totals: { branches: 28 } });

    const again = await request(http).post(`/imports?apply=true&asOf=${asOf}`).set('Content-Type', XLSX).send(workbook);
    expect(again.body).toMatchObject({ appendedEvents: 0, changeCount: 0 });
  }, 180_000);
});

/** The tree as of a day, asked again (as a client would) while the read models catch up and answer 503. */
async function treeOn(http: Parameters<typeof request>[0], asOf: string): Promise<unknown> {
  for (let attempt = 0; ; attempt += 1) {
    const answer = await request(http).get(`/org/tree?asOf=${asOf}`);
    if (answer.status !== 503 || attempt >= 120) {
      expect(answer.status).toBe(200);
      return answer.body;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The tree with every id left out and lists in name order: what a person compares. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutIds).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !/(^id$|Id$)/.test(key))
        .map(([key, inner]) => [key, withoutIds(inner)]),
    );
  }
  return value;
}
