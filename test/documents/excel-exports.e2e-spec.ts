import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueType, Workbook, type Worksheet } from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';
import { committeeElection, type CommitteeElection } from './committee-election';
import { convertAllToPdf, officeTools, pdfText } from './office-tools';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const binary = (res: import('superagent').Response, callback: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** A header's column (1-based) in a sheet's frozen first row. */
function columnOf(sheet: Worksheet, header: string): number {
  const values = sheet.getRow(1).values as unknown[];
  const index = values.indexOf(header);
  if (index < 1) throw new Error(`no column ${header} in ${JSON.stringify(values)}`);
  return index;
}

/** The data row whose `header` column holds `value`. */
function rowWhere(sheet: Worksheet, header: string, value: unknown) {
  const column = columnOf(sheet, header);
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    if (sheet.getRow(r).getCell(column).value === value) return sheet.getRow(r);
  }
  throw new Error(`no row with ${header} = ${String(value)}`);
}

/**
 * The exports as Excel workbooks over HTTP: the roll, the branch list with sitting committees and
 * term ends, the statistics, the audit log and an election's result, chosen by `?format=xlsx`
 * or by `Accept`; read back with exceljs (headers, frozen row, typed cells, text never a formula)
 * and opened by LibreOffice. The CSV answers are unchanged.
 */
describe('Excel exports', () => {
  let api: BootedApi;
  let http: App;
  let run: CommitteeElection;
  const work = mkdtempSync(join(tmpdir(), 'branchflow-xlsx-'));
  const saved: string[] = [];

  const workbook = async (path: string, accept?: string, language = 'zh-CN'): Promise<Workbook> => {
    const call = request(http).get(path).set('Accept-Language', language);
    const answer = await (accept === undefined ? call : call.set('Accept', accept)).buffer(true).parse(binary);
    expect({ path, status: answer.status, type: answer.headers['content-type'] }).toEqual({
      path,
      status: 200,
      type: XLSX,
    });
    const file = join(work, `${saved.length}.xlsx`);
    writeFileSync(file, answer.body as Buffer);
    saved.push(file);
    const book = new Workbook();
    const bytes = answer.body as Buffer;
    // exceljs declares its own Buffer (an ArrayBuffer); the bytes are Node's.
    await book.xlsx.load(Uint8Array.from(bytes).buffer);
    return book;
  };

  beforeAll(async () => {
    api = await bootApi({ env: { BRANCHFLOW_ELECTION_TIMER_MINUTES: '0' } });
    http = api.app.getHttpServer();
    run = await committeeElection(http, 'excel-fuqian');
    await run.to('approved');
    await request(http)
      .post(`/elections/${run.electionId}/request-installation`)
      .set('Idempotency-Key', 'excel-fuqian:install')
      .send({ occurredAt: '2023-05-26' })
      .expect(202);
    for (let waited = 0; ; waited += 25) {
      const view = await request(http).get(`/elections/${run.electionId}`).expect(200);
      if (view.body.state.status === 'installed') break;
      if (waited > 20_000) throw new Error(`still ${view.body.state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // Names a spreadsheet would run as formulas, on a branch of their own.
    const org = new OrganisationFixtures(http);
    const other = await org.branch(run.committeeId, '崇文社区离退休干部党支部');
    for (const name of ['=1+2', '-张三', '@某', '+86']) await org.member(other, { name });
  }, 120_000);
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await api.close();
  });

  it('writes the roll as a workbook of every page, Chinese headers over a frozen row, dates as dates and names as text', async () => {
    const book = await workbook('/reports/members?format=xlsx&limit=3');
    const sheet = book.getWorksheet('党员花名册')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['党员编号', '姓名', '出生日期', '入党日期', '所在支部', '年龄段']),
    );
    // limit pages the JSON and CSV; the workbook holds every member: 10 of 府前 and 4 of 崇文.
    expect(sheet.rowCount).toBe(1 + 14);
    const li = rowWhere(sheet, '姓名', '李全爱');
    const birth = li.getCell(columnOf(sheet, '出生日期'));
    expect(birth.type).toBe(ValueType.Date);
    expect(birth.value).toEqual(new Date(Date.UTC(1950, 2, 8)));
    expect(birth.numFmt).toBe(DATE_FORMAT);
    expect(li.getCell(columnOf(sheet, '所在支部')).value).toBe('府前社区离退休干部党支部');
    for (const name of ['=1+2', '-张三', '@某', '+86']) {
      const cell = rowWhere(sheet, '姓名', name).getCell(columnOf(sheet, '姓名'));
      expect({ name, type: cell.type, value: cell.value }).toEqual({ name, type: ValueType.String, value: name });
    }
    // Accept chooses it as well; CSV stays as it was.
    const byAccept = await workbook('/reports/members', XLSX);
    expect(byAccept.getWorksheet(1)!.rowCount).toBe(15);
    const csv = await request(http).get('/reports/members?format=csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('"\'=1+2"');
  }, 60_000);

  it('writes the branch list with each branch’s sitting committee and term end', async () => {
    const sheet = (await workbook('/reports/branches?format=xlsx')).getWorksheet('支部名册')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const fuqian = rowWhere(sheet, '支部名称', '府前社区离退休干部党支部');
    expect(fuqian.getCell(columnOf(sheet, '现任支部委员会')).value).toBe('书记 王秀英；副书记 武雅君；组织委员 李全爱');
    const termEnd = fuqian.getCell(columnOf(sheet, '任期届满日期'));
    expect({ type: termEnd.type, value: termEnd.value }).toEqual({
      type: ValueType.Date,
      value: new Date(Date.UTC(2028, 4, 20)),
    });
    expect(fuqian.getCell(columnOf(sheet, '正式党员人数'))).toMatchObject({ type: ValueType.Number, value: 10 });
    expect(fuqian.getCell(columnOf(sheet, '是否联合党支部')).value).toBe('否');
    const chongwen = rowWhere(sheet, '支部名称', '崇文社区离退休干部党支部');
    expect(chongwen.getCell(columnOf(sheet, '现任支部委员会')).value).toBeNull();
  }, 60_000);

  it('writes the statistics with counts as numbers and the day as a date, in English when asked', async () => {
    const sheet = (await workbook('/reports/statistics?format=xlsx&asOf=2023-12-31')).getWorksheet('统计')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '指标', '数值']);
    expect(rowWhere(sheet, '指标', 'as_of').getCell(2)).toMatchObject({
      type: ValueType.Date,
      value: new Date(Date.UTC(2023, 11, 31)),
    });
    expect(rowWhere(sheet, '指标', 'members.active').getCell(2)).toMatchObject({ type: ValueType.Number, value: 14 });
    const english = (await workbook('/reports/statistics?format=xlsx', undefined, 'en')).getWorksheet(1)!;
    expect(english.getRow(1).values).toEqual([undefined, 'metric', 'value']);
  }, 60_000);

  it('writes the audit log of every page with the business day as a date', async () => {
    const sheet = (await workbook(`/audit/events?format=xlsx&limit=5&branchId=${run.branchId}`)).getWorksheet(1)!;
    const all = await request(http).get(`/audit/events?limit=500&branchId=${run.branchId}`).expect(200);
    expect(sheet.rowCount).toBe(1 + (all.body.items as unknown[]).length);
    const day = sheet.getRow(2).getCell(columnOf(sheet, '发生日期'));
    expect(day.type).toBe(ValueType.Date);
    expect(sheet.getRow(2).getCell(columnOf(sheet, '位置')).type).toBe(ValueType.Number);
  }, 60_000);

  it('writes an election’s result: its facts with 届次 and 文号, and each candidate’s votes as numbers', async () => {
    const book = await workbook(`/elections/${run.electionId}/documents/result.xlsx`);
    const facts = book.getWorksheet('选举概况')!;
    expect(rowWhere(facts, '项目', '届次').getCell(2).value).toBe(3);
    expect(rowWhere(facts, '项目', '选举结果报告文号').getCell(2).value).toBe('府前支〔2023〕3号');
    expect(rowWhere(facts, '项目', '党员大会日期').getCell(2).value).toEqual(new Date(Date.UTC(2023, 4, 20)));
    const votes = book.getWorksheet('得票情况')!;
    expect(votes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const wang = rowWhere(votes, '候选人', '王秀英');
    expect(wang.getCell(columnOf(votes, '赞成票'))).toMatchObject({ type: ValueType.Number, value: 8 });
    expect(wang.getCell(columnOf(votes, '是否当选')).value).toBe('是');
    expect(rowWhere(votes, '候选人', '张建国').getCell(columnOf(votes, '是否当选')).value).toBe('否');
  }, 60_000);

  const tools = officeTools();
  (typeof tools === 'string' ? it.skip : it)(
    'every workbook opens in LibreOffice (converted to PDF without error)',
    () => {
      if (typeof tools === 'string') return;
      expect(saved.length).toBeGreaterThanOrEqual(7);
      const pdfs = convertAllToPdf(tools.libreOffice, saved);
      for (const pdf of pdfs) expect(pdfText(tools.pdftotext, pdf).length).toBeGreaterThan(0);
    },
    600_000,
  );
  if (typeof tools === 'string') console.log(`Skipping the LibreOffice checks of the workbooks: ${tools}`);
});
