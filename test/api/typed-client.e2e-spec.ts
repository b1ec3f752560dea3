import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { bootApi, type BootedApi } from './boot-api';

/** Runs a node script with no standard input (the generator reads it when it is a pipe). */
function runNode(
  args: readonly string[],
  cwd: string,
): Promise<{ readonly code: number | null; readonly output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, output }));
  });
}
const ROOT = resolve(__dirname, '../..');
const bin = (path: string) => join(ROOT, 'node_modules', path);

/**
 * A client reads the three answers the console is built on, with no cast: the election's status
 * (an enum: a value outside it does not compile) and whether its first next action is allowed,
 * a branch's name in the organisation tree, and a branch's posts.
 */
const CLIENT = `
import createClient from 'openapi-fetch';
import type { paths } from './schema';

const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' });

export async function read(electionId: string, branchId: string): Promise<string[]> {
  const election = await client.GET('/elections/{electionId}', { params: { path: { electionId }, query: {} } });
  const tree = await client.GET('/org/tree', { params: { query: { asOf: '2023-06-30' } } });
  const branch = await client.GET('/branches/{branchId}', { params: { path: { branchId } } });
  if (!election.data || !tree.data || !branch.data) return [];

  type Status = typeof election.data.state.status;
  const status: Status = election.data.state.status;
  const installed: Status = 'installed';
  // @ts-expect-error: the status is an enum, not any string
  const nonsense: Status = 'nonsense';
  const allowed: boolean | undefined = election.data.nextActions[0]?.allowed;
  const name: string | undefined = tree.data.committees[0]?.branches[0]?.name;
  const posts = branch.data.posts ?? [];
  const holders: string[] = posts.map((post) => \`\${post.kind}: \${post.holder.name}\`);
  return [status, installed, nonsense, String(allowed), name ?? '', ...holders];
}
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: 'ES2022',
    module: 'ES2022',
    moduleResolution: 'bundler',
    skipLibCheck: true,
    types: [],
    // The generated client lives in a temporary folder; its one dependency comes from ours.
    paths: { 'openapi-fetch': [bin('openapi-fetch')] },
  },
  files: ['client.ts'],
};

interface Compiled {
  readonly ok: boolean;
  readonly output: string;
}

/** Generates `schema.d.ts` from a document with openapi-typescript, then type-checks the client. */
async function generateAndCheck(dir: string, document: unknown): Promise<Compiled> {
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  writeFileSync(join(dir, 'client.ts'), CLIENT);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  const generated = await runNode([bin('openapi-typescript/bin/cli.js'), 'openapi.json', '-o', 'schema.d.ts'], dir);
  if (generated.code !== 0) throw new Error(`openapi-typescript failed: ${generated.output}`);
  const checked = await runNode([bin('typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
  return { ok: checked.code === 0, output: checked.output };
}

describe('a typed client built from the served document', () => {
  let api: BootedApi;
  let document: { paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>> };
  let dir: string;

  beforeAll(async () => {
    api = await bootApi();
    document = (
      await request(api.app.getHttpServer() as App)
        .get('/openapi.json')
        .expect(200)
    ).body as typeof document;
    dir = mkdtempSync(join(tmpdir(), 'branchflow-client-'));
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  it('reads the election status and next actions, the tree and a branch’s posts without a cast', async () => {
    const compiled = await generateAndCheck(dir, document);
    expect(compiled.output).toBe('');
    expect(compiled.ok).toBe(true);
  }, 60_000);

  it.each([
    ['/elections/{electionId}', 'state.status'],
    ['/org/tree', 'committees'],
    ['/branches/{branchId}', 'posts'],
  ])(
    'no longer compiles once %s declares no response schema (%s)',
    async (path) => {
      const stripped = structuredClone(document);
      const answer = stripped.paths[path]?.get?.responses['200'];
      expect(answer?.content).toBeDefined();
      delete answer?.content;
      const compiled = await generateAndCheck(dir, stripped);
      expect(compiled.ok).toBe(false);
      expect(compiled.output).toMatch(/client\.ts\(\d+,\d+\): error TS/);
    },
    60_000,
  );
});
