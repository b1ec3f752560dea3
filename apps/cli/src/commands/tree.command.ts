import type { HeldPost, OrganisationTree, TreeBranch, TreeCommittee } from '@app/read-models';
import type { CliCommand } from '../cli-context';
import { UsageError } from '../demo/api-access';
import { fmt } from '../demo/progress';
import { READ_EXIT_CODES, READ_OPTIONS_HELP, requireDate, runReadCommand } from '../demo/read-command';
import { ExitCode } from '../exit-codes';

const HELP = [
  'Usage: branchflow tree --as-of DATE [--format text|json] [--url URL] [--token TOKEN]',
  '',
  'Prints the organisation as it stood at the end of DATE (YYYY-MM-DD): committees, their open',
  'branches with member counts (正式/预备) and the posts held that day, from GET /org/tree.',
  '',
  'Options:',
  '  --as-of DATE   the day (required)',
  '  --format F     text (default, an indented tree) or json (the API answer as it is)',
  ...READ_OPTIONS_HELP,
  '',
  'Example: npm run -s cli -- tree --as-of 2022-02-28',
  READ_EXIT_CODES,
].join('\n');

const POST_LABELS: Readonly<Record<string, string>> = {
  secretary: '书记',
  deputySecretary: '副书记',
  committeeMember: '委员',
  partyAffairsOfficer: '党务干部',
};
const POST_ORDER = ['secretary', 'deputySecretary', 'committeeMember', 'partyAffairsOfficer'];

function postLine(posts: readonly HeldPost[]): string {
  return [...posts]
    .sort((a, b) => POST_ORDER.indexOf(a.kind) - POST_ORDER.indexOf(b.kind))
    .map((post) => {
      const label = post.kind === 'committeeMember' && post.duty ? post.duty : (POST_LABELS[post.kind] ?? post.kind);
      return `${label} ${post.holder.name}${post.source === 'concurrent' ? '（兼任）' : post.source === 'appointed' ? '（指派）' : ''}`;
    })
    .join('、');
}

/** The tree as indented text, one line per committee and per branch. */
export function renderTree(tree: OrganisationTree): string[] {
  const lines = [`Organisation as of ${tree.asOf}${tree.policyVersion ? ` (rules ${tree.policyVersion})` : ''}`];
  const branchLines = (unsorted: readonly TreeBranch[], indent: string) => {
    const branches = [...unsorted].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    branches.forEach((branch, index) => {
      const last = index === branches.length - 1;
      const total = branch.members.full + branch.members.probationary;
      const flags = [branch.shape?.overSize ? 'over 50' : null, branch.shape?.belowMinimum ? 'below minimum' : null]
        .filter(Boolean)
        .join(', ');
      lines.push(
        `${indent}${last ? '└─' : '├─'} ${branch.name}  ${total} members (${branch.members.full} full, ${branch.members.probationary} probationary)${flags ? ` [${flags}]` : ''}`,
      );
      const posts = postLine(branch.posts);
      if (posts) lines.push(`${indent}${last ? '   ' : '│  '}   ${posts}`);
    });
  };
  const committeeLines = (committees: readonly TreeCommittee[], indent: string) => {
    for (const committee of committees) {
      lines.push(`${indent}${committee.name} (${committee.branches.length} branches)`);
      branchLines(committee.branches, indent);
      committeeLines(committee.committees, `${indent}   `);
    }
  };
  committeeLines(tree.committees, '');
  if (tree.unattachedBranches.length > 0) {
    lines.push('Branches whose committee was not active that day:');
    branchLines(tree.unattachedBranches, '');
  }
  lines.push(
    `Total: ${fmt(tree.totals.branches)} branches, ${fmt(tree.totals.full + tree.totals.probationary)} members ` +
      `(${fmt(tree.totals.full)} full, ${fmt(tree.totals.probationary)} probationary)`,
  );
  return lines;
}

/** `tree --as-of DATE`: the organisation on a day, from the organisation-history read model. */
export const treeCommand: CliCommand = {
  name: 'tree',
  summary: 'print the organisation tree as of a date: tree --as-of YYYY-MM-DD',
  help: HELP,
  run(args, context) {
    return runReadCommand(
      args,
      context,
      {
        help: HELP,
        values: ['--as-of', '--format'],
        validate: (parsed) => {
          requireDate(parsed.values.get('--as-of'), '--as-of');
          if (!['text', 'json'].includes(parsed.values.get('--format') ?? 'text')) {
            throw new UsageError('--format must be text or json.');
          }
          if (parsed.positionals.length > 0) throw new UsageError(`Unexpected argument "${parsed.positionals[0]}".`);
        },
      },
      async (api, parsed) => {
        const asOf = parsed.values.get('--as-of') as string;
        const tree = await api.get<OrganisationTree>(`/org/tree?asOf=${asOf}`);
        if (parsed.values.get('--format') === 'json') context.out(JSON.stringify(tree, null, 2));
        else for (const line of renderTree(tree)) context.out(line);
        return ExitCode.ok;
      },
    );
  },
};
