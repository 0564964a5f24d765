import { eventually } from '@serviceops/testing';
import type { Kafka } from 'kafkajs';
import { Harness, type TransportKind } from './harness';
import { spawnScript, stopChild, type Child } from './processes/spawn';

const children: Child[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map(stopChild));
});

function start(script: string, args: unknown): Child {
  const child = spawnScript(script, args);
  children.push(child);
  return child;
}

async function expectEachEffectOnce(h: Harness, consumer: string, count: number): Promise<void> {
  const effects = await h.effects(consumer);
  expect(effects).toHaveLength(count);
  expect(new Set(effects.map((e) => e.event_id)).size).toBe(count);
}

describe.each<TransportKind>(['log', 'kafka'])(
  'a consumer process killed between effect and checkpoint: %s',
  (kind) => {
    let h: Harness;
    beforeEach(async () => {
      h = new Harness(kind);
      await h.setUp();
    });
    afterEach(async () => {
      await h.tearDown();
    });

    it('loses nothing and doubles nothing after a restart', async () => {
      for (let i = 0; i < 20; i++) await h.store.append(`s-${i % 4}`, [{ type: 'E', data: { i } }]);
      const args = {
        kind,
        consumerSchema: h.consumerSchema,
        topic: h.topic,
        consumer: 'crashy',
        groupIdPrefix: h.groupIdPrefix,
      };

      const first = start('processes/consumer-process.ts', { ...args, crashAfter: 5 });
      expect(await first.exited).toBe('SIGKILL');
      const beforeRestart = await h.effects('crashy');
      expect(beforeRestart.length).toBeGreaterThanOrEqual(5);

      const second = start('processes/consumer-process.ts', args);
      await h.waitForEffects('crashy', 20, 45_000);
      const redelivered = () =>
        second.lines
          .filter((l) => l.startsWith('{'))
          .map((l) => (JSON.parse(l) as { delivered: string }).delivered)
          .filter((id) => beforeRestart.some((e) => e.event_id === id));
      if (kind === 'kafka') {
        // The offsets of the first process's effects were never committed: they come again, and the inbox
        // turns them into no-ops. Waited for, not sampled: when the first process had applied all 20 before it
        // was killed, the effects are all there before the second one is even given its partitions (the dead
        // member holds them until its session times out).
        await eventually(
          'the first process’s events delivered again',
          () => (redelivered().length > 0 ? true : undefined),
          45_000,
        );
      }
      await stopChild(second);
      await expectEachEffectOnce(h, 'crashy', 20);
    }, 120_000);
  },
);

describe('the Kafka relay killed mid-stream', () => {
  let h: Harness;
  beforeEach(async () => {
    h = new Harness('kafka');
    await h.setUp({ relay: false }); // only the child processes relay
  });
  afterEach(async () => {
    await h.tearDown();
  });

  it('publishes every event after a restart, and every effect happens once', async () => {
    for (let i = 0; i < 50; i++) await h.store.append(`s-${i % 5}`, [{ type: 'E', data: { i } }]);
    const args = { producerSchema: h.producerSchema, topic: h.topic, batchSize: 10 };

    const first = start('processes/relay-process.ts', { ...args, crashAfterBatches: 2 });
    expect(await first.exited).toBe('SIGKILL');
    const second = start('processes/relay-process.ts', args);

    await h.transport.subscribe({
      consumer: 'after-relay-crash',
      topics: [h.topic],
      handler: (event, tx) => h.recordEffect('after-relay-crash', event, tx),
    });
    await h.waitForEffects('after-relay-crash', 50, 45_000);

    // The first relay published batches 1 and 2 and died before checkpointing batch 2 (its checkpoint write
    // trails one batch behind, so batch 1's may not have landed either). The second relay re-publishes from
    // the stored checkpoint to the end: the topic holds the 50 events plus the 10 or 20 published twice.
    const published = () =>
      second.lines
        .filter((l) => l.includes('"published"'))
        .reduce((n, l) => n + (JSON.parse(l) as { published: number }).published, 0);
    const admin = (h.kafka as Kafka).admin();
    await admin.connect();
    try {
      const onTopic = await eventually('the second relay to reach the end of the log', async () => {
        const offsets = await admin.fetchTopicOffsets(h.topic);
        const messages = offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
        return messages === 20 + published() && messages >= 60 ? messages : undefined;
      });
      expect([60, 70]).toContain(onTopic);
      expect(published()).toBe(onTopic - 20);
    } finally {
      await admin.disconnect();
    }
    await new Promise((r) => setTimeout(r, 500)); // let any straggling duplicate arrive
    await expectEachEffectOnce(h, 'after-relay-crash', 50);
  });
});
