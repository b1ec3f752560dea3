import type { Heartbeat } from '@app/application';
import { judgeHeartbeat } from './worker-health-check';

const beatAt = new Date('2026-12-07T08:00:00.000Z');
const beat = (overrides: Partial<Heartbeat> = {}): Heartbeat => ({
  pid: 42,
  host: 'worker-1',
  state: 'running',
  startedAt: beatAt.toISOString(),
  beatAt: beatAt.toISOString(),
  workers: [{ name: 'organisation-now', kind: 'projection', state: 'live', position: 7, error: null }],
  ...overrides,
});
const after = (ms: number) => new Date(beatAt.getTime() + ms);

describe("the worker's healthcheck verdict", () => {
  it('healthy while a fresh beat says the workers run', () => {
    expect(judgeHeartbeat(beat(), after(2000))).toEqual({
      healthy: true,
      message: 'ok: process 42 on worker-1 runs the workers (1 of 1 live)',
    });
  });

  it.each<[string, Heartbeat | null, number, string]>([
    ['no beat yet', null, 0, 'no process has run the workers'],
    ['stopped', beat({ state: 'stopped' }), 0, 'the workers stopped: process 42 on worker-1'],
    ['a stale beat', beat(), 11_000, 'last reported 11 s ago: gone or stuck'],
    [
      'a failed projection',
      beat({ workers: [{ name: 'audit', kind: 'projection', state: 'failed', position: 3, error: 'bad event' }] }),
      0,
      'stopped on an event it could not handle: audit (bad event)',
    ],
  ])('unhealthy with %s', (_, heartbeat, age, message) => {
    const verdict = judgeHeartbeat(heartbeat, after(age));
    expect(verdict.healthy).toBe(false);
    expect(verdict.message).toContain(message);
  });
});
