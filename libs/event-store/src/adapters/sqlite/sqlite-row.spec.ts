import { decodeRow, type EventRow } from './sqlite-row';

const metadata = {
  commandId: 'c1',
  correlationId: 'c1',
  causationId: 'c1',
  actor: { id: 'u1', name: '王主任', role: 'admin' },
  occurredAt: '2022-03-01T00:00:00.000Z',
  recordedAt: '2022-03-01T08:00:00.000Z',
  policyVersion: null,
  prevHash: null,
  hash: 'h1',
};
const row: EventRow = [7, 'e1', 'member-m1', 0, 'MemberAdmitted', 1, '{"memberId":"m1"}', JSON.stringify(metadata)];

describe('decodeRow', () => {
  it('gives metadata as an own property that spreading, comparing and serialising all see', () => {
    const event = decodeRow(row);
    expect(Object.keys(event)).toEqual([
      'id',
      'type',
      'schemaVersion',
      'data',
      'metadata',
      'stream',
      'revision',
      'position',
    ]);
    expect({ ...event }.metadata).toEqual(metadata);
    expect(event).toEqual({
      id: 'e1',
      type: 'MemberAdmitted',
      schemaVersion: 1,
      data: { memberId: 'm1' },
      metadata,
      stream: 'member-m1',
      revision: 0,
      position: 7,
    });
    expect(JSON.parse(JSON.stringify(event))).toMatchObject({ metadata });
  });

  it('parses the metadata once, when first read', () => {
    const event = decodeRow(row);
    expect(event.metadata).toBe(event.metadata);
  });
});
