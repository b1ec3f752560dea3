import { eventStoreContract } from '../../contract/event-store.contract';
import { MemoryEventStore } from './memory-event-store';

describe('MemoryEventStore', () => {
  eventStoreContract(() => {
    const store = new MemoryEventStore();
    return Promise.resolve({ store, dispose: () => store.close() });
  });
});
