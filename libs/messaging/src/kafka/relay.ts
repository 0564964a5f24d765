import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import {
  migrate,
  notifyChannel,
  START,
  type Checkpoint,
  type PostgresEventStore,
  type GlobalLogRow,
} from '@serviceops/eventstore';
import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { PoolClient } from 'pg';
import { Wakeups } from '../log/wakeups';
import { stderrLogger, type MessagingLogger } from '../logger';
import { MESSAGING_MIGRATIONS } from '../migrations';
import { ensureTopics } from './topics-admin';

/** A global-log row with its Kafka message already built by PostgreSQL. */
interface EnvelopeRow extends GlobalLogRow {
  stream_id: string;
  event_id: string;
  type: string;
  traceparent: string | null;
  envelope: string;
}

/**
 * The envelope (see envelope.ts: toEnvelope) built as JSON text inside PostgreSQL, so the relay never parses
 * and re-serializes event data: it passes the text on to Kafka as it is.
 */
const ENVELOPE_COLUMNS = `
  e.global_position, e.transaction_id::text AS transaction_id_text, e.stream_id, e.event_id, e.type,
  e.metadata->>'traceparent' AS traceparent,
  json_build_object(
    'eventId', e.event_id, 'type', e.type, 'schemaVersion', e.schema_version, 'streamId', e.stream_id,
    'streamVersion', e.stream_version, 'globalPosition', e.global_position::text,
    'transactionId', e.transaction_id::text, 'data', e.data, 'metadata', e.metadata,
    'recordedAt', to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  )::text AS envelope`;

const tracer = trace.getTracer('serviceops-relay');

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
    readonly afterPublish?: (events: readonly { event_id: string }[]) => void | Promise<void>;
  };
  /** Where recovered errors and dead letters are reported (default: JSON lines on stderr). */
  readonly logger?: MessagingLogger;
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
    this.wakeups = new Wakeups(options.store.pool, options.logger ?? stderrLogger);
  }

  async start(): Promise<void> {
    const { store, kafka, topic } = this.options;
    await migrate(store.pool, store.schema, MESSAGING_MIGRATIONS);
    await ensureTopics(kafka, [topic], this.options.partitions ?? 3, this.options.replicationFactor ?? 1);
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
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

  /**
   * Publishes page after page. While one page is on its way to Kafka the next is read from the log, and
   * the checkpoint is kept in memory for as long as this relay holds the lock (it is the only writer).
   */
  private async run(): Promise<void> {
    const idle = this.options.idlePollMs ?? { min: 5, max: 500 };
    const channel = notifyChannel(this.options.store.schema);
    const limit = this.options.batchSize ?? 1000;
    const read = (after: Checkpoint) =>
      this.options.store.readAllRows<EnvelopeRow>(ENVELOPE_COLUMNS, { after, limit });
    let wait = idle.min;
    let checkpoint: Checkpoint | undefined;
    let prefetched: Promise<{ rows: EnvelopeRow[]; checkpoint: Checkpoint }> | undefined;
    let saving: Promise<void> = Promise.resolve();
    while (!this.stopping) {
      try {
        const lock = await this.holdLock();
        if (!lock) {
          await this.wakeups.wait(channel, 1000); // another replica relays; stand by
          continue;
        }
        if (lock === 'acquired') {
          // Another replica may have relayed while this one did not hold the lock: trust only the store.
          await saving.catch(() => undefined);
          checkpoint = undefined;
          prefetched = undefined;
        }
        checkpoint ??= await this.loadCheckpoint();
        const page = await (prefetched ?? read(checkpoint));
        prefetched = undefined;
        if (page.rows.length === 0) {
          await saving;
          const notified = await this.wakeups.wait(channel, wait);
          wait = notified ? idle.min : Math.min(idle.max, wait * 2);
          continue;
        }
        wait = idle.min;
        prefetched = read(page.checkpoint);
        prefetched.catch(() => undefined); // its failure surfaces when awaited
        await this.publish(page.rows);
        await this.options.hooks?.afterPublish?.(page.rows);
        // The checkpoint write overlaps the next page's send; the one before it must have landed first.
        await saving;
        saving = this.saveCheckpoint(page.checkpoint);
        saving.catch(() => undefined); // its failure surfaces when awaited
        checkpoint = page.checkpoint;
        this.published += page.rows.length;
      } catch (err) {
        // Start again from the stored checkpoint: at worst a batch is published twice, never skipped.
        checkpoint = undefined;
        prefetched = undefined;
        saving = Promise.resolve();
        if (this.stopping) return;
        (this.options.logger ?? stderrLogger).error(
          'relay failed; retrying from its stored checkpoint',
          err,
          {
            relay: this.name,
            topic: this.options.topic,
          },
        );
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    await saving.catch(() => undefined);
  }

  /**
   * Sends a batch. Each event gets a short PRODUCER span in the trace that wrote it (the traceparent stored
   * with the event), so a request's trace shows its event leaving through the relay; the span's context
   * goes in the message's `traceparent` header.
   */
  private async publish(rows: readonly EnvelopeRow[]): Promise<void> {
    const spans: Span[] = [];
    const messages: Message[] = rows.map((row) => {
      const headers: Record<string, string> = { 'event-id': row.event_id, 'event-type': row.type };
      if (row.traceparent) {
        const parent = propagation.extract(ROOT_CONTEXT, { traceparent: row.traceparent });
        const span = tracer.startSpan(
          `publish ${this.options.topic}`,
          {
            kind: SpanKind.PRODUCER,
            attributes: {
              'messaging.system': 'kafka',
              'messaging.destination.name': this.options.topic,
              'messaging.message.id': row.event_id,
              'serviceops.event.type': row.type,
            },
          },
          parent,
        );
        spans.push(span);
        propagation.inject(trace.setSpan(parent, span), headers);
      }
      return { key: row.stream_id, value: row.envelope, headers };
    });
    try {
      await this.producer?.send({
        topic: this.options.topic,
        messages,
        acks: -1,
        compression: CompressionTypes.None,
      });
    } catch (error) {
      for (const span of spans)
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  /** 'held' while this relay keeps the lock, 'acquired' when it has just taken it, false when another has it. */
  private async holdLock(): Promise<'held' | 'acquired' | false> {
    if (this.lockClient) return 'held';
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
      return 'acquired';
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
