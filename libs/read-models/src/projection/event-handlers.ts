import type {
  BranchEvent,
  ByElectionEvent,
  CampaignEvent,
  DemonstrationEvent,
  ElectionReminderEvent,
  ElectionStreamEvent,
  MemberEvent,
  PartyCommitteeEvent,
  RestructuringEvent,
  RulePolicyEvent,
  VolunteerEvent,
} from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Tables } from './projection';

/** Every event the domain records: the union read models type their readers by. */
export type KnownEvent =
  | PartyCommitteeEvent
  | BranchEvent
  | MemberEvent
  | RestructuringEvent
  | CampaignEvent
  | RulePolicyEvent
  | ElectionStreamEvent
  | ByElectionEvent
  | ElectionReminderEvent
  | DemonstrationEvent
  | VolunteerEvent;
export type KnownEventType = KnownEvent['type'];
/** The data of one event type, as the domain declares it. */
export type DataOf<K extends KnownEventType> = Extract<KnownEvent, { type: K }>['data'];

/** What a projection does with one event type: its data is typed, so renaming a field breaks the handler. */
export type ProjectionHandler<K extends KnownEventType, T extends string> = (
  db: ReadModelDatabase,
  data: DataOf<K>,
  event: RecordedEvent,
  tables: Tables<T>,
) => void;

/**
 * A projection's handlers keyed by event type; each receives that type's data as the domain
 * declares it (`MemberAdmitted: (db, d) => … d.joinedPartyOn`), where a `Record<string, …>` of
 * untyped data kept compiling after a field was renamed. Types a projection does not need are
 * left out.
 */
export type ProjectionHandlers<T extends string> = { readonly [K in KnownEventType]?: ProjectionHandler<K, T> };

/** Runs the handler for the event's type, if the projection has one. */
export function applyHandler<T extends string>(
  handlers: ProjectionHandlers<T>,
  db: ReadModelDatabase,
  event: RecordedEvent,
  tables: Tables<T>,
): void {
  // The store hands out each type's current data shape (old shapes are upcast on read), so the one cast is here.
  const handler = (handlers as Readonly<Record<string, ProjectionHandler<KnownEventType, T> | undefined>>)[event.type];
  if (handler) handler(db, event.data as never, event, tables);
}
