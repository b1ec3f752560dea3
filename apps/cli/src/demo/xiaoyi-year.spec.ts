import { ageOn } from '@app/read-models';
import { COMMUNITY_MEMBER_TOTAL, DEMO_SEED, generateXiaoyiYear } from './xiaoyi-year';

describe('the generated Xiaoyi year', () => {
  const year = generateXiaoyiYear();

  it('is the same on every run from the fixed seed, and differs with another seed', () => {
    expect(JSON.stringify(generateXiaoyiYear(DEMO_SEED))).toBe(JSON.stringify(year));
    expect(generateXiaoyiYear(DEMO_SEED + 1).members[10]?.name).not.toBe(undefined);
    expect(JSON.stringify(generateXiaoyiYear(DEMO_SEED + 1).members)).not.toBe(JSON.stringify(year.members));
  });

  it('has 25 community branches at the start (永安 not among them) plus 老体协, 扶贫基金会 and 高阳镇', () => {
    const atStart = year.branches.filter((b) => b.existsAtStart);
    expect(atStart.filter((b) => b.kind === 'community')).toHaveLength(25);
    expect(atStart.map((b) => b.shortName)).toEqual(
      expect.arrayContaining(['府东', '府中', '府西', '留义', '永盛', '三皇', '离柳']),
    );
    expect(atStart.map((b) => b.shortName)).not.toContain('永安');
    expect(atStart.filter((b) => b.kind !== 'community').map((b) => b.shortName)).toEqual([
      '老体协',
      '扶贫基金会',
      '高阳镇',
    ]);
    expect(year.merges.map((m) => m.sourceKey)).toEqual(expect.arrayContaining(['yongsheng', 'sanhuang']));
    expect(year.merges).toHaveLength(4);
    expect(year.redraw.newBranchKey).toBe('yongan');
  });

  it('puts 1,243 members on the community branches, with unique ids and plausible ages', () => {
    const community = new Set(year.branches.filter((b) => b.kind === 'community').map((b) => b.key));
    expect(year.members.filter((m) => community.has(m.branchKey))).toHaveLength(COMMUNITY_MEMBER_TOTAL);
    expect(new Set(year.members.map((m) => m.memberId)).size).toBe(year.members.length);
    for (const member of year.members) {
      expect(member.birthDate >= '1936-01-01' && member.birthDate <= '1966-12-31').toBe(true);
      expect(member.joinedPartyOn > member.birthDate).toBe(true);
      expect(member.name).toMatch(/^\p{Script=Han}{2,3}$/u);
    }
    expect(year.members.filter((m) => m.membership === 'probationary').length).toBeGreaterThan(0);
    expect(year.members.filter((m) => m.suspension !== null).length).toBeGreaterThan(0);
  });

  it('elects 李全爱 and 武雅君, and the youngest secretary is 56 on the election day', () => {
    const names = year.elections.map((e) => year.members.find((m) => m.memberId === e.secretary)?.name);
    expect(names).toEqual(expect.arrayContaining(['李全爱', '武雅君']));
    expect(year.youngestSecretary.age).toBe(56);
    for (const election of year.elections) {
      const secretary = year.members.find((m) => m.memberId === election.secretary)!;
      if (secretary.memberId !== year.youngestSecretary.memberId) {
        expect(ageOn(secretary.birthDate, '2022-12-31')).toBeGreaterThan(56);
        expect(ageOn(secretary.birthDate, election.dates.assembly)).toBeGreaterThan(56);
      }
    }
    expect(
      year.elections.filter(
        (e) => e.branchKey !== 'laotixie' && e.branchKey !== 'fupinjijinhui' && e.branchKey !== 'gaoyang',
      ),
    ).toHaveLength(22);
    expect(year.elections).toHaveLength(25);
  });
});
