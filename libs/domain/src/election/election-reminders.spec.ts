import { DEFAULT_RULE_POLICIES } from '../policy/default-rule-policies';
import { RulePolicy } from '../policy/rule-policy';
import { isDomainError } from '../shared/domain-error';
import {
  createElectionRemindersDecider,
  electionRemindersDue,
  type ElectionReminderFacts,
  type ElectionRemindersState,
  type SendElectionReminder,
} from './election-reminders';

const policy = DEFAULT_RULE_POLICIES[1] as RulePolicy;
const withTerm = (end: string): ElectionReminderFacts => ({
  branchStatus: 'open',
  establishedOn: '2015-03-10',
  term: { electionId: 'e-1', end },
});
const noTerm: ElectionReminderFacts = { branchStatus: 'open', establishedOn: '2023-01-31', term: null };
const due = (facts: ElectionReminderFacts, on: string) =>
  electionRemindersDue(facts, policy, on).map((reminder) => `${reminder.kind} ${reminder.dueOn}`);

describe('reminders to the superior (docs/rules.md §5.3)', () => {
  it('six and three calendar months before the term ends, the later replacing the earlier', () => {
    const term = withTerm('2028-05-31');
    expect(due(term, '2027-11-29')).toEqual([]);
    expect(due(term, '2027-11-30')).toEqual(['beforeTermEnd 2027-11-30']);
    expect(due(term, '2028-02-28')).toEqual(['beforeTermEnd 2027-11-30']);
    // 31 May less three months is the last day of February.
    expect(due(term, '2028-02-29')).toEqual(['beforeTermEnd 2028-02-29']);
    expect(due(term, '2028-05-31')).toEqual(['beforeTermEnd 2028-02-29']);
  });

  it('monthly once the term has ended, from the day after its last day', () => {
    const term = withTerm('2028-05-31');
    expect(due(term, '2028-06-01')).toEqual(['overdue 2028-06-01']);
    expect(due(term, '2028-06-30')).toEqual(['overdue 2028-06-01']);
    expect(due(term, '2028-07-01')).toEqual(['overdue 2028-07-01']);
    expect(due(term, '2029-03-15')).toEqual(['overdue 2029-03-01']);
  });

  it('monthly for a branch with no recorded term end, from a month after it was established', () => {
    expect(due(noTerm, '2023-02-27')).toEqual([]);
    // 31 January on a month is 28 February, then 31 March: counted from the anchor, never drifting.
    expect(due(noTerm, '2023-02-28')).toEqual(['noTerm 2023-02-28']);
    expect(due(noTerm, '2023-03-30')).toEqual(['noTerm 2023-02-28']);
    expect(due(noTerm, '2023-03-31')).toEqual(['noTerm 2023-03-31']);
    expect(due(noTerm, '2024-02-29')).toEqual(['noTerm 2024-02-29']);
  });

  it('takes its months from the policy, and reminds a dissolved branch of nothing', () => {
    const quarterly: RulePolicy = {
      ...policy,
      termEndReminderMonths: [4],
      overdueReminderEveryMonths: 3,
      noTermReminderEveryMonths: 2,
    };
    expect(electionRemindersDue(withTerm('2028-05-31'), quarterly, '2028-02-01')).toMatchObject([
      { kind: 'beforeTermEnd', dueOn: '2028-01-31', monthsBefore: 4 },
    ]);
    expect(electionRemindersDue(withTerm('2028-05-31'), quarterly, '2028-08-31')).toMatchObject([
      { kind: 'overdue', dueOn: '2028-06-01' },
    ]);
    expect(electionRemindersDue(withTerm('2028-05-31'), quarterly, '2028-09-01')).toMatchObject([
      { kind: 'overdue', dueOn: '2028-09-01' },
    ]);
    expect(electionRemindersDue(noTerm, quarterly, '2023-03-30')).toEqual([]);
    expect(electionRemindersDue(noTerm, quarterly, '2023-03-31')).toMatchObject([{ dueOn: '2023-03-31' }]);
    expect(electionRemindersDue({ ...noTerm, branchStatus: 'dissolved' }, policy, '2024-01-01')).toEqual([]);
  });

  describe('the decider', () => {
    const decider = createElectionRemindersDecider(DEFAULT_RULE_POLICIES);
    const send = (dueOn: string, on = dueOn, facts = withTerm('2028-05-31')): SendElectionReminder => ({
      type: 'SendElectionReminder',
      data: { branchId: 'b-1', kind: 'beforeTermEnd', dueOn, context: facts },
      metadata: { at: `${on}T00:00:00.000Z`, actor: { id: 'system', name: 'timers', role: 'system' } },
    });

    it('records a due reminder with the policy version that set its months, once', () => {
      const events = decider.decide(send('2027-11-30'), decider.initialState());
      expect(events).toEqual([
        {
          type: 'ElectionReminderSent',
          data: {
            branchId: 'b-1',
            kind: 'beforeTermEnd',
            dueOn: '2027-11-30',
            termEnd: '2028-05-31',
            electionId: 'e-1',
            monthsBefore: 6,
            policyVersion: '2022-10-22',
            at: '2027-11-30T00:00:00.000Z',
          },
        },
      ]);
      const state: ElectionRemindersState = events.reduce(decider.evolve, decider.initialState());
      expect(decider.decide(send('2027-11-30', '2027-12-02'), state)).toEqual([]);
    });

    it('refuses a reminder that is not due: early, or not a day the policy sets', () => {
      for (const command of [send('2027-11-30', '2027-11-29'), send('2027-12-15', '2027-12-20')]) {
        let code: string | undefined;
        try {
          decider.decide(command, decider.initialState());
        } catch (error) {
          code = isDomainError(error) ? error.code : String(error);
        }
        expect(code).toBe('REMINDER_NOT_DUE');
      }
    });
  });
});
