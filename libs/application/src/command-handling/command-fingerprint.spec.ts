import { commandFingerprint, type FingerprintedCommand } from './command-fingerprint';

describe('commandFingerprint', () => {
  const admit: FingerprintedCommand = {
    stream: 'member-m1',
    type: 'AdmitMember',
    data: { memberId: 'm1', branchId: 'b1', person: { name: '张三', sex: 'male' } },
    occurredAt: '2023-03-01T00:00:00.000Z',
  };

  it('is the same for the same command, whatever the order of its keys', () => {
    const reordered = { ...admit, data: { person: { sex: 'male', name: '张三' }, branchId: 'b1', memberId: 'm1' } };
    expect(commandFingerprint(reordered)).toBe(commandFingerprint(admit));
    expect(commandFingerprint(admit)).toMatch(/^v1:[0-9a-f]{64}$/);
  });

  it('leaves out the facts a handler looked up, which may have changed by the time a retry arrives', () => {
    const withFacts = { ...admit, data: { ...admit.data, context: { branchStatus: 'open' } } };
    const laterFacts = { ...admit, data: { ...admit.data, context: { branchStatus: 'dissolved' } } };
    expect(commandFingerprint(withFacts)).toBe(commandFingerprint(admit));
    expect(commandFingerprint(laterFacts)).toBe(commandFingerprint(admit));
  });

  it('leaves out a business time that was not stated (a default differs on every retry)', () => {
    const defaulted = { ...admit, occurredAt: undefined };
    expect(commandFingerprint(defaulted)).not.toBe(commandFingerprint(admit));
    expect(commandFingerprint({ ...defaulted })).toBe(commandFingerprint(defaulted));
  });

  it.each<[string, Partial<FingerprintedCommand>]>([
    ['another stream', { stream: 'member-m2' }],
    ['another type', { type: 'CorrectMemberData' }],
    ['another value in the data', { data: { ...admit.data, branchId: 'b2' } }],
    ['a nested value', { data: { ...admit.data, person: { name: '=1+2', sex: 'male' } } }],
    ['another stated business time', { occurredAt: '2023-03-02T00:00:00.000Z' }],
  ])('differs for %s', (_, change) => {
    expect(commandFingerprint({ ...admit, ...change })).not.toBe(commandFingerprint(admit));
  });
});
