/**
 * The shape of every aggregate in branchflow: a pure function from (command, state) to new
 * events, and a pure fold from events to state. No clock, no ids, no I/O: the command brings
 * the time, the acting user and any ids it needs.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): readonly Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** A domain event as deciders see it: a type and plain data. The store adds the envelope. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** A command as deciders see it. `at` is the business date/time the command takes effect. */
export interface DomainCommand<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

export interface CommandMetadata {
  /** ISO-8601 time at which the act takes effect in the world (e.g. the assembly's date). */
  readonly at: string;
  readonly actor: { readonly id: string; readonly name: string; readonly role: string };
}

export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/** Ends every `switch` over a union: the compiler proves the default cannot be reached. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
