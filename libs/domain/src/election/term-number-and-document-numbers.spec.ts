import { DomainError } from '../shared/domain-error';
import { optionalDocumentNumber } from '../shared/document-number';
import { electionDecider } from './election.decider';
import { ElectionCommand } from './election.commands';
import { ElectionEvent } from './election.events';
import { history, ROLL, requestElection, stateOf, takeCensus } from './election.fixtures';
import { termNumberOf } from './steps/census';

const census = (
  history_: { lastTermNumber: number | null; committeesOnRecord: number },
  termNumber?: number,
): ElectionCommand =>
  takeCensus({
    ...(termNumber === undefined ? {} : { termNumber }),
    context: {
      branchStatus: 'open',
      roll: ROLL,
      currentTerm: { start: '2020-06-30', end: '2023-06-30' },
      established: {},
      committeeHistory: history_,
    },
  });

const censusData = (command: ElectionCommand) => {
  const [event] = electionDecider.decide(command, { status: 'none' });
  if (event?.type !== 'CensusTaken') throw new Error('expected a census');
  return event.data;
};

const refusalCode = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('届次: which committee an election elects', () => {
  it('is one past the last installed election’s, which a clerk may only repeat', () => {
    expect(censusData(census({ lastTermNumber: 4, committeesOnRecord: 2 }))).toMatchObject({
      termNumber: 5,
      termNumberBasis: 'previousElection',
    });
    expect(censusData(census({ lastTermNumber: 4, committeesOnRecord: 2 }, 5)).termNumber).toBe(5);
    expect(refusalCode(() => censusData(census({ lastTermNumber: 4, committeesOnRecord: 2 }, 7)))).toBe(
      'TERM_NUMBER_CONFLICT',
    );
  });

  it('is otherwise one past the committees on record, which a clerk may raise but not lower', () => {
    expect(censusData(census({ lastTermNumber: null, committeesOnRecord: 1 }))).toMatchObject({
      termNumber: 2,
      termNumberBasis: 'committeesOnRecord',
    });
    expect(censusData(census({ lastTermNumber: null, committeesOnRecord: 1 }, 6))).toMatchObject({
      termNumber: 6,
      termNumberBasis: 'stated',
    });
    expect(refusalCode(() => censusData(census({ lastTermNumber: null, committeesOnRecord: 3 }, 2)))).toBe(
      'TERM_NUMBER_CONFLICT',
    );
    expect(termNumberOf(undefined, { lastTermNumber: null, committeesOnRecord: 0 })).toEqual({
      number: 1,
      basis: 'committeesOnRecord',
    });
  });

  it('counts the officers in office as one committee when the facts say nothing more', () => {
    expect(censusData(takeCensus()).termNumber).toBe(2);
  });

  it('is kept in the state from the census on', () => {
    const state = stateOf(history([census({ lastTermNumber: 2, committeesOnRecord: 2 }), requestElection()]));
    expect('census' in state && state.census.termNumber).toBe(3);
  });
});

describe('文号 of the request', () => {
  it('is recorded as written when given, null when not', () => {
    const numbered: ElectionEvent[] = history([
      takeCensus(),
      requestElection({ requestReference: ' 府东支〔2023〕1号 ' }),
    ]);
    const state = stateOf(numbered);
    expect('request' in state && state.request.requestReference).toBe('府东支〔2023〕1号');
    const plain = stateOf(history([takeCensus(), requestElection()]));
    expect('request' in plain && plain.request.requestReference).toBeNull();
  });

  it.each(['孝离党字〔2022〕12号', '府东支[2023]第3号', '孝离党字（2022）7号', '孝离党字［2022］8号'])(
    'takes %s',
    (text) => expect(optionalDocumentNumber(text, 'request reference')).toBe(text),
  );

  it.each(['12号', '孝离党字2022年12号', '孝离党字〔22〕12号', '孝离党字〔2022〕十二号', '=1+2', ''])(
    'refuses %s as not a 文号, changing nothing',
    (text) => {
      const state = stateOf(history([takeCensus()]));
      expect(refusalCode(() => electionDecider.decide(requestElection({ requestReference: text }), state))).toBe(
        'DOCUMENT_NUMBER_MALFORMED',
      );
    },
  );
});
