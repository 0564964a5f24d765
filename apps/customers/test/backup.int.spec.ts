import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PostgresEventStore, withTransaction } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import {
  ConsumerDb,
  eventsTopic,
  LogTransport,
  type EventHandler,
  type Transport,
} from '@serviceops/messaging';
import { openDatabase, runReadModelMigrations } from '@serviceops/platform';
import { databaseUrl, eventually, pgTool, uniqueName } from '@serviceops/testing';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { customerStream } from '../src/application/customer-store';
import { customersService } from '../src/customers.service-definition';
import { CUSTOMER_SEALED_PATHS, type CustomerEvent } from '../src/domain/customer/customer.events';
import { mapSealed, PersonalDataCipher } from '../src/infrastructure/personal-data-cipher';
import {
  CUSTOMER_READ_MODELS_CONSUMER,
  customerReadModelsProjection,
} from '../src/projections/read-models.projection';
import { dropDatabase } from '@serviceops/platform/testing';

// The backup runbook (docs/backup.md) end to end on real PostgreSQL 18: pg_dump the customers schema (the key
// store apart), pg_restore both into a fresh database, rebuild the read models from the restored events, compare.
// Tables are discovered and compared whole, so the test keeps covering columns and read models added later.

const SCHEMA = 'customers';
const TOPIC = eventsTopic(SCHEMA);
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const SEALED = 'enc:v1:';

/**
 * The consumers of customers' own events (customersService.onStart), which a rebuild replays from the first
 * event. Add new ones here. Read models fed by other services' events (known_branches) stay empty in this test.
 */
const PROJECTIONS: readonly { consumer: string; handler: (ds: DataSource) => EventHandler }[] = [
  { consumer: CUSTOMER_READ_MODELS_CONSUMER, handler: customerReadModelsProjection },
];

/** Not read models: the event store, the key store, migration and messaging bookkeeping. */
const NOT_READ_MODELS = new Set([
  'events',
  'snapshots',
  'schema_migrations',
  'read_model_migrations',
  'data_keys',
  'inbox',
  'consumer_checkpoints',
  'dead_letters',
  'relay_checkpoints',
]);
/** Kept in step with the streams in the command's own transaction, not by a consumer: restored, never rebuilt. */
const INLINE_TABLES = new Set(['customer_fingerprints']);
/** Columns a replay rewrites by design (when it applied an event, when it moved a checkpoint). */
const REPLAY_TIMESTAMPS: Readonly<Record<string, readonly string[]>> = {
  inbox: ['processed_at'],
  consumer_checkpoints: ['updated_at'],
};
/** The restore procedure's erasure step for this schema (docs/backup.md, infra/backup/reapply-erasures). */
const REAPPLY_ERASURES = fs.readFileSync(
  path.join(REPO_ROOT, 'infra', 'backup', 'reapply-erasures', `${SCHEMA}.sql`),
  'utf8',
);

type Contents = Record<string, Record<string, unknown>[]>;

/** A database of its own with the customers schema as the service makes it: event store, key store, read models. */
class CustomersDatabase {
  readonly store: PostgresEventStore;
  readonly consumerDb: ConsumerDb;

  private constructor(
    readonly name: string,
    readonly url: string,
    readonly dataSource: DataSource,
    readonly pool: Pool,
  ) {
    this.store = new PostgresEventStore({ pool, schema: SCHEMA, groupCommit: false });
    this.consumerDb = new ConsumerDb(pool, SCHEMA);
  }

  static async create(admin: Pool, prefix: string): Promise<CustomersDatabase> {
    const name = uniqueName(prefix);
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(databaseUrl());
    url.pathname = `/${name}`;
    const { dataSource, pool } = await openDatabase({
      ...customersService.database,
      url: url.toString(),
      schema: SCHEMA,
      poolSize: 5,
      applicationName: 'backup-test',
    });
    return new CustomersDatabase(name, url.toString(), dataSource, pool);
  }

  /** What the service does at boot: event store, consumer tables, read-model migrations. */
  async migrate(): Promise<void> {
    await this.store.migrate();
    await this.consumerDb.migrate();
    await runReadModelMigrations(this.dataSource, this.pool, SCHEMA);
  }

  /** Runs the projections on the real log transport until they have applied every event. */
  async project(): Promise<void> {
    const transport = new LogTransport({ sourcePool: this.pool, consumerDb: this.consumerDb });
    try {
      for (const { consumer, handler } of PROJECTIONS) {
        await transport.subscribe({ consumer, topics: [TOPIC], handler: handler(this.dataSource) });
      }
      await eventually(
        'the projections to catch up',
        async () => {
          for (const { consumer } of PROJECTIONS) {
            if ((await transport.lag(consumer, [TOPIC])) > 0) return undefined;
          }
          return true;
        },
        60_000,
      );
    } finally {
      await transport.close();
    }
  }

  /** The runbook's rebuild: reset the consumers, empty their read models, let them apply every event again. */
  async rebuildReadModels(): Promise<void> {
    const transport: Transport = new LogTransport({ sourcePool: this.pool, consumerDb: this.consumerDb });
    for (const { consumer } of PROJECTIONS) await transport.reset(consumer, [TOPIC]);
    await transport.close();
    const readModels = (await this.tables()).filter((t) => !NOT_READ_MODELS.has(t) && !INLINE_TABLES.has(t));
    if (readModels.length > 0) {
      await this.pool.query(`TRUNCATE ${readModels.map((t) => `"${SCHEMA}"."${t}"`).join(', ')}`);
    }
    await this.project();
  }

  async tables(): Promise<string[]> {
    const { rows } = await this.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
      [SCHEMA],
    );
    return rows.map((r) => r.table_name);
  }

  /** Every row of every table of the schema, whole, in primary-key order (by the whole row without one). */
  async contents(): Promise<Contents> {
    const contents: Contents = {};
    for (const table of await this.tables()) {
      const keys = await this.primaryKey(table);
      const { rows } = await this.pool.query<Record<string, unknown>>(
        `SELECT * FROM "${SCHEMA}"."${table}" AS t ORDER BY ${keys.length > 0 ? keys.join(', ') : 't::text'}`,
      );
      contents[table] = rows;
    }
    return contents;
  }

  private async primaryKey(table: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ attname: string }>(
      `SELECT a.attname FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
        WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.n`,
      [`"${SCHEMA}"."${table}"`],
    );
    return rows.map((r) => `t."${r.attname}"`);
  }

  /**
   * The read models as a reader sees them: in each row with a customer_id, every sealed value (at any depth)
   * opened with that customer's key by a fresh cipher (nothing cached), or left sealed when the key is gone.
   */
  async openedReadModels(masterKey: string): Promise<Contents> {
    const cipher = new PersonalDataCipher(this.pool, masterKey);
    const opened: Contents = {};
    for (const [table, rows] of Object.entries(await this.contents())) {
      if (NOT_READ_MODELS.has(table)) continue;
      opened[table] = [];
      for (const row of rows) {
        const customerId = row['customer_id'];
        const key = typeof customerId === 'string' ? await cipher.load(customerId) : undefined;
        const open = (value: unknown): unknown => {
          if (typeof value === 'string')
            return key && value.startsWith(SEALED) ? cipher.open(key, String(customerId), value) : value;
          if (Array.isArray(value)) return value.map(open);
          if (value && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value))
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, open(v)]));
          return value;
        };
        opened[table].push(open(row) as Record<string, unknown>);
      }
    }
    return opened;
  }

  async close(): Promise<void> {
    await this.dataSource.destroy();
  }
}

function without(rows: readonly Record<string, unknown>[], columns: readonly string[] = []) {
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => !columns.includes(c))));
}

describe('backup and restore of the customers schema (docs/backup.md)', () => {
  const masterKey = randomBytes(32).toString('base64');
  const tenantId = newId();
  const metadata = { tenantId, actorId: newId(), correlationId: newId() };
  const ada = newId(); // registered
  const grace = newId(); // registered, then her contacts changed
  const erased = newId(); // registered, then erased: her data key destroyed
  let admin: Pool;
  let source: CustomersDatabase;
  let target: CustomersDatabase;
  let dir: string;
  let databaseDump: string;
  let keysBeforeErasure: string;
  let sourceContents: Contents;

  const registered = (customerId: string, name: string, phone: string): CustomerEvent => ({
    type: 'CustomerRegistered',
    data: {
      customerId,
      channel: 'phone',
      registeredAt: '2026-03-01T09:00:00.000Z',
      name,
      phone,
      notes: `about ${name}`,
    },
  });

  /** Appends an event as the service stores it: personal data sealed with the customer's own key. */
  async function append(db: CustomersDatabase, customerId: string, event: CustomerEvent) {
    const cipher = new PersonalDataCipher(db.pool, masterKey);
    const key = await cipher.keyFor(customerId);
    const stream = customerStream(tenantId, customerId);
    const data = mapSealed(event.data, CUSTOMER_SEALED_PATHS, (v) => cipher.seal(key, customerId, v));
    return db.store.append(stream, [{ type: event.type, data }], {
      expectedVersion: await db.store.streamVersion(stream),
      metadata,
    });
  }

  beforeAll(async () => {
    admin = new Pool({ connectionString: databaseUrl(), max: 2 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceops-backup-'));
    source = await CustomersDatabase.create(admin, 'backup_source');
    await source.migrate();

    await append(source, ada, registered(ada, 'Ada Lovelace', '+44 20 0000 0001'));
    await append(source, grace, registered(grace, 'Grace Hopper', '+1 202 000 0002'));
    await append(source, erased, registered(erased, 'Forgotten Person', '+33 1 00 00 00 03'));
    await append(source, grace, {
      type: 'CustomerContactsChanged',
      data: {
        customerId: grace,
        changedAt: '2026-03-02T10:00:00.000Z',
        phone: '+1 202 000 0099',
        email: 'grace@example.com',
      },
    });
    await source.project();

    // A key-store backup as it was before the erasure: one the runbook says must not be kept.
    keysBeforeErasure = path.join(dir, 'data-keys-before-erasure.dump');
    pgTool('pg_dump', [
      '-Fc',
      '--data-only',
      `--table=${SCHEMA}.data_keys`,
      `--file=${keysBeforeErasure}`,
      source.url,
    ]);

    // The erasure: its event and the key's destruction in one transaction.
    await withTransaction(source.pool, async (tx) => {
      const stream = customerStream(tenantId, erased);
      await source.store.appendWith(
        tx,
        stream,
        [{ type: 'CustomerErased', data: { customerId: erased, erasedAt: '2026-03-03T11:00:00.000Z' } }],
        { expectedVersion: 1, metadata },
      );
      await new PersonalDataCipher(source.pool, masterKey).destroy(tx, [erased]);
    });
    await source.project();
    sourceContents = await source.contents();

    // The runbook's backup: the schema without the key store's rows, and the key store on its own.
    databaseDump = path.join(dir, 'customers.dump');
    const keysDump = path.join(dir, 'customers-data-keys.dump');
    pgTool('pg_dump', [
      '-Fc',
      '--no-owner',
      `--schema=${SCHEMA}`,
      `--exclude-table-data=${SCHEMA}.data_keys`,
      `--file=${databaseDump}`,
      source.url,
    ]);
    pgTool('pg_dump', [
      '-Fc',
      '--data-only',
      `--table=${SCHEMA}.data_keys`,
      `--file=${keysDump}`,
      source.url,
    ]);

    // The runbook's restore: a fresh database, the schema, then the key store, then the erasures re-applied.
    target = await CustomersDatabase.create(admin, 'backup_target');
    pgTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, databaseDump]);
    pgTool('pg_restore', ['--data-only', '--exit-on-error', `--dbname=${target.url}`, keysDump]);
    await target.pool.query(REAPPLY_ERASURES);
  }, 300_000);

  afterAll(async () => {
    for (const db of [source, target]) {
      if (!db) continue;
      await db.close();
      await dropDatabase(db.name);
    }
    await admin?.end();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up sealed events and read models, and no data key with them', () => {
    expect(sourceContents['events']?.map((e) => e['type'])).toEqual([
      'CustomerRegistered',
      'CustomerRegistered',
      'CustomerRegistered',
      'CustomerContactsChanged',
      'CustomerErased',
    ]);
    expect(sourceContents['data_keys']?.map((k) => k['customer_id']).sort()).toEqual([ada, grace].sort());
    expect(JSON.stringify(sourceContents)).not.toMatch(/Ada Lovelace|Grace Hopper|Forgotten Person/);
    const listing = pgTool('pg_restore', ['--list', databaseDump]);
    expect(listing).toMatch(/TABLE DATA customers events /);
    expect(listing).not.toMatch(/TABLE DATA customers data_keys /);
  });

  it('restores every table of the schema row for row, every column', async () => {
    expect(await target.tables()).toEqual(await source.tables());
    expect(await target.contents()).toEqual(sourceContents);
  });

  it('needs no migration on the restored schema', async () => {
    await target.migrate();
    expect(await target.contents()).toEqual(sourceContents);
  });

  it('rebuilds the read models from the restored events to the same rows', async () => {
    await target.rebuildReadModels();
    const rebuilt = await target.contents();
    expect(Object.keys(rebuilt)).toEqual(Object.keys(sourceContents));
    for (const [table, rows] of Object.entries(sourceContents)) {
      const ignored = REPLAY_TIMESTAMPS[table];
      expect({ table, rows: without(rebuilt[table] ?? [], ignored) }).toEqual({
        table,
        rows: without(rows, ignored),
      });
    }
  });

  it('opens the same personal data after the restore, and still not the erased customer’s', async () => {
    const before = await source.openedReadModels(masterKey);
    const after = await target.openedReadModels(masterKey);
    expect(after).toEqual(before);

    const list = after['customer_list'] ?? [];
    const row = (id: string) => list.find((r) => r['customer_id'] === id);
    expect(row(ada)).toMatchObject({ name: 'Ada Lovelace', phone: '+44 20 0000 0001' });
    expect(row(grace)).toMatchObject({
      name: 'Grace Hopper',
      phone: '+1 202 000 0099',
      email: 'grace@example.com',
    });
    expect(await new PersonalDataCipher(target.pool, masterKey).load(erased)).toBeUndefined();
    expect(JSON.stringify(after)).not.toContain('Forgotten Person');
  });

  it('keeps appending after the restore: positions and the global log go on', async () => {
    const newcomer = newId();
    const appended = await append(target, newcomer, registered(newcomer, 'New Comer', '+49 30 000000'));
    const last = sourceContents['events']?.at(-1)?.['global_position'];
    expect(appended.lastPosition).toBeGreaterThan(BigInt(String(last)));
    const types = [...(sourceContents['events'] ?? []).map((e) => e['type']), 'CustomerRegistered'];
    // The global log hides transactions newer than one still open anywhere in the cluster: allow for other suites.
    const events = await eventually('the new event in the global log', async () => {
      const { events } = await target.store.readAll();
      return events.length === types.length ? events : undefined;
    });
    expect(events.map((e) => e.type)).toEqual(types);
  });

  it('re-applies the erasures when the key store comes from an older backup', async () => {
    await target.pool.query(`TRUNCATE customers.data_keys`);
    pgTool('pg_restore', ['--data-only', '--exit-on-error', `--dbname=${target.url}`, keysBeforeErasure]);
    // The stale key store brings the erased person back…
    const resurrected = await new PersonalDataCipher(target.pool, masterKey).load(erased);
    expect(resurrected).toBeDefined();

    // …until the restore procedure's erasure step runs.
    await target.pool.query(REAPPLY_ERASURES);
    expect(await new PersonalDataCipher(target.pool, masterKey).load(erased)).toBeUndefined();
    expect((await target.contents())['data_keys']).toEqual(sourceContents['data_keys']);
  });
});
