import type { RecordedEvent } from '@serviceops/kernel';
import { newId } from '@serviceops/kernel';
import { testPool, uniqueName } from '@serviceops/testing';
import type { Pool, PoolClient } from 'pg';
import {
  EventNotSerializableError,
  EventRegistry,
  InvalidEventError,
  InvalidExpectedVersionError,
  InvalidStreamIdError,
  PostgresEventStore,
  START,
  UnknownEventTypeError,
  WrongExpectedVersionError,
  type Checkpoint,
  withTransaction,
} from './index';

const ev = (type: string, data: unknown = {}) => ({ type, data });

describe('PostgresEventStore on a real PostgreSQL', () => {
  let pool: Pool;
  let schema: string;
  let store: PostgresEventStore;

  beforeAll(() => {
    pool = testPool({ max: 80 });
  });
  afterAll(async () => {
    await pool.end();
  });
  beforeEach(async () => {
    schema = uniqueName('es');
    store = new PostgresEventStore({ pool, schema });
    await store.migrate();
  });
  afterEach(async () => {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  async function countRows(): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".events`);
    return Number(rows[0]?.n);
  }

  async function readEverything(after: Checkpoint = START): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    let checkpoint = after;
    for (;;) {
      const page = await store.readAll({ after: checkpoint, limit: 100 });
      if (page.events.length === 0) return all;
      all.push(...page.events);
      checkpoint = page.checkpoint;
    }
  }

  /** A transaction held open on its own connection, as a slow writer would. */
  async function openTransaction(): Promise<PoolClient> {
    const client = await pool.connect();
    await client.query('BEGIN');
    return client;
  }

  async function finish(client: PoolClient, how: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    await client.query(how);
    client.release();
  }

  describe('streams', () => {
    it('appends and reads a stream in order with versions, metadata and positions', async () => {
      const first = await store.append(
        'order-t1-1',
        [ev('OrderBooked', { at: 'x' }), ev('OrderDispatched')],
        {
          expectedVersion: 'no_stream',
          metadata: { tenantId: 't1', actorId: 'u1', correlationId: 'c1', policyVersion: 3 },
        },
      );
      expect(first.nextExpectedVersion).toBe(2);
      expect(first.lastPosition).toBeGreaterThan(first.firstPosition);
      await store.append('order-t1-1', [ev('OrderCompleted')], { expectedVersion: 2 });

      const read = await store.readStream('order-t1-1');
      expect(read.version).toBe(3);
      expect(read.exists).toBe(true);
      expect(read.events.map((e) => [e.type, e.streamVersion])).toEqual([
        ['OrderBooked', 1],
        ['OrderDispatched', 2],
        ['OrderCompleted', 3],
      ]);
      expect(read.events[0]?.data).toEqual({ at: 'x' });
      expect(read.events[0]?.metadata).toMatchObject({ tenantId: 't1', actorId: 'u1', policyVersion: 3 });

      const tail = await store.readStream('order-t1-1', { fromVersion: 2, maxCount: 1 });
      expect(tail.events.map((e) => e.streamVersion)).toEqual([2]);
    });

    it('reports a missing stream as empty, version 0', async () => {
      const read = await store.readStream('nothing-here');
      expect(read).toMatchObject({ events: [], version: 0, exists: false });
    });

    it('reads a stream as of a point in time', async () => {
      await store.append('c-1', [ev('Registered')]);
      await new Promise((r) => setTimeout(r, 30));
      const between = new Date();
      await new Promise((r) => setTimeout(r, 30));
      await store.append('c-1', [ev('Renamed')]);
      const asOf = await store.readStream('c-1', { asOf: between });
      expect(asOf.events.map((e) => e.type)).toEqual(['Registered']);
      expect((await store.readStream('c-1')).events).toHaveLength(2);
    });

    it('reads a stream through the caller’s transaction: its own uncommitted events, others’ once committed', async () => {
      await store.append('r-1', [ev('Registered')]);
      const other = await openTransaction();
      try {
        await store.appendWith(other, 'r-1', [ev('Retired')], { expectedVersion: 1 });
        await withTransaction(pool, async (tx) => {
          await store.appendWith(tx, 'r-2', [ev('Registered')]);
          expect((await store.readStream('r-2', { client: tx })).events.map((e) => e.type)).toEqual([
            'Registered',
          ]);
          expect(await store.readStream('r-2')).toMatchObject({ events: [], exists: false });
          // Another transaction's uncommitted event is not seen, in the pool or in this transaction.
          expect((await store.readStream('r-1', { client: tx })).version).toBe(1);
          await other.query('COMMIT');
          // Committed now: the transaction's next statement sees it (READ COMMITTED).
          const after = await store.readStream('r-1', { client: tx, fromVersion: 2 });
          expect(after).toMatchObject({ version: 2, exists: true });
          expect(after.events.map((e) => e.type)).toEqual(['Retired']);
        });
      } finally {
        await other.query('ROLLBACK').catch(() => undefined);
        other.release();
      }
    });

    it.each([
      ['any', 0, true],
      ['any', 7, true],
      ['no_stream', 0, true],
      ['no_stream', 1, false],
      ['stream_exists', 0, false],
      ['stream_exists', 3, true],
      [3, 3, true],
      [3, 4, false],
      [0, 0, true],
    ] as const)('takes expected %p on a stream at version %i: %p', async (expected, actual, accepted) => {
      for (let v = 0; v < actual; v++) await store.append('v', [ev('E')]);
      const attempt = store.append('v', [ev('Next')], { expectedVersion: expected });
      if (accepted) await expect(attempt).resolves.toMatchObject({ nextExpectedVersion: actual + 1 });
      else await expect(attempt).rejects.toMatchObject({ code: 'EVENTSTORE.WRONG_EXPECTED_VERSION', actual });
      expect(await countRows()).toBe(actual + (accepted ? 1 : 0));
    });

    it.each([
      ['no_stream on an existing stream', 'no_stream' as const, 1],
      ['a stale version', 0, 1],
      ['a version from the future', 5, 1],
    ])('refuses %s with WrongExpectedVersionError and writes nothing', async (_name, expected, actual) => {
      await store.append('s-1', [ev('A')]);
      const attempt = store.append('s-1', [ev('B')], { expectedVersion: expected });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(attempt).rejects.toMatchObject({ actual, streamId: 's-1' });
      expect(await countRows()).toBe(1);
    });

    it('refuses stream_exists on a new stream', async () => {
      await expect(
        store.append('new', [ev('A')], { expectedVersion: 'stream_exists' }),
      ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    });

    it('lets exactly one of two appends at the same expected version win (one process)', async () => {
      await store.append('race', [ev('Opened')]);
      const results = await Promise.allSettled([
        store.append('race', [ev('ByA')], { expectedVersion: 1 }),
        store.append('race', [ev('ByB')], { expectedVersion: 1 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((await store.readStream('race')).version).toBe(2);
    });

    it('lets exactly one of many writers in separate connections and stores win', async () => {
      // Separate stores share nothing in memory: the database's unique constraint decides.
      const stores = Array.from(
        { length: 8 },
        () => new PostgresEventStore({ pool, schema, groupCommit: false }),
      );
      const results = await Promise.allSettled(
        stores.map((s, i) =>
          s.append('contended', [ev('Claimed', { by: i })], { expectedVersion: 'no_stream' }),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results.filter((x) => x.status === 'rejected')) {
        expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
      }
      expect(await countRows()).toBe(1);
    });

    it('keeps each batch member independent: a conflicting append fails alone', async () => {
      await store.append('x', [ev('A')]);
      const results = await Promise.allSettled([
        store.append('y', [ev('A')], { expectedVersion: 'no_stream' }),
        store.append('x', [ev('B')], { expectedVersion: 'no_stream' }), // conflicts
        store.append('z', [ev('A')], { expectedVersion: 'no_stream' }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await countRows()).toBe(3);
    });

    it('group-commits concurrent appends: fewer transactions than appends, every append stored', async () => {
      const appends = Array.from({ length: 64 }, (_, i) =>
        store.append(`g-${i}`, [ev('Happened', { i })], { expectedVersion: 'no_stream' }),
      );
      const results = await Promise.all(appends);
      const transactions = new Set(results.map((r) => r.transactionId));
      expect(transactions.size).toBeLessThan(64);
      expect(await countRows()).toBe(64);
    });

    it('orders appends to one stream made concurrently without an expected version', async () => {
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.append('seq', [ev('N', { i })])));
      const { events } = await store.readStream('seq');
      expect(events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });
  });

  describe('bad input is refused with a typed error and nothing is written', () => {
    const circular: Record<string, unknown> = {};
    circular['self'] = circular;

    it.each([
      ['a bigint', { n: 10n }, '$.n'],
      ['a circular object', circular, '$.self'],
      ['a Date instance', { at: new Date() }, '$.at'],
      ['a Map', { m: new Map() }, '$.m'],
      ['NaN', { x: Number.NaN }, '$.x'],
      ['Infinity in an array', { xs: [1, Infinity] }, '$.xs[1]'],
      ['a function', { f: () => 1 }, '$.f'],
      ['undefined data', undefined, '$'],
      ['a NUL character', { s: 'a\u0000b' }, '$.s'],
    ])('%s in the payload', async (_name, data, path) => {
      const attempt = store.append('bad', [ev('Fine'), { type: 'Bad', data }]);
      await expect(attempt).rejects.toBeInstanceOf(EventNotSerializableError);
      await expect(attempt).rejects.toMatchObject({ path: `events[1].data${path.slice(1)}` });
      expect(await countRows()).toBe(0);
    });

    it.each([
      ['an empty stream id', ''],
      ['an over-long stream id', 'x'.repeat(201)],
      ['a stream id with a newline', 'a\nb'],
    ])('%s', async (_name, streamId) => {
      await expect(store.append(streamId, [ev('A')])).rejects.toBeInstanceOf(InvalidStreamIdError);
      expect(await countRows()).toBe(0);
    });

    it('accepts a stream id of exactly 200 characters', async () => {
      await expect(store.append('x'.repeat(200), [ev('A')])).resolves.toMatchObject({
        nextExpectedVersion: 1,
      });
    });

    it.each([[-1], [1.5], [Number.NaN], ['latest'], [null]])(
      'expected version %p',
      async (expectedVersion) => {
        const attempt = store.append('s', [ev('A')], { expectedVersion: expectedVersion as never });
        await expect(attempt).rejects.toBeInstanceOf(InvalidExpectedVersionError);
        expect(await countRows()).toBe(0);
      },
    );

    it.each([
      ['no events', []],
      ['an event without a type', [{ data: {} }]],
      ['an event id that is not a uuid', [{ type: 'A', data: {}, eventId: 'nope' }]],
    ])('%s', async (_name, events) => {
      await expect(store.append('s', events as never)).rejects.toBeInstanceOf(InvalidEventError);
      expect(await countRows()).toBe(0);
    });

    it('an event larger than the limit', async () => {
      const small = new PostgresEventStore({ pool, schema, maxEventBytes: 1000 });
      await expect(small.append('s', [ev('Big', { s: 'x'.repeat(2000) })])).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      expect(await countRows()).toBe(0);
    });

    it('an event id stored before is refused, and the whole append with it', async () => {
      const eventId = newId();
      await store.append('a', [{ type: 'A', data: {}, eventId }]);
      await expect(store.append('b', [ev('B'), { type: 'A', data: {}, eventId }])).rejects.toMatchObject({
        code: 'EVENTSTORE.DUPLICATE_EVENT_ID',
        eventId,
      });
      expect(await countRows()).toBe(1);
    });

    it('an unknown event type on read', async () => {
      await store.append('s', [ev('Legacy', { a: 1 })]);
      const strict = new PostgresEventStore({ pool, schema, registry: new EventRegistry().define('Known') });
      await expect(strict.readStream('s')).rejects.toBeInstanceOf(UnknownEventTypeError);
      await expect(strict.readAll()).rejects.toBeInstanceOf(UnknownEventTypeError);
    });

    it('an unknown event type on write, when the store has a registry', async () => {
      const strict = new PostgresEventStore({ pool, schema, registry: new EventRegistry().define('Known') });
      await expect(strict.append('s', [ev('Known'), ev('Unknown')])).rejects.toBeInstanceOf(
        UnknownEventTypeError,
      );
      expect(await countRows()).toBe(0);
    });
  });

  describe('schema versions and snapshots', () => {
    it('upcasts old event versions into the current shape on read', async () => {
      const v1 = new PostgresEventStore({
        pool,
        schema,
        registry: new EventRegistry().define('Named', { version: 1 }),
      });
      await v1.append('p', [ev('Named', { name: 'Li Lei' })]);
      const v2 = new PostgresEventStore({
        pool,
        schema,
        registry: new EventRegistry().define('Named', {
          version: 2,
          upcasters: { 1: (d) => ({ fullName: (d as { name: string }).name }) },
        }),
      });
      await v2.append('p', [ev('Named', { fullName: 'Han Meimei' })]);
      const { events } = await v2.readStream('p');
      expect(events.map((e) => [e.schemaVersion, e.data])).toEqual([
        [2, { fullName: 'Li Lei' }],
        [2, { fullName: 'Han Meimei' }],
      ]);
      const raw = await pool.query(`SELECT schema_version FROM "${schema}".events ORDER BY global_position`);
      expect(raw.rows.map((r: { schema_version: number }) => r.schema_version)).toEqual([1, 2]);
    });

    it('folds from a snapshot and takes a new one every N events', async () => {
      const evolve = (n: number, e: RecordedEvent) => n + (e.data as { by: number }).by;
      const snap = { type: 'counter', schemaVersion: 1, every: 3 };
      await store.append(
        'counter',
        [1, 2, 3, 4].map((by) => ev('Added', { by })),
      );
      expect(await store.aggregate('counter', evolve, () => 0, snap)).toEqual({ state: 10, version: 4 });
      expect(await store.loadSnapshot('counter')).toMatchObject({ version: 4, state: 10 });

      await store.append('counter', [ev('Added', { by: 5 })]);
      // Tamper with the stored prefix: a fold from the snapshot must not read it again.
      await pool.query(`UPDATE "${schema}".events SET data = '{"by": 1000}' WHERE stream_version = 1`);
      expect(await store.aggregate('counter', evolve, () => 0, snap)).toEqual({ state: 15, version: 5 });
      // A snapshot of another schema version is ignored.
      expect(await store.aggregate('counter', evolve, () => 0, { ...snap, schemaVersion: 2 })).toEqual({
        state: 1014,
        version: 5,
      });
    });

    it('migrates idempotently', async () => {
      await store.migrate();
      await new PostgresEventStore({ pool, schema }).migrate();
      const { rows } = await pool.query(`SELECT id FROM "${schema}".schema_migrations`);
      expect(rows).toHaveLength(1);
    });
  });

  describe('the global log', () => {
    it('reads every event once, in order, page by page', async () => {
      for (let i = 0; i < 25; i++) await store.append(`s-${i % 3}`, [ev('E', { i })]);
      const events = await readEverything();
      expect(events.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    });

    it('delivers a transaction that took its position first and commits last, after later positions were read', async () => {
      // C gets its transaction id first; A then takes the lower position; C takes a higher one and commits.
      const c = await openTransaction();
      await c.query('SELECT pg_current_xact_id()');
      const a = await openTransaction();
      const aResult = await store.appendWith(a, 'slow', [ev('Slow')]);
      const cResult = await store.appendWith(c, 'fast', [ev('Fast')]);
      expect(aResult.firstPosition).toBeLessThan(cResult.firstPosition);
      await finish(c, 'COMMIT');

      const firstRead = await store.readAll();
      expect(firstRead.events.map((e) => e.type)).toEqual(['Fast']); // position 2 read already
      // A reader that checkpointed on positions alone would now wait for positions > 2 and lose 'Slow'.
      const naive = await pool.query(`SELECT 1 FROM "${schema}".events WHERE global_position > $1`, [
        cResult.firstPosition.toString(),
      ]);
      expect(naive.rowCount).toBe(0);

      await finish(a, 'COMMIT');
      const secondRead = await store.readAll({ after: firstRead.checkpoint });
      expect(secondRead.events.map((e) => [e.type, e.globalPosition])).toEqual([
        ['Slow', aResult.firstPosition],
      ]);
    });

    it('holds back later commits until an earlier open transaction ends, then gives them in order', async () => {
      const a = await openTransaction();
      await store.appendWith(a, 'first', [ev('First')]);
      await store.append('second', [ev('Second')]);
      expect((await store.readAll()).events).toEqual([]); // nothing is read past an open transaction
      await finish(a, 'COMMIT');
      expect((await readEverything()).map((e) => e.type)).toEqual(['First', 'Second']);
    });

    it('orders by the transaction id as a number, also across a change in its number of digits', async () => {
      // Rows as transactions 9 and 10 would have left them ('10' sorts before '9' as text).
      await pool.query(
        `INSERT INTO "${schema}".events (transaction_id, stream_id, stream_version, event_id, type, data)
         VALUES ('10'::xid8, 'b', 1, gen_random_uuid(), 'Second', '{}'),
                ('9'::xid8, 'a', 1, gen_random_uuid(), 'First', '{}')`,
      );
      expect((await readEverything()).map((e) => [e.type, e.transactionId])).toEqual([
        ['First', 9n],
        ['Second', 10n],
      ]);
      const firstPage = await store.readAll({ limit: 1 });
      expect(firstPage.checkpoint.transactionId).toBe(9n);
      expect((await store.readAll({ after: firstPage.checkpoint })).events.map((e) => e.type)).toEqual([
        'Second',
      ]);
    });

    it('passes over a rolled-back append without stalling', async () => {
      await store.append('s', [ev('Before')]);
      const a = await openTransaction();
      await store.appendWith(a, 's', [ev('RolledBack')]);
      await finish(a, 'ROLLBACK');
      await store.append('s', [ev('After')]);
      const events = await readEverything();
      expect(events.map((e) => e.type)).toEqual(['Before', 'After']);
      const positions = events.map((e) => Number(e.globalPosition));
      expect((positions[1] ?? 0) - (positions[0] ?? 0)).toBeGreaterThan(1); // the hole is there, and passed
    });

    it('never skips or repeats an event under concurrent writers with random commit delays', async () => {
      const writers = 12;
      const perWriter = 15;
      let writing = true;
      const seen: string[] = [];
      const reader = (async () => {
        let checkpoint = START;
        let idleAfterDone = 0;
        while (idleAfterDone < 3) {
          const page = await store.readAll({ after: checkpoint, limit: 50 });
          seen.push(...page.events.map((e) => e.eventId));
          checkpoint = page.checkpoint;
          if (!writing && page.events.length === 0) idleAfterDone += 1;
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      const written: string[] = [];
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let i = 0; i < perWriter; i++) {
            const client = await pool.connect();
            try {
              await client.query('BEGIN');
              const eventId = newId();
              await store.appendWith(client, `w-${w}`, [{ type: 'E', data: { w, i }, eventId }]);
              await new Promise((r) => setTimeout(r, Math.random() * 15));
              if (Math.random() < 0.15) {
                await client.query('ROLLBACK');
              } else {
                await client.query('COMMIT');
                written.push(eventId);
              }
            } finally {
              client.release();
            }
          }
        }),
      );
      writing = false;
      await reader;
      expect(seen).toHaveLength(written.length);
      expect(new Set(seen)).toEqual(new Set(written));
    });
  });
  const setting = async (tx: PoolClient) =>
    (await tx.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit;

  describe('commit flushing', () => {
    it('waits for the WAL flush by default, and not in a deferred transaction', async () => {
      expect(await withTransaction(pool, setting)).toBe('on');
      expect(await withTransaction(pool, setting, { flush: 'deferred' })).toBe('off');
    });

    it('flushes a deferred transaction that appends events: others act on them once they are readable', async () => {
      const seen = await withTransaction(
        pool,
        async (tx) => {
          const before = await setting(tx);
          await store.appendWith(tx, `flushed-${newId()}`, [ev('Appended')]);
          return [before, await setting(tx)];
        },
        { flush: 'deferred' },
      );
      expect(seen).toEqual(['off', 'on']);
    });

    it('leaves the next transaction on the same connection as it asks', async () => {
      const one = testPool({ max: 1 }); // one connection: each transaction reuses it
      try {
        await withTransaction(one, setting, { flush: 'deferred' });
        expect(await withTransaction(one, setting)).toBe('on');
        await withTransaction(
          one,
          async (tx) => {
            await store.appendWith(tx, `plain-${newId()}`, [ev('Appended')]);
          },
          { flush: 'deferred' },
        );
        expect(await withTransaction(one, setting, { flush: 'deferred' })).toBe('off');
      } finally {
        await one.end();
      }
    });
  });

  describe('a transaction opened with a statement', () => {
    it('runs it inside the transaction, in either flush mode, and hands its result to the work', async () => {
      await pool.query(`CREATE TABLE "${schema}".opened (id text PRIMARY KEY)`);
      const insert = (id: string) => `INSERT INTO "${schema}".opened VALUES ('${id}') ON CONFLICT DO NOTHING`;
      for (const flush of ['now', 'deferred'] as const) {
        const seen = await withTransaction(
          pool,
          async (tx, opened) => [opened?.rowCount, (await setting(tx)) ?? '?'] as const,
          { flush, opening: insert(`a-${flush}`) },
        );
        expect(seen).toEqual([1, flush === 'now' ? 'on' : 'off']);
      }
      const again = await withTransaction(pool, (_tx, opened) => Promise.resolve(opened?.rowCount), {
        opening: insert('a-now'),
      });
      expect(again).toBe(0);
      await expect(
        withTransaction(
          pool,
          () => {
            throw new Error('the work fails');
          },
          { flush: 'deferred', opening: insert('rolled-back') },
        ),
      ).rejects.toThrow('the work fails');
      const { rows } = await pool.query<{ id: string }>(`SELECT id FROM "${schema}".opened ORDER BY id`);
      expect(rows.map((r) => r.id)).toEqual(['a-deferred', 'a-now']);
    });
  });
  it('keeps its append and its reads prepared on each connection, and still answers after its tables are made anew', async () => {
    const one = testPool({ max: 1 });
    try {
      const own = new PostgresEventStore({ pool: one, schema, groupCommit: false });
      await own.append('prepared-1', [{ type: 'Happened', data: { n: 1 } }]);
      await own.readStream('prepared-1');
      await own.readAll({ limit: 10 });
      const kept = await one.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
      const statements = kept.rows.map((r) => r.statement);
      expect(statements.some((t) => t.includes(`INSERT INTO "${schema}".events`))).toBe(true);
      expect(statements.some((t) => t.includes('stream_version BETWEEN $2 AND $3'))).toBe(true);
      expect(statements.some((t) => t.includes('pg_snapshot_xmin(pg_current_snapshot())'))).toBe(true);

      // The schema dropped and made again under the same name: the kept statements find the new tables.
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await own.migrate();
      await own.append('prepared-2', [{ type: 'Happened', data: { n: 2 } }]);
      expect((await own.readStream('prepared-2')).events.map((e) => e.data)).toEqual([{ n: 2 }]);
      expect((await own.readAll({ limit: 10 })).events.map((e) => e.streamId)).toEqual(['prepared-2']);
    } finally {
      await one.end();
    }
  });
});
