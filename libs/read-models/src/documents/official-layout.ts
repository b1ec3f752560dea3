import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/**
 * The layout of a Chinese party organ's document (党政机关公文格式, GB/T 9704-2012), as Word and
 * WPS open it: A4 with the standard margins, the issuer's mark in red above a red rule, the 文号
 * centred, the title in 宋体 bold 二号, the body in 仿宋 三号 at a fixed 28-point line with a
 * two-character first-line indent, level-one headings in 黑体, the issuer and the date
 * (2022年6月2日) at the right, and the page number as "— 1 —". Fonts are named, not embedded:
 * the readers' machines have them.
 */
export const FONTS = { title: '宋体', body: '仿宋', heading: '黑体', mark: '宋体' } as const;

/** Sizes in half-points: 三号 16 pt, 二号 22 pt, 四号 14 pt. */
const SIZE = { body: 32, title: 44, mark: 52, table: 28, footer: 28 } as const;
/** 28 pt in twentieths of a point: 22 lines on a page of body text. */
const LINE = 560;
const CHAR = 320; // one 三号 character, in twips
const RED = 'C00000';

const run = (text: string, font: string, size: number, extra: { bold?: boolean; color?: string } = {}) =>
  new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, ...extra });

/** One paragraph of body text, indented by two characters. */
export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, FONTS.body, SIZE.body)],
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

/** A level-one heading (一、…) in 黑体, indented like the body, optionally followed by text in 仿宋. */
export function headingParagraph(heading: string, text = ''): Paragraph {
  return new Paragraph({
    children: [run(heading, FONTS.heading, SIZE.body), ...(text === '' ? [] : [run(text, FONTS.body, SIZE.body)])],
    indent: { firstLine: 2 * CHAR },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    alignment: AlignmentType.JUSTIFIED,
  });
}

/** 主送机关: the addressee, flush left, followed by a full-width colon. */
export function addresseeParagraph(addressee: string): Paragraph {
  return new Paragraph({
    children: [run(`${addressee}：`, FONTS.body, SIZE.body)],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  });
}

const blank = (lines = 1): Paragraph[] =>
  Array.from(
    { length: lines },
    () =>
      new Paragraph({
        children: [run('', FONTS.body, SIZE.body)],
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      }),
  );

/** A table of figures: a bold header row, centred cells, single black rules, in 仿宋 四号. */
export function figuresTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          children: [run(text, bold ? FONTS.heading : FONTS.body, SIZE.table)],
          alignment: AlignmentType.CENTER,
          spacing: { line: 400, lineRule: LineRuleType.EXACT },
        }),
      ],
      verticalAlign: VerticalAlign.CENTER,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.AUTOFIT,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell(text, true)) }),
      ...rows.map((row) => new TableRow({ children: row.map((value) => cell(String(value), false)) })),
    ],
  });
}

export interface OfficialDocument {
  /** 发文机关标志: the issuer's name in red above the rule. */
  readonly issuer: string;
  /** 文号; null leaves the line empty (a document the branch did not number). */
  readonly number: string | null;
  readonly title: string;
  readonly addressee: string;
  /** Body paragraphs, tables and headings, in order. */
  readonly body: readonly (Paragraph | Table)[];
  /** 发文机关署名 and 成文日期 (YYYY-MM-DD, written 2022年6月2日). */
  readonly signature: string;
  readonly date: string;
  /** 附注 under the date, e.g. （联系人：…）; optional. */
  readonly note?: string;
}

/** The date as a document's 成文日期: Arabic numerals with 年月日, no leading zeros. */
export function documentDate(date: string): string {
  const [year, month, dayOfMonth] = date.slice(0, 10).split('-');
  return `${year}年${Number(month)}月${Number(dayOfMonth)}日`;
}

/** The document as .docx bytes. */
export async function officialDocx(document: OfficialDocument): Promise<Buffer> {
  const rightBlock = (text: string) =>
    new Paragraph({
      children: [run(text, FONTS.body, SIZE.body)],
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    });
  const children = [
    new Paragraph({
      children: [run(document.issuer, FONTS.mark, SIZE.mark, { bold: true, color: RED })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 480 },
    }),
    new Paragraph({
      children: [run(document.number ?? '', FONTS.body, SIZE.body)],
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 120 },
      border: { bottom: { color: RED, space: 8, style: BorderStyle.SINGLE, size: 18 } },
    }),
    ...blank(1),
    new Paragraph({
      children: [run(document.title, FONTS.title, SIZE.title, { bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
    }),
    ...blank(1),
    addresseeParagraph(document.addressee),
    ...document.body,
    ...blank(2),
    rightBlock(document.signature),
    rightBlock(documentDate(document.date)),
    ...(document.note === undefined ? [] : [bodyParagraph(document.note)]),
  ];
  const doc = new Document({
    creator: document.signature,
    title: document.title,
    description: document.number ?? document.title,
    styles: {
      default: {
        document: {
          run: { font: { ascii: FONTS.body, eastAsia: FONTS.body, hAnsi: FONTS.body }, size: SIZE.body },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    font: { ascii: FONTS.title, eastAsia: FONTS.title, hAnsi: FONTS.title },
                    size: SIZE.footer,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
