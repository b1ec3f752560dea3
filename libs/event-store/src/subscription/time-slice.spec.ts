import { watchEventLoop } from './event-loop-watch.fixture';
import { pauseIfBusy, sliceLeft, SLICE_MS } from './time-slice';

/** Busy work of about `ms` milliseconds on the one thread. */
function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

async function loop(units: number, unitMs: number, onUnit: () => void = () => undefined): Promise<void> {
  for (let i = 0; i < units; i += 1) {
    const pause = pauseIfBusy();
    if (pause) await pause;
    spin(unitMs);
    onUnit();
  }
}

describe('time slicing', () => {
  it('answers without a promise while the slice has time left', async () => {
    await (pauseIfBusy() ?? Promise.resolve());
    expect(sliceLeft()).toBeGreaterThan(0);
    expect(pauseIfBusy()).toBeUndefined();
  });

  it('lets timers run between units of long work', async () => {
    const watched = await watchEventLoop(() => loop(100, 2));
    expect(watched.ticks).toBeGreaterThan(5);
    // A slice plus one unit, with a generous margin for a loaded machine.
    expect(watched.longestGapMs).toBeLessThan(SLICE_MS + 2 + 100);
  });

  it('shares one slice per turn among all the long work running at once', async () => {
    // Four loops of 1 ms units: if each had its own slice a turn could hold ~40 ms of work.
    const perTurn: number[] = [];
    let inThisTurn = 0;
    const counter = setInterval(() => {
      perTurn.push(inThisTurn);
      inThisTurn = 0;
    }, 0);
    try {
      await Promise.all(Array.from({ length: 4 }, () => loop(60, 1, () => (inThisTurn += 1))));
    } finally {
      clearInterval(counter);
    }
    // Units between two runs of the timer: about one slice's worth (SLICE_MS units of 1 ms, plus
    // the one that overshoots), never the four slices separate budgets would allow.
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(SLICE_MS + 4);
  });
});
