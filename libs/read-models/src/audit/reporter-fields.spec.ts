import { describeEvent, EVENT_DESCRIPTIONS, genericDescription } from './event-descriptions';
import { names, SAMPLES } from './event-samples.fixture';
import { REPORTER_FIELDS, reporterData, reporterEntry } from './reporter-fields';

type Data = Record<string, unknown>;

/**
 * The samples, with a value in every field reporters must not see where the plain sample leaves
 * it null or empty, so that withholding it is visible.
 */
const RICH: Record<string, Data> = {
  ...(SAMPLES as unknown as Record<string, Data>),
  VotingRightsSuspended: {
    ...SAMPLES.VotingRightsSuspended,
    reason: 'detention',
    until: '2025-03-01',
    documentReference: '孝监留〔2023〕5号',
  },
  VotingRightsRestored: { ...SAMPLES.VotingRightsRestored, documentReference: '孝监解〔2024〕2号' },
  MemberLeft: { ...SAMPLES.MemberLeft, note: '因病于家中去世' },
  PostVacated: { ...SAMPLES.PostVacated, note: '本人因病申请辞去书记职务' },
  CensusTaken: { ...SAMPLES.CensusTaken, notes: '一名党员被留置' },
  CommunityConsulted: { ...SAMPLES.CommunityConsulted, nominee: { personId: 'm2', name: '武雅君' } },
  MembersAssemblyConvened: {
    ...SAMPLES.MembersAssemblyConvened,
    roll: [
      { memberId: 'm1', name: '李全爱', membership: 'full', suspension: null },
      { memberId: 'm5', name: '赵德明', membership: 'full', suspension: 'detention' },
    ],
    exclusions: [{ memberId: 'm6', reason: 'servingSentence', approvalReference: '孝离党字〔2023〕11号' }],
  },
};

/** Every leaf of a value with its path (`roll[].suspension`). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((element) => leaves(element, `${path}[]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [[path, value]];
}

/** The paths of the leaves the full data has and the reporter's data does not. */
function withheldPaths(full: Data, shown: Data): string[] {
  const visible = new Set(leaves(shown).map(([path]) => path));
  return [...new Set(leaves(full).map(([path]) => path))].filter((path) => !visible.has(path)).sort();
}

describe('what reporting jobs see of each event (REPORTER_FIELDS)', () => {
  it('has a decision for every event type, and for nothing else', () => {
    const decided = Object.keys(REPORTER_FIELDS).sort();
    expect(decided).toEqual(Object.keys(EVENT_DESCRIPTIONS).sort());
    expect(decided).toEqual(Object.keys(SAMPLES).sort());
  });

  it('withholds exactly the personal fields decided on, type by type', () => {
    const withheld = Object.fromEntries(
      Object.entries(RICH)
        .map(([type, data]) => [type, withheldPaths(data, reporterData(type, data))] as const)
        .filter(([, paths]) => paths.length > 0),
    );
    expect(withheld).toEqual({
      MemberAdmitted: ['birthDate'],
      VotingRightsSuspended: ['documentReference', 'reason', 'until'],
      VotingRightsRestored: ['documentReference', 'reason'],
      MemberLeft: ['note'],
      MemberDataCorrected: ['corrections.birthDate', 'previous.birthDate', 'reason'],
      PostVacated: ['note'],
      CensusTaken: ['committeeWorking', 'notes', 'secretarySituation'],
      ElectionPostponed: ['reason'],
      ElectionBroughtForward: ['reason'],
      CandidateVetted: ['notes'],
      CommunityConsulted: ['opinion'],
      MembersAssemblyConvened: ['exclusions[].reason', 'roll[].suspension'],
      ElectionCancelled: ['reason'],
      ByElectionRequested: ['reason'],
      ByElectionHeld: ['exclusions[].reason'],
    });
  });

  it.each(Object.entries(RICH))('%s: no withheld value reaches the data or the summary', (type, data) => {
    const shown = reporterData(type, data);
    const entry = reporterEntry(type);
    const recorded = describeEvent(type, data, names);
    const rewritten = describeEvent(type, shown, names);
    // A recorded line that changes without the withheld fields depends on them: it is written again.
    if (JSON.stringify(recorded) !== JSON.stringify(rewritten)) expect(entry?.summary).toBe('visibleFields');
    const summary = entry?.summary === 'visibleFields' ? rewritten : recorded;
    expect(summary.zh).not.toBe(genericDescription(type).zh);
    for (const line of [summary.zh, summary.en]) expect(line).not.toMatch(/undefined|null|\[object|NaN|（）|\(\)/);

    const visibleText = JSON.stringify(shown);
    const secrets = leaves(data)
      .filter(([path]) => withheldPaths(data, shown).includes(path))
      .map(([, value]) => value)
      .filter((value): value is string => typeof value === 'string' && !visibleText.includes(value));
    for (const secret of secrets) {
      expect(visibleText).not.toContain(secret);
      expect(summary.zh).not.toContain(secret);
      expect(summary.en).not.toContain(secret);
    }
  });

  it('leaves out a suspension reason in both languages, and a birth-date-only correction names no field', () => {
    const suspended = reporterData('VotingRightsSuspended', RICH.VotingRightsSuspended!);
    expect(describeEvent('VotingRightsSuspended', suspended, names)).toEqual({
      zh: '党员李全爱暂停行使表决权、选举权和被选举权',
      en: 'Voting rights of member 李全爱 suspended',
    });
    const corrected = reporterData('MemberDataCorrected', {
      ...SAMPLES.MemberDataCorrected,
      previous: { birthDate: '1948-05-02' },
      corrections: { birthDate: '1948-05-01' },
    });
    expect(corrected).toEqual({ memberId: 'm1', previous: {}, corrections: {}, at: SAMPLES.MemberDataCorrected.at });
    expect(describeEvent('MemberDataCorrected', corrected, names).zh).toBe('更正党员李全爱的信息');
  });

  it('shows a departure as death or other, and writes the line again without an expulsion', () => {
    const left = (reason: string) => reporterData('MemberLeft', { ...RICH.MemberLeft!, reason });
    expect(['death', 'movedOut', 'expelled'].map((reason) => left(reason).reason)).toEqual(['death', 'other', 'other']);
    const auditors = describeEvent('MemberLeft', { ...RICH.MemberLeft!, reason: 'expelled' }, names);
    expect(auditors.zh).toContain('开除党籍');
    const reporters = describeEvent('MemberLeft', left('expelled'), names);
    expect(reporters).toEqual(describeEvent('MemberLeft', left('movedOut'), names));
    expect(reporters.zh).toBe('党员李全爱因其他原因离开，不再隶属永安社区离退休干部党支部');
    expect(reporters.en).not.toMatch(/expel/i);
    expect(describeEvent('MemberLeft', left('death'), names)).toEqual(
      describeEvent('MemberLeft', RICH.MemberLeft!, names),
    );
  });

  it('withholds a field no one has decided about, and all the data of an unknown type', () => {
    const admitted = { ...SAMPLES.MemberAdmitted, idCardNumber: '142301194805010022' };
    expect(reporterData('MemberAdmitted', admitted)).not.toHaveProperty('idCardNumber');
    expect(
      reporterData('MembersAssemblyConvened', {
        ...SAMPLES.MembersAssemblyConvened,
        roll: [{ memberId: 'm1', name: '李全爱', membership: 'full', suspension: null, phone: '13800000000' }],
      }).roll,
    ).toEqual([{ memberId: 'm1', name: '李全爱', membership: 'full' }]);
    expect(reporterData('HealthRecorded', { memberId: 'm1', diagnosis: '…' })).toEqual({});
    expect(reporterEntry('HealthRecorded')).toBeNull();
  });
});
