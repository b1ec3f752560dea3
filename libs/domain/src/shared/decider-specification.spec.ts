import { Decider } from './decider';
import { deciderSpecification } from './decider-specification';
import { refuse } from './domain-error';

type Command = { readonly type: 'Add'; readonly amount: number };
type Event = { readonly type: 'Added'; readonly data: { readonly amount: number; readonly note?: string } };

const counter: Decider<Command, Event, number> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.amount,
  decide(command, total) {
    if (command.amount === 0) return [];
    // Any declared refusal serves: the specification compares codes.
    if (total + command.amount > 10) throw refuse('NO_DUE_VOTERS', {});
    return [{ type: 'Added', data: { amount: command.amount } }];
  },
};
const spec = deciderSpecification(counter);

describe('deciderSpecification', () => {
  it('passes when the events match, whatever the key order', () => {
    spec
      .given([])
      .when({ type: 'Add', amount: 2 })
      .then([{ data: { amount: 2 }, type: 'Added' }]);
  });

  it('fails when the events differ', () => {
    expect(() =>
      spec
        .given([])
        .when({ type: 'Add', amount: 2 })
        .then([{ type: 'Added', data: { amount: 3 } }]),
    ).toThrow(/Expected the events/);
    expect(() => spec.given([]).when({ type: 'Add', amount: 2 }).thenNothingHappened()).toThrow(/Expected the events/);
  });

  it('returns the refusal with the expected code, and fails on another code or on acceptance', () => {
    const error = spec
      .given([{ type: 'Added', data: { amount: 9 } }])
      .when({ type: 'Add', amount: 2 })
      .thenThrows('NO_DUE_VOTERS');
    expect(error.category).toBe('rule');
    expect(() =>
      spec
        .given([{ type: 'Added', data: { amount: 9 } }])
        .when({ type: 'Add', amount: 2 })
        .thenThrows('TELLERS_REQUIRED'),
    ).toThrow(/refused with NO_DUE_VOTERS/);
    expect(() => spec.given([]).when({ type: 'Add', amount: 2 }).thenThrows('NO_DUE_VOTERS')).toThrow(
      /but the command produced/,
    );
  });

  it('accepts an empty result as nothing happened', () => {
    spec.given([]).when({ type: 'Add', amount: 0 }).thenNothingHappened();
  });
});
