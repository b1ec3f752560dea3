/** When an organisation came into being: the fact every "not before it existed" rule compares with. */
export interface Establishment {
  readonly kind: 'branch' | 'committee';
  readonly id: string;
  readonly name: string;
  /** The calendar date (YYYY-MM-DD) of its establishment event. */
  readonly on: string;
}

/**
 * The establishment of every organisation a command concerns, by id, in `command.data.context`
 * (filled by the application layer from the organisations' own streams, like their statuses).
 * A missing id is an organisation that does not exist; its status check refuses the command.
 */
export type EstablishmentFacts = Readonly<Record<string, Establishment>>;
