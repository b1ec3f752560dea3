import { Worker } from 'node:worker_threads';

/**
 * The probes run on their own thread with their own event loop: a probe sent from the API's
 * thread would be sent late whenever that thread is busy, and a frozen server would look fast
 * (coordinated omission). Each path is asked every `everyMs` whether or not the previous answer
 * came, and the latency is measured from the moment it was due.
 */
const PROBE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, probes } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const samples = [];
const inFlight = new Set();
const ask = (path) => {
  const started = performance.now();
  const sent = new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        samples.push({ path, status: res.statusCode, ms: performance.now() - started });
        resolve();
      });
    });
    req.on('error', (error) => {
      samples.push({ path, status: 0, ms: performance.now() - started, error: String(error) });
      resolve();
    });
    req.end();
  });
  inFlight.add(sent);
  sent.finally(() => inFlight.delete(sent));
};
const timers = probes.map(({ path, everyMs }) => setInterval(() => ask(path), everyMs));
parentPort.on('message', async () => {
  timers.forEach(clearInterval);
  await Promise.all([...inFlight]);
  agent.destroy();
  parentPort.postMessage(samples);
});
`;

export interface ProbeSample {
  readonly path: string;
  readonly status: number;
  readonly ms: number;
}

export interface ProbeThread {
  /** Stops probing, waits for the answers still due, and returns every sample. */
  stop(): Promise<ProbeSample[]>;
}

export interface Probe {
  readonly path: string;
  readonly everyMs: number;
}

export function probeOnOwnThread(port: number, probes: readonly Probe[]): ProbeThread {
  const worker = new Worker(PROBE_SOURCE, { eval: true, workerData: { port, probes } });
  return {
    async stop() {
      const samples = new Promise<ProbeSample[]>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      worker.postMessage('stop');
      const result = await samples;
      await worker.terminate();
      return result;
    },
  };
}

/** The p-th percentile (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
