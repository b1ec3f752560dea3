import { SAMPLES } from './event-samples.fixture';
import { EVENT_SUBJECT_FIELDS, SUBJECT_FIELDS, subjectsOf, type SubjectField } from './event-subjects';

type Data = Record<string, unknown>;
const samples = Object.entries(SAMPLES) as [keyof typeof SAMPLES, Data][];
const declared = (type: keyof typeof SAMPLES): readonly SubjectField[] => EVENT_SUBJECT_FIELDS[type];

describe('the subject fields of each event', () => {
  it('declares, for every sample event, exactly the subject fields its data carries', () => {
    for (const [type, data] of samples) {
      const carried = SUBJECT_FIELDS.filter((name) => Object.prototype.hasOwnProperty.call(data, name));
      expect({ type, fields: [...declared(type)].sort() }).toEqual({ type, fields: [...carried].sort() });
    }
  });

  it('files every event by its declared fields alone, as it files them with all their data', () => {
    for (const [type, data] of samples) {
      const stream = 'other-x';
      const fields = declared(type);
      const only = Object.fromEntries(fields.map((name) => [name, data[name]]));
      expect({ type, subjects: subjectsOf(stream, only) }).toEqual({ type, subjects: subjectsOf(stream, data) });
    }
  });
});
