import { createServer, type Server, type Socket } from 'node:net';
import request from 'supertest';
import { MemoryEventStore } from '@app/event-store';
import { bootApi, type BootedApi } from './boot-api';

/** Readiness must answer within 5 s whatever the store does (EVENTSTORE_TIMEOUT_MS ≤ 4500). */
const READINESS_BUDGET_MS = 5000;

async function expectUnavailableWithinBudget(api: BootedApi): Promise<void> {
  const started = Date.now();
  const response = await request(api.app.getHttpServer())
    .get('/health/ready')
    .expect(503)
    .expect('Content-Type', /^application\/problem\+json/);
  expect(Date.now() - started).toBeLessThan(READINESS_BUDGET_MS);
  expect(response.body).toMatchObject({
    type: 'urn:branchflow:problem:store-unavailable',
    title: 'Service Unavailable',
    status: 503,
    code: 'STORE_UNAVAILABLE',
    detail: expect.any(String),
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') reject(new Error('no TCP address'));
      else resolve(address.port);
    });
  });
}

/** A port nothing listens on: bind an ephemeral one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('readiness when the event store is unavailable', () => {
  it('a store whose ping never settles: 503 problem+json within 5 s', async () => {
    const silent = Object.assign(new MemoryEventStore(), { ping: () => new Promise<void>(() => undefined) });
    const api = await bootApi({ store: silent });
    try {
      await expectUnavailableWithinBudget(api);
    } finally {
      await api.close();
    }
  }, 10_000);

  it('EventStoreDB on a closed port: 503 problem+json within 5 s', async () => {
    const port = await closedPort();
    const api = await bootApi({ env: { EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${port}?tls=false` } });
    try {
      expect(api.store.kind).toBe('eventstoredb');
      await expectUnavailableWithinBudget(api);
    } finally {
      await api.close();
    }
  }, 15_000);

  it('EventStoreDB that accepts TCP and never answers: 503 problem+json within 5 s', async () => {
    const sockets = new Set<Socket>();
    const silentPeer = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
    });
    const port = await listen(silentPeer);
    try {
      const api = await bootApi({ env: { EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${port}?tls=false` } });
      try {
        await expectUnavailableWithinBudget(api);
      } finally {
        await api.close();
      }
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => silentPeer.close(() => resolve()));
    }
  }, 15_000);
});
