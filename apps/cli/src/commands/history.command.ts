import type { CliCommand } from '../cli-context';
import { UsageError } from '../demo/api-access';
import type { ApiClient } from '../demo/http-client';
import { READ_EXIT_CODES, READ_OPTIONS_HELP, runReadCommand } from '../demo/read-command';
import { ExitCode } from '../exit-codes';

const HELP = [
  'Usage: branchflow history <stream | branch name> [--format text|json|csv] [--url URL] [--token TOKEN]',
  '',
  "Prints a stream's audit history in revision order, from GET /audit/streams/:stream: when it",
  'happened (business date), what, who did it, and a line in Chinese. A stream is named',
  '`category-id`, e.g. branch-…, member-…, election-…, restructuring-…; a branch may also be',
  'named by (part of) its name, e.g. 府中社区.',
  '',
  'Options:',
  '  --format F     text (default), json (the events as one JSON array) or csv (the API export)',
  ...READ_OPTIONS_HELP,
  '',
  'Example: npm run -s cli -- history 府中社区离退休干部党支部',
  READ_EXIT_CODES,
].join('\n');

const STREAM_NAME = /^[A-Za-z][A-Za-z0-9._:]*-[A-Za-z0-9._:-]+$/;
const PAGE = 500;

interface AuditEntry {
  readonly revision: number;
  readonly type: string;
  readonly occurredOn: string;
  readonly actorName: string;
  readonly actorRole: string;
  readonly descriptionZh: string;
}

/** A stream name as given, or the stream of the one branch whose name contains the text. */
async function resolveStream(api: ApiClient, given: string): Promise<string> {
  if (STREAM_NAME.test(given)) return given;
  const branches = await api.allItems<{ branchId: string; name: string }>('/reports/branches?limit=5000');
  const matches = branches.filter((branch) => branch.name.includes(given));
  const exact = matches.filter((branch) => branch.name === given);
  const chosen = exact.length === 1 ? exact : matches;
  if (chosen.length === 1) return `branch-${(chosen[0] as { branchId: string }).branchId}`;
  throw new UsageError(
    chosen.length === 0
      ? `"${given}" is neither a stream name (such as branch-…) nor part of a branch's name.`
      : `"${given}" matches ${chosen.length} branches (${chosen
          .slice(0, 8)
          .map((b) => b.name)
          .join('、')}${chosen.length > 8 ? '…' : ''}); give more of the name, or the stream name.`,
  );
}

/** `history <stream>`: a stream's audit history, for auditors. */
export const historyCommand: CliCommand = {
  name: 'history',
  summary: "print a stream's audit history: history <branch-…|member-…|election-…|branch name>",
  help: HELP,
  run(args, context) {
    return runReadCommand(
      args,
      context,
      {
        help: HELP,
        values: ['--format'],
        validate: (parsed) => {
          if (parsed.positionals.length !== 1) throw new UsageError('Name exactly one stream (or branch).');
          if (!['text', 'json', 'csv'].includes(parsed.values.get('--format') ?? 'text')) {
            throw new UsageError('--format must be text, json or csv.');
          }
        },
      },
      async (api, parsed) => {
        const stream = await resolveStream(api, parsed.positionals[0] as string);
        const format = parsed.values.get('--format') ?? 'text';
        const path = `/audit/streams/${encodeURIComponent(stream)}?limit=${PAGE}`;
        if (format === 'csv') {
          for (const line of await api.allCsv(`${path}&format=csv`)) context.out(line);
          return ExitCode.ok;
        }
        const entries = await api.allItems<AuditEntry>(path);
        if (format === 'json') {
          context.out(JSON.stringify(entries, null, 2));
          return ExitCode.ok;
        }
        context.out(`${stream}: ${entries.length} events`);
        for (const entry of entries) {
          context.out(
            `${String(entry.revision).padStart(4)}  ${entry.occurredOn}  ${entry.type.padEnd(28)} ${entry.actorName} (${entry.actorRole})  ${entry.descriptionZh}`,
          );
        }
        return ExitCode.ok;
      },
    );
  },
};
