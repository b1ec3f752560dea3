import { escapeIdentifier } from 'pg';
import { EVENT_COLUMNS } from './postgres-row';

/** Every statement the store runs, with its schema's table names filled in once. */
export interface PostgresStatements {
  /**
   * The head (revision and chain hash) of each named stream, then where any of the named ids is
   * already stored: one round trip for everything an append has to judge. Rows are
   * `[kind, stream, revision, hash, id, position]`, kind 0 for a head and 1 for a stored id.
   */
  readonly heads: string;
  readonly insert: string;
  readonly readForwards: string;
  readonly readBackwards: string;
  readonly streamExists: string;
  readonly readAll: string;
  readonly streamRevisions: string;
  readonly headPosition: string;
}

export function statementsFor(schema: string): PostgresStatements {
  const events = `${escapeIdentifier(schema)}.events`;
  return {
    heads: `SELECT 0, e.stream, e.revision, e.metadata->>'hash', NULL::text, NULL::bigint
              FROM ${events} e
              JOIN (SELECT stream, MAX(revision) AS revision FROM ${events}
                     WHERE stream = ANY($1::text[]) GROUP BY stream) h
                ON e.stream = h.stream AND e.revision = h.revision
            UNION ALL
            SELECT 1, stream, revision, NULL, id, position FROM ${events} WHERE id = ANY($2::text[])`,
    // One statement for a whole batch; ORDER BY keeps positions in the order the events were given.
    insert: `INSERT INTO ${events} (id, stream, revision, type, schema_version, data, metadata)
             SELECT id, stream, revision, type, schema_version, data::json, metadata::json
               FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::text[], $7::text[])
                    WITH ORDINALITY AS u(id, stream, revision, type, schema_version, data, metadata, n)
              ORDER BY n
             RETURNING id, position`,
    readForwards: `SELECT ${EVENT_COLUMNS} FROM ${events}
                    WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
    readBackwards: `SELECT ${EVENT_COLUMNS} FROM ${events}
                     WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
    streamExists: `SELECT 1 FROM ${events} WHERE stream = $1 LIMIT 1`,
    readAll: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE position > $1 ORDER BY position LIMIT $2`,
    streamRevisions: `SELECT stream, MAX(revision) FROM ${events} WHERE stream = ANY($1::text[]) GROUP BY stream`,
    headPosition: `SELECT MAX(position) FROM ${events}`,
  };
}
