/**
 * The sheets and columns of the bureau's workbook, named as a clerk writes them. The first name
 * of each is the template's; the others are what rolls in the field call the same thing.
 */
export type SheetKind = 'committees' | 'branches' | 'members' | 'posts';

export interface ColumnSpec {
  readonly key: string;
  readonly names: readonly string[];
  readonly required: boolean;
  /** What the template's second row shows as an example. */
  readonly example: string;
}

export interface SheetSpec {
  readonly kind: SheetKind;
  readonly names: readonly string[];
  readonly columns: readonly ColumnSpec[];
}

const column = (key: string, names: readonly string[], required: boolean, example: string): ColumnSpec => ({
  key,
  names,
  required,
  example,
});

export const COMMITTEE_SHEET: SheetSpec = {
  kind: 'committees',
  names: ['党委', '党组织', '党委（党总支）'],
  columns: [
    column('name', ['党组织名称', '名称', '党委名称'], true, '孝义市离退休干部党委'),
    column('kind', ['类别', '党组织类别'], false, '党委'),
    column('parent', ['上级党组织', '上级党委'], false, ''),
    column('establishedOn', ['成立日期', '成立时间'], false, '2019-01-10'),
    column('document', ['文号', '批准文号'], false, '孝老干发〔2019〕2号'),
  ],
};

export const BRANCH_SHEET: SheetSpec = {
  kind: 'branches',
  names: ['支部', '党支部'],
  columns: [
    column('name', ['支部名称', '党支部名称', '名称'], true, '府中社区离退休干部党支部'),
    column('committee', ['所属党组织', '所属党委', '隶属党组织'], true, '孝义市离退休干部党委'),
    column('joint', ['单独/联合', '单独或联合', '支部类型', '类型'], false, '单独'),
    column('jointUnits', ['联合单位'], false, ''),
    column('community', ['共管社区', '社区党组织', '所在社区'], false, '府中社区党委'),
    column('formerUnit', ['原单位', '原工作单位'], false, ''),
    column('association', ['协会', '协会组织'], false, ''),
    column('establishedOn', ['成立日期', '成立时间'], false, '2019-03-01'),
    column('document', ['文号', '批准文号'], false, ''),
  ],
};

export const MEMBER_SHEET: SheetSpec = {
  kind: 'members',
  names: ['党员', '党员花名册', '花名册'],
  columns: [
    column('number', ['党员编号', '编号'], false, 'XY0001'),
    column('name', ['姓名'], true, '张三'),
    column('sex', ['性别'], true, '男'),
    column('birthDate', ['出生日期', '出生年月日'], true, '1950-02-03'),
    column('joinedPartyOn', ['入党日期', '入党时间'], true, '1972-07-01'),
    column('membership', ['正式/预备', '党员类别', '类别'], true, '正式'),
    column('confirmedOn', ['转正日期', '转正时间'], false, '1973-07-01'),
    column('formerPostLevel', ['原职级', '原职务级别', '职级'], true, '正科级'),
    column('branch', ['支部', '所在支部', '所属支部'], true, '府中社区离退休干部党支部'),
    column('address', ['住址或社区', '住址', '居住社区'], false, '府中社区'),
  ],
};

export const POST_SHEET: SheetSpec = {
  kind: 'posts',
  names: ['委员会任职', '支部委员会', '班子成员'],
  columns: [
    column('branch', ['支部', '支部名称', '所在支部'], true, '府中社区离退休干部党支部'),
    column('termNumber', ['届次'], false, '第三届'),
    column('termStart', ['任期开始', '任期起始', '任职日期'], true, '2022-06-02'),
    column('termEnd', ['任期结束', '任期届满'], false, '2027-06-01'),
    column('name', ['姓名'], true, '张三'),
    column('memberNumber', ['党员编号', '编号'], false, 'XY0001'),
    column('kind', ['职务'], true, '书记'),
    column('duty', ['分工'], false, ''),
    column('source', ['任职方式', '产生方式'], false, '选举'),
    column('document', ['文号'], false, ''),
  ],
};

export const SHEETS: readonly SheetSpec[] = [COMMITTEE_SHEET, BRANCH_SHEET, MEMBER_SHEET, POST_SHEET];

/** Columns a roll often has that the import reads past. */
export const IGNORED_COLUMNS: readonly string[] = ['序号', '备注'];

/** A header or sheet name as compared: no spaces, full-width brackets and slashes as ASCII. */
export function normaliseLabel(label: string): string {
  return label.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/').replace(/[*＊]/g, '');
}

export function sheetSpecNamed(name: string): SheetSpec | undefined {
  const wanted = normaliseLabel(name);
  return SHEETS.find((sheet) => sheet.names.some((candidate) => normaliseLabel(candidate) === wanted));
}

export function columnNamed(sheet: SheetSpec, header: string): ColumnSpec | undefined {
  const wanted = normaliseLabel(header);
  return sheet.columns.find((spec) => spec.names.some((candidate) => normaliseLabel(candidate) === wanted));
}

/** The sheet a CSV file is, known by its headers: the one whose required columns are all there. */
export function sheetSpecByHeaders(headers: readonly string[]): SheetSpec | undefined {
  const scored = SHEETS.map((sheet) => ({
    sheet,
    required: sheet.columns.filter((c) => c.required).every((c) => headers.some((h) => columnNamed(sheet, h) === c)),
    matched: headers.filter((h) => columnNamed(sheet, h) !== undefined).length,
  }));
  const complete = scored.filter((s) => s.required).sort((a, b) => b.matched - a.matched)[0];
  if (complete) return complete.sheet;
  return scored.filter((s) => s.matched > 0).sort((a, b) => b.matched - a.matched)[0]?.sheet;
}
