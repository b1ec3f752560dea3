import request from 'supertest';
import type { App } from 'supertest/types';
import { verifyStreamChain } from '@app/event-store';
import { PostgresEventStore } from '../../libs/event-store/src/adapters/postgres/postgres-event-store';
import {
  createTestSchema,
  describeIfPostgres,
  POSTGRES_TEST_URL,
  type TestSchema,
} from '../../libs/event-store/src/adapters/postgres/postgres-test-database.fixture';
import { bootApi, type BootedApi } from '../api/boot-api';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

const describeIfServer = describeIfPostgres('PostgreSQL API scenario');

async function readinessUntil(http: App, status: number, timeoutMs = 60_000): Promise<request.Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await request(http).get('/health/ready');
    if (response.status === status || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * DATABASE_URL puts the events in PostgreSQL: the API boots on it, says so in readiness, and a
 * member admitted over HTTP is read back over HTTP and lies in the database, hash chain and all.
 */
describeIfServer('the API with DATABASE_URL set', () => {
  let schema: TestSchema;
  let api: BootedApi;
  let http: App;

  beforeAll(async () => {
    schema = await createTestSchema('bf_e2e');
    api = await bootApi({ env: { DATABASE_URL: POSTGRES_TEST_URL, BRANCHFLOW_DATABASE_SCHEMA: schema.schema } });
    http = api.app.getHttpServer();
  });
  afterAll(async () => {
    await api.close();
    await schema.drop();
  });

  it('keeps its events in PostgreSQL and reports the store in readiness', async () => {
    const ready = await readinessUntil(http, 200);
    expect(ready.status).toBe(200);
    expect(ready.body.store).toEqual({ kind: 'postgres', status: 'up' });

    const fixtures = new OrganisationFixtures(http);
    const branchId = await fixtures.branch(await fixtures.committee('孝义市离退休干部党委'));
    const memberId = await fixtures.member(branchId, { name: '王建国', membership: 'probationary' });
    const member = await request(http).get(`/members/${memberId}`).expect(200);
    expect(member.body).toMatchObject({ personal: { name: '王建国' }, membership: 'probationary', branchId });

    // The projection (run by this process, the leader) serves the branch's roll from the same events.
    const roll = await request(http).get(`/branches/${branchId}/members`).expect(200);
    expect(JSON.stringify(roll.body)).toContain('王建国');

    // Another connection to the database finds the member's stream there.
    const direct = await PostgresEventStore.connect({ connectionString: POSTGRES_TEST_URL, schema: schema.schema });
    try {
      const events = await direct.readStream(`member-${memberId}`);
      expect(events.map((event) => event.type)).toContain('MemberAdmitted');
      expect(verifyStreamChain(events)).toBeNull();
    } finally {
      await direct.close();
    }
  }, 60_000);
});
