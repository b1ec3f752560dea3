import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRuntime, Commands } from '../restructuring.fixture';

it('dbg', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbg-'));
  const rt = await openRuntime(dir, { synchronous: 'FULL' });
  const c = new Commands(rt, 'x');
  let t = Date.now();
  await c.committee({ type: 'EstablishPartyCommittee', data: { committeeId: 'c', name: 'C', kind: 'committee' } }, '2022-12-01');
  await c.branch({ type: 'EstablishBranch', data: { branchId: 'b', name: 'B', parentCommitteeId: 'c', joint: false } }, '2022-12-01');
  for (let i = 0; i < 200; i++) await c.member({ type: 'AdmitMember', data: { memberId: `m${i}`, name: 'n', birthDate: '1950-01-01', sex: 'male', joinedPartyOn: '1970-01-01', formerPostLevel: 'x', membership: 'full', branchId: 'b' } }, '2022-12-01');
  console.log('admit 200', Date.now() - t, await rt.store.headPosition(), rt.db.prepare('select * from projection_generations').all());
  t = Date.now();
  const r = await rt.facts.roll().catch((e) => String(e));
  console.log('roll', Date.now() - t, Array.isArray(r) ? r.length : r, rt.db.prepare('select * from projection_generations').all());
  await rt.close();
}, 60000);
