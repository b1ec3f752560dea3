import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { zhDate } from '@app/domain';
import type { CliCommand } from '../cli-context';
import { MintingRefused } from '../development-token';
import {
  apiUrl,
  cliLanguage,
  developmentToken,
  givenToken,
  parseArgs,
  UsageError,
  type ParsedArgs,
} from '../demo/api-access';
import { ExitCode } from '../exit-codes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HELP = [
  'Usage: branchflow import FILE [--apply] [--as-of DATE] [--url URL] [--token TOKEN]',
  '',
  "Imports the bureau's workbook (.xlsx with sheets 党委, 支部, 党员, 委员会任职, or a UTF-8 CSV of one",
  'sheet) through POST /imports, and prints the report in Chinese: every row and cell that cannot be',
  'taken (sheet, row, column, value, why) and what is recorded. Without --apply it is a dry run and',
  'records nothing. The same workbook imported again records nothing; an apply cut short is completed',
  'by running it again. The template: GET /imports/template.',
  '',
  'Options:',
  '  --apply        record it (only when the dry run finds no problem)',
  '  --as-of DATE   the business date of what is recorded (YYYY-MM-DD; default today)',
  '  --url URL      the API (default http://127.0.0.1:$PORT; PORT defaults to 3000)',
  '  --token TOKEN  an administrator token (default: BRANCHFLOW_TOKEN, else one minted with',
  '                 BRANCHFLOW_JWT_SECRET or the development secret; development only)',
  '',
  'Exit codes: 0 done (no problem); 1 problems found, the API refused or could not be reached; 2 bad usage.',
].join('\n');

interface Report {
  readonly digest: string;
  readonly asOf: string;
  readonly applied: boolean;
  readonly sheets: readonly { name: string; kind: string; rows: number }[];
  readonly problemCount: number;
  readonly problems: readonly {
    sheet: string;
    row: number | null;
    column: string | null;
    value: string | null;
    message: string;
  }[];
  readonly summary: readonly { action: string; count: number }[];
  readonly plannedEvents: number;
  readonly appendedEvents: number;
  readonly notes: readonly string[];
}

/** The report as the clerk reads it. */
export function renderImportReport(file: string, report: Report): string[] {
  const lines = [
    `工作簿 ${file}（摘要 ${report.digest.slice(0, 12)}），记载日期 ${zhDate(report.asOf)}`,
    `工作表：${report.sheets.map((s) => (s.kind === 'ignored' ? `${s.name}（未读取）` : `${s.name} ${s.rows} 行`)).join('，')}`,
  ];
  if (report.problemCount > 0) {
    lines.push(`发现 ${report.problemCount} 处问题，${report.applied ? '' : '改正前'}不会记载任何内容：`);
    for (const p of report.problems) {
      const where = [p.sheet, p.row === null ? null : `第 ${p.row} 行`, p.column === null ? null : `“${p.column}”列`]
        .filter(Boolean)
        .join(' ');
      lines.push(`  ${where}${p.value === null ? '' : `（${p.value}）`}：${p.message}`);
    }
    if (report.problems.length < report.problemCount)
      lines.push(`  ……另有 ${report.problemCount - report.problems.length} 处`);
  }
  const verb = report.applied ? '已记载' : '将记载';
  if (report.summary.length === 0) lines.push('与系统记载一致，无需记载任何内容。');
  else lines.push(`${verb}：${report.summary.map((s) => `${s.action} ${s.count.toLocaleString('en-US')}`).join('，')}`);
  lines.push(
    report.applied
      ? `追加事件 ${report.appendedEvents.toLocaleString('en-US')} 个。`
      : `试导入：将追加事件 ${report.plannedEvents.toLocaleString('en-US')} 个，本次未记载任何内容${report.problemCount === 0 ? '（加 --apply 记载）' : ''}。`,
  );
  for (const note of report.notes) lines.push(`说明：${note}`);
  return lines;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: "import the bureau's workbook (.xlsx or CSV): a dry run, or --apply to record it",
  help: HELP,
  async run(args, { config, out, err }) {
    let parsed: ParsedArgs;
    let url: string;
    let file: string;
    try {
      parsed = parseArgs(args, { values: ['--url', '--token', '--as-of'], flags: ['--apply'] });
      url = apiUrl(parsed, config);
      if (parsed.positionals.length !== 1) throw new UsageError('Give exactly one FILE.');
      file = parsed.positionals[0] as string;
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`No file ${file}.`);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      err(`${error.message}\n\n${HELP}`);
      return ExitCode.usage;
    }
    let token: string;
    try {
      token = givenToken(parsed, process.env) ?? (await developmentToken(config, 'admin', '运维命令行（导入）'));
    } catch (error) {
      if (!(error instanceof MintingRefused)) throw error;
      err(`No token: pass --token TOKEN (or set BRANCHFLOW_TOKEN) with an administrator token. ${error.message}`);
      return ExitCode.failed;
    }
    const apply = parsed.flags.has('--apply');
    const asOf = parsed.values.get('--as-of');
    const query = new URLSearchParams({ ...(apply ? { apply: 'true' } : {}), ...(asOf ? { asOf } : {}) });
    const headers = {
      Authorization: `Bearer ${token}`,
      'Accept-Language': cliLanguage(process.env, config),
    };
    const type = extname(file).toLowerCase() === '.csv' ? 'text/csv' : XLSX;
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        if (!polling) return;
        try {
          const answer = await fetch(`${url}/imports/progress`, { headers });
          const body = (await answer.json()) as {
            items?: { running: boolean; appendedEvents: number; plannedEvents: number }[];
          };
          const progress = body.items?.[0];
          if (progress?.running && progress.plannedEvents > 0) {
            err(
              `已记载 ${progress.appendedEvents.toLocaleString('en-US')} / ${progress.plannedEvents.toLocaleString('en-US')} 个事件`,
            );
          }
        } catch {
          // Progress is a courtesy; the import's own answer says how it ended.
        }
      }
    };
    const progress = apply ? poll() : Promise.resolve();
    try {
      const send = (ask: URLSearchParams) =>
        fetch(`${url}/imports?${ask.toString()}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': type },
          body: readFileSync(file),
        });
      let answer: Response;
      try {
        answer = await send(query);
        // Refused for its problems: the dry run lists them.
        if (answer.status === 422) {
          query.delete('apply');
          answer = await send(query);
        }
      } catch (error) {
        err(
          `No branchflow API answers at ${url} (${(error as Error).message}).\nStart the API with \`npm start\` (or pass --url of one that runs), then try again.`,
        );
        return ExitCode.failed;
      }
      const body = (await answer.json()) as Report & { detail?: string; code?: string };
      if (!answer.ok) {
        err(`${body.code ?? answer.status}: ${body.detail ?? ''}`);
        return ExitCode.failed;
      }
      for (const line of renderImportReport(basename(file), body)) out(line);
      return body.problemCount === 0 ? ExitCode.ok : ExitCode.failed;
    } finally {
      polling = false;
      await progress;
    }
  },
};
