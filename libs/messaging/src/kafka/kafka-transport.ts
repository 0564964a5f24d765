import {
  Partitioners,
  type Admin,
  type Consumer,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { DEFAULT_RETRY, type ConsumerDb, type FailedMessage, type RetryPolicy } from '../consumer-db';
import { parseEnvelope, type DeliveredEvent } from '../envelope';
import { stderrLogger, type MessagingLogger } from '../logger';
import { deadLetterTopic } from '../topics';
import type { RunningSubscription, SubscriptionOptions, Transport } from '../transport';
import { ensureTopics } from './topics-admin';

/** Most messages applied in one transaction. */
const CHUNK = 500;

/** The chunk's events, or undefined when one of its messages is not a readable envelope. */
function readableEvents(topic: string, messages: readonly KafkaMessage[]): DeliveredEvent[] | undefined {
  try {
    return messages.map((m) => parseEnvelope(topic, m.value));
  } catch {
    return undefined;
  }
}

export interface KafkaTransportOptions {
  readonly kafka: Kafka;
  readonly consumerDb: ConsumerDb;
  /** Consumer group session timeout: how soon a crashed consumer's partitions move to another. */
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  /** Put before every consumer name to make its group id, for deployments that share a cluster. */
  readonly groupIdPrefix?: string;
  /** Where recovered errors and dead letters are reported (default: JSON lines on stderr). */
  readonly logger?: MessagingLogger;
}

/**
 * Kafka consumer groups (group id = consumer name). Each message's effect commits with its inbox row in
 * the consumer's database; the offset is committed to Kafka only afterwards. A crash between the two
 * redelivers the message and the inbox turns it into a no-op. Poison messages go, after bounded retries,
 * to the dead-letter table and to `<topic>.dlq`, and the partition moves on.
 */
export class KafkaTransport implements Transport {
  readonly kind = 'kafka' as const;
  private dlqProducer: Producer | undefined;
  private admin: Admin | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaTransportOptions) {}

  async subscribe(subscription: SubscriptionOptions): Promise<RunningSubscription> {
    const { kafka, consumerDb } = this.options;
    await consumerDb.migrate();
    await ensureTopics(
      kafka,
      subscription.topics.flatMap((t) => [t, deadLetterTopic(t)]),
      this.options.partitions ?? 3,
      this.options.replicationFactor ?? 1,
    );
    const retry: RetryPolicy = { ...DEFAULT_RETRY, ...subscription.retry };
    const consumer = kafka.consumer({
      groupId: this.groupId(subscription.consumer),
      sessionTimeout: this.options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: this.options.heartbeatIntervalMs ?? 1_000,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
    });
    let stopping = false;
    if (subscription.from === 'latest') await this.startAtEnd(subscription.consumer, subscription.topics);
    await consumer.connect();
    await consumer.subscribe({
      topics: [...subscription.topics],
      fromBeginning: subscription.from !== 'latest',
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async (payload) => {
        const { batch } = payload;
        const commit = async (offset: string) => {
          payload.resolveOffset(offset);
          await payload.heartbeat();
          // The offset moves only after every effect before it committed.
          const next = (BigInt(offset) + 1n).toString();
          await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
        };
        for (let from = 0; from < batch.messages.length; from += CHUNK) {
          if (!payload.isRunning() || payload.isStale() || stopping) return;
          const chunk = batch.messages.slice(from, from + CHUNK);
          const events = readableEvents(batch.topic, chunk)?.filter((e) => wanted(subscription, e));
          if (events?.length === 0) {
            // Nothing in the chunk for this consumer: only the offset moves.
            await commit((chunk[chunk.length - 1] as KafkaMessage).offset);
            continue;
          }
          // A chunk of readable events in one transaction; any failure and it goes message by message.
          if (events && events.length > 1) {
            const together = await this.options.consumerDb.deliverAll(
              subscription.consumer,
              events,
              subscription.handler,
            );
            if (together) {
              for (const event of events) await subscription.hooks?.afterEffectCommitted?.(event);
              await commit((chunk[chunk.length - 1] as KafkaMessage).offset);
              continue;
            }
          }
          for (const message of chunk) {
            if (!payload.isRunning() || payload.isStale() || stopping) return;
            const event = await this.handle(
              subscription,
              batch.topic,
              batch.partition,
              message,
              retry,
              () => stopping,
            );
            if (event) await subscription.hooks?.afterEffectCommitted?.(event);
            await commit(message.offset);
          }
        }
      },
    });
    this.consumers.add(consumer);
    return {
      consumer: subscription.consumer,
      stop: async () => {
        stopping = true;
        await consumer.disconnect();
        this.consumers.delete(consumer);
      },
    };
  }

  async reset(consumer: string, topics: readonly string[]): Promise<void> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      // Refused by Kafka while a member of the group is running: the consumer must be stopped first.
      for (const topic of topics)
        await admin.resetOffsets({ groupId: this.groupId(consumer), topic, earliest: true });
    } finally {
      await admin.disconnect();
    }
    await this.options.consumerDb.forget(consumer);
  }

  async lag(consumer: string, topics: readonly string[]): Promise<number> {
    this.admin ??= this.options.kafka.admin();
    await this.admin.connect(); // a no-op once connected
    let lag = 0;
    for (const topic of topics) {
      const ends = await this.admin.fetchTopicOffsets(topic);
      const [committed] = await this.admin.fetchOffsets({ groupId: this.groupId(consumer), topics: [topic] });
      for (const end of ends) {
        const done = Number(committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
        lag += Math.max(0, Number(end.high) - (done >= 0 ? done : Number(end.low)));
      }
    }
    return lag;
  }

  /**
   * A new group of a `latest` subscription: its offsets set to each partition's end before it joins, so every
   * event published after `subscribe` is delivered (Kafka's own `latest` is resolved later, at the first fetch). A
   * group with committed offsets goes on from them. If another replica joined first, that replica's offsets stand.
   */
  private async startAtEnd(consumer: string, topics: readonly string[]): Promise<void> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      const groupId = this.groupId(consumer);
      for (const topic of topics) {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        if (committed?.partitions.some((p) => Number(p.offset) >= 0)) continue;
        const ends = await admin.fetchTopicOffsets(topic);
        try {
          await admin.setOffsets({
            groupId,
            topic,
            partitions: ends.map((end) => ({ partition: end.partition, offset: end.high })),
          });
        } catch (error) {
          // Refused while the group has running members: they started it already, at the end.
          (this.options.logger ?? stderrLogger).warn('latest start left to the running group', {
            consumer,
            topic,
            error: (error as Error).message,
          });
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  private groupId(consumer: string): string {
    return `${this.options.groupIdPrefix ?? ''}${consumer}`;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    await this.dlqProducer?.disconnect();
    this.dlqProducer = undefined;
    await this.admin?.disconnect();
    this.admin = undefined;
  }

  /** Applies one message; returns the event (or undefined for an unreadable message). */
  private async handle(
    subscription: SubscriptionOptions,
    topic: string,
    partition: number,
    message: KafkaMessage,
    retry: RetryPolicy,
    isStopping: () => boolean,
  ): Promise<DeliveredEvent | undefined> {
    const { consumerDb } = this.options;
    const kafkaPlace = { partition, offset: message.offset };
    let event: DeliveredEvent;
    try {
      event = parseEnvelope(topic, message.value);
    } catch (err) {
      const failed: FailedMessage = {
        topic,
        raw: message.value?.toString('utf8') ?? '',
        error: err as Error,
        attempts: 1,
        kafka: kafkaPlace,
      };
      await consumerDb.deadLetter(subscription.consumer, failed);
      await this.toDeadLetterTopic(subscription.consumer, topic, message, failed);
      await subscription.hooks?.onDeadLetter?.(failed);
      return undefined;
    }
    if (!wanted(subscription, event)) return undefined;
    const delivery = await consumerDb.deliver(
      subscription.consumer,
      event,
      subscription.handler,
      retry,
      undefined,
      isStopping,
    );
    if (delivery.result === 'dead-lettered') {
      const failed: FailedMessage = {
        topic,
        event,
        error: delivery.error ?? new Error('unknown'),
        attempts: delivery.attempts,
        kafka: kafkaPlace,
      };
      await this.toDeadLetterTopic(subscription.consumer, topic, message, failed);
      await subscription.hooks?.onDeadLetter?.(failed);
    }
    return event;
  }

  private async toDeadLetterTopic(
    consumer: string,
    topic: string,
    message: KafkaMessage,
    failed: FailedMessage,
  ): Promise<void> {
    if (!this.dlqProducer) {
      const producer = this.options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: Number.MAX_SAFE_INTEGER, maxRetryTime: 5_000 },
      });
      await producer.connect();
      this.dlqProducer = producer;
    }
    (this.options.logger ?? stderrLogger).warn('message sent to the dead letters', {
      consumer,
      topic,
      partition: failed.kafka?.partition,
      offset: failed.kafka?.offset,
      eventId: failed.event?.eventId,
      eventType: failed.event?.type,
      attempts: failed.attempts,
      error: failed.error.message,
    });
    await this.dlqProducer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-consumer': consumer,
            'dlq-error': failed.error.message.slice(0, 1000),
            'dlq-attempts': String(failed.attempts),
            'dlq-source': `${topic}/${failed.kafka?.partition ?? ''}/${failed.kafka?.offset ?? ''}`,
          },
        },
      ],
    });
  }
}

/** Whether the subscription's handler acts on this event's type (see `SubscriptionOptions.types`). */
function wanted(subscription: SubscriptionOptions, event: DeliveredEvent): boolean {
  return !subscription.types || subscription.types.includes(event.type);
}
