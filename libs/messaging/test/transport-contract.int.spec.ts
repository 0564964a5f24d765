import { eventually } from '@serviceops/testing';
import type { Kafka } from 'kafkajs';
import { deadLetterTopic, type DeliveredEvent, type RunningSubscription } from '../src';
import { Harness, type TransportKind } from './harness';

/** The contract every transport keeps; the same suite runs on the embedded log and on a real Kafka broker. */
describe.each<TransportKind>(['log', 'kafka'])('transport contract: %s', (kind) => {
  let h: Harness;
  const running: RunningSubscription[] = [];

  beforeEach(async () => {
    h = new Harness(kind);
    await h.setUp();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
    await h.tearDown();
  });

  async function subscribe(
    consumer: string,
    options: {
      fail?: (e: DeliveredEvent) => boolean;
      delivered?: DeliveredEvent[];
      maxAttempts?: number;
      types?: readonly string[];
      from?: 'earliest' | 'latest';
    } = {},
  ): Promise<RunningSubscription> {
    const sub = await h.transport.subscribe({
      consumer,
      topics: [h.topic],
      ...(options.types ? { types: options.types } : {}),
      ...(options.from ? { from: options.from } : {}),
      retry: { maxAttempts: options.maxAttempts ?? 3, initialDelayMs: 10, maxDelayMs: 50 },
      handler: async (event, tx) => {
        if (options.fail?.(event)) throw new Error(`cannot handle ${event.type}`);
        await h.recordEffect(consumer, event, tx);
      },
      hooks: { afterEffectCommitted: (e) => void options.delivered?.push(e) },
    });
    running.push(sub);
    return sub;
  }

  it('delivers every event once, each stream in its order', async () => {
    await subscribe('c1');
    for (let i = 0; i < 30; i++) await h.store.append(`s-${i % 3}`, [{ type: 'Happened', data: { i } }]);
    await h.waitForEffects('c1', 30);
    const effects = await h.effects('c1');
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(30);
    for (const stream of ['s-0', 's-1', 's-2']) {
      const versions = effects.filter((e) => e.stream_id === stream).map((e) => e.stream_version);
      expect(versions).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    }
  });

  it('delivers each event exactly as it was stored', async () => {
    const delivered: DeliveredEvent[] = [];
    await subscribe('c1', { delivered });
    const data = {
      name: '李雷',
      amount: { amount: 12345, currency: 'CNY' },
      tags: ['a', null],
      nested: { ok: true },
    };
    await h.store.append('order-t1-9', [{ type: 'OrderBooked', data }], {
      metadata: {
        tenantId: 't1',
        actorId: 'u1',
        traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      },
    });
    await h.waitForEffects('c1', 1);
    const [stored] = (await h.store.readStream('order-t1-9')).events;
    expect(delivered[0]).toEqual({ ...stored, topic: h.topic });
  });

  it('applies an event delivered twice only once', async () => {
    const delivered: DeliveredEvent[] = [];
    const sub = await subscribe('c1', { delivered });
    await h.store.append('s', [{ type: 'Once', data: {} }]);
    await h.waitForEffects('c1', 1);
    const first = delivered[0] as DeliveredEvent;

    if (kind === 'log') {
      // The log transport redelivers when a consumer restarts from an older checkpoint.
      await sub.stop();
      running.splice(running.indexOf(sub), 1);
      await h.redeliver('c1', first);
      await subscribe('c1', { delivered });
    } else {
      await h.redeliver('c1', first);
    }
    await eventually('the redelivery', () => (delivered.length >= 2 ? true : undefined));
    expect(delivered[1]?.eventId).toBe(first.eventId);
    await h.store.append('s', [{ type: 'After', data: {} }]);
    await h.waitForEffects('c1', 2);
    expect((await h.effects('c1')).map((e) => e.event_id).filter((id) => id === first.eventId)).toHaveLength(
      1,
    );
  });

  it('sends a poison event to the dead letters after N tries, keeps later events flowing, and replays it once', async () => {
    let fixed = false;
    await subscribe('c1', { fail: (e) => e.type === 'Poison' && !fixed, maxAttempts: 3 });
    await h.store.append('p', [{ type: 'Poison', data: {} }]);
    for (let i = 0; i < 5; i++) await h.store.append(`ok-${i}`, [{ type: 'Fine', data: { i } }]);
    await h.waitForEffects('c1', 5);

    const letters = await eventually('a dead letter', async () => {
      const l = await h.consumerDb.deadLetters('c1');
      return l.length > 0 ? l : undefined;
    });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ eventType: 'Poison', attempts: 3, topic: h.topic });
    expect(letters[0]?.error).toContain('cannot handle Poison');

    if (kind === 'kafka') await expectOnDeadLetterTopic(h.kafka as Kafka, deadLetterTopic(h.topic), 'Poison');

    fixed = true;
    const handler = async (event: DeliveredEvent, tx: import('pg').PoolClient) =>
      h.recordEffect('c1', event, tx);
    const id = letters[0]?.id as string;
    expect(await h.consumerDb.replay(id, handler)).toBe('applied');
    expect(await h.consumerDb.replay(id, handler)).toBe('already-replayed');
    const effects = await h.effects('c1');
    expect(effects).toHaveLength(6);
    expect(effects.filter((e) => e.stream_id === 'p')).toHaveLength(1);
    expect(await h.consumerDb.deadLetters('c1')).toEqual([]);
  });

  it('catches up on a backlog in which one event fails: the others apply once, the failure is dead-lettered', async () => {
    const backlog = Array.from({ length: 40 }, (_, i) => ({
      type: i === 17 ? 'Poison' : 'Fine',
      data: { i },
    }));
    await h.store.append('backlog', backlog); // one transaction: the consumer reads it as one page
    await subscribe('c1', { fail: (e) => e.type === 'Poison', maxAttempts: 2 });
    await h.waitForEffects('c1', 39);
    const letters = await eventually('the dead letter', async () => {
      const l = await h.consumerDb.deadLetters('c1');
      return l.length > 0 ? l : undefined;
    });
    expect(letters.map((l) => [l.eventType, l.attempts])).toEqual([['Poison', 2]]);
    const effects = await h.effects('c1');
    expect(effects).toHaveLength(39);
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(39);
    expect(effects.map((e) => e.stream_version)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1).filter((v) => v !== 18),
    );
  });

  it('resumes after a restart where it left off, without doubling or losing', async () => {
    const first = await subscribe('c1');
    for (let i = 0; i < 10; i++) await h.store.append('s', [{ type: 'E', data: { i } }]);
    await h.waitForEffects('c1', 10);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    for (let i = 10; i < 20; i++) await h.store.append('s', [{ type: 'E', data: { i } }]);
    await subscribe('c1');
    await h.waitForEffects('c1', 20);
    const effects = await h.effects('c1');
    expect(effects.map((e) => e.stream_version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('reports its lag: the events waiting while it is stopped, none once it caught up', async () => {
    const first = await subscribe('c1');
    for (let i = 0; i < 10; i++) await h.store.append('s', [{ type: 'E', data: { i } }]);
    await h.waitForEffects('c1', 10);
    await eventually('no lag', async () =>
      (await h.transport.lag('c1', [h.topic])) === 0 ? true : undefined,
    );
    await first.stop();
    running.splice(running.indexOf(first), 1);

    for (let i = 10; i < 15; i++) await h.store.append('s', [{ type: 'E', data: { i } }]);
    await eventually('a lag of 5', async () =>
      (await h.transport.lag('c1', [h.topic])) === 5 ? true : undefined,
    );
    await subscribe('c1');
    await h.waitForEffects('c1', 15);
    await eventually('no lag again', async () =>
      (await h.transport.lag('c1', [h.topic])) === 0 ? true : undefined,
    );
  });

  it('rebuilds a consumer from zero after a reset', async () => {
    const first = await subscribe('c1');
    for (let i = 0; i < 10; i++) await h.store.append(`s-${i % 2}`, [{ type: 'E', data: { i } }]);
    await h.waitForEffects('c1', 10);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    await h.pool.query(`DELETE FROM "${h.consumerSchema}".effects WHERE consumer = 'c1'`); // the read model
    await h.transport.reset('c1', [h.topic]);
    await subscribe('c1');
    await h.waitForEffects('c1', 10);
    const effects = await h.effects('c1');
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(10);
    expect(effects).toHaveLength(10);
  });

  it('passes over the types a consumer does not handle: no effect, no inbox row, once each after a restart', async () => {
    const delivered: DeliveredEvent[] = [];
    const first = await subscribe('c1', { delivered, types: ['Wanted'] });
    for (let i = 0; i < 6; i++)
      await h.store.append(`s-${i}`, [{ type: i % 2 ? 'Wanted' : 'Other', data: {} }]);
    // One transaction of both kinds, ending with one passed over: a page delivered together.
    await h.store.append('mixed', [
      { type: 'Other', data: {} },
      { type: 'Wanted', data: {} },
      { type: 'Wanted', data: {} },
      { type: 'Other', data: {} },
    ]);
    await h.waitForEffects('c1', 5);
    await eventually('no lag', async () =>
      (await h.transport.lag('c1', [h.topic])) === 0 ? true : undefined,
    );
    await first.stop();
    running.splice(running.indexOf(first), 1);

    for (let i = 0; i < 3; i++) await h.store.append('later', [{ type: 'Other', data: {} }]);
    await h.store.append('later', [{ type: 'Wanted', data: {} }]);
    await subscribe('c1', { delivered, types: ['Wanted'] });
    await h.waitForEffects('c1', 6);
    await eventually('no lag again', async () =>
      (await h.transport.lag('c1', [h.topic])) === 0 ? true : undefined,
    );
    const effects = await h.effects('c1');
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(6);
    expect(effects).toHaveLength(6);
    expect(delivered.map((e) => e.type)).toEqual(Array.from({ length: 6 }, () => 'Wanted'));
    const { rows } = await h.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${h.consumerSchema}".inbox WHERE consumer = 'c1'`,
    );
    expect(rows[0]?.n).toBe(6);
  });

  it('starts a new `latest` consumer after what was published before it, then goes on from its place', async () => {
    await subscribe('c0'); // reads from the beginning: once it has all five, they are on the transport
    for (let i = 0; i < 5; i++) await h.store.append('s', [{ type: 'Before', data: { i } }]);
    await h.waitForEffects('c0', 5);

    const delivered: DeliveredEvent[] = [];
    const first = await subscribe('c1', { delivered, from: 'latest' });
    for (let i = 0; i < 3; i++) await h.store.append('s', [{ type: 'After', data: { i } }]);
    await h.waitForEffects('c1', 3);
    await first.stop();
    running.splice(running.indexOf(first), 1);

    // A restart is not a first meeting: what was published while it was stopped is delivered.
    for (let i = 3; i < 5; i++) await h.store.append('s', [{ type: 'After', data: { i } }]);
    await subscribe('c1', { delivered, from: 'latest' });
    await h.waitForEffects('c1', 5);
    await h.waitForEffects('c0', 10);
    const effects = await h.effects('c1');
    expect(effects.map((e) => e.stream_version)).toEqual([6, 7, 8, 9, 10]);
    expect(delivered.map((e) => e.type)).toEqual(Array.from({ length: 5 }, () => 'After'));
  });

  it('keeps consumers apart: each consumer applies each event once', async () => {
    await subscribe('c1');
    await subscribe('c2');
    for (let i = 0; i < 5; i++) await h.store.append('s', [{ type: 'E', data: { i } }]);
    await h.waitForEffects('c1', 5);
    await h.waitForEffects('c2', 5);
    expect(await h.effects('c1')).toHaveLength(5);
  });
});

async function expectOnDeadLetterTopic(kafka: Kafka, topic: string, type: string): Promise<void> {
  const consumer = kafka.consumer({ groupId: `dlq-reader-${Date.now()}` });
  const seen: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      seen.push(
        message.headers?.['event-type']?.toString() ?? '',
        message.headers?.['dlq-error']?.toString() ?? '',
      );
      return Promise.resolve();
    },
  });
  try {
    await eventually(`a ${type} on ${topic}`, () => (seen.includes(type) ? true : undefined));
    expect(seen.join(' ')).toContain(`cannot handle ${type}`);
  } finally {
    await consumer.disconnect();
  }
}
