/** Where the store reads the time for `recordedAt`; injected so tests and benchmarks can pin it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
