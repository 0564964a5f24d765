import type { Kafka } from 'kafkajs';
import { KafkaRelay, silentLogger } from '../src';
import { Harness } from './harness';

describe('Kafka relay replicas', () => {
  let h: Harness;
  const relays: KafkaRelay[] = [];
  beforeEach(async () => {
    h = new Harness('kafka');
    await h.setUp({ relay: false });
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await h.tearDown();
  });

  async function startRelay(): Promise<KafkaRelay> {
    const relay = new KafkaRelay({
      store: h.store,
      kafka: h.kafka as Kafka,
      topic: h.topic,
      logger: silentLogger,
    });
    await relay.start();
    relays.push(relay);
    return relay;
  }

  it('publishes through one replica at a time; the standby takes over when the active one stops', async () => {
    const first = await startRelay();
    const second = await startRelay();
    await h.transport.subscribe({
      consumer: 'replicas',
      topics: [h.topic],
      handler: (event, tx) => h.recordEffect('replicas', event, tx),
    });
    for (let i = 0; i < 20; i++) await h.store.append(`s-${i % 4}`, [{ type: 'E', data: { i } }]);
    await h.waitForEffects('replicas', 20);
    const [active, standby] = first.published > 0 ? [first, second] : [second, first];
    expect([active.published, standby.published]).toEqual([20, 0]);

    await active.stop();
    relays.splice(relays.indexOf(active), 1);
    for (let i = 20; i < 40; i++) await h.store.append(`s-${i % 4}`, [{ type: 'E', data: { i } }]);
    await h.waitForEffects('replicas', 40);
    expect(standby.published).toBe(20); // it started from the stored checkpoint, not from the beginning
    const effects = await h.effects('replicas');
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(40);
    expect(effects).toHaveLength(40);
  });
});
