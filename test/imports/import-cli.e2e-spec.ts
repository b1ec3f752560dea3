import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../apps/cli/src/cli';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { bureauRoll, rollWorkbook } from './workbook-fixtures';

jest.setTimeout(60_000);

/** `import FILE [--apply]` against a running API, printing the Chinese report. */
describe('the import command', () => {
  let api: BootedApi;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    api = await bootApi();
    await api.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'branchflow-import-cli-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  async function cli(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const token = await tokenFor(api.config, 'admin');
    const code = await runCli(['import', ...args, '--url', url, '--token', token], {
      env: { ...process.env, LANG: 'zh_CN.UTF-8', LC_ALL: '' },
      openStore: () => Promise.reject(new Error('the import command goes through the API')),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out, err };
  }

  it('prints the dry run, then records with --apply, then finds nothing new', async () => {
    const file = join(dir, '花名册.xlsx');
    writeFileSync(file, await rollWorkbook(bureauRoll()));
    const dry = await cli(file, '--as-of', '2023-01-01');
    expect(dry.code).toBe(0);
    expect(dry.out.join('\n')).toContain('将记载：新建党组织 2，新建支部 3，接收为正式党员 9');
    expect(dry.out.join('\n')).toContain('本次未记载任何内容（加 --apply 记载）');
    expect(await api.store.headPosition()).toBeNull();

    const applied = await cli(file, '--apply', '--as-of', '2023-01-01');
    expect(applied.code).toBe(0);
    expect(applied.out.join('\n')).toMatch(/已记载：新建党组织 2.*\n追加事件 \d+ 个。/);
    const again = await cli(file, '--apply', '--as-of', '2023-01-01');
    expect(again.out.join('\n')).toContain('与系统记载一致，无需记载任何内容。');
    expect(again.out.join('\n')).toContain('追加事件 0 个。');
  });

  it('lists the problems of a workbook it refuses, and exits 1', async () => {
    const roll = bureauRoll();
    (roll.members[0] as unknown[])[3] = '1950-02-30';
    const file = join(dir, '有误.xlsx');
    writeFileSync(file, await rollWorkbook(roll));
    const refused = await cli(file, '--apply', '--as-of', '2023-01-01');
    expect(refused.code).toBe(1);
    expect(refused.out.join('\n')).toContain(
      '党员 第 2 行 “出生日期”列（1950-02-30）：“出生日期”中的“1950-02-30”不是一个存在的日期',
    );
  });
});
