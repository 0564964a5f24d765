import { PostgresEventStore } from '@serviceops/eventstore';
import { LogTransport } from '../src';
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
});
