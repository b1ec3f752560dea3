import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The README's "A five-minute tour", run as a new user would by scripts/readme-tour.sh: builds
 * the API and the CLI, starts the API on a fresh data dir, runs every command of the section and
 * checks what each prints. Set BRANCHFLOW_SKIP_README_TOUR=1 to leave it to a separate CI step.
 */
const skip = process.env.BRANCHFLOW_SKIP_README_TOUR === '1';

(skip ? describe.skip : describe)('the README tour', () => {
  it('runs every command of "A five-minute tour" and each prints what the README says', async () => {
    const root = join(__dirname, '../..');
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('bash', [join(root, 'scripts/readme-tour.sh')], {
        cwd: root,
        env: { ...process.env, TOUR_PORT: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.on('close', (exitCode) => resolve({ code: exitCode, output }));
    });
    if (code !== 0) throw new Error(`scripts/readme-tour.sh exited ${String(code)}:\n${output.slice(-4000)}`);
    expect(output).toMatch(/== README tour: all \d+ steps passed/);
  }, 420_000);
});
