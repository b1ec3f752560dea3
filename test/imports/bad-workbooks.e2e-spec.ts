import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { bureauRoll, MEMBER_HEADERS, rollWorkbook, XLSX } from './workbook-fixtures';
import { writeWorkbook } from '@app/application';

/** A ZIP archive of the given parts, each declaring what the test says it unpacks to. */
function zipOf(parts: readonly { name: string; packed: Buffer; declared: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.packed.length, 18);
    local.writeUInt32LE(part.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.packed.length, 20);
    central.writeUInt32LE(part.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.packed);
    centrals.push(central, name);
    offset += 30 + name.length + part.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// Workbooks are written, read and applied on a machine shared with other jobs.
jest.setTimeout(60_000);

/**
 * Each bad input answers a clear Chinese sentence naming the problem, and records nothing: the
 * event count is the same before and after, for the dry run and for apply=true alike.
 */
describe('bad workbooks', () => {
  let api: BootedApi;
  let http: App;
  let recorded: number;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    // A bureau on record, so "nothing appended" is measured against a store that holds something.
    await request(http)
      .post('/imports?apply=true&asOf=2023-01-01')
      .set('Content-Type', XLSX)
      .send(await rollWorkbook(bureauRoll()))
      .expect(200);
    recorded = (await api.store.readAll()).length;
  });
  afterAll(() => api.close());

  const send = (file: Buffer, type = XLSX, apply = false) =>
    request(http)
      .post(`/imports?asOf=2023-02-01${apply ? '&apply=true' : ''}`)
      .set('Content-Type', type)
      .send(file);

  /** The dry run's problems; apply=true is refused with 422 and records nothing. */
  async function problemsOf(
    file: Buffer,
    type = XLSX,
  ): Promise<
    { sheet: string; row: number | null; column: string | null; value: string | null; code: string; message: string }[]
  > {
    const dry = await send(file, type).expect(200);
    const applied = await send(file, type, true).expect(422);
    expect(applied.body.code).toBe('WORKBOOK_HAS_PROBLEMS');
    expect((await api.store.readAll()).length).toBe(recorded);
    return dry.body.problems;
  }

  async function refusal(file: Buffer, type = XLSX): Promise<{ code: string; detail: string }> {
    const rssBefore = process.memoryUsage().rss;
    const answer = await send(file, type, true).expect(400);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
    expect((await api.store.readAll()).length).toBe(recorded);
    return answer.body;
  }

  const membersSheet = (rows: unknown[][], headers = MEMBER_HEADERS) =>
    writeWorkbook([{ name: '党员', rows: [headers, ...(rows as never[][])] }]);
  const member = (overrides: Record<number, unknown> = {}) => {
    const row: unknown[] = [
      'N01',
      '新党员',
      '男',
      '1950-02-03',
      '1972-07-01',
      '正式',
      '',
      '科员',
      '东关社区离退休干部党支部',
      '',
    ];
    for (const [index, value] of Object.entries(overrides)) row[Number(index)] = value;
    return row;
  };

  it('wrong and missing headers: names the sheet and each column', async () => {
    const headers = MEMBER_HEADERS.map((h) => (h === '出生日期' ? '生日' : h));
    const problems = await problemsOf(await membersSheet([member()], headers));
    expect(problems).toEqual([
      expect.objectContaining({
        sheet: '党员',
        row: 1,
        column: '生日',
        code: 'IMPORT_HEADER_UNKNOWN',
        message: '工作表“党员”中的“生日”列不是导入所用的列：请按导入模板改正列名，或删除该列。',
      }),
      expect.objectContaining({
        sheet: '党员',
        row: 1,
        column: '出生日期',
        code: 'IMPORT_HEADER_MISSING',
        message: '工作表“党员”第一行缺少“出生日期”列：请按导入模板的表头填写。',
      }),
    ]);
  });

  it('duplicate people: the later row names the first', async () => {
    const problems = await problemsOf(await membersSheet([member(), member({ 0: '' }), member({ 0: '' })]));
    expect(problems).toEqual([
      expect.objectContaining({
        sheet: '党员',
        row: 4,
        code: 'IMPORT_DUPLICATE_ROW',
        message: '新党员（1950年2月3日出生）已在第 3 行列出，同一对象只能列一次。',
      }),
    ]);
  });

  it('unknown branch names', async () => {
    const problems = await problemsOf(await membersSheet([member({ 8: '南门社区离退休干部党支部' })]));
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: '支部',
        value: '南门社区离退休干部党支部',
        code: 'IMPORT_UNKNOWN_NAME',
        message: '工作簿和系统中都没有名为“南门社区离退休干部党支部”的支部：请核对名称，或在相应工作表中补上。',
      }),
    ]);
  });

  it('impossible dates (1950-02-30)', async () => {
    const problems = await problemsOf(await membersSheet([member({ 3: '1950-02-30' })]));
    expect(problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: '出生日期',
        value: '1950-02-30',
        code: 'IMPORT_DATE_INVALID',
        message: '“出生日期”中的“1950-02-30”不是一个存在的日期：请写成 1950-02-28 或 1950年2月28日 的形式。',
      }),
    ]);
  });

  it('formulas and merged cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党员');
    sheet.addRow(MEMBER_HEADERS);
    sheet.addRow(member({ 3: { formula: 'DATE(1950,2,3)', result: new Date('1950-02-03') } }));
    sheet.addRow(member({ 0: 'N02', 1: '二党员' }));
    sheet.addRow(member({ 0: 'N03', 1: '三党员' }));
    sheet.mergeCells('I3:I4');
    const problems = await problemsOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'IMPORT_MERGED_CELLS',
          value: 'I3:I4',
          message: '工作表“党员”中有合并单元格（I3:I4）：请取消合并，并在每一行都填上相应内容。',
        }),
        expect.objectContaining({
          row: 2,
          column: '出生日期',
          code: 'IMPORT_FORMULA',
          message: '“出生日期”是公式（=DATE(1950,2,3)），不是数值：请复制该列，再“选择性粘贴—数值”后重新导入。',
        }),
      ]),
    );
  });

  it('an empty sheet', async () => {
    const problems = await problemsOf(await membersSheet([]));
    expect(problems).toEqual([
      expect.objectContaining({
        sheet: '党员',
        code: 'IMPORT_SHEET_EMPTY',
        message: '工作表“党员”只有表头，没有数据：请填写数据，或删除该工作表。',
      }),
    ]);
  });

  it('a file over 20 MB is refused before it is read', async () => {
    const body = await refusal(Buffer.alloc(21 * 1024 * 1024, 0x41), 'text/csv');
    expect(body.code).toBe('WORKBOOK_TOO_LARGE');
    expect(body.detail).toContain('文件超过 20 MB 的上限');
  });

  it('an archive bomb disguised as .xlsx: declared sizes and a part that lies about its size', async () => {
    const declared = await refusal(
      zipOf([
        { name: 'xl/worksheets/sheet1.xml', packed: deflateRawSync(Buffer.alloc(1000)), declared: 4_000_000_000 },
      ]),
    );
    expect(declared.code).toBe('WORKBOOK_ARCHIVE_BOMB');
    expect(declared.detail).toContain('疑为恶意构造的压缩包，未予读取');
    const lying = await refusal(
      zipOf([
        { name: 'xl/worksheets/sheet1.xml', packed: deflateRawSync(Buffer.alloc(150 * 1024 * 1024)), declared: 1000 },
      ]),
    );
    expect(lying.code).toBe('WORKBOOK_ARCHIVE_BOMB');
  });

  it('a CSV in GBK: says it must be saved as UTF-8', async () => {
    // 姓名,性别 in GBK, then a row.
    const gbk = Buffer.concat([Buffer.from('d0d5c3fb2cd0d4b1f00a', 'hex'), Buffer.from('d5c5c8fd2cc4d00a', 'hex')]);
    const body = await refusal(gbk, 'text/csv');
    expect(body.code).toBe('WORKBOOK_NOT_UTF8');
    expect(body.detail).toContain('CSV 文件不是 UTF-8 编码');
    expect(body.detail).toContain('另存为“CSV UTF-8（逗号分隔）”');
  });

  it('a JSON body instead of the file: 415 saying to send the workbook itself', async () => {
    const answer = await request(http)
      .post('/imports?apply=true&asOf=2023-02-01')
      .send({ file: '花名册.xlsx' })
      .expect(415);
    expect(answer.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(answer.body.detail).toBe(
      '请求正文的类型是 application/json：导入须直接发送工作簿文件本身，即 .xlsx 文件' +
        '（application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）或 UTF-8 编码的 CSV（text/csv）。',
    );
    expect((await api.store.readAll()).length).toBe(recorded);
  });

  it('text that is not CSV (an error page saved as the roll): refused by name, never a 500', async () => {
    const body = await refusal(Buffer.from('{"status":401,"detail":"未登录"}'), 'text/csv');
    expect(body.code).toBe('WORKBOOK_UNREADABLE');
    expect(body.detail).toContain('既不是 .xlsx 工作簿，也不是格式正确的 CSV 文件');
  });

  it('a CSV in UTF-8 is one sheet, known by its headers', async () => {
    const csv = `\ufeff${MEMBER_HEADERS.join(',')}\n${member().join(',')}\n`;
    const dry = await send(Buffer.from(csv), 'text/csv').expect(200);
    expect(dry.body).toMatchObject({
      problemCount: 0,
      sheets: [{ name: '党员', kind: 'members', rows: 1 }],
      summary: [{ action: '接收为正式党员', count: 1 }],
    });
  });
});
