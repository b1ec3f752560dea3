import { loadConfig } from '../config/load-config';
import { electionTimerSettings } from './election-timer.scheduler';

describe('election timer settings', () => {
  it('ticks every 15 minutes by default, as configured, or never (0)', () => {
    expect(electionTimerSettings(loadConfig({})).intervalMs).toBe(15 * 60_000);
    expect(electionTimerSettings(loadConfig({ BRANCHFLOW_ELECTION_TIMER_MINUTES: '5' })).intervalMs).toBe(5 * 60_000);
    expect(electionTimerSettings(loadConfig({ BRANCHFLOW_ELECTION_TIMER_MINUTES: '0' })).intervalMs).toBe(0);
  });

  it('refuses a value that is not a whole number of minutes up to a day', () => {
    for (const value of ['-1', 'soon', '1.5', '1441']) {
      expect(() => loadConfig({ BRANCHFLOW_ELECTION_TIMER_MINUTES: value })).toThrow(
        'BRANCHFLOW_ELECTION_TIMER_MINUTES must be an integer between 0 and 1440',
      );
    }
  });

  it('reads the injected clock', () => {
    const now = new Date('2028-03-21T00:00:00.000Z');
    expect(electionTimerSettings(loadConfig({}), () => now).clock()).toBe(now);
  });
});
