import { assertSchemaName, migrate, withTransaction, type TransactionOptions } from '@serviceops/eventstore';
import { escapeLiteral, type Pool, type PoolClient, type QueryResult } from 'pg';
import { fromEnvelope, toEnvelope, type DeliveredEvent } from './envelope';
import { MESSAGING_MIGRATIONS } from './migrations';

/** A handler's effect runs inside this transaction, together with the inbox row that marks it done. */
export type EventHandler = (event: DeliveredEvent, tx: PoolClient) => Promise<void>;

/** Whether a delivery's commit waits for its WAL flush (see `withTransaction`'s `flush`). */
export type Flush = NonNullable<TransactionOptions['flush']>;

export interface RetryPolicy {
  /** Tries before an event goes to the dead letters (≥ 1). */
  readonly maxAttempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 5_000 };

export type DeliveryResult = 'applied' | 'duplicate' | 'dead-lettered';

export interface DeadLetter {
  readonly id: string;
  readonly consumer: string;
  readonly topic: string;
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly error: string;
  readonly attempts: number;
  readonly failedAt: Date;
  readonly replayedAt: Date | null;
}

export interface FailedMessage {
  readonly topic: string;
  readonly event?: DeliveredEvent;
  /** The raw message when it could not even be parsed. */
  readonly raw?: string;
  readonly error: Error;
  readonly attempts: number;
  readonly kafka?: { partition: number; offset: string };
}

/** Extra work done in the same transaction as the effect, such as moving a checkpoint. */
export type InTransaction = (tx: PoolClient) => Promise<void>;

/**
 * A consumer's checkpoint moved with an effect. Handed to `deliver` instead of an `InTransaction`, it is written
 * by the same statement as the inbox row: one round trip fewer for every event a log consumer applies.
 */
export interface CheckpointMove {
  readonly source: string;
  readonly checkpoint: { transactionId: bigint; position: bigint };
}

/**
 * The consuming service's side of messaging, in its own schema: the inbox (consumer, event id) that makes
 * redelivery harmless, checkpoints, and the dead letters.
 */
export class ConsumerDb {
  readonly schema: string;

  constructor(
    readonly pool: Pool,
    schema: string,
  ) {
    this.schema = assertSchemaName(schema);
  }

  async migrate(): Promise<void> {
    await migrate(this.pool, this.schema, MESSAGING_MIGRATIONS);
  }

  /**
   * Applies one event at most once: the inbox row and the handler's effect commit together. A failing
   * handler is retried with exponential backoff; after the last try the event goes to the dead letters,
   * and the caller moves on to the next one.
   */
  async deliver(
    consumer: string,
    event: DeliveredEvent,
    handler: EventHandler,
    retry: RetryPolicy,
    alongside?: InTransaction | CheckpointMove,
    isStopping: () => boolean = () => false,
    flush: Flush = 'now',
  ): Promise<{ result: DeliveryResult; error?: Error; attempts: number }> {
    let lastError: Error = new Error('not attempted');
    const move = typeof alongside === 'object' ? alongside : undefined;
    const extra = typeof alongside === 'function' ? alongside : undefined;
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      try {
        // The inbox row (and the checkpoint) go in BEGIN's round trip.
        const result = await withTransaction(
          this.pool,
          async (tx, opened) => {
            const result = await this.applyOnce(tx, consumer, event, handler, opened);
            if (extra) await extra(tx);
            return result;
          },
          { flush, opening: this.inboxSql(consumer, [event], move) },
        );
        return { result, attempts: attempt };
      } catch (err) {
        lastError = err instanceof Error ? err : new Error(String(err));
        if (attempt < retry.maxAttempts) {
          if (isStopping()) throw lastError;
          await sleep(Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1)));
        }
      }
    }
    await this.deadLetter(
      consumer,
      { topic: event.topic, event, error: lastError, attempts: retry.maxAttempts },
      move ? (tx) => this.saveCheckpoint(tx, consumer, move.source, move.checkpoint) : extra,
    );
    return { result: 'dead-lettered', error: lastError, attempts: retry.maxAttempts };
  }

  /**
   * Applies a run of events in one transaction, each with its inbox row, so catching up on a long log
   * costs one commit per page instead of one per event. If any handler throws, the whole run rolls back
   * and this returns undefined: the caller then delivers the events one by one, with retries and dead
   * letters, where the failure is reported.
   */
  async deliverAll(
    consumer: string,
    events: readonly DeliveredEvent[],
    handler: EventHandler,
    alongside?: InTransaction | CheckpointMove,
    flush: Flush = 'now',
  ): Promise<DeliveryResult[] | undefined> {
    if (events.length === 0) return [];
    const move = typeof alongside === 'object' ? alongside : undefined;
    const extra = typeof alongside === 'function' ? alongside : undefined;
    try {
      // Every event's inbox row (and the checkpoint) in BEGIN's round trip: the ids it returns are the events not
      // applied before.
      return await withTransaction(
        this.pool,
        async (tx, opened) => {
          const fresh = new Set((opened?.rows ?? []).map((r: { event_id: string }) => r.event_id));
          const results: DeliveryResult[] = [];
          for (const event of events) {
            const isNew = fresh.delete(event.eventId.toLowerCase());
            if (isNew) await handler(event, tx);
            results.push(isNew ? 'applied' : 'duplicate');
          }
          if (extra) await extra(tx);
          return results;
        },
        { flush, opening: this.inboxSql(consumer, events, move) },
      );
    } catch {
      return undefined;
    }
  }

  /** Records a message that could not be applied; the same event is recorded once per consumer. */
  async deadLetter(consumer: string, failed: FailedMessage, alongside?: InTransaction): Promise<void> {
    await this.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO "${this.schema}".dead_letters
           (consumer, topic, event_id, event_type, envelope, raw, error, attempts, kafka_partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)
         ON CONFLICT (consumer, event_id) DO UPDATE
           SET error = EXCLUDED.error, attempts = "${this.schema}".dead_letters.attempts + EXCLUDED.attempts,
               failed_at = now(), replayed_at = NULL`,
        [
          consumer,
          failed.topic,
          failed.event?.eventId ?? null,
          failed.event?.type ?? null,
          failed.event ? JSON.stringify(toEnvelope(failed.event)) : null,
          failed.raw ?? null,
          `${failed.error.name}: ${failed.error.message}`,
          failed.attempts,
          failed.kafka?.partition ?? null,
          failed.kafka?.offset ?? null,
        ],
      );
      if (alongside) await alongside(tx);
    });
  }

  async deadLetters(consumer: string, options: { includeReplayed?: boolean } = {}): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<{
      id: string;
      consumer: string;
      topic: string;
      event_id: string | null;
      event_type: string | null;
      error: string;
      attempts: number;
      failed_at: Date;
      replayed_at: Date | null;
    }>(
      `SELECT id, consumer, topic, event_id, event_type, error, attempts, failed_at, replayed_at
         FROM "${this.schema}".dead_letters
        WHERE consumer = $1 AND ($2 OR replayed_at IS NULL)
        ORDER BY id`,
      [consumer, options.includeReplayed ?? false],
    );
    return rows.map((r) => ({
      id: r.id,
      consumer: r.consumer,
      topic: r.topic,
      eventId: r.event_id,
      eventType: r.event_type,
      error: r.error,
      attempts: r.attempts,
      failedAt: r.failed_at,
      replayedAt: r.replayed_at,
    }));
  }

  /**
   * Applies a dead letter with the (fixed) handler, once: the inbox guards against an event that
   * was meanwhile delivered again, and a replayed letter is never replayed twice.
   */
  async replay(id: string, handler: EventHandler): Promise<'applied' | 'duplicate' | 'already-replayed'> {
    return this.transaction(async (tx) => {
      const { rows } = await tx.query<{
        consumer: string;
        envelope: unknown;
        topic: string;
        replayed_at: Date | null;
      }>(
        `SELECT consumer, topic, envelope, replayed_at FROM "${this.schema}".dead_letters WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const letter = rows[0];
      if (!letter) throw new Error(`no dead letter ${id}`);
      if (letter.replayed_at) return 'already-replayed';
      if (!letter.envelope)
        throw new Error(`dead letter ${id} holds no readable event and cannot be replayed`);
      const event = fromEnvelope(letter.topic, letter.envelope);
      const result = await this.applyOnce(tx, letter.consumer, event, handler);
      await tx.query(`UPDATE "${this.schema}".dead_letters SET replayed_at = now() WHERE id = $1`, [id]);
      return result;
    });
  }

  /**
   * Forgets everything a consumer has applied: its inbox rows, checkpoints and dead letters. With its read
   * model emptied by the caller, the consumer then rebuilds from the first event. Call it while the
   * consumer is stopped.
   */
  async forget(consumer: string): Promise<void> {
    await this.transaction(async (tx) => {
      for (const table of ['inbox', 'consumer_checkpoints', 'dead_letters']) {
        await tx.query(`DELETE FROM "${this.schema}".${table} WHERE consumer = $1`, [consumer]);
      }
    });
  }

  async loadCheckpoint(
    consumer: string,
    source: string,
  ): Promise<{ transactionId: bigint; position: bigint } | undefined> {
    const { rows } = await this.pool.query<{ transaction_id: string; global_position: string }>(
      `SELECT transaction_id::text AS transaction_id, global_position
         FROM "${this.schema}".consumer_checkpoints WHERE consumer = $1 AND source = $2`,
      [consumer, source],
    );
    const row = rows[0];
    return row
      ? { transactionId: BigInt(row.transaction_id), position: BigInt(row.global_position) }
      : undefined;
  }

  async saveCheckpoint(
    tx: PoolClient,
    consumer: string,
    source: string,
    checkpoint: { transactionId: bigint; position: bigint },
  ): Promise<void> {
    await tx.query(this.checkpointSql('$1', '$2', '$3', '$4'), [
      consumer,
      source,
      checkpoint.transactionId.toString(),
      checkpoint.position.toString(),
    ]);
  }

  /** The checkpoint upsert, of the given SQL expressions (parameters or literals). */
  private checkpointSql(consumer: string, source: string, transactionId: string, position: string): string {
    return `INSERT INTO "${this.schema}".consumer_checkpoints (consumer, source, transaction_id, global_position)
       VALUES (${consumer}, ${source}, ${transactionId}::text::xid8, ${position})
       ON CONFLICT (consumer, source) DO UPDATE
         SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`;
  }

  transaction<T>(work: (tx: PoolClient) => Promise<T>, flush: Flush = 'now'): Promise<T> {
    return withTransaction(this.pool, work, { flush });
  }

  /** The checkpoint upsert of a move, its values inlined (for a statement sent with BEGIN). */
  private checkpointSqlOf(consumer: string, move: CheckpointMove): string {
    return this.checkpointSql(
      escapeLiteral(consumer),
      escapeLiteral(move.source),
      escapeLiteral(move.checkpoint.transactionId.toString()),
      escapeLiteral(move.checkpoint.position.toString()),
    );
  }

  /**
   * The inbox rows of events, in one insert that returns the ids of those that are new, and with a checkpoint move
   * the checkpoint's upsert as a CTE of it (a data-modifying CTE always runs), with its values inlined: it can then
   * open a transaction in BEGIN's round trip.
   */
  private inboxSql(consumer: string, events: readonly DeliveredEvent[], move?: CheckpointMove): string {
    const rows = events.map(
      (event) =>
        `(${escapeLiteral(consumer)}, ${escapeLiteral(event.eventId)}, ${escapeLiteral(event.topic)})`,
    );
    const inbox = `INSERT INTO "${this.schema}".inbox (consumer, event_id, topic) VALUES ${rows.join(', ')}
       ON CONFLICT DO NOTHING RETURNING event_id`;
    return move ? `WITH checkpoint AS (${this.checkpointSqlOf(consumer, move)}) ${inbox}` : inbox;
  }

  /**
   * Writes the inbox row (unless `opened` says it was written when the transaction began) and, only when it is
   * new, the handler's effect, in the same transaction.
   */
  private async applyOnce(
    tx: PoolClient,
    consumer: string,
    event: DeliveredEvent,
    handler: EventHandler,
    opened?: QueryResult,
  ): Promise<'applied' | 'duplicate'> {
    const { rowCount } = opened ?? (await tx.query(this.inboxSql(consumer, [event])));
    if (rowCount !== 1) return 'duplicate';
    await handler(event, tx);
    return 'applied';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
