import type { Pool } from 'pg';
import { InvalidSchemaNameError } from './errors';

export interface Migration {
  readonly id: number;
  readonly name: string;
  /** SQL run with the schema as search_path; `{schema}` is replaced by the quoted schema name. */
  readonly sql: string;
}

const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): string {
  if (!SCHEMA.test(schema)) throw new InvalidSchemaNameError(schema);
  return schema;
}

/**
 * Applies migrations in id order, each once, under an advisory lock so that replicas starting together
 * do not race. Every migration runs in its own transaction with its bookkeeping row.
 */
export async function migrate(
  pool: Pool,
  schema: string,
  migrations: readonly Migration[],
): Promise<number[]> {
  assertSchemaName(schema);
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [`serviceops.migrate.${schema}`]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${schema}".schema_migrations (
           id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ id: number }>(`SELECT id FROM "${schema}".schema_migrations`);
      const done = new Set(rows.map((r) => r.id));
      for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
        if (done.has(m.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(`SET LOCAL search_path TO "${schema}"`);
          await client.query(m.sql.replaceAll('{schema}', `"${schema}"`));
          await client.query(`INSERT INTO "${schema}".schema_migrations (id, name) VALUES ($1, $2)`, [
            m.id,
            m.name,
          ]);
          await client.query('COMMIT');
          applied.push(m.id);
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`serviceops.migrate.${schema}`]);
    }
  } finally {
    client.release();
  }
  return applied;
}

export const EVENT_STORE_MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'event store',
    sql: `
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id       text        NOT NULL,
        stream_version  integer     NOT NULL CHECK (stream_version > 0),
        event_id        uuid        NOT NULL,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_pk PRIMARY KEY (global_position),
        CONSTRAINT events_stream_version_uq UNIQUE (stream_id, stream_version),
        CONSTRAINT events_event_id_uq UNIQUE (event_id)
      );
      -- the global log is read in (transaction_id, global_position) order
      CREATE INDEX events_global_order_idx ON events (transaction_id, global_position);

      CREATE TABLE snapshots (
        stream_id      text        PRIMARY KEY,
        stream_version integer     NOT NULL,
        snapshot_type  text        NOT NULL,
        schema_version integer     NOT NULL,
        state          jsonb       NOT NULL,
        taken_at       timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];
