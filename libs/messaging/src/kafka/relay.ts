import {
  migrate,
  notifyChannel,
  START,
  type Checkpoint,
  type PostgresEventStore,
} from '@serviceops/eventstore';
import type { RecordedEvent } from '@serviceops/kernel';
import { CompressionTypes, type Kafka, type Message, type Producer } from 'kafkajs';
import type { PoolClient } from 'pg';
import { toEnvelope } from '../envelope';
import { Wakeups } from '../log/wakeups';
import { MESSAGING_MIGRATIONS } from '../migrations';
import { ensureTopics } from './topics-admin';

export interface RelayOptions {
  readonly store: PostgresEventStore;
  readonly kafka: Kafka;
  readonly topic: string;
  /** Names the checkpoint; one relay of this name publishes at a time (advisory lock). */
  readonly name?: string;
  readonly batchSize?: number;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly idlePollMs?: { min: number; max: number };
  readonly hooks?: {
    /** After a batch reached Kafka, before the checkpoint moved: a crash here re-publishes, never loses. */
    readonly afterPublish?: (events: readonly RecordedEvent[]) => void | Promise<void>;
  };
  readonly onError?: (err: unknown, context: string) => void;
}

/**
 * The outbox relay: reads the service's global log from its checkpoint and publishes to Kafka
 * (key = stream id, so one stream stays on one partition, in order), with an idempotent producer and
 * acks from all in-sync replicas. The checkpoint moves only after Kafka acknowledged; a crash in between
 * publishes the batch again, and consumers' inboxes absorb the duplicates.
 */
export class KafkaRelay {
  private readonly name: string;
  private readonly wakeups: Wakeups;
  private producer: Producer | undefined;
  private lockClient: PoolClient | undefined;
  private stopping = false;
  private done: Promise<void> = Promise.resolve();
  published = 0;

  constructor(private readonly options: RelayOptions) {
    this.name = options.name ?? `relay:${options.topic}`;
    this.wakeups = new Wakeups(options.store.pool, options.onError);
  }

  async start(): Promise<void> {
    const { store, kafka, topic } = this.options;
    await migrate(store.pool, store.schema, MESSAGING_MIGRATIONS);
    await ensureTopics(kafka, [topic], this.options.partitions ?? 3, this.options.replicationFactor ?? 1);
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Keep retrying through broker outages: the checkpoint only moves once Kafka acknowledged.
      retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
    });
    await this.producer.connect();
    await this.wakeups.listen(notifyChannel(store.schema));
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeups.wakeAll(notifyChannel(this.options.store.schema));
    await this.done;
    await this.producer?.disconnect().catch(() => undefined);
    await this.wakeups.close();
    if (this.lockClient) {
      await this.lockClient.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
      this.lockClient.release();
      this.lockClient = undefined;
    }
  }

  private async run(): Promise<void> {
    const idle = this.options.idlePollMs ?? { min: 5, max: 500 };
    const channel = notifyChannel(this.options.store.schema);
    let wait = idle.min;
    while (!this.stopping) {
      try {
        if (!(await this.holdLock())) {
          await this.wakeups.wait(channel, 1000); // another replica relays; stand by
          continue;
        }
        const checkpoint = await this.loadCheckpoint();
        const page = await this.options.store.readAll({
          after: checkpoint,
          limit: this.options.batchSize ?? 1000,
        });
        if (page.events.length === 0) {
          const notified = await this.wakeups.wait(channel, wait);
          wait = notified ? idle.min : Math.min(idle.max, wait * 2);
          continue;
        }
        wait = idle.min;
        await this.publish(page.events);
        await this.options.hooks?.afterPublish?.(page.events);
        await this.saveCheckpoint(page.checkpoint);
        this.published += page.events.length;
      } catch (err) {
        if (this.stopping) return;
        this.options.onError?.(err, `relay ${this.name}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async publish(events: readonly RecordedEvent[]): Promise<void> {
    const messages: Message[] = events.map((event) => {
      const headers: Record<string, string> = { 'event-id': event.eventId, 'event-type': event.type };
      const traceparent = event.metadata.traceparent;
      if (typeof traceparent === 'string') headers['traceparent'] = traceparent;
      return { key: event.streamId, value: JSON.stringify(toEnvelope(event)), headers };
    });
    await this.producer?.send({
      topic: this.options.topic,
      messages,
      acks: -1,
      compression: CompressionTypes.None,
    });
  }

  private async holdLock(): Promise<boolean> {
    if (this.lockClient) return true;
    const client = await this.options.store.pool.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
      [`${this.options.store.schema}.${this.name}`],
    );
    if (rows[0]?.locked) {
      this.lockClient = client;
      client.on('error', () => {
        this.lockClient = undefined; // the lock died with its connection: take it again
      });
      return true;
    }
    client.release();
    return false;
  }

  private async loadCheckpoint(): Promise<Checkpoint> {
    const { rows } = await this.options.store.pool.query<{ transaction_id: string; global_position: string }>(
      `SELECT transaction_id::text AS transaction_id, global_position
         FROM "${this.options.store.schema}".relay_checkpoints WHERE relay = $1`,
      [this.name],
    );
    const row = rows[0];
    return row ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) } : START;
  }

  private async saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    await this.options.store.pool.query(
      `INSERT INTO "${this.options.store.schema}".relay_checkpoints (relay, transaction_id, global_position)
       VALUES ($1, $2::text::xid8, $3)
       ON CONFLICT (relay) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`,
      [this.name, checkpoint.transactionId.toString(), checkpoint.position.toString()],
    );
  }
}
