import { describe, expect, it, jest } from '@jest/globals';
import { eventTypeLabel, LABELLED_EVENT_TYPES } from './event-types';

/**
 * The API declares an audit row's type as free text, so the console's Chinese names cannot be
 * typed over an enum; this holds them to the engine's own catalogue of the events it describes.
 * The console's compiler settings know nothing of the server's libraries, so the catalogue is
 * loaded by name at run time (jest maps `@app/read-models` to libs/read-models).
 */
describe("the console's Chinese names of event types", () => {
  it('name every type the audit log describes, and the digest the verification records', () => {
    const { EVENT_DESCRIPTIONS } = jest.requireActual<{ EVENT_DESCRIPTIONS: Record<string, unknown> }>(
      '@app/read-models',
    );
    // The digest's event (libs/application/src/verification/record-digest.ts) is described generically.
    const engine = [...Object.keys(EVENT_DESCRIPTIONS), 'HistoryDigestRecorded'];
    expect(engine.filter((type) => !LABELLED_EVENT_TYPES.includes(type))).toEqual([]);
    expect(LABELLED_EVENT_TYPES.filter((type) => !engine.includes(type))).toEqual([]);
  });

  it('show a type not in the table by its name', () => {
    expect(eventTypeLabel('CensusTaken')).toBe('摸排');
    expect(eventTypeLabel('SomethingNew')).toBe('SomethingNew');
  });
});
