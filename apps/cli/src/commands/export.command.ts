import { writeFileSync } from 'node:fs';
import { UTF8_BOM, XLSX_CONTENT_TYPE } from '@app/read-models';
import type { CliCommand } from '../cli-context';
import { UsageError } from '../demo/api-access';
import type { ApiClient } from '../demo/http-client';
import { fmt } from '../demo/progress';
import { READ_EXIT_CODES, READ_OPTIONS_HELP, requireDate, runReadCommand } from '../demo/read-command';
import { ExitCode } from '../exit-codes';

/** Each report: the API route and its page size (null: not paged). */
const REPORTS: Readonly<Record<string, { readonly path: string; readonly page: number | null }>> = {
  statistics: { path: '/reports/statistics', page: null },
  branches: { path: '/reports/branches', page: 5000 },
  members: { path: '/reports/members', page: 5000 },
  audit: { path: '/audit/events', page: 500 },
};

const HELP = [
  'Usage: branchflow export <statistics|branches|members|audit> --format csv|json|xlsx [--out FILE] [--as-of DATE]',
  '                         [--url URL] [--token TOKEN]',
  '',
  'Exports a report from the API, every page of it: statistics (metric,value), branches (one row',
  'per branch), members (the roll, 花名册) or audit (every event with who, when and why). CSV is',
  'UTF-8 with a byte order mark (Excel opens it without garbling Chinese); JSON is one document',
  '(an array of rows, or the statistics object). xlsx is an Excel workbook (every row, headers in',
  "your locale's language, dates as dates, the header row frozen), written to --out only.",
  '',
  'Options:',
  '  --format F     csv, json or xlsx (required; xlsx needs --out)',
  '  --out FILE     write to FILE instead of stdout',
  '  --as-of DATE   statistics only: the day ages are computed on (default today)',
  ...READ_OPTIONS_HELP,
  '',
  'Example: npm run -s cli -- export branches --format csv --out branches.csv',
  READ_EXIT_CODES,
].join('\n');

/** The whole report as one document: CSV with one BOM and one header, or JSON. */
async function exportReport(
  api: ApiClient,
  path: string,
  format: 'csv' | 'json',
  paged: boolean,
): Promise<{ text: string; rows: number }> {
  if (format === 'csv') {
    const lines = await api.allCsv(path);
    return { text: `${UTF8_BOM}${lines.join('\r\n')}\r\n`, rows: Math.max(lines.length - 1, 0) };
  }
  if (!paged) return { text: `${JSON.stringify(await api.get<unknown>(path), null, 2)}\n`, rows: 1 };
  const rows = await api.allItems<unknown>(path);
  return { text: `${JSON.stringify(rows, null, 2)}\n`, rows: rows.length };
}

/** `export <report> --format csv|json [--out FILE]`: a whole report, for reporting jobs and auditors. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary:
    'export a report as CSV, JSON or Excel: export <statistics|branches|members|audit> --format csv|json|xlsx [--out FILE]',
  help: HELP,
  run(args, context) {
    return runReadCommand(
      args,
      context,
      {
        help: HELP,
        values: ['--format', '--out', '--as-of'],
        validate: (parsed) => {
          const [report, ...rest] = parsed.positionals;
          if (report === undefined || REPORTS[report] === undefined || rest.length > 0) {
            throw new UsageError(
              report === undefined || rest.length > 0
                ? 'Name one report: statistics, branches, members or audit.'
                : `Unknown report "${report}"; known: ${Object.keys(REPORTS).join(', ')}.`,
            );
          }
          const format = parsed.values.get('--format');
          if (format !== 'csv' && format !== 'json' && format !== 'xlsx') {
            throw new UsageError('--format csv, --format json or --format xlsx is required.');
          }
          if (format === 'xlsx' && !parsed.values.has('--out')) {
            throw new UsageError('--format xlsx writes a workbook: name its file with --out.');
          }
          if (parsed.values.has('--as-of')) {
            if (report !== 'statistics') throw new UsageError('--as-of applies to the statistics report only.');
            requireDate(parsed.values.get('--as-of'), '--as-of');
          }
        },
      },
      async (api, parsed) => {
        const name = parsed.positionals[0] as string;
        const report = REPORTS[name] as (typeof REPORTS)[string];
        const query = [
          report.page === null ? '' : `&limit=${report.page}`,
          parsed.values.has('--as-of') ? `&asOf=${parsed.values.get('--as-of')}` : '',
        ].join('');
        const format = parsed.values.get('--format') as 'csv' | 'json' | 'xlsx';
        const paged = report.page !== null;
        if (format === 'xlsx') {
          // The API writes every page into the one workbook.
          const out = parsed.values.get('--out') as string;
          const bytes = await api.bytes(`${report.path}?format=xlsx${query}`, XLSX_CONTENT_TYPE);
          writeFileSync(out, bytes);
          context.err(`${name}: workbook of ${fmt(bytes.length)} bytes written to ${out}`);
          return ExitCode.ok;
        }
        const { text, rows } = await exportReport(api, `${report.path}?format=${format}${query}`, format, paged);
        const out = parsed.values.get('--out');
        if (out === undefined) {
          context.out(text.endsWith('\n') ? text.slice(0, -1) : text);
        } else {
          writeFileSync(out, text);
          context.err(`${name}: ${fmt(rows)} ${paged ? 'rows' : 'document'} written to ${out}`);
        }
        return ExitCode.ok;
      },
    );
  },
};
