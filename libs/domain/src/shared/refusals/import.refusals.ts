import { zhDate } from '../zh-date';
import { malformed, RefusalCatalogue, rule } from './refusal';

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** What a file that is not a readable workbook turned out to be. */
export type UnreadableWorkbook = 'xls' | 'damaged' | 'zip64' | 'encrypted' | 'notWorkbook' | 'malformedCsv';

const UNREADABLE_ZH: Readonly<Record<UnreadableWorkbook, string>> = {
  xls: '这是旧版 Excel 文件（.xls）：请在 Excel 或 WPS 中另存为 .xlsx 工作簿，或另存为 UTF-8 编码的 CSV 文件后再导入。',
  damaged: '文件已损坏，无法作为 .xlsx 工作簿读取：请在 Excel 或 WPS 中打开后重新保存，再导入。',
  zip64: '文件采用了超大压缩格式（ZIP64），花名册不会用到这种格式：请在 Excel 或 WPS 中重新保存为 .xlsx 后再导入。',
  encrypted: '工作簿设有密码或已加密，无法读取：请取消密码保护后另存，再导入。',
  notWorkbook: '文件不是 .xlsx 工作簿（压缩包中没有工作表）：请上传 .xlsx 工作簿或 UTF-8 编码的 CSV 文件。',
  malformedCsv:
    '文件既不是 .xlsx 工作簿，也不是格式正确的 CSV 文件（引号不成对或位置不对）：请在 Excel 或 WPS 中打开花名册，另存为 .xlsx 或“CSV UTF-8（逗号分隔）”后再导入。',
};

const UNREADABLE_EN: Readonly<Record<UnreadableWorkbook, string>> = {
  xls: 'This is an old Excel file (.xls): save it as an .xlsx workbook, or as a UTF-8 CSV file, and import that.',
  damaged:
    'The file is damaged and cannot be read as an .xlsx workbook: open it in Excel or WPS, save it again and import that.',
  zip64: 'The file uses the ZIP64 format, which no roll needs: save it again as .xlsx in Excel or WPS and import that.',
  encrypted: 'The workbook is password-protected or encrypted: remove the protection, save it, and import that.',
  notWorkbook:
    'The file is not an .xlsx workbook (the archive holds no worksheet): upload an .xlsx workbook or a UTF-8 CSV file.',
  malformedCsv:
    'The file is neither an .xlsx workbook nor a well-formed CSV (a quote is unmatched or misplaced): open the roll in Excel or WPS, save it as .xlsx or "CSV UTF-8 (comma delimited)" and import that.',
};

type Cell = { readonly sheet: string; readonly column: string };

/**
 * Refusals of a workbook the bureau imports (花名册, 支部, 党委, 委员会任职): the file as a whole,
 * then each sheet, row and cell that cannot be taken. The row and cell refusals are listed in
 * the dry run's report, each with its sheet, row, column and value; the file's refusals answer
 * the request itself. Nothing is appended while any of them stands.
 */
export const IMPORT_REFUSALS = {
  WORKBOOK_TOO_LARGE: malformed<{ readonly sizeBytes: number; readonly limitBytes: number }>({
    en: (d) =>
      `The file is larger than ${mb(d.limitBytes)} (at least ${mb(d.sizeBytes)}); split the roll into several workbooks, or remove pictures and unused sheets.`,
    zh: (d) =>
      `文件超过 ${mb(d.limitBytes)} 的上限（至少 ${mb(d.sizeBytes)}）：请把花名册拆成几个工作簿分别导入，或删去图片和无用的工作表。`,
    examples: [{ sizeBytes: 21_000_000, limitBytes: 20 * 1024 * 1024 }],
  }),
  WORKBOOK_UNREADABLE: malformed<{ readonly kind: UnreadableWorkbook }>({
    en: (d) => UNREADABLE_EN[d.kind],
    zh: (d) => UNREADABLE_ZH[d.kind],
    examples: [
      { kind: 'xls' },
      { kind: 'damaged' },
      { kind: 'zip64' },
      { kind: 'encrypted' },
      { kind: 'notWorkbook' },
      { kind: 'malformedCsv' },
    ],
  }),
  WORKBOOK_ARCHIVE_BOMB: malformed<{
    readonly entry: string;
    readonly declaredBytes: number;
    readonly limitBytes: number;
    readonly ratio: number;
  }>({
    en: (d) =>
      `The file unpacks to far more than a workbook holds (${d.entry}: ${mb(d.declaredBytes)}, ${d.ratio} times its packed size; at most ${mb(d.limitBytes)} in all): it was not read. Save the roll again in Excel or WPS.`,
    zh: (d) =>
      `文件解压后的大小远超工作簿应有的大小（${d.entry}：${mb(d.declaredBytes)}，为压缩后的 ${d.ratio} 倍；合计上限 ${mb(d.limitBytes)}），疑为恶意构造的压缩包，未予读取：请在 Excel 或 WPS 中重新保存花名册后再导入。`,
    examples: [
      { entry: 'xl/worksheets/sheet1.xml', declaredBytes: 4_000_000_000, limitBytes: 300_000_000, ratio: 1000 },
    ],
  }),
  WORKBOOK_NOT_UTF8: malformed<{ readonly line: number }>({
    en: (d) =>
      `The CSV file is not UTF-8 text (first at line ${d.line}; probably GBK, as Excel saves by default): save it as "CSV UTF-8" in Excel (or UTF-8 in WPS) and import that.`,
    zh: (d) =>
      `CSV 文件不是 UTF-8 编码（第 ${d.line} 行起无法按 UTF-8 读取，多半是 Excel 默认保存的 GBK 编码）：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或在 WPS 中选择 UTF-8 编码保存后再导入。`,
    examples: [{ line: 2 }],
  }),
  WORKBOOK_NO_SHEETS: malformed<{ readonly found: readonly string[] }>({
    en: (d) =>
      `The workbook holds none of the sheets the import reads (committees, branches, members and sitting committees, named in Chinese as in the template)${d.found.length > 0 ? `; it holds ${d.found.join(', ')}` : ''}. Download the template (GET /imports/template) and fill it in.`,
    zh: (d) =>
      `工作簿中没有可导入的工作表（应为“党委”“支部”“党员”“委员会任职”）${d.found.length > 0 ? `，现有的是：${d.found.join('、')}` : ''}。请下载导入模板填写后再导入。`,
    examples: [{ found: ['Sheet1'] }, { found: [] }],
  }),
  WORKBOOK_HAS_PROBLEMS: rule<{ readonly problems: number }>({
    en: (d) =>
      `The workbook has ${d.problems} problem(s) listed in the report; nothing was recorded. Correct them and import again (a dry run shows what remains).`,
    zh: (d) => `工作簿中有 ${d.problems} 处问题（见报告），未导入任何内容：请逐一改正后重新导入（可先试导入查看）。`,
    examples: [{ problems: 3 }],
  }),
  IMPORT_SHEET_EMPTY: malformed<{ readonly sheet: string }>({
    en: (d) => `Sheet ${d.sheet} has headers but no rows; fill it in, or delete the sheet.`,
    zh: (d) => `工作表“${d.sheet}”只有表头，没有数据：请填写数据，或删除该工作表。`,
    examples: [{ sheet: '党员' }],
  }),
  IMPORT_HEADER_MISSING: malformed<Cell>({
    en: (d) => `Sheet ${d.sheet} has no column ${d.column} in its first row; the template names every column.`,
    zh: (d) => `工作表“${d.sheet}”第一行缺少“${d.column}”列：请按导入模板的表头填写。`,
    examples: [{ sheet: '党员', column: '出生日期' }],
  }),
  IMPORT_HEADER_UNKNOWN: malformed<Cell>({
    en: (d) =>
      `Sheet ${d.sheet} has a column ${d.column} the import does not read; rename it as the template does, or delete it.`,
    zh: (d) => `工作表“${d.sheet}”中的“${d.column}”列不是导入所用的列：请按导入模板改正列名，或删除该列。`,
    examples: [{ sheet: '党员', column: '生日' }],
  }),
  IMPORT_CELL_REQUIRED: malformed<{ readonly column: string }>({
    en: (d) => `${d.column} is required and is blank.`,
    zh: (d) => `“${d.column}”为必填项，不能为空。`,
    examples: [{ column: '姓名' }],
  }),
  IMPORT_DATE_INVALID: malformed<{ readonly column: string; readonly value: string }>({
    en: (d) => `${d.column} "${d.value}" is not a date that exists; write it as 1950-02-28.`,
    zh: (d) => `“${d.column}”中的“${d.value}”不是一个存在的日期：请写成 1950-02-28 或 1950年2月28日 的形式。`,
    examples: [{ column: '出生日期', value: '1950-02-30' }],
  }),
  IMPORT_VALUE_NOT_ALLOWED: malformed<{
    readonly column: string;
    readonly value: string;
    readonly allowed: readonly string[];
  }>({
    en: (d) => `${d.column} "${d.value}" is not one of ${d.allowed.join(', ')}.`,
    zh: (d) => `“${d.column}”只能填写${d.allowed.map((a) => `“${a}”`).join('、')}，不能填写“${d.value}”。`,
    examples: [{ column: '性别', value: '未知', allowed: ['男', '女'] }],
  }),
  IMPORT_FORMULA: malformed<{ readonly column: string; readonly formula: string }>({
    en: (d) =>
      `${d.column} holds a formula (=${d.formula}), not a value; copy the column and paste it back as values only.`,
    zh: (d) => `“${d.column}”是公式（=${d.formula}），不是数值：请复制该列，再“选择性粘贴—数值”后重新导入。`,
    examples: [{ column: '出生日期', formula: 'DATE(1950,2,3)' }],
  }),
  IMPORT_MERGED_CELLS: malformed<{ readonly sheet: string; readonly range: string }>({
    en: (d) =>
      `Sheet ${d.sheet} has merged cells (${d.range}); unmerge them and write the value in every row it belongs to.`,
    zh: (d) => `工作表“${d.sheet}”中有合并单元格（${d.range}）：请取消合并，并在每一行都填上相应内容。`,
    examples: [{ sheet: '党员', range: 'H2:H5' }],
  }),
  IMPORT_DUPLICATE_ROW: malformed<{ readonly what: string; readonly firstRow: number }>({
    en: (d) => `${d.what} appears already in row ${d.firstRow}; each may be listed once.`,
    zh: (d) => `${d.what}已在第 ${d.firstRow} 行列出，同一对象只能列一次。`,
    examples: [{ what: '张三（1950年2月3日出生）', firstRow: 2 }],
  }),
  IMPORT_UNKNOWN_NAME: malformed<{ readonly kind: 'branch' | 'committee' | 'member'; readonly name: string }>({
    en: (d) =>
      `No ${d.kind === 'branch' ? 'branch' : d.kind === 'committee' ? 'party committee' : 'member of that branch'} named ${d.name} is in this workbook or on record; check the spelling, or add it to its sheet.`,
    zh: (d) =>
      `工作簿和系统中都没有名为“${d.name}”的${d.kind === 'branch' ? '支部' : d.kind === 'committee' ? '党组织' : '该支部党员'}：请核对名称，或在相应工作表中补上。`,
    examples: [
      { kind: 'branch', name: '府中社区离退休干部党支部' },
      { kind: 'committee', name: '孝义市离退休干部党委' },
      { kind: 'member', name: '张三' },
    ],
  }),
  IMPORT_AMBIGUOUS_NAME: malformed<{ readonly name: string; readonly count: number }>({
    en: (d) =>
      `${d.count} members of that branch are named ${d.name}; add the member number column of the template to say which one.`,
    zh: (d) => `该支部有 ${d.count} 名党员名叫“${d.name}”，无法确定是哪一位：请加上“党员编号”列注明。`,
    examples: [{ name: '王芳', count: 2 }],
  }),
  IMPORT_DIFFERS_FROM_RECORD: rule<{
    readonly what: string;
    readonly recorded: string;
    readonly given: string;
  }>({
    en: (d) =>
      `${d.what} is recorded as ${d.recorded}, the workbook says ${d.given}; an import does not undo what is recorded: make the change with its own command.`,
    zh: (d) =>
      `${d.what}在系统中记载为“${d.recorded}”，工作簿中为“${d.given}”：导入不能撤销已记载的事项，请通过相应的办理事项更改。`,
    examples: [{ what: '张三的党员类别', recorded: '正式党员', given: '预备党员' }],
  }),
  IMPORT_DATE_AFTER_AS_OF: malformed<{ readonly column: string; readonly value: string; readonly asOf: string }>({
    en: (d) => `${d.column} ${d.value} is after the import's date ${d.asOf}.`,
    zh: (d) => `“${d.column}”${zhDate(d.value)}晚于本次导入的记载日期${zhDate(d.asOf)}。`,
    examples: [{ column: '成立日期', value: '2030-01-01', asOf: '2026-12-07' }],
  }),
} as const satisfies RefusalCatalogue;
