import { Decider, fold } from './decider';
import { DomainError } from './domain-error';
import { RefusalCode } from './refusals';

/**
 * Given/when/then for deciders, after emmett's `DeciderSpecification`: the past as events, one
 * command, then the new events or the refusal's stable code.
 *
 *   spec.given([BranchEstablished]).when(DissolveBranch).thenThrows('BRANCH_HAS_MEMBERS')
 *
 * It depends on no test framework (so it type-checks in production builds too): a failed
 * expectation throws an Error showing what was expected and what happened.
 */
export interface DeciderSpecification<Command, Event> {
  given(events: readonly Event[]): {
    when(command: Command): DeciderThen<Event>;
  };
}

export interface DeciderThen<Event> {
  /** The command yields exactly these events, in this order. */
  then(expected: readonly Event[]): void;
  /** The command is accepted and changes nothing (an idempotent repeat). */
  thenNothingHappened(): void;
  /** The command is refused with a DomainError of this code; the error is returned for more checks. */
  thenThrows(code: RefusalCode): DomainError;
}

export function deciderSpecification<Command, Event, State>(
  decider: Decider<Command, Event, State>,
): DeciderSpecification<Command, Event> {
  return {
    given(events) {
      return {
        when(command) {
          const run = (): readonly Event[] => decider.decide(command, fold(decider, events));
          const expectEvents = (expected: readonly Event[]): void => {
            const actual = run();
            if (canonicalJson(actual) !== canonicalJson(expected)) {
              throw new Error(`Expected the events\n${pretty(expected)}\nbut the decider produced\n${pretty(actual)}`);
            }
          };
          return {
            then: expectEvents,
            thenNothingHappened: () => expectEvents([]),
            thenThrows(code) {
              let produced: readonly Event[];
              try {
                produced = run();
              } catch (error) {
                if (!(error instanceof DomainError)) throw error;
                if (error.code !== code) {
                  throw new Error(
                    `Expected a refusal with code ${code}, but it was refused with ${error.code}: ${error.message}`,
                  );
                }
                // Every refusal is a sentence, in each language, that names its rule for the person reading it.
                if (!/\S.*[.!?)]$/.test(error.message))
                  throw new Error(`The refusal message is not a sentence: "${error.message}"`);
                const chinese = error.messageIn('zh-CN');
                if (!/\S.*。$/.test(chinese)) throw new Error(`The Chinese refusal is not a sentence: "${chinese}"`);
                return error;
              }
              throw new Error(`Expected a refusal with code ${code}, but the command produced\n${pretty(produced)}`);
            },
          };
        },
      };
    },
  };
}

/** JSON with object keys sorted, so equality ignores key order; `undefined` properties are dropped. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
