import { DomainError, type ElectionEvent } from '@app/domain';
import {
  history,
  reportResult,
  requestElection,
  takeCensus,
  TO_COMMITTEE_ELECTED,
  TO_RESULT_APPROVED,
  TO_SLATE_APPROVED,
  electOfficers,
} from '../../../domain/src/election/election.fixtures';
import { electionDocument } from './election-documents';
import { electionFileOf, requireDocumentStep, type ElectionFile } from './election-file';
import { electionResultSheets } from './election-result-workbook';
import { termName } from './document-phrases';

const where = {
  branchName: '府东社区离退休干部党支部',
  superiorName: '孝义市离退休干部党委',
  status: 'censusTaken' as const,
};
const fileOf = (events: readonly ElectionEvent[]): ElectionFile => electionFileOf('e-1', events, where);
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError)
      return `${error.code}:${String((error.details as { document: string }).document)}`;
    throw error;
  }
  return 'none';
};

describe('an election’s file, from its events', () => {
  it('holds what the result report states: 届次, 文号, the assembly, every round with who was elected, officers and duties', () => {
    const file = fileOf(history(TO_RESULT_APPROVED));
    expect(file.termNumber).toBe(2);
    expect(file.request).toMatchObject({ plannedDate: '2023-05-20', committeeSeats: 3, reference: null });
    expect(file.approval?.reference).toMatch(/〔2023〕/);
    expect(file.report?.reference).toBe('府东支〔2023〕2号');
    expect(file.resultApproval).toMatchObject({ filingReference: '孝离党备〔2023〕3号' });
    expect(file.assembly).toMatchObject({ date: '2023-05-20' });
    const [round] = file.rounds;
    expect(round?.race).toBe('committee');
    const elected = round?.tallies.filter((line) => line.elected).map((line) => line.name) ?? [];
    expect(elected.length).toBe(3);
    expect(new Set(elected)).toEqual(new Set(file.report?.committeeMembers.map((member) => member.name)));
    // Duties are keyed by member id in the event; the file names the person.
    expect(file.officers?.duties.every((line) => !/^m\d$/.test(line.name))).toBe(true);
  });

  it('refuses each document until its step is recorded', () => {
    const steps: [readonly ElectionEvent[], string[]][] = [
      [history([takeCensus()]), ['request', 'approval', 'result']],
      [history([takeCensus(), requestElection()]), ['approval', 'result']],
      [history(TO_SLATE_APPROVED), ['result']],
      [history([...TO_COMMITTEE_ELECTED, electOfficers()]), ['result']],
      [history([...TO_COMMITTEE_ELECTED, electOfficers(), reportResult()]), []],
    ];
    for (const [events, refused] of steps) {
      const file = fileOf(events);
      const answers = (['request', 'approval', 'result'] as const).map((document) =>
        refusal(() => requireDocumentStep(file, document)),
      );
      expect(answers.filter((answer) => answer !== 'none')).toEqual(
        refused.map((document) => `DOCUMENT_STEP_NOT_TAKEN:${document}`),
      );
    }
  });

  it('writes each document as a Word file, and the result as two sheets', async () => {
    const file = fileOf(history(TO_RESULT_APPROVED));
    for (const document of ['request', 'approval', 'result'] as const) {
      const bytes = await electionDocument(file, document);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }
    expect(electionResultSheets(file, 'zh-CN').map((sheet) => sheet.name)).toEqual(['选举概况', '得票情况']);
  });

  it('leaves the 届次 blank, as a form does, for a census recorded before it was counted', () => {
    expect([termName(null), termName(3), termName(12)]).toEqual(['第\u3000届', '第三届', '第十二届']);
  });
});
