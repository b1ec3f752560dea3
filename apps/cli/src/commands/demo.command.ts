import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliCommand } from '../cli-context';
import {
  apiUrl,
  cliLanguage,
  developmentSecretNote,
  developmentToken,
  explainApiFailure,
  parseArgs,
  UsageError,
} from '../demo/api-access';
import { ApiStartFailed, ensureApi, type ApiHandle } from '../demo/embedded-api';
import { fmt, stderrSink, type ProgressSink } from '../demo/progress';
import { runDemo, type DemoOptions, type DemoReport } from '../demo/run-demo';
import { WaitTimedOut } from '../demo/script-support';
import { xiaoyiRollDate, xiaoyiWorkbook } from '../demo/xiaoyi-workbook';
import { generateXiaoyiYear } from '../demo/xiaoyi-year';
import { MintingRefused } from '../development-token';
import { ExitCode } from '../exit-codes';

export const DEMO_HELP = [
  'Usage: branchflow demo [--url URL] [--no-start] [--api-entry FILE] [--timeout SECONDS]',
  '       branchflow demo --workbook FILE',
  '',
  'Replays the Xiaoyi year (孝义, 2022) through the public HTTP API, from a fixed seed: the',
  "retired cadres' party committee, 25 community branches plus 老体协, 扶贫基金会 and 高阳镇, 1,243",
  'members on the community branches, the census of every branch, the election plan, three',
  'working groups and their 包联, 永盛, 三皇 and two more branches merged into neighbours, 永安 set',
  "up by a redraw, every branch's election to installed posts, cross-appointed vice-secretaries",
  'and party-affairs officers. Every command carries the business date it happened on.',
  '',
  'Options:',
  '  --url URL          the API to drive (default http://127.0.0.1:$PORT; PORT defaults to 3000)',
  '  --no-start         fail when no API answers, instead of starting one',
  '  --api-entry FILE   the built API to start when none answers (default dist/apps/api/src/main.js)',
  '  --timeout SECONDS  how long to wait for a process manager to finish one step (default 120)',
  '  --workbook FILE    write the Xiaoyi organisation at the start of the year (committee, branches,',
  "                     roll, the 2019 committees) as the bureau's workbook to FILE and stop; load it",
  '                     with `branchflow import FILE --apply --as-of 2022-01-07` (the same tree as the',
  '                     first phase of the replay)',
  '',
  'When no API answers at URL, the demo starts the built API in the background on that port with',
  'the same environment (so the same BRANCHFLOW_DATA_DIR and secret), and stops it at the end.',
  'Commands are signed with development tokens (an admin and an auditor) minted from',
  'BRANCHFLOW_JWT_SECRET (or the development secret); BRANCHFLOW_TOKEN is not used. Every command',
  'carries an Idempotency-Key derived from its place in the script: running the demo again',
  'appends nothing, and says so.',
  '',
  'Progress goes to stderr, the summary to stdout.',
  'Exit codes: 0 the year is recorded (now or before); 1 the API refused a step, could not be',
  'reached or started, lacks an endpoint the year needs, or its history does not verify;',
  '2 bad usage; 3 invalid configuration.',
].join('\n');

export interface DemoCommandDependencies {
  readonly sink: ProgressSink;
  readonly env: NodeJS.ProcessEnv;
  readonly run: (options: DemoOptions) => Promise<DemoReport>;
  readonly ensure: typeof ensureApi;
  readonly cwd: () => string;
}

const defaults: DemoCommandDependencies = {
  sink: stderrSink,
  env: process.env,
  run: runDemo,
  ensure: ensureApi,
  cwd: () => process.cwd(),
};

export function createDemoCommand(overrides: Partial<DemoCommandDependencies> = {}): CliCommand {
  const deps = { ...defaults, ...overrides };
  return {
    name: 'demo',
    summary: 'replay the Xiaoyi year through the HTTP API (starts the API if none runs); twice appends nothing',
    help: DEMO_HELP,
    async run(args, { config, out, err }) {
      let url: string;
      let timeoutSeconds: number;
      let parsed;
      try {
        parsed = parseArgs(args, {
          values: ['--url', '--api-entry', '--timeout', '--workbook'],
          flags: ['--no-start'],
        });
        if (parsed.positionals.length > 0) throw new UsageError(`Unexpected argument "${parsed.positionals[0]}".`);
        url = apiUrl(parsed, config);
        timeoutSeconds = Number(parsed.values.get('--timeout') ?? '120');
        if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
          throw new UsageError('--timeout must be a number of seconds between 1 and 3600.');
        }
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        err(`${error.message}\n\n${DEMO_HELP}`);
        return ExitCode.usage;
      }

      const workbook = parsed.values.get('--workbook');
      if (workbook !== undefined) {
        const year = generateXiaoyiYear();
        const file = resolve(deps.cwd(), workbook);
        writeFileSync(file, await xiaoyiWorkbook(year));
        out(`Wrote the Xiaoyi roll (${fmt(year.members.length)} members) to ${file}.`);
        out(`Load it with: npm run cli -- import ${file} --apply --as-of ${xiaoyiRollDate(year)}`);
        return ExitCode.ok;
      }

      let adminToken: string;
      let auditorToken: string;
      try {
        adminToken = await developmentToken(config, 'admin', '市委老干部局管理员（演示）');
        auditorToken = await developmentToken(config, 'auditor', '市委老干部局审计员（演示）');
      } catch (error) {
        if (!(error instanceof MintingRefused)) throw error;
        err(`The demo signs its own development tokens and cannot here: ${error.message}`);
        return ExitCode.failed;
      }
      const note = developmentSecretNote(config);

      let api: ApiHandle;
      try {
        api = await deps.ensure({
          url,
          entry: parsed.values.get('--api-entry') ?? join(deps.cwd(), 'dist/apps/api/src/main.js'),
          env: deps.env,
          start: !parsed.flags.has('--no-start'),
          log: (line) => deps.sink.write(`${line}\n`),
        });
      } catch (error) {
        if (!(error instanceof ApiStartFailed)) throw error;
        err(error.message);
        return ExitCode.failed;
      }

      try {
        if (note) deps.sink.write(`${note}\n`);
        const report = await deps.run({
          url,
          adminToken,
          auditorToken,
          sink: deps.sink,
          waitTimeoutMs: timeoutSeconds * 1000,
          language: cliLanguage(deps.env, config),
        });
        for (const line of summarise(report, url)) out(line);
        if (!report.after.verified) {
          err('The history does NOT verify: run `npm run cli -- verify` to see which stream is broken.');
          return ExitCode.failed;
        }
        if (report.skipped.length > 0) {
          err(
            `The API at ${url} lacks endpoints the year needs, so these phases were skipped: ${report.skipped.join('; ')}. ` +
              'Update and rebuild the API (`npm run build`, or restart `npm start`), then run the demo again: it resumes where it stopped.',
          );
          return ExitCode.failed;
        }
        return ExitCode.ok;
      } catch (error) {
        const explained = explainApiFailure(error, url);
        if (explained === null && !(error instanceof WaitTimedOut)) throw error;
        err(`The demo stopped: ${explained ?? (error as WaitTimedOut).message}`);
        err('Fix the cause and run the demo again: steps already recorded are replays and append nothing.');
        return ExitCode.failed;
      } finally {
        if (api.started) {
          deps.sink.write('Stopping the API the demo started…\n');
          await api.stop();
        }
      }
    },
  };
}

function summarise(report: DemoReport, url: string): string[] {
  const added = report.after.events - report.before.events;
  const { year } = report;
  const lines = [
    `The Xiaoyi year ${year.registeredOn.slice(0, 4)} is recorded at ${url} (${report.seconds.toFixed(1)} s, ${fmt(report.requests)} requests).`,
    added === 0
      ? `Nothing new: every command had been recorded before; the history still holds ${fmt(report.after.events)} events (digest ${report.after.merkleRoot.slice(0, 16)}…, unchanged).`
      : `History: ${fmt(report.before.events)} → ${fmt(report.after.events)} events (+${fmt(added)}); every hash chain ${report.after.verified ? 'verifies' : 'does NOT verify'}.`,
    '',
    'Explore it (auditor token: npm run -s cli -- token --role auditor):',
    `  npm run -s cli -- tree --as-of 2022-02-28      # 25 community branches before the merges`,
    `  npm run -s cli -- tree --as-of 2022-12-31      # 22 after, with their new secretaries`,
    `  npm run -s cli -- export statistics --format json`,
    `  open ${url}/docs`,
  ];
  return lines;
}

export const demoCommand = createDemoCommand();
