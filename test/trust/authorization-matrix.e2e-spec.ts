import request from 'supertest';
import type { App } from 'supertest/types';
import type { Role } from '@app/application';
import { bootApi, type BootedApi } from '../api/boot-api';
import { hostileTokens, tokenFor } from '../api/tokens';
import { readmeAccessRows, rowsFor, patternMatches, type AccessRow } from './readme-access';
import { concretePath, routeTable, type Route } from './route-table';

/**
 * Every route × every kind of caller, generated from the application's own route table, so a
 * route added tomorrow is checked tomorrow, against the README's "Who may call what" table, so
 * the table is what the API does. The one number that matters: unexpected 2xx = 0.
 */
describe('authorization matrix', () => {
  let api: BootedApi;
  let http: App;
  let routes: Route[];
  const readme: AccessRow[] = readmeAccessRows();
  const ids: { committee: string; otherCommittee: string; branch: string; otherBranch: string } = {
    committee: '',
    otherCommittee: '',
    branch: '',
    otherBranch: '',
  };

  beforeAll(async () => {
    api = await bootApi({ auth: 'explicit' });
    http = api.app.getHttpServer();
    routes = routeTable(api.app);
    const admin = `Bearer ${await tokenFor(api.config, 'admin')}`;
    const committee = async (name: string) =>
      (
        await request(http)
          .post('/committees')
          .set('Authorization', admin)
          .send({ name, kind: 'committee' })
          .expect(201)
      ).body.events[0].data.committeeId as string;
    const branch = async (name: string, parentCommitteeId: string) =>
      (
        await request(http)
          .post('/branches')
          .set('Authorization', admin)
          .send({ name, parentCommitteeId, joint: false })
          .expect(201)
      ).body.events[0].data.branchId as string;
    ids.committee = await committee('孝义市离退休干部党委');
    ids.otherCommittee = await committee('汾阳市离退休干部党委');
    ids.branch = await branch('府东社区离退休干部党支部', ids.committee);
    ids.otherBranch = await branch('汾阳某社区离退休干部党支部', ids.otherCommittee);
  });
  afterAll(() => api.close());

  /**
   * Path parameters name real things, so a role's answer is about the role, not a missing id.
   * (What a committee-scoped administrator gets on every route: committee-scope.e2e-spec.ts.)
   */
  const otherCommitteesPath = (route: Route) =>
    concretePath(route.path, (param) => {
      if (param === 'committeeId') return ids.otherCommittee;
      if (param === 'branchId') return ids.otherBranch;
      if (param === 'stream') return `branch-${ids.otherBranch}`;
      return '6f0d2e4a-1b3c-4d5e-8f90-a1b2c3d4e5f6';
    });

  const send = (route: Route, path: string, authorization?: string) => {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const call = request(http)[method](path);
    if (authorization) void call.set('Authorization', authorization);
    return route.method === 'GET' ? call : call.send({});
  };

  it('gives every route an explicit access decision', () => {
    const undecided = routes.filter((route) => route.access === undefined).map((r) => `${r.method} ${r.path}`);
    expect(undecided).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });

  it("reads the README's patterns: * is one segment, /** the path itself and anything below", () => {
    const route = (method: Route['method'], path: string) => ({ method, path });
    expect(patternMatches('GET /org/tree', route('GET', '/org/tree'))).toBe(true);
    expect(patternMatches('GET /org/tree', route('POST', '/org/tree'))).toBe(false);
    expect(patternMatches('GET /branches/*', route('GET', '/branches/:branchId'))).toBe(true);
    expect(patternMatches('GET /branches/*', route('GET', '/branches/:branchId/members'))).toBe(false);
    expect(patternMatches('POST /branches/**', route('POST', '/branches'))).toBe(true);
    expect(patternMatches('POST /branches/**', route('POST', '/branches/:branchId/posts/:postId/vacate'))).toBe(true);
    expect(patternMatches('POST /branches/**', route('POST', '/branchesX'))).toBe(false);
  });

  it('grants each route exactly the roles of the one README row that names it, and each row names a route', () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const rows = rowsFor(readme, route);
      const name = `${route.method} ${route.path}`;
      if (rows.length !== 1) {
        wrong.push(
          `${name}: in ${rows.length} rows of the README's table (${rows.map((r) => r.patterns.join(' ')).join(' | ')})`,
        );
        continue;
      }
      const row = rows[0]!;
      const granted = route.access?.kind === 'roles' ? [...route.access.roles].sort().join(',') : route.access?.kind;
      const stated = row.open ? 'public' : [...row.roles].sort().join(',');
      if (granted !== stated) wrong.push(`${name}: the code grants ${granted}, the README says ${stated}`);
    }
    for (const row of readme) {
      for (const pattern of row.patterns) {
        if (!routes.some((route) => patternMatches(pattern, route)))
          wrong.push(`README pattern ${pattern} names no route`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every non-public route without a valid token (401), and lets the right roles through', async () => {
    const hostile = await hostileTokens(api.config);
    const roles: Role[] = ['admin', 'auditor', 'reporter'];
    const roleTokens = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, `Bearer ${await tokenFor(api.config, role)}`] as const)),
    );
    const unexpected: string[] = [];
    const wrongStatus: string[] = [];
    let checked = 0;
    for (const route of routes) {
      // What the README says, not what the decorator says: the table is the promise being checked.
      const [row] = rowsFor(readme, route);
      if (!row) {
        wrongStatus.push(`${route.method} ${route.path}: not in the README's table`);
        continue;
      }
      const path = otherCommitteesPath(route);
      const expectations: [string, string | undefined, (status: number) => boolean][] = [];
      if (row.open) {
        // A public read answers anyone; a public write (the development sign-in) is never
        // refused for want of a token, though the empty body it is sent here answers 400.
        expectations.push([
          'no token',
          undefined,
          route.method === 'GET' ? (s) => s < 400 : (s) => s !== 401 && s !== 403,
        ]);
      } else {
        expectations.push(['no token', undefined, (s) => s === 401]);
        for (const [name, token] of Object.entries(hostile)) {
          expectations.push([name, `Bearer ${token}`, (s) => s === 401]);
        }
        for (const role of roles) {
          const allowed = row.roles.includes(role);
          expectations.push([role, roleTokens[role], allowed ? (s) => s !== 401 && s !== 403 : (s) => s === 403]);
        }
      }
      for (const [caller, authorization, ok] of expectations) {
        const response = await send(route, path, authorization);
        checked += 1;
        const label = `${route.method} ${route.path} as ${caller}: ${response.status}`;
        if (!ok(response.status)) {
          wrongStatus.push(label);
          if (response.status >= 200 && response.status < 300) unexpected.push(label);
        }
        if (response.status >= 400) expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    // Printed so a reader of the CI log sees the size of the matrix.
    console.log(
      `authorization matrix: ${routes.length} routes, ${checked} requests, ${unexpected.length} unexpected 2xx`,
    );
    expect(unexpected).toEqual([]);
    expect(wrongStatus).toEqual([]);
  }, 120_000);

  it('lets a committee-scoped administrator work on their own branch', async () => {
    const scopedAdmin = `Bearer ${await tokenFor(api.config, 'admin', ids.committee)}`;
    await request(http)
      .post(`/branches/${ids.branch}/rename`)
      .set('Authorization', scopedAdmin)
      .send({ name: '府东社区第一党支部' })
      .expect(200);
    await request(http)
      .post(`/branches/${ids.otherBranch}/rename`)
      .set('Authorization', scopedAdmin)
      .send({ name: '不属于我' })
      .expect(404);
  });
});
