import request from 'supertest';
import type { App } from 'supertest/types';
import { mintToken } from '@app/application';
import { bootApi, type BootedApi } from '../api/boot-api';
import { tokenFor } from '../api/tokens';
import { rawBytes } from '../audit/read-model-fixtures';
import { OrganisationFixtures } from '../organisation/organisation-http-fixtures';

/**
 * Names are human text, so a member may be admitted as `=1+2`, `-张三` or `@某`; every CSV the API
 * writes must then show those as text, never hand them to a spreadsheet as formulas (OWASP CSV
 * injection: a single quote in front, the cell in double quotes). JSON answers keep them as they are.
 */
describe('CSV exports that a spreadsheet opens safely', () => {
  let api: BootedApi;
  let http: App;
  let branchId: string;
  const names = ['=1+2', '-张三', '@某', '+李四'];
  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
    const fixtures = new OrganisationFixtures(http);
    branchId = await fixtures.branch(await fixtures.committee());
    for (const name of names) await fixtures.member(branchId, { name });
  });
  afterAll(() => api.close());

  /** The CSV body as text, without its byte order mark. */
  const csvText = async (path: string, authorization?: string): Promise<string> => {
    const call = request(http).get(path);
    if (authorization) void call.set('Authorization', authorization);
    const response = await call.buffer(true).parse(rawBytes).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    return (response.body as Buffer).subarray(3).toString('utf8');
  };
  const lineOf = (csv: string, cell: string) => csv.split('\r\n').find((line) => line.includes(cell));

  it('admits the names as they are and answers them unchanged in JSON', async () => {
    const roll = await request(http).get(`/reports/members?branchId=${branchId}`).expect(200);
    expect((roll.body.items as { name: string }[]).map((m) => m.name).sort()).toEqual([...names].sort());
  });

  it('exports the roll with each such name as text, for auditors and reporting jobs alike', async () => {
    const reporter = `Bearer ${await tokenFor(api.config, 'reporter')}`;
    for (const authorization of [undefined, reporter]) {
      const csv = await csvText(`/reports/members?branchId=${branchId}&format=csv`, authorization);
      for (const name of names) {
        const line = lineOf(csv, name);
        expect(line).toContain(`,"'${name}",`);
        // Nowhere in the line does the name stand bare at the start of a cell.
        expect(line?.split(',')).not.toContain(name);
      }
    }
  });

  it('exports the audit log and the branch report the same way: an actor named by a token, a branch renamed', async () => {
    // Whatever an identity provider puts in a token's name ends up in the audit log's actor column.
    const actor = '=HYPERLINK("http://x.example","点击")';
    const admin = `Bearer ${await mintToken(api.config.auth, { subject: 'odd-admin', name: actor, role: 'admin' })}`;
    await request(http)
      .post(`/branches/${branchId}/rename`)
      .set('Authorization', admin)
      .send({ name: '-某社区离退休干部党支部', occurredAt: '2023-03-01' })
      .expect(200);

    const audit = await csvText(`/audit/events?branchId=${branchId}&format=csv`);
    expect(lineOf(audit, 'odd-admin')).toContain(`,"'=HYPERLINK(""http://x.example"",""点击"")",`);
    const branches = await csvText(`/reports/branches?format=csv`);
    expect(lineOf(branches, '某社区离退休干部党支部')).toContain(`,"'-某社区离退休干部党支部",`);
  });
});
