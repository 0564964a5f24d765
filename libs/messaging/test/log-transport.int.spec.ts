import { notifyChannel, PostgresEventStore } from '@serviceops/eventstore';
import { eventually, testPool } from '@serviceops/testing';
import { ConsumerDb, LogTransport } from '../src';
import { Harness } from './harness';

describe('the log transport', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness('log');
    await h.setUp();
  });
  afterEach(async () => {
    await h.tearDown();
  });

  it('still delivers everything when no NOTIFY ever comes: polling alone is correct', async () => {
    const silent = new PostgresEventStore({ pool: h.pool, schema: h.producerSchema, notify: false });
    h.transport = new LogTransport({
      sourcePool: h.pool,
      consumerDb: h.consumerDb,
      idlePollMs: { min: 5, max: 50 },
    });
    await h.transport.subscribe({
      consumer: 'poller',
      topics: [h.topic],
      handler: (event, tx) => h.recordEffect('poller', event, tx),
    });
    for (let i = 0; i < 10; i++) await silent.append(`s-${i % 2}`, [{ type: 'Quiet', data: { i } }]);
    await h.waitForEffects('poller', 10);
    expect(await h.effects('poller')).toHaveLength(10);
  });

  it('commits an effect with its checkpoint without waiting for the WAL flush (both are redone if lost)', async () => {
    const settings: string[] = [];
    await h.transport.subscribe({
      consumer: 'deferred',
      topics: [h.topic],
      handler: async (event, tx) => {
        const { rows } = await tx.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
        settings.push(rows[0]?.synchronous_commit ?? '?');
        await h.recordEffect('deferred', event, tx);
      },
    });
    await h.store.append('one', [{ type: 'Single', data: {} }]); // delivered alone
    await h.waitForEffects('deferred', 1);
    await h.store.append('two', [
      { type: 'A', data: {} },
      { type: 'B', data: {} },
    ]); // delivered as a page, or one by one
    await h.waitForEffects('deferred', 3);
    expect(settings).toEqual(['off', 'off', 'off']);
  });

  it('keeps its checkpoint in the consumer schema, moved with each effect', async () => {
    await h.transport.subscribe({
      consumer: 'tracked',
      topics: [h.topic],
      handler: (event, tx) => h.recordEffect('tracked', event, tx),
    });
    const last = await h.store.append('s', [
      { type: 'A', data: {} },
      { type: 'B', data: {} },
    ]);
    await h.waitForEffects('tracked', 2);
    const checkpoint = await h.consumerDb.loadCheckpoint('tracked', h.topic);
    expect(checkpoint).toEqual({ transactionId: last.transactionId, position: last.lastPosition });
  });

  it('passes over unhandled types without a transaction each, saving its place lazily and on stop', async () => {
    const transactions = jest.spyOn(h.consumerDb, 'transaction');
    const sub = await h.transport.subscribe({
      consumer: 'picky',
      topics: [h.topic],
      types: ['Wanted'],
      handler: (event, tx) => h.recordEffect('picky', event, tx),
    });
    let last = await h.store.append('s', [{ type: 'Other', data: {} }]);
    for (let i = 1; i < 20; i++) last = await h.store.append('s', [{ type: 'Other', data: {} }]);
    await eventually('no lag', async () =>
      (await h.transport.lag('picky', [h.topic])) === 0 ? true : undefined,
    );
    // Twenty events passed over: at most a lazy checkpoint save or two, not a transaction per event.
    expect(transactions.mock.calls.length).toBeLessThan(5);
    transactions.mockRestore();
    await sub.stop();
    expect(await h.consumerDb.loadCheckpoint('picky', h.topic)).toEqual({
      transactionId: last.transactionId,
      position: last.lastPosition,
    });
    expect(await h.effects('picky')).toEqual([]);
  });

  it('applies a handled event once when a crash lost the place it had passed over', async () => {
    const subscribe = () =>
      h.transport.subscribe({
        consumer: 'picky',
        topics: [h.topic],
        types: ['Wanted'],
        handler: (event, tx) => h.recordEffect('picky', event, tx),
      });
    const first = await subscribe();
    await h.store.append('s', [{ type: 'Wanted', data: {} }]);
    await h.store.append('s', [{ type: 'Other', data: {} }]);
    await h.waitForEffects('picky', 1);
    await first.stop();
    // As after a crash before any save: the checkpoint stands before everything.
    await h.pool.query(`DELETE FROM "${h.consumerSchema}".consumer_checkpoints WHERE consumer = 'picky'`);
    await h.store.append('s', [{ type: 'Wanted', data: {} }]);
    await subscribe();
    await h.waitForEffects('picky', 2);
    await eventually('no lag', async () =>
      (await h.transport.lag('picky', [h.topic])) === 0 ? true : undefined,
    );
    const effects = await h.effects('picky');
    expect(effects.map((e) => e.stream_version)).toEqual([1, 3]);
  });

  it('sleeps until the next NOTIFY once it has read every announced write, instead of polling', async () => {
    h.transport = new LogTransport({
      sourcePool: h.pool,
      consumerDb: h.consumerDb,
      idlePollMs: { min: 5, max: 60_000 },
    });
    await h.transport.subscribe({
      consumer: 'sleeper',
      topics: [h.topic],
      handler: (event, tx) => h.recordEffect('sleeper', event, tx),
    });
    await h.store.append('s', [{ type: 'First', data: {} }]);
    await h.waitForEffects('sleeper', 1);
    const reads = jest.spyOn(PostgresEventStore.prototype, 'readAll');
    await new Promise((r) => setTimeout(r, 300)); // polling from 5 ms would read about six times
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1);
    reads.mockRestore();
    await h.store.append('s', [{ type: 'Second', data: {} }]); // its NOTIFY wakes the reader
    await h.waitForEffects('sleeper', 2, 5_000);
  });

  it('polls for a write announced but hidden behind an older transaction, which ends without a NOTIFY', async () => {
    h.transport = new LogTransport({
      sourcePool: h.pool,
      consumerDb: h.consumerDb,
      idlePollMs: { min: 5, max: 60_000 },
    });
    await h.transport.subscribe({
      consumer: 'patient',
      topics: [h.topic],
      handler: (event, tx) => h.recordEffect('patient', event, tx),
    });
    const older = await h.pool.connect();
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()'); // holds the readers' horizon back
      await h.store.append('s', [{ type: 'Hidden', data: {} }]);
      await new Promise((r) => setTimeout(r, 100));
      expect(await h.effects('patient')).toEqual([]); // not readable yet
      await older.query('COMMIT');
    } finally {
      older.release();
    }
    await h.waitForEffects('patient', 1, 5_000);
  });
  it('shares one LISTEN connection and one read of the log among the transports of a process, closed by the last', async () => {
    // Another service of the same process: its own pool and consumer schema, the same database.
    const otherPool = testPool({ max: 4 });
    const otherDb = new ConsumerDb(otherPool, `${h.consumerSchema}_b`);
    await otherDb.migrate();
    await otherPool.query(`CREATE TABLE "${otherDb.schema}".effects (event_id uuid, consumer text)`);
    const other = new LogTransport({ sourcePool: otherPool, consumerDb: otherDb });
    const listening = async () => {
      const { rows } = await h.pool.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM pg_stat_activity WHERE query = $1`,
        [`LISTEN "${notifyChannel(h.producerSchema)}"`],
      );
      return Number(rows[0]?.n);
    };
    try {
      await h.transport.subscribe({
        consumer: 'first',
        topics: [h.topic],
        handler: (event, tx) => h.recordEffect('first', event, tx),
      });
      await other.subscribe({
        consumer: 'second',
        topics: [h.topic],
        handler: async (event, tx) => {
          await tx.query(
            `INSERT INTO "${otherDb.schema}".effects (event_id, consumer) VALUES ($1, 'second')`,
            [event.eventId],
          );
        },
      });
      expect(await listening()).toBe(1);

      for (let i = 0; i < 20; i++) await h.store.append(`hub-${i % 3}`, [{ type: 'Shared', data: { i } }]);
      await h.waitForEffects('first', 20);
      const second = () =>
        otherPool
          .query<{ n: string }>(`SELECT count(*)::text AS n FROM "${otherDb.schema}".effects`)
          .then(({ rows }) => Number(rows[0]?.n));
      await eventually('the other service’s 20 effects', async () =>
        (await second()) >= 20 ? true : undefined,
      );
      expect(await h.effects('first')).toHaveLength(20);
      expect(await second()).toBe(20);

      // One transport gone, the other still woken at once; the last gone, nothing listens any more.
      await h.transport.close();
      expect(await listening()).toBe(1);
      await h.store.append('hub-after', [{ type: 'Shared', data: { i: 20 } }]);
      await eventually('the effect after the first left', async () =>
        (await second()) === 21 ? true : undefined,
      );
      await other.close();
      await eventually('no LISTEN left', async () => ((await listening()) === 0 ? true : undefined));
    } finally {
      await other.close();
      await otherPool.query(`DROP SCHEMA IF EXISTS "${otherDb.schema}" CASCADE`);
      await otherPool.end();
    }
  });
  it('polls a quiet log once per beat for all its caught-up consumers, not once per consumer', async () => {
    h.transport = new LogTransport({
      sourcePool: h.pool,
      consumerDb: h.consumerDb,
      idlePollMs: { min: 5, max: 100 },
    });
    // Started 25 ms apart, as a process's consumers start one after another.
    for (const consumer of ['quiet-1', 'quiet-2', 'quiet-3', 'quiet-4']) {
      await h.transport.subscribe({ consumer, topics: [h.topic], handler: () => Promise.resolve() });
      await new Promise((r) => setTimeout(r, 25));
    }
    await new Promise((r) => setTimeout(r, 300)); // every loop has read the (empty) log and is waiting
    const reads = jest.spyOn(PostgresEventStore.prototype, 'readAll');
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      // About ten beats of 100 ms; four loops polling each on its own would read about forty times.
      expect(reads.mock.calls.length).toBeGreaterThan(0);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(20);
    } finally {
      reads.mockRestore();
    }
  });
});
