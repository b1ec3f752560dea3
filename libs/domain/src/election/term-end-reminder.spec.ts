import { fold } from '../shared/decider';
import { deciderSpecification } from '../shared/decider-specification';
import { ElectionCommand } from './election.commands';
import { ElectionEvent } from './election.events';
import {
  confirmInstallation,
  ELECTION,
  history,
  meta,
  requestInstallation,
  TO_RESULT_APPROVED,
} from './election.fixtures';
import { electionStreamDecider, ElectionStreamEvent, RemindTermEnd } from './term-end-reminder';

const remind = (daysBefore: number, date: string): RemindTermEnd => ({
  type: 'RemindTermEnd',
  data: { electionId: ELECTION, daysBefore },
  metadata: meta(date),
});

function installed(): ElectionStreamEvent[] {
  const events: ElectionEvent[] = history([...TO_RESULT_APPROVED, requestInstallation()]);
  const state = fold(electionStreamDecider, events);
  const postIds = state.status === 'installing' ? state.installation.posts.map((post) => post.postId) : [];
  const confirm: ElectionCommand = confirmInstallation(postIds);
  return [...events, ...electionStreamDecider.decide(confirm, state)];
}

const spec = deciderSpecification(electionStreamDecider);

describe('term-end reminders beside the election decider', () => {
  const events = installed();
  const state = fold(electionStreamDecider, events);
  const termEnd = state.status === 'installed' ? state.installation.termEnd : '';

  it('reminds 60 and 30 days before the installed term ends, under the version that set the term', () => {
    expect(termEnd).toBe('2028-05-20');
    const [due] = electionStreamDecider.decide(remind(60, '2028-03-21'), state);
    expect(due).toEqual({
      type: 'TermEndReminderDue',
      data: {
        electionId: ELECTION,
        policyVersion: '2022-10-22',
        at: '2028-03-21T09:00:00+08:00',
        branchId: 'b-fudong',
        termEnd: '2028-05-20',
        daysBefore: 60,
        dueOn: '2028-03-21',
      },
    });
    const after = fold(electionStreamDecider, [...events, due as ElectionStreamEvent]);
    expect(after).toMatchObject({ status: 'installed', termEndReminders: [{ daysBefore: 60, dueOn: '2028-03-21' }] });
    // Sent already: nothing more to record.
    expect(electionStreamDecider.decide(remind(60, '2028-03-25'), after)).toEqual([]);
  });

  it('refuses a reminder before it is due, after the term ended, of other days, or before installation', () => {
    spec.given(events).when(remind(60, '2028-03-20')).thenThrows('REMINDER_NOT_DUE');
    spec.given(events).when(remind(30, '2028-05-21')).thenThrows('TERM_ALREADY_ENDED');
    spec.given(events).when(remind(45, '2028-04-10')).thenThrows('REMINDER_NOT_IN_POLICY');
    spec.given(events.slice(0, -1)).when(remind(60, '2028-03-21')).thenThrows('TERM_NOT_INSTALLED');
  });

  it('leaves every other command to the election decider, which still refuses steps after installation', () => {
    spec
      .given(events)
      .when(remind(30, '2028-04-20'))
      .then([
        {
          type: 'TermEndReminderDue',
          data: {
            electionId: ELECTION,
            policyVersion: '2022-10-22',
            at: '2028-04-20T09:00:00+08:00',
            branchId: 'b-fudong',
            termEnd: '2028-05-20',
            daysBefore: 30,
            dueOn: '2028-04-20',
          },
        },
      ]);
    spec.given(events).when(requestInstallation('2028-04-20')).thenThrows('ELECTION_COMPLETED');
  });
});
