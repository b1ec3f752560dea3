import { zhDate } from '../zh-date';
import { citeEn, citeZh, rules } from './citations';
import { FieldLabel, fieldZh, Period, PERIODS } from './labels';
import { malformed, RefusalCatalogue } from './refusal';

/** A text the record must hold (a name, a reference, a reason) was left blank. */
type Blank = { readonly field: FieldLabel };

const blankEn = (d: Blank): string =>
  `The ${d.field} is required and may not be blank; the record must say it for auditors.`;
const blankZh = (d: Blank): string => `${fieldZh(d.field)}为必填项，不能为空白：档案须载明此项，供审计查阅。`;

/** Codes a blank text is refused with, each naming what kind of text is missing. */
export type BlankTextCode =
  'REQUIRED_FIELD' | 'INVALID_NAME' | 'REASON_REQUIRED' | 'DOCUMENT_REFERENCE_REQUIRED' | 'DUTY_REQUIRED';

type InvalidDate = { readonly field: FieldLabel; readonly value: string } | { readonly value: string };

type DateRange =
  | { readonly period: Period; readonly start: string; readonly end: string }
  | { readonly name: string; readonly birthDate: string; readonly joinedPartyOn: string }
  | { readonly from: string; readonly to: string };

type DocumentReference = Blank | { readonly postId: string; readonly holderName: string };

/** Refusals of the data a record is made of: dates, texts, counts, pages. */
export const RECORD_REFUSALS = {
  REQUIRED_FIELD: malformed<Blank>({ en: blankEn, zh: blankZh, examples: [{ field: 'nomination method' }] }),
  INVALID_NAME: malformed<Blank>({ en: blankEn, zh: blankZh, examples: [{ field: 'branch name' }] }),
  REASON_REQUIRED: malformed<Blank>({ en: blankEn, zh: blankZh, examples: [{ field: 'reason for dissolution' }] }),
  DUTY_REQUIRED: malformed<Blank>({ en: blankEn, zh: blankZh, examples: [{ field: 'committee duty' }] }),
  DOCUMENT_REFERENCE_REQUIRED: malformed<DocumentReference>({
    en: (d) =>
      'field' in d
        ? blankEn(d)
        : `The appointment of ${d.holderName} names no document; an appointment is made by the superior's document, which must be recorded ${citeEn(rules('4.2'))}.`,
    zh: (d) =>
      'field' in d
        ? blankZh(d)
        : `指派${d.holderName}未载明文件：指派由上级党组织发文决定，文号须记录在案${citeZh(rules('4.2'))}。`,
    examples: [{ field: 'approval reference' }, { postId: 'p-1', holderName: '李全爱' }],
  }),
  INVALID_DATE: malformed<InvalidDate>({
    en: (d) =>
      'field' in d
        ? `The ${d.field} "${d.value}" is not an ISO date; dates must be written YYYY-MM-DD so that every rule compares them the same way.`
        : `The date "${d.value}" is not an ISO date, so no rule version can be chosen for it.`,
    zh: (d) =>
      'field' in d
        ? `${fieldZh(d.field)}“${d.value}”不是有效日期：日期须按 YYYY-MM-DD 格式填写，各项规则才能按同一标准比较。`
        : `日期“${d.value}”不是有效日期，无法确定适用的规则版本。`,
    examples: [{ field: 'birth date', value: '1950-02-30' }, { value: 'tomorrow' }],
  }),
  INVALID_DATE_RANGE: malformed<DateRange>({
    en: (d) => {
      if ('period' in d) {
        return `The ${d.period} ends on ${d.end}, before it starts on ${d.start}; a period cannot end before it begins.`;
      }
      if ('birthDate' in d) {
        return `${d.name} would have joined the Party on ${d.joinedPartyOn}, not after birth on ${d.birthDate}; one of the dates is wrong.`;
      }
      return `The diff ends on ${d.to}, before it starts on ${d.from}.`;
    },
    zh: (d) => {
      if ('period' in d) {
        return `${PERIODS[d.period]}的截止日期${zhDate(d.end)}早于起始日期${zhDate(d.start)}：一个期间不能在开始之前结束。`;
      }
      if ('birthDate' in d) {
        return `${d.name}的入党日期${zhDate(d.joinedPartyOn)}不晚于出生日期${zhDate(d.birthDate)}，两个日期中必有一个有误。`;
      }
      return `查询区间的截止日期${zhDate(d.to)}早于起始日期${zhDate(d.from)}。`;
    },
    examples: [
      { period: 'suspension', start: '2023-05-01', end: '2023-04-01' },
      { name: '李全爱', birthDate: '1950-03-01', joinedPartyOn: '1949-10-01' },
      { from: '2022-12-31', to: '2022-02-28' },
    ],
  }),
  DATE_OUT_OF_ORDER: malformed<{
    readonly field: FieldLabel;
    readonly date: string;
    readonly earliest: string;
    readonly latest: string;
  }>({
    en: (d) =>
      `The ${d.field} ${d.date} must fall between ${d.earliest} and ${d.latest}; a document cannot predate the step it answers or postdate its recording.`,
    zh: (d) =>
      `${fieldZh(d.field)}应在${zhDate(d.earliest)}至${zhDate(d.latest)}之间，现为${zhDate(d.date)}：文件日期不能早于它所答复的步骤，也不能晚于登记之日。`,
    examples: [{ field: 'approval date', date: '2023-01-05', earliest: '2023-02-01', latest: '2023-03-01' }],
  }),
  INVALID_COUNT: malformed<{ readonly field: FieldLabel; readonly value: number }>({
    en: (d) =>
      `The ${d.field} ${d.value} is not a whole number of members; counts come from the member roll and cannot be negative.`,
    zh: (d) => `${fieldZh(d.field)} ${d.value} 不是有效的人数：人数取自党员花名册，须为非负整数。`,
    examples: [{ field: 'member count', value: -1 }],
  }),
  INVALID_LIMIT: malformed<{ readonly limit: number }>({
    en: (d) => `A diff page holds at least one change: limit ${d.limit} is not a whole number from 1.`,
    zh: (d) => `每页至少包含一项变化：limit ${d.limit} 须为不小于 1 的整数。`,
    examples: [{ limit: 0 }],
  }),
  INVALID_CURSOR: malformed<{ readonly after: string }>({
    en: () => 'The cursor `after` is not one this diff gave as `next`; start again without it.',
    zh: () => '游标 after 不是本查询此前以 next 返回的值；请去掉 after 从头查询。',
    examples: [{ after: 'bm90LWEtY3Vyc29y' }],
  }),
} as const satisfies RefusalCatalogue;
