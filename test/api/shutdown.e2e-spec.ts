import { StoreUnavailable } from '@app/event-store';
import { bootApi } from './boot-api';

describe('graceful shutdown', () => {
  it('closing the app closes the SQLite event store', async () => {
    const api = await bootApi();
    try {
      await expect(api.store.ping()).resolves.toBeUndefined();
      await api.app.close();
      await expect(api.store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
    } finally {
      await api.close();
    }
  });
});
