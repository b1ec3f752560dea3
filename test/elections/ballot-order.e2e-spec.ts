import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from '../api/boot-api';
import { committeeElection } from '../documents/committee-election';

/**
 * The committee ballot lists its candidates by 姓氏笔画 (Election Regulations Art 24), whatever
 * order the slate gave them in. 府前's slate (test/documents/committee-election.ts) is
 * 王秀英, 李全爱, 武雅君, 张建国; by strokes: 王 (4), then 李 and 张 (7 each, 李 beginning with
 * 横 and 张 with 折), then 武 (8). ICU's stroke collation would put 张 before 李.
 */
describe('the ballot in surname-stroke order', () => {
  let api: BootedApi;
  let http: App;

  beforeAll(async () => {
    api = await bootApi();
    http = api.app.getHttpServer();
  });
  afterAll(() => api.close());

  it('prints the committee candidates by 姓氏笔画 on the first ballot, and tallies them in that order', async () => {
    const election = await committeeElection(http, 'ballot-order');
    await election.to('slate');
    const before = await request(http).get(`/elections/${election.electionId}`).expect(200);
    const slate = before.body.state.slate.committeeCandidates.map((person: { name: string }) => person.name);
    expect(slate).toEqual(['王秀英', '李全爱', '武雅君', '张建国']);

    await election.to('assembly');
    const byStrokes = ['王秀英', '李全爱', '张建国', '武雅君'];
    const opened = await request(http).get(`/elections/${election.electionId}`).expect(200);
    const [committee] = opened.body.state.races as { round: { candidates: { name: string }[] } }[];
    expect(committee?.round.candidates.map((person) => person.name)).toEqual(byStrokes);

    await election.to('ballots');
    const counted = await request(http).get(`/elections/${election.electionId}`).expect(200);
    const [race] = counted.body.state.races as { rounds: { tallies: { personId: string }[] }[] }[];
    const nameOf = (personId: string) => election.members.find((person) => person.personId === personId)?.name;
    expect(race?.rounds[0]?.tallies.map((tally) => nameOf(tally.personId))).toEqual(byStrokes);
  });
});
