import { describeEvent, EVENT_DESCRIPTIONS, genericDescription } from './event-descriptions';
import { names, SAMPLES } from './event-samples.fixture';

const CJK = /[\u4e00-\u9fff]/;

describe('event descriptions', () => {
  it.each(Object.entries(SAMPLES))('%s has its own line in Chinese and in English', (type, data) => {
    expect(Object.keys(EVENT_DESCRIPTIONS)).toContain(type);
    const description = describeEvent(type, data as Record<string, unknown>, names, 'x-1');
    const generic = genericDescription(type, 'x-1');
    expect(description.zh).not.toBe(generic.zh);
    expect(description.en).not.toBe(generic.en);
    expect(description.zh).toMatch(CJK);
    expect(description.en).toMatch(/^[A-Z\u4e00-\u9fff]/);
    for (const line of [description.zh, description.en]) {
      expect(line).not.toMatch(/undefined|null|\[object|NaN/);
      expect(line).not.toContain('\n');
    }
  });

  it('describes every type the catalogue has a sample for, and nothing else', () => {
    expect(Object.keys(EVENT_DESCRIPTIONS).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it('names a transfer by the member and both branches', () => {
    expect(describeEvent('MemberTransferred', SAMPLES.MemberTransferred, names)).toEqual({
      zh: '党员李全爱的组织关系由永盛社区离退休干部党支部转入永安社区离退休干部党支部',
      en: 'Member 李全爱 transferred from 永盛社区离退休干部党支部 to 永安社区离退休干部党支部',
    });
  });

  it('gives an unknown type a generic line naming the type, and falls back to ids for unknown names', () => {
    expect(describeEvent('VisitRecorded', { electionId: 'e1' }, names, 'visit-e1')).toEqual({
      zh: '记录事件 VisitRecorded（visit-e1）',
      en: 'Event VisitRecorded recorded on visit-e1',
    });
    expect(describeEvent('MemberConfirmed', { memberId: 'm9', branchId: 'b9' }, names).zh).toBe(
      '预备党员m9转为正式党员',
    );
  });

  it('names an election by its branch, and a reassignment by both working groups', () => {
    expect(describeEvent('ElectionRequestApproved', SAMPLES.ElectionRequestApproved, names)).toEqual({
      zh: '上级党组织批复永盛社区离退休干部党支部换届请示（孝离党字〔2023〕5号），批复于2023年6月18日失效',
      en: 'Election of 永盛社区离退休干部党支部: request approved (孝离党字〔2023〕5号), approval lapses on 2023-06-18',
    });
    expect(describeEvent('ElectionCancelled', { ...SAMPLES.ElectionCancelled, electionId: 'e9' }, names).zh).toBe(
      '选举e9取消换届选举（原因：支部撤并）',
    );
    expect(describeEvent('BranchAssignedToWorkingGroup', SAMPLES.BranchAssignedToWorkingGroup, names)).toEqual({
      zh: '永盛社区离退休干部党支部由第一包联组调整为第二包联组包联',
      en: 'Branch 永盛社区离退休干部党支部 reassigned from working group 第一包联组 to 第二包联组',
    });
  });

  it('falls back to the generic line when old data lacks a field a describer needs', () => {
    expect(describeEvent('PostAssigned', { branchId: 'b1' }, names, 'branch-b1')).toEqual(
      genericDescription('PostAssigned', 'branch-b1'),
    );
  });
});
