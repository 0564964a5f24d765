import { PostgresEventStore } from '@serviceops/eventstore';
import { eventually, kafkaBrokers, testPool, uniqueName } from '@serviceops/testing';
import type { Kafka } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import {
  ConsumerDb,
  eventsTopic,
  KafkaRelay,
  KafkaTransport,
  kafkaClient,
  LogTransport,
  toEnvelope,
  type DeliveredEvent,
  type Transport,
} from '../src';

export type TransportKind = 'log' | 'kafka';

/**
 * A producing service (its own schema and event store), a consuming service (its own schema with an
 * `effects` table that has no uniqueness, so a doubled effect shows), and the transport between them.
 */
export class Harness {
  readonly pool: Pool;
  readonly producerSchema = uniqueName('svc');
  readonly consumerSchema = uniqueName('cons');
  readonly topic = eventsTopic(this.producerSchema);
  /** Kafka group ids stay apart from every other test run on the same broker. */
  readonly groupIdPrefix = `${uniqueName('g')}.`;
  readonly store: PostgresEventStore;
  readonly consumerDb: ConsumerDb;
  readonly kafka: Kafka | undefined;
  private relay: KafkaRelay | undefined;
  transport!: Transport;

  constructor(readonly kind: TransportKind) {
    this.pool = testPool({ max: 30 });
    this.store = new PostgresEventStore({ pool: this.pool, schema: this.producerSchema });
    this.consumerDb = new ConsumerDb(this.pool, this.consumerSchema);
    this.kafka = kind === 'kafka' ? kafkaClient(kafkaBrokers(), uniqueName('client')) : undefined;
  }

  async setUp(options: { relay?: boolean } = {}): Promise<void> {
    await this.store.migrate();
    await this.consumerDb.migrate();
    await this.pool.query(
      `CREATE TABLE IF NOT EXISTS "${this.consumerSchema}".effects (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, consumer text, event_id uuid, stream_id text,
         stream_version int)`,
    );
    this.transport = this.newTransport();
    if (this.kind === 'kafka' && options.relay !== false) await this.startRelay();
  }

  newTransport(): Transport {
    return this.kind === 'log'
      ? new LogTransport({ sourcePool: this.pool, consumerDb: this.consumerDb })
      : new KafkaTransport({
          kafka: this.kafka as Kafka,
          consumerDb: this.consumerDb,
          sessionTimeoutMs: 6000,
          groupIdPrefix: this.groupIdPrefix,
        });
  }

  async startRelay(): Promise<void> {
    this.relay = new KafkaRelay({ store: this.store, kafka: this.kafka as Kafka, topic: this.topic });
    await this.relay.start();
  }

  async tearDown(): Promise<void> {
    await this.transport?.close();
    await this.relay?.stop();
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.producerSchema}" CASCADE`);
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.consumerSchema}" CASCADE`);
    await this.pool.end();
  }

  /** The effect every test handler makes: one row per application. */
  async recordEffect(consumer: string, event: DeliveredEvent, tx: PoolClient): Promise<void> {
    await tx.query(
      `INSERT INTO "${this.consumerSchema}".effects (consumer, event_id, stream_id, stream_version)
       VALUES ($1, $2, $3, $4)`,
      [consumer, event.eventId, event.streamId, event.streamVersion],
    );
  }

  async effects(
    consumer: string,
  ): Promise<{ event_id: string; stream_id: string; stream_version: number }[]> {
    const { rows } = await this.pool.query<{ event_id: string; stream_id: string; stream_version: number }>(
      `SELECT event_id, stream_id, stream_version FROM "${this.consumerSchema}".effects WHERE consumer = $1 ORDER BY id`,
      [consumer],
    );
    return rows;
  }

  async waitForEffects(consumer: string, count: number, timeoutMs = 30_000): Promise<void> {
    await eventually(
      `${count} effects of ${consumer}`,
      async () => ((await this.effects(consumer)).length >= count ? true : undefined),
      timeoutMs,
    );
  }

  /** Delivers an already-delivered event again, the way each transport can: an old checkpoint, a re-publish. */
  async redeliver(consumer: string, event: DeliveredEvent): Promise<void> {
    if (this.kind === 'log') {
      await this.pool.query(`DELETE FROM "${this.consumerSchema}".consumer_checkpoints WHERE consumer = $1`, [
        consumer,
      ]);
      return;
    }
    const producer = (this.kafka as Kafka).producer();
    await producer.connect();
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: event.streamId, value: JSON.stringify(toEnvelope(event)) }],
    });
    await producer.disconnect();
  }
}
