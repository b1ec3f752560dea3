import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '@app/application';
import type { Route } from './route-table';

/**
 * The README's "Who may call what" table, read as the authorization matrix's expectations, so
 * the table a reader trusts and the access the code grants cannot drift apart unnoticed.
 */
export interface AccessRow {
  /** `METHOD /path` patterns: `*` is one path segment, a trailing `/**` the path and anything below it. */
  readonly patterns: readonly string[];
  /** The roles whose column says `yes`. */
  readonly roles: readonly Role[];
  /** The `no token` column says `yes`: the route is public. */
  readonly open: boolean;
}

const HEADING = '### Who may call what';

export function readmeAccessRows(readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')): AccessRow[] {
  const lines = readme.split('\n');
  const start = lines.indexOf(HEADING);
  if (start < 0) throw new Error(`README.md has no "${HEADING}" section`);
  const headerAt = lines.findIndex((line, index) => index > start && line.startsWith('| routes'));
  if (headerAt < 0) throw new Error(`README.md's "${HEADING}" section has no table starting with "| routes"`);
  const cells = (line: string) =>
    line
      .slice(1, line.lastIndexOf('|'))
      .split('|')
      .map((cell) => cell.trim());
  const header = cells(lines[headerAt] as string);
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`README.md's access table has no "${name}" column`);
    return index;
  };
  const rows: AccessRow[] = [];
  for (let index = headerAt + 2; lines[index]?.startsWith('|'); index += 1) {
    const row = cells(lines[index] as string);
    const yes = (name: string) => {
      const value = row[column(name)];
      if (value !== 'yes' && value !== '') throw new Error(`README.md access table: "${value}" in ${name}`);
      return value === 'yes';
    };
    const patterns = [...(row[column('routes')] ?? '').matchAll(/`([A-Z]+ \/[^`]*)`/g)].map((match) => match[1]!);
    if (patterns.length === 0) throw new Error(`README.md access table: a row without routes: ${lines[index]}`);
    rows.push({ patterns, roles: ROLES.filter((role) => yes(role)), open: yes('no token') });
  }
  return rows;
}

/** Whether `pattern` (`GET /org/*`, `POST /branches/**`) names the route. */
export function patternMatches(pattern: string, route: Pick<Route, 'method' | 'path'>): boolean {
  const [method, path] = pattern.split(' ') as [string, string];
  if (method !== route.method) return false;
  const want = path.split('/').filter(Boolean);
  const have = route.path.split('/').filter(Boolean);
  const anyBelow = want[want.length - 1] === '**';
  const fixed = anyBelow ? want.slice(0, -1) : want;
  if (anyBelow ? have.length < fixed.length : have.length !== fixed.length) return false;
  return fixed.every((segment, index) => segment === '*' || segment === have[index]);
}

/** The rows whose patterns name the route: exactly one, or the table is wrong. */
export function rowsFor(rows: readonly AccessRow[], route: Pick<Route, 'method' | 'path'>): AccessRow[] {
  return rows.filter((row) => row.patterns.some((pattern) => patternMatches(pattern, route)));
}
