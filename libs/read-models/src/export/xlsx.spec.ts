import { PassThrough, Writable } from 'node:stream';
import { Workbook, ValueType } from 'exceljs';
import type { CsvColumn } from './csv';
import { sheetOf, writeXlsx, XLSX_DATE_FORMAT } from './xlsx';

interface Member {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly count: number;
  readonly full: boolean;
}

const COLUMNS: readonly CsvColumn<Member>[] = [
  { header: 'member_id', headerZh: '党员编号', value: (m) => m.id },
  { header: 'name', headerZh: '姓名', value: (m) => m.name },
  { header: 'birth_date', headerZh: '出生日期', value: (m) => m.birthDate, kind: 'date' },
  { header: 'count', headerZh: '人数', value: (m) => m.count },
  { header: 'full', headerZh: '是否正式党员', value: (m) => m.full },
];

async function workbookOf(rows: Iterable<Member>, language: 'zh-CN' | 'en'): Promise<Workbook> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeXlsx(sink, [sheetOf({ name: '党员花名册', columns: COLUMNS, rows })], language);
  const workbook = new Workbook();
  const bytes = Buffer.concat(chunks);
  // exceljs declares its own Buffer (an ArrayBuffer); the bytes are Node's.
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return workbook;
}

describe('Excel workbooks', () => {
  const rows: Member[] = [
    { id: 'm1', name: '李全爱', birthDate: '1950-03-08', count: 12, full: true },
    { id: 'm2', name: '=1+2', birthDate: '1948-12-31', count: -3, full: false },
    { id: 'm3', name: '-张三', birthDate: 'unknown', count: 0, full: true },
    { id: 'm4', name: '@SUM(A1)', birthDate: '1960-02-29', count: 1.5, full: true },
  ];

  it('writes Chinese headers in a frozen, bold first row, and typed cells: dates as dates, numbers as numbers', async () => {
    const sheet = (await workbookOf(rows, 'zh-CN')).getWorksheet('党员花名册')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '党员编号', '姓名', '出生日期', '人数', '是否正式党员']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const birth = sheet.getCell('C2');
    expect(birth.type).toBe(ValueType.Date);
    expect(birth.value).toEqual(new Date(Date.UTC(1950, 2, 8)));
    expect(birth.numFmt).toBe(XLSX_DATE_FORMAT);
    expect(sheet.getCell('D2')).toMatchObject({ type: ValueType.Number, value: 12 });
    expect(sheet.getCell('D3')).toMatchObject({ type: ValueType.Number, value: -3 });
    expect(sheet.getCell('D5')).toMatchObject({ type: ValueType.Number, value: 1.5 });
    expect(sheet.getCell('E2').value).toBe('是');
    expect(sheet.getCell('E3').value).toBe('否');
    // Not a date: kept as written, as text.
    expect(sheet.getCell('C4')).toMatchObject({ type: ValueType.String, value: 'unknown' });
  });

  it('keeps text that looks like a formula as text: no cell is a formula', async () => {
    const sheet = (await workbookOf(rows, 'zh-CN')).getWorksheet(1)!;
    for (const [address, text] of [
      ['B3', '=1+2'],
      ['B4', '-张三'],
      ['B5', '@SUM(A1)'],
    ] as const) {
      expect(sheet.getCell(address)).toMatchObject({ type: ValueType.String, value: text });
    }
    const formulas: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cell.type === ValueType.Formula && formulas.push(cell.address)));
    expect(formulas).toEqual([]);
  });

  it('writes the stable English headers and yes/no as booleans for an English export', async () => {
    const sheet = (await workbookOf(rows, 'en')).getWorksheet(1)!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'member_id', 'name', 'birth_date', 'count', 'full']);
    expect(sheet.getCell('E2')).toMatchObject({ type: ValueType.Boolean, value: true });
  });

  it('streams a province roll without holding it: 150,000 rows in bounded memory', async () => {
    let bytes = 0;
    let peak = 0;
    const sink = new Writable({
      highWaterMark: 64 * 1024,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        peak = Math.max(peak, process.memoryUsage().heapUsed);
        // A slow client: the writer must wait for it rather than buffer the workbook.
        setImmediate(done);
      },
    });
    function* roll(): Generator<Member> {
      for (let i = 0; i < 150_000; i += 1) {
        yield { id: `m${i}`, name: `党员${i}`, birthDate: '1950-03-08', count: i, full: i % 7 !== 0 };
      }
    }
    if (global.gc) global.gc();
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    await writeXlsx(sink, [sheetOf({ name: '党员花名册', columns: COLUMNS, rows: roll() })], 'zh-CN');
    const seconds = (Date.now() - started) / 1000;
    const grownMb = (peak - before) / 2 ** 20;
    console.log(
      `150,000-row workbook: ${(bytes / 2 ** 20).toFixed(1)} MB in ${seconds.toFixed(1)} s, heap grew at most ${grownMb.toFixed(0)} MB`,
    );
    expect(bytes).toBeGreaterThan(1_000_000);
    // The sheet's XML alone is tens of megabytes before compression: a streamed workbook holds a few rows.
    expect(grownMb).toBeLessThan(64);
  }, 180_000);
});
