import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';

/**
 * An act given as a date-time belongs to the business day on the bureau's clock (Asia/Shanghai by
 * default), not to the UTC date of the same instant: just after midnight in Beijing is already
 * the next day there, and the morning the 2022 rules took effect is judged under them.
 */
interface AuditEntry {
  readonly committeeId: string;
  readonly occurredAt: string;
  readonly occurredOn: string;
  readonly policyVersion: string;
}

describe('the business day of an act', () => {
  let api: BootedApi;
  let http: App;
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  const establish = async (key: string, occurredAt: string) => {
    const created = await request(http)
      .post('/committees')
      .set('Idempotency-Key', key)
      .send({ name: `离退休干部党委${key}`, kind: 'committee', occurredAt })
      .expect(201);
    const log = await request(http).get('/audit/events?type=PartyCommitteeEstablished').expect(200);
    const entries = (log.body.items as AuditEntry[]).filter((item) => item.committeeId === created.body.id);
    expect(entries).toHaveLength(1);
    return entries[0] as AuditEntry;
  };

  it('puts 00:30 in Beijing on the Beijing date, the same instant kept', async () => {
    const entry = await establish('after-midnight', '2022-09-01T00:30:00+08:00');
    expect(entry.occurredOn).toBe('2022-09-01');
    expect(new Date(entry.occurredAt).toISOString()).toBe('2022-08-31T16:30:00.000Z');
    expect(entry.occurredAt).toBe('2022-09-01T00:30:00.000+08:00');
  });

  it('judges an act at 07:00 Beijing time on 2022-10-22 under the rules in force that day', async () => {
    const entry = await establish('rules-day-morning', '2022-10-21T23:00:00Z');
    expect(entry.occurredOn).toBe('2022-10-22');
    expect(entry.policyVersion).toBe('2022-10-22');
  });

  it('keeps a calendar date as the day given, and the previous evening under the earlier rules', async () => {
    expect(await establish('date-only', '2022-10-22')).toMatchObject({
      occurredOn: '2022-10-22',
      policyVersion: '2022-10-22',
    });
    expect(await establish('evening-before', '2022-10-21T23:59:00+08:00')).toMatchObject({
      occurredOn: '2022-10-21',
      policyVersion: '2018-10-28',
    });
  });
});
