import type { PoolClient } from 'pg';
import { escapeIdentifier } from 'pg';

/**
 * Schema steps in order; the `event_store_schema` table records how many have run. Append new
 * steps, never edit shipped ones. Plain PostgreSQL 12 SQL: BIGSERIAL, json, no generated columns
 * or other features a PostgreSQL-derived database may lack.
 *
 * `json` (not `jsonb`) keeps the text exactly as written, so the stored bytes are the ones the
 * hash chain covered; ids are stored lower-case, so the UNIQUE index also catches differently
 * cased retries. Positions come from a sequence and are handed out under the append lock (see
 * postgres-append-lock.ts), so they increase in commit order.
 */
export function migrations(schema: string): readonly string[] {
  const events = `${escapeIdentifier(schema)}.events`;
  return [
    `CREATE TABLE ${events} (
       position       BIGSERIAL PRIMARY KEY,
       id             TEXT    NOT NULL UNIQUE,
       stream         TEXT    NOT NULL,
       revision       BIGINT  NOT NULL,
       type           TEXT    NOT NULL,
       schema_version INTEGER NOT NULL,
       data           JSON    NOT NULL,
       metadata       JSON    NOT NULL,
       UNIQUE (stream, revision)
     )`,
  ];
}

/**
 * Brings the schema up to date; safe when several processes start at once, since the steps run
 * under a transaction-level advisory lock of their own.
 */
export async function migrate(client: PoolClient, schema: string, lockKey: readonly [number, number]): Promise<void> {
  const quoted = escapeIdentifier(schema);
  const steps = migrations(schema);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [lockKey[0], lockKey[1]]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${quoted}.event_store_schema (version INTEGER NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${quoted}.event_store_schema`);
    const version = rows[0]?.version ?? 0;
    if (version > steps.length) {
      throw new Error(
        `The event store schema ${schema} has version ${version}; this build knows up to ${steps.length}.`,
      );
    }
    for (const step of steps.slice(version)) await client.query(step);
    if (rows.length === 0) {
      await client.query(`INSERT INTO ${quoted}.event_store_schema (version) VALUES ($1)`, [steps.length]);
    } else {
      await client.query(`UPDATE ${quoted}.event_store_schema SET version = $1`, [steps.length]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
