import type { Race } from '@app/domain';
import type { CsvColumn } from '../export/csv';
import { sheetOf, type WorkbookSheet } from '../export/xlsx';
import { requireDocumentStep, type ElectionFile, type RoundRecord } from './election-file';

const RACES: Readonly<Record<Race, { readonly zh: string; readonly en: string }>> = {
  committee: { zh: '支部委员会委员', en: 'committee' },
  secretary: { zh: '书记', en: 'secretary' },
  deputySecretary: { zh: '副书记', en: 'deputySecretary' },
};

interface VoteLine {
  readonly round: RoundRecord;
  readonly name: string;
  readonly writeIn: boolean;
  readonly for: number;
  readonly against: number | null;
  readonly abstain: number | null;
  readonly elected: boolean;
}

const VOTE_COLUMNS: readonly CsvColumn<VoteLine>[] = [
  { header: 'race', headerZh: '选举职务', value: (line) => RACES[line.round.race].zh },
  { header: 'round', headerZh: '轮次', value: (line) => line.round.roundNo },
  { header: 'seats', headerZh: '应选名额', value: (line) => line.round.seats },
  { header: 'issued', headerZh: '发出选票', value: (line) => line.round.issued },
  { header: 'returned', headerZh: '收回选票', value: (line) => line.round.returned },
  { header: 'valid', headerZh: '有效票', value: (line) => line.round.valid },
  { header: 'invalid', headerZh: '无效票', value: (line) => line.round.invalid },
  { header: 'candidate', headerZh: '候选人', value: (line) => line.name },
  { header: 'write_in', headerZh: '是否另选他人', value: (line) => line.writeIn },
  { header: 'for', headerZh: '赞成票', value: (line) => line.for },
  { header: 'against', headerZh: '反对票', value: (line) => line.against },
  { header: 'abstain', headerZh: '弃权票', value: (line) => line.abstain },
  { header: 'elected', headerZh: '是否当选', value: (line) => line.elected },
];

type Fact = { readonly key: string; readonly label: string; readonly value: string | number | null };

const FACT_COLUMNS: readonly CsvColumn<Fact>[] = [
  { header: 'item', headerZh: '项目', value: (fact) => fact.label },
  { header: 'value', headerZh: '内容', value: (fact) => fact.value, kind: 'date' },
];

/**
 * An election's result as a workbook, from the same events as the 选举结果报告: a sheet of the
 * facts (branch, 届次, 文号, dates, voters, who was elected) and a sheet of every round's
 * ballots with each candidate's votes. Refused, like the report, until the result is reported.
 */
export function electionResultSheets(file: ElectionFile, language: 'zh-CN' | 'en'): WorkbookSheet[] {
  requireDocumentStep(file, 'result');
  const zh = language === 'zh-CN';
  const fact = (key: string, label: string, value: string | number | null): Fact => ({
    key,
    label: zh ? label : key,
    value,
  });
  const { report, assembly, officers, approval, request, resultApproval } = file;
  const facts: Fact[] = [
    fact('branch', '支部', file.branchName),
    fact('superior', '上级党组织', file.superiorName),
    fact('term_number', '届次', file.termNumber),
    fact('request_reference', '换届选举请示文号', request?.reference ?? null),
    fact('request_approval_reference', '批复文号', approval?.reference ?? null),
    fact('report_reference', '选举结果报告文号', report?.reference ?? null),
    fact('result_approval_reference', '选举结果批复文号', resultApproval?.reference ?? null),
    fact('filing_reference', '备案文号', resultApproval?.filingReference ?? null),
    fact('assembly_date', '党员大会日期', assembly?.date ?? null),
    fact('due_voters', '应到会有选举权人数', assembly?.due ?? null),
    fact('present_voters', '实到会有选举权人数', assembly?.present ?? null),
    fact('committee_members', '当选委员', report?.committeeMembers.map((member) => member.name).join('、') ?? null),
    fact('secretary', '书记', officers?.secretary.name ?? null),
    fact('deputy_secretary', '副书记', officers?.deputySecretary?.name ?? null),
    fact('reported_on', '报告日期', report?.on ?? null),
  ];
  const lines: VoteLine[] = file.rounds.flatMap((round) => [
    ...round.tallies.map((tally) => ({ round, ...tally, writeIn: false })),
    ...round.writeIns.map((writeIn) => ({
      round,
      name: writeIn.name,
      writeIn: true,
      for: writeIn.votes,
      against: null,
      abstain: null,
      elected: writeIn.elected,
    })),
  ]);
  return [
    sheetOf({ name: zh ? '选举概况' : 'election', columns: FACT_COLUMNS, rows: facts }),
    sheetOf({ name: zh ? '得票情况' : 'votes', columns: VOTE_COLUMNS, rows: lines }),
  ];
}
