import type { ElectionStatus } from '../../election/election.state';
import { chineseNumber, citeEn, citeZh, rules } from './citations';
import { ELECTION_STATUS_LABELS, FieldLabel, fieldZh } from './labels';
import { malformed, RefusalCatalogue, rule } from './refusal';

/** The documents an election files, as the console and the Word documents name them. */
export type FiledDocument = 'request' | 'approval' | 'result';

const DOCUMENT_NAMES: Readonly<Record<FiledDocument, { readonly zh: string; readonly en: string }>> = {
  request: { zh: '换届选举请示', en: 'election request' },
  approval: { zh: '批复', en: "superior's approval" },
  result: { zh: '选举结果报告', en: 'election result report' },
};

const STEP_NAMES: Readonly<Record<FiledDocument, { readonly zh: string; readonly en: string }>> = {
  request: { zh: '提交换届请示', en: 'the request was submitted' },
  approval: { zh: '上级党组织批复', en: 'the superior approved the request' },
  result: { zh: '报告选举结果', en: 'the result was reported' },
};

const ordinalEn = (n: number): string => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? 'th'}`;
};

/** Refusals of the documents an election files: their numbers (文号), its 届次, and documents asked for too early. */
export const DOCUMENT_REFUSALS = {
  DOCUMENT_NUMBER_MALFORMED: malformed<{ readonly field: FieldLabel; readonly value: string }>({
    en: (d) =>
      `The ${d.field} "${d.value}" is not a document number: it is written as the issuer's code, the year in brackets and the serial number, as in "Xiaoyi Party [2022] No. 12" ${citeEn(rules('10'))}.`,
    zh: (d) =>
      `${fieldZh(d.field)}“${d.value}”不是规范的文号：文号由发文机关代字、六角括号内的年份和发文顺序号组成，如“孝离党字〔2022〕12号”${citeZh(rules('10'))}。`,
    examples: [{ field: 'request reference', value: '第12号' }],
  }),
  TERM_NUMBER_CONFLICT: rule<{
    readonly stated: number;
    readonly counted: number;
    readonly basis: 'previousElection' | 'committeesOnRecord';
  }>({
    en: (d) =>
      d.basis === 'previousElection'
        ? `This election is stated to elect the ${ordinalEn(d.stated)} committee, but the branch's last installed election elected the ${ordinalEn(d.counted - 1)}: this one elects the ${ordinalEn(d.counted)} ${citeEn(rules('6.1'))}.`
        : `This election is stated to elect the ${ordinalEn(d.stated)} committee, but the branch's history already holds ${d.counted - 1} committee(s): it elects at least the ${ordinalEn(d.counted)} ${citeEn(rules('6.1'))}.`,
    zh: (d) =>
      d.basis === 'previousElection'
        ? `本次选举填报为第${chineseNumber(d.stated)}届，但该支部上一次完成任职的选举产生的是第${chineseNumber(d.counted - 1)}届委员会，本次应为第${chineseNumber(d.counted)}届${citeZh(rules('6.1'))}。`
        : `本次选举填报为第${chineseNumber(d.stated)}届，但该支部的记录中已有 ${d.counted - 1} 届委员会，本次至少为第${chineseNumber(d.counted)}届${citeZh(rules('6.1'))}。`,
    examples: [
      { stated: 3, counted: 5, basis: 'previousElection' },
      { stated: 1, counted: 2, basis: 'committeesOnRecord' },
    ],
  }),
  DOCUMENT_STEP_NOT_TAKEN: rule<{
    readonly electionId: string;
    readonly document: FiledDocument;
    readonly status: ElectionStatus;
  }>({
    en: (d) =>
      `The ${DOCUMENT_NAMES[d.document].en} of election ${d.electionId} cannot be written yet: it is filled from the events, and ${STEP_NAMES[d.document].en} has not been recorded (the election is ${ELECTION_STATUS_LABELS[d.status].en}) ${citeEn(rules('6.15'))}.`,
    zh: (d) =>
      `选举 ${d.electionId} 的《${DOCUMENT_NAMES[d.document].zh}》尚不能生成：文书依据已记录的事件填写，而“${STEP_NAMES[d.document].zh}”这一步尚未记录（选举目前处于“${ELECTION_STATUS_LABELS[d.status].zh}”阶段）${citeZh(rules('6.15'))}。`,
    examples: [
      { electionId: 'e-1', document: 'approval', status: 'requested' },
      { electionId: 'e-1', document: 'result', status: 'officersElected' },
    ],
  }),
} as const satisfies RefusalCatalogue;
