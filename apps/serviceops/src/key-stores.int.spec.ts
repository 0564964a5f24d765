import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PostgresEventStore } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import { ConsumerDb } from '@serviceops/messaging';
import { openDatabase, runReadModelMigrations } from '@serviceops/platform';
import { dropDatabase } from '@serviceops/platform/testing';
import { databaseUrl, pgTool, uniqueName } from '@serviceops/testing';
import { Pool } from 'pg';
import { DEFINITIONS } from './services';

// docs/backup.md for every service's key store at once: the whole database dumped without any `<schema>.data_keys`
// rows, the key stores dumped apart, both restored, and the erasures re-applied from infra/backup/reapply-erasures.
// The key stores are found in the migrated schemas, so a service that adds one without its erasure file fails here.

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const REAPPLY_DIR = path.join(REPO_ROOT, 'infra', 'backup', 'reapply-erasures');

/** A database of its own, every service's schema migrated as each does at boot. */
async function createDatabase(admin: Pool, prefix: string, migrate: boolean) {
  const name = uniqueName(prefix);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 2 });
  if (migrate)
    for (const [schema, definition] of Object.entries(DEFINITIONS)) {
      const opened = await openDatabase({
        ...definition.database,
        url: url.toString(),
        schema,
        poolSize: 2,
        applicationName: 'key-stores-test',
      });
      try {
        await new PostgresEventStore({ pool: opened.pool, schema, groupCommit: false }).migrate();
        await new ConsumerDb(opened.pool, schema).migrate();
        await runReadModelMigrations(opened.dataSource, opened.pool, schema);
      } finally {
        await opened.dataSource.destroy();
      }
    }
  return { name, url: url.toString(), pool };
}

/** The schemas that keep a key store, as the migrations made them. */
async function keyStoreSchemas(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ table_schema: string }>(
    `SELECT table_schema FROM information_schema.tables WHERE table_name = 'data_keys' ORDER BY 1`,
  );
  return rows.map((r) => r.table_schema);
}

/** Each key store's id column (customer_id, person_id, …). */
async function idColumn(pool: Pool, schema: string): Promise<string> {
  const { rows } = await pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = 'data_keys' AND column_name LIKE '%\\_id' ORDER BY ordinal_position`,
    [schema],
  );
  return rows[0]!.column_name;
}

/** A key store whose service cannot erase anyone yet: its erasure file must delete nothing, and says why. */
interface NoErasureYet {
  readonly noErasureYet: string;
}
type Erase = ((pool: Pool, id: string) => Promise<unknown>) | NoErasureYet;

/**
 * How each service records an erasure apart from its keys (what its erasure file reads), or, stated explicitly,
 * why it has none yet. A schema missing here (or without a file) fails.
 */
const ERASE: Readonly<Record<string, Erase>> = {
  customers: (pool, customerId) =>
    new PostgresEventStore({ pool, schema: 'customers', groupCommit: false }).append(
      `customer-${newId()}-${customerId}`,
      [{ type: 'CustomerErased', data: { customerId, erasedAt: '2026-03-03T11:00:00.000Z' } }],
      { expectedVersion: 0, metadata: { tenantId: newId(), actorId: newId(), correlationId: newId() } },
    ),
  contracts: (pool, id) =>
    pool.query(`INSERT INTO contracts.erased_customers (customer_id) VALUES ($1)`, [id]),
  orders: (pool, id) =>
    pool.query(
      `INSERT INTO orders.known_customers (customer_id, tenant_id, status, erased_at) VALUES ($1, $2, 'erased', now())`,
      [id, newId()],
    ),
  staff: (pool, id) => pool.query(`INSERT INTO staff.erased_people (person_id) VALUES ($1)`, [id]),
  tenancy: (pool, userId) => {
    const tenantId = newId();
    return new PostgresEventStore({ pool, schema: 'tenancy', groupCommit: false }).append(
      `tenant-${tenantId}-${tenantId}`,
      [{ type: 'UserErased', data: { userId, erasedAt: '2026-03-03T11:00:00.000Z' } }],
      { expectedVersion: 0, metadata: { tenantId, actorId: newId(), correlationId: newId() } },
    );
  },
};
const erasable = (schema: string): boolean => typeof ERASE[schema] === 'function';

describe('every key store backed up apart and its erasures re-applied (docs/backup.md)', () => {
  let admin: Pool;
  let source: Awaited<ReturnType<typeof createDatabase>>;
  let target: Awaited<ReturnType<typeof createDatabase>>;
  let dir: string;
  let schemas: string[];
  const kept = new Map<string, string>();
  const erased = new Map<string, string>();

  beforeAll(async () => {
    admin = new Pool({ connectionString: databaseUrl(), max: 2 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceops-key-stores-'));
    source = await createDatabase(admin, 'keys_source', true);
    schemas = await keyStoreSchemas(source.pool);
    for (const schema of schemas) {
      const id = await idColumn(source.pool, schema);
      kept.set(schema, newId());
      erased.set(schema, newId());
      for (const who of [kept.get(schema)!, erased.get(schema)!])
        await source.pool.query(`INSERT INTO ${schema}.data_keys (${id}, wrapped_key) VALUES ($1, $2)`, [
          who,
          randomBytes(60),
        ]);
    }
  }, 300_000);

  afterAll(async () => {
    for (const db of [source, target]) {
      if (!db) continue;
      await db.pool.end();
      await dropDatabase(db.name);
    }
    await admin?.end();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names an erasure file for every key store the services make, and no other', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(4);
    const files = fs
      .readdirSync(REAPPLY_DIR)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => f.replace(/\.sql$/, ''))
      .sort();
    expect(files).toEqual([...schemas].sort());
    expect(Object.keys(ERASE).sort()).toEqual([...schemas].sort());
    // "No erasure yet" is a decision with its reason, never a blank.
    const unexplained = Object.entries(ERASE).filter(
      ([, erase]) => typeof erase !== 'function' && erase.noErasureYet.trim().length < 20,
    );
    expect(unexplained).toEqual([]);
  });

  it('dumps the database without any key and the key stores alone, and restores both', async () => {
    // A key-store backup from before the erasures: one the runbook says must not be kept, restored anyway.
    const keysDump = path.join(dir, 'data-keys.dump');
    pgTool('pg_dump', ['-Fc', '--data-only', '--table=*.data_keys', `--file=${keysDump}`, source.url]);
    for (const schema of schemas) {
      const erase = ERASE[schema];
      if (typeof erase === 'function') await erase(source.pool, erased.get(schema)!);
    }
    const databaseDump = path.join(dir, 'serviceops.dump');
    pgTool('pg_dump', [
      '-Fc',
      '--no-owner',
      '--exclude-table-data=*.data_keys',
      `--file=${databaseDump}`,
      source.url,
    ]);

    const listing = pgTool('pg_restore', ['--list', databaseDump]);
    expect(listing).toMatch(/TABLE DATA customers events /);
    expect(listing).not.toMatch(/TABLE DATA \S+ data_keys /);
    const keyListing = pgTool('pg_restore', ['--list', keysDump]);
    for (const schema of schemas) expect(keyListing).toMatch(new RegExp(`TABLE DATA ${schema} data_keys `));

    target = await createDatabase(admin, 'keys_target', false);
    pgTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, databaseDump]);
    pgTool('pg_restore', ['--data-only', '--exit-on-error', `--dbname=${target.url}`, keysDump]);
    for (const schema of schemas) {
      const { rowCount } = await target.pool.query(`SELECT 1 FROM ${schema}.data_keys`);
      expect({ schema, keys: rowCount }).toEqual({ schema, keys: 2 }); // the erased person's key is back
    }
  });

  it('re-applies every erasure: the erased keys are gone again, the others kept', async () => {
    const sql = fs
      .readdirSync(REAPPLY_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => fs.readFileSync(path.join(REAPPLY_DIR, f), 'utf8'))
      .join('\n');
    const client = await target.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(sql);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    for (const schema of schemas) {
      const id = await idColumn(target.pool, schema);
      const { rows } = await target.pool.query<Record<string, string>>(
        `SELECT ${id} FROM ${schema}.data_keys`,
      );
      // A schema with no erasure yet keeps both keys: its file deleted nothing.
      const left = erasable(schema) ? [kept.get(schema)] : [kept.get(schema), erased.get(schema)].sort();
      expect({ schema, keys: rows.map((r) => r[id]).sort() }).toEqual({ schema, keys: left });
    }
  });
});
