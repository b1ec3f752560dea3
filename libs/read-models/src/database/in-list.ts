/**
 * `column IN (@name0, @name1, …)` with each value bound as a named parameter in `params`: plain
 * SQL any database takes, for the sets a committee-scoped caller may see. An empty set matches
 * nothing.
 */
export function inList(
  column: string,
  name: string,
  values: ReadonlySet<string>,
  params: Record<string, unknown>,
): string {
  if (values.size === 0) return '0 = 1';
  const names = [...values].map((value, index) => {
    params[`${name}${index}`] = value;
    return `@${name}${index}`;
  });
  return `${column} IN (${names.join(', ')})`;
}
