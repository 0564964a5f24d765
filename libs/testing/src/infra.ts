import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { inspect, types } from 'node:util';
import { Pool, type PoolConfig } from 'pg';

/**
 * Integration suites run against the real servers `npm test` starts (or DATABASE_URL / KAFKA_BROKERS
 * given by the user). A missing server fails the suite loudly: it is never skipped.
 */
export function databaseUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    throw new Error('DATABASE_URL is not set: `npm test` and `npm run bench` start PostgreSQL themselves');
  }
  return url;
}

export function kafkaBrokers(): string[] {
  const brokers = process.env['KAFKA_BROKERS'];
  if (!brokers) {
    throw new Error('KAFKA_BROKERS is not set: `npm test` and `npm run bench` start Kafka themselves');
  }
  return brokers.split(',').map((b) => b.trim());
}

export function testPool(config: PoolConfig = {}): Pool {
  return new Pool({ connectionString: databaseUrl(), max: 20, ...config });
}

let counter = 0;

/** A name no other test (or worker, or earlier run) uses: for schemas, topics and consumer groups. */
export function uniqueName(prefix: string): string {
  counter += 1;
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}_${process.pid}_${counter}_${random}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** Polls every `intervalMs` until `check` returns a value other than undefined, or fails with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 20_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${describeFailure(last)}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** An error as `String(err)` shows it; anything else thrown (a plain object, say) through util.inspect. */
function describeFailure(err: unknown): string {
  if (types.isNativeError(err)) return String(err); // not instanceof: Jest runs tests in another realm
  return typeof err === 'string' ? err : inspect(err);
}

/**
 * pg_dump / pg_restore as new as the server (infra/pg-tools.mjs fetches them once, then they are cached): what the
 * backup runbook's tests run.
 */
export function pgTool(tool: 'pg_dump' | 'pg_restore', args: readonly string[]): string {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const binary = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'infra', 'pg-tools.mjs'), '--path', tool],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 300_000,
    },
  ).trim();
  return execFileSync(binary, args, { encoding: 'utf8', timeout: 120_000 });
}

/** What `rowsHolding` needs of a pool or client. */
interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Every row of every table of the database, in every schema, whose text holds any of `values`, as
 * `schema.table: row` (the row cut at `width` characters): how a suite proves a clear value is stored nowhere.
 */
export async function rowsHolding(db: Queryable, values: readonly string[], width = 200): Promise<string[]> {
  const tables = await db.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const found: string[] = [];
  for (const { schema, name } of tables.rows) {
    const { rows } = await db.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM "${schema}"."${name}" t WHERE row_to_json(t)::text LIKE ANY($1::text[])`,
      [values.map((value) => `%${value}%`)],
    );
    found.push(...rows.map((r) => `${schema}.${name}: ${r.row.slice(0, width)}`));
  }
  return found;
}
