import { GENESIS_HASH, sealEvents, verifyStreamChain } from '../../chain/hash-chain';
import { newEvent } from '../../contract/event-store.contract';
import type { RecordedEvent } from '../../port/envelope';
import {
  actualRevisionFrom,
  decodeRecord,
  encodeEvent,
  expectedRevisionFor,
  idempotencyWindow,
  isSystemRecord,
  positionFromClient,
  positionToClient,
  serverFilterFor,
  toSafeNumber,
  toleratesConcurrentAppends,
  type StoredRecord,
} from './eventstoredb-mapping';

/** What the server hands back for an encoded event: the JSON round trip plus its coordinates. */
function storedAs(
  encoded: ReturnType<typeof encodeEvent>,
  stream: string,
  revision: number,
  commit: bigint,
): StoredRecord {
  return {
    streamId: stream,
    id: encoded.id,
    type: encoded.type,
    revision: BigInt(revision),
    isJson: true,
    data: JSON.parse(JSON.stringify(encoded.data)) as unknown,
    metadata: JSON.parse(JSON.stringify(encoded.metadata)) as unknown,
    position: { commit, prepare: commit },
  };
}

describe('EventStoreDB mapping', () => {
  describe('expected revision', () => {
    it('sends the exact head that was read, or no_stream', () => {
      expect(expectedRevisionFor(null)).toBe('no_stream');
      expect(expectedRevisionFor({ revision: 0 })).toBe(0n);
      expect(expectedRevisionFor({ revision: 41 })).toBe(41n);
    });

    it('reads the actual revision from the server error; no_stream, -1 and absent mean no stream', () => {
      expect(actualRevisionFrom(7n)).toBe(7);
      expect(actualRevisionFrom(0n)).toBe(0);
      expect(actualRevisionFrom('no_stream')).toBeNull();
      expect(actualRevisionFrom(-1n)).toBeNull();
      expect(actualRevisionFrom(undefined)).toBeNull();
    });

    it('retries refused writes only for expectations a concurrent append cannot contradict', () => {
      expect(toleratesConcurrentAppends('any')).toBe(true);
      expect(toleratesConcurrentAppends('streamExists')).toBe(true);
      expect(toleratesConcurrentAppends('noStream')).toBe(false);
      expect(toleratesConcurrentAppends(3)).toBe(false);
    });
  });

  describe('numbers and positions', () => {
    it('converts bigints within the safe range and refuses the rest', () => {
      expect(toSafeNumber(123n, 'revision')).toBe(123);
      expect(toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER), 'revision')).toBe(Number.MAX_SAFE_INTEGER);
      expect(() => toSafeNumber(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'revision')).toThrow(RangeError);
      expect(() => toSafeNumber(-1n, 'revision')).toThrow(RangeError);
    });

    it('maps the commit position to the port position and back to a (commit, prepare) pair', () => {
      expect(positionFromClient({ commit: 18_446n, prepare: 18_446n }, 'e')).toBe(18_446);
      expect(positionToClient(18_446)).toEqual({ commit: 18_446n, prepare: 18_446n });
      expect(positionToClient(0)).toEqual({ commit: 0n, prepare: 0n });
      expect(() => positionToClient(-1)).toThrow(RangeError);
      expect(() => positionToClient(1.5)).toThrow(RangeError);
    });

    it('names the missing position of an event read from an old server', () => {
      expect(() => positionFromClient(undefined, 'abc')).toThrow(/event abc.*22\.6/);
    });
  });

  describe('event envelope', () => {
    it('round-trips data, type, schema version and metadata so the chain still verifies', () => {
      const stream = 'branch-1';
      const first = { ...newEvent('BranchEstablished', { name: '永安社区离退休干部党支部' }), schemaVersion: 3 };
      const [sealedFirst] = sealEvents(stream, null, [first], '2024-01-01T00:00:00.000Z');
      const [sealedSecond] = sealEvents(
        stream,
        { revision: 0, hash: sealedFirst!.metadata.hash },
        [newEvent('BranchRenamed', { name: 'x' })],
        '2024-01-02T00:00:00.000Z',
      );
      const read = [sealedFirst!, sealedSecond!].map((sealed, index) =>
        decodeRecord(storedAs(encodeEvent(sealed), stream, index, 1000n + BigInt(index))),
      );

      expect(read[0]).toEqual<RecordedEvent>({ ...sealedFirst!, position: 1000 });
      expect(read[1]).toEqual<RecordedEvent>({ ...sealedSecond!, position: 1001 });
      expect(read[0]?.metadata.prevHash).toBe(GENESIS_HASH);
      expect(verifyStreamChain(read)).toBeNull();
    });

    it('stores the schema version and the correlation ids EventStoreDB projections read', () => {
      const [sealed] = sealEvents('member-1', null, [newEvent('MemberAdmitted')], '2024-01-01T00:00:00.000Z');
      const encoded = encodeEvent(sealed!);
      expect(encoded.metadata).toMatchObject({
        $schemaVersion: 1,
        $correlationId: sealed!.metadata.correlationId,
        $causationId: sealed!.metadata.causationId,
        hash: sealed!.metadata.hash,
      });
    });

    it('refuses events this store did not write', () => {
      const foreign: StoredRecord = {
        streamId: 'legacy-1',
        id: 'e1',
        type: 'Legacy',
        revision: 0n,
        isJson: true,
        data: { a: 1 },
        metadata: { user: 'x' },
        position: { commit: 1n, prepare: 1n },
      };
      expect(() => decodeRecord(foreign)).toThrow(/e1 in stream legacy-1 was not written by this event store/);
      expect(() => decodeRecord({ ...foreign, isJson: false, data: new Uint8Array([1]) })).toThrow();
    });

    it('recognises system streams and system event types', () => {
      expect(isSystemRecord({ streamId: '$settings', type: 'update' })).toBe(true);
      expect(isSystemRecord({ streamId: 'branch-1', type: '$metadata' })).toBe(true);
      expect(isSystemRecord({ streamId: 'branch-1', type: 'BranchEstablished' })).toBe(false);
    });
  });

  describe('idempotency window', () => {
    it('looks right after an exact expected revision', () => {
      expect(idempotencyWindow(4, { revision: 9 }, 2)).toEqual({ fromRevision: 5, direction: 'forwards', maxCount: 2 });
      expect(idempotencyWindow(9, { revision: 9 }, 2)).toBeNull();
    });

    it('looks at the start of the stream for noStream and at its tail for any/streamExists', () => {
      expect(idempotencyWindow('noStream', { revision: 3 }, 2)).toEqual({
        fromRevision: 0,
        direction: 'forwards',
        maxCount: 2,
      });
      expect(idempotencyWindow('any', { revision: 3 }, 2)).toEqual({
        fromRevision: 3,
        direction: 'backwards',
        maxCount: 2,
      });
      expect(idempotencyWindow('streamExists', { revision: 3 }, 1)).toEqual({
        fromRevision: 3,
        direction: 'backwards',
        maxCount: 1,
      });
    });

    it('does not look into a stream that does not exist', () => {
      expect(idempotencyWindow('noStream', null, 2)).toBeNull();
      expect(idempotencyWindow(0, null, 2)).toBeNull();
    });
  });

  describe('server-side filter', () => {
    it('prefers stream prefixes, falls back to event types, and otherwise excludes system events', () => {
      expect(serverFilterFor({ streamPrefixes: ['branch-'], eventTypes: ['A'] })).toEqual({
        on: 'streamName',
        prefixes: ['branch-'],
      });
      expect(serverFilterFor({ eventTypes: ['A', 'B'] })).toEqual({ on: 'eventType', prefixes: ['A', 'B'] });
      expect(serverFilterFor(undefined)).toEqual({ on: 'excludeSystemEvents' });
      expect(serverFilterFor({ streamPrefixes: [] })).toEqual({ on: 'excludeSystemEvents' });
    });
  });
});
