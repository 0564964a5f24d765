import { notifyChannel, START, type Checkpoint } from '@serviceops/eventstore';
import type { Pool } from 'pg';
import { DEFAULT_RETRY, type ConsumerDb, type Flush, type RetryPolicy } from '../consumer-db';
import type { DeliveredEvent } from '../envelope';
import { serviceOfTopic } from '../topics';
import type { RunningSubscription, SubscriptionOptions, Transport } from '../transport';
import { stderrLogger, type MessagingLogger } from '../logger';
import { LogHub } from './log-hub';
import type { SharedLog } from './shared-log';
import type { Wakeups } from './wakeups';

/**
 * A log consumer's effect commits without waiting for its WAL flush: its checkpoint commits with it, in the same
 * database, so a crash that loses the one loses the other and the log is read again from where both stood. (The
 * Kafka transport keeps flushed commits: its offsets are committed to the broker after the effect.) Commands'
 * events, and events a consumer appends, are always flushed before anyone can read them.
 */
const EFFECT_FLUSH: Flush = 'deferred';

/**
 * How long a consumer's position may run ahead of its saved checkpoint when it only passed over events of types it
 * does not handle: a crash in that window reads them again and passes over them again.
 */
const CHECKPOINT_LAG_MS = 1_000;

export interface LogTransportOptions {
  /** Where the producing services' event logs live (in the embedded default, the one shared database). */
  readonly sourcePool: Pool;
  /** The consuming service's inbox, checkpoints and dead letters. */
  readonly consumerDb: ConsumerDb;
  readonly batchSize?: number;
  /**
   * A NOTIFY wakes a reader at once. A reader that has read every write announced waits up to `max` for one; a
   * reader behind an announced write polls, backing off from `min` to `max`.
   */
  readonly idlePollMs?: { min: number; max: number };
  /** Which schema holds a topic's events (default: the service named by the topic). */
  readonly schemaOfTopic?: (topic: string) => string;
  /** Where recovered errors and dead letters are reported (default: JSON lines on stderr). */
  readonly logger?: MessagingLogger;
}

/**
 * The embedded transport: a consumer reads the producer's global log directly, from a checkpoint kept in
 * its own schema. The checkpoint moves in the same transaction as the effect, and the inbox makes a
 * replay from an older checkpoint harmless.
 */
export class LogTransport implements Transport {
  readonly kind = 'log' as const;
  /** Joined at the first subscription (a transport that never subscribes holds nothing open), left on close. */
  private hub: LogHub | undefined;
  private readonly running = new Set<LogSubscription>();

  constructor(private readonly options: LogTransportOptions) {}

  async subscribe(subscription: SubscriptionOptions): Promise<RunningSubscription> {
    await this.options.consumerDb.migrate();
    const loops = await Promise.all(
      subscription.topics.map(async (topic) => {
        const schema = (this.options.schemaOfTopic ?? serviceOfTopic)(topic);
        this.hub ??= LogHub.join(this.options.sourcePool, this.options.logger ?? stderrLogger);
        const source = await this.hub.log(schema);
        if (subscription.from === 'latest') await this.startAtEnd(subscription.consumer, topic, schema);
        const loop = new LogSubscription(topic, schema, source, subscription, this.options, this.hub.wakeups);
        this.running.add(loop);
        loop.start();
        return loop;
      }),
    );
    return {
      consumer: subscription.consumer,
      stop: async () => {
        await Promise.all(loops.map((l) => l.stop()));
        for (const l of loops) this.running.delete(l);
      },
    };
  }

  /**
   * A `latest` subscription met for the first time starts at the log's end as a reader sees it now (the last event
   * below every open transaction, so one committing later is still read), saved before its loop starts: every event
   * published after `subscribe` is delivered, and a restart goes on from there.
   */
  private async startAtEnd(consumer: string, topic: string, schema: string): Promise<void> {
    const { consumerDb, sourcePool } = this.options;
    if (await consumerDb.loadCheckpoint(consumer, topic)) return;
    const { rows } = await sourcePool.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position
         FROM "${schema}".events AS e
        WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id DESC, e.global_position DESC
        LIMIT 1`,
    );
    const last = rows[0];
    if (!last) return;
    const end = { transactionId: BigInt(last.transaction_id), position: BigInt(last.global_position) };
    await consumerDb.transaction((tx) => consumerDb.saveCheckpoint(tx, consumer, topic, end));
  }

  async reset(consumer: string): Promise<void> {
    await this.options.consumerDb.forget(consumer);
  }

  async lag(consumer: string, topics: readonly string[]): Promise<number> {
    let lag = 0;
    for (const topic of topics) {
      const schema = (this.options.schemaOfTopic ?? serviceOfTopic)(topic);
      // A running loop may stand ahead of its saved checkpoint, past events it does not handle.
      const ahead = [...this.running].find(
        (l) => l.consumer === consumer && l.unsaved?.topic === topic,
      )?.unsaved;
      const checkpoint =
        ahead?.checkpoint ?? (await this.options.consumerDb.loadCheckpoint(consumer, topic)) ?? START;
      const { rows } = await this.options.sourcePool.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "${schema}".events
          WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)`,
        [String(checkpoint.transactionId), String(checkpoint.position)],
      );
      lag += Number(rows[0]?.n ?? 0);
    }
    return lag;
  }

  async close(): Promise<void> {
    await Promise.all([...this.running].map((l) => l.stop()));
    this.running.clear();
    const hub = this.hub;
    this.hub = undefined;
    await hub?.leave();
  }
}

class LogSubscription {
  private stopping = false;
  private done: Promise<void> = Promise.resolve();
  private readonly retry: RetryPolicy;
  /** The event types the handler acts on (undefined: all); others are passed over without a transaction. */
  private readonly wanted: ReadonlySet<string> | undefined;
  /** Where this loop stands; ahead of the saved checkpoint after events passed over (saved lazily). */
  private position: Checkpoint | undefined;
  /** Whether `position` is ahead of the saved checkpoint, and since when. */
  private unsavedSince: number | undefined;

  constructor(
    private readonly topic: string,
    private readonly schema: string,
    private readonly source: SharedLog,
    private readonly subscription: SubscriptionOptions,
    private readonly options: LogTransportOptions,
    private readonly wakeups: Wakeups,
  ) {
    this.retry = { ...DEFAULT_RETRY, ...subscription.retry };
    this.wanted = subscription.types ? new Set(subscription.types) : undefined;
  }

  get consumer(): string {
    return this.subscription.consumer;
  }

  /** This loop's position when it is ahead of its saved checkpoint (for `lag`). */
  get unsaved(): { topic: string; checkpoint: Checkpoint } | undefined {
    return this.unsavedSince !== undefined && this.position
      ? { topic: this.topic, checkpoint: this.position }
      : undefined;
  }

  start(): void {
    this.done = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeups.wakeAll(notifyChannel(this.schema));
    await this.done;
  }

  private async run(): Promise<void> {
    const { consumerDb } = this.options;
    const { consumer } = this.subscription;
    const idle = this.options.idlePollMs ?? { min: 5, max: 500 };
    const batchSize = this.options.batchSize ?? 500;
    const channel = notifyChannel(this.schema);
    let wait = idle.min;
    let checkpoint: Checkpoint = START;
    let loaded = false;
    while (!this.stopping) {
      try {
        if (!loaded) {
          checkpoint = (await consumerDb.loadCheckpoint(consumer, this.topic)) ?? START;
          this.position = checkpoint;
          this.unsavedSince = undefined;
          loaded = true;
        }
        const page = await this.source.readAll(checkpoint, batchSize);
        const events = page.events
          .filter((stored) => !this.wanted || this.wanted.has(stored.type))
          .map((stored): DeliveredEvent => ({ ...stored, topic: this.topic }));
        const together =
          events.length > 1 &&
          (await consumerDb.deliverAll(
            consumer,
            events,
            this.subscription.handler,
            { source: this.topic, checkpoint: page.checkpoint },
            EFFECT_FLUSH,
          ));
        if (together) {
          checkpoint = this.moved(page.checkpoint, true);
          for (const event of events) await this.subscription.hooks?.afterEffectCommitted?.(event);
        }
        // One by one: a single event, or a page in which some handler failed.
        for (const event of together ? [] : events) {
          if (this.stopping) return;
          const place = { transactionId: event.transactionId, position: event.globalPosition };
          const delivery = await consumerDb.deliver(
            consumer,
            event,
            this.subscription.handler,
            this.retry,
            { source: this.topic, checkpoint: place },
            () => this.stopping,
            EFFECT_FLUSH,
          );
          if (delivery.result === 'dead-lettered') {
            (this.options.logger ?? stderrLogger).warn('event sent to the dead letters', {
              consumer,
              topic: this.topic,
              eventId: event.eventId,
              eventType: event.type,
              attempts: delivery.attempts,
              error: delivery.error?.message,
            });
            await this.subscription.hooks?.onDeadLetter?.({
              topic: this.topic,
              event,
              error: delivery.error ?? new Error('unknown'),
              attempts: delivery.attempts,
            });
          }
          checkpoint = this.moved(place, true);
          await this.subscription.hooks?.afterEffectCommitted?.(event);
        }
        // Events after the last wanted one were passed over: the loop moves on, the saved checkpoint later.
        if (!samePlace(page.checkpoint, checkpoint)) checkpoint = this.moved(page.checkpoint, false);
        if (page.events.length >= batchSize) {
          wait = idle.min;
          continue;
        }
        // A short page is the head of the log as of its read: wait for a commit after it rather than read again.
        // Having read every write announced so far, the loop sleeps until the next NOTIFY (polling only slowly,
        // for writers that send none, on a beat every loop of the process keeps, so that the loops at a log's
        // head share one read); behind one, it polls with backoff until the write becomes readable.
        // A passed-over position is saved once it is CHECKPOINT_LAG_MS old, not with every event.
        const dueIn =
          this.unsavedSince === undefined ? Infinity : this.unsavedSince + CHECKPOINT_LAG_MS - Date.now();
        if (dueIn <= 0) {
          await this.saveUnsaved();
          continue;
        }
        const caughtUp = checkpoint.transactionId >= this.wakeups.announced(channel);
        if (page.events.length > 0) wait = idle.min;
        const notified = await this.wakeups.wait(
          channel,
          Math.min(caughtUp ? untilNextBeat(idle.max) : wait, dueIn),
          page.mark,
        );
        wait = notified || caughtUp ? idle.min : Math.min(idle.max, wait * 2);
      } catch (err) {
        if (this.stopping) return;
        // A lost connection or a failed checkpoint write: reload the checkpoint and go on after a pause.
        (this.options.logger ?? stderrLogger).error(
          'subscription failed; retrying from its checkpoint',
          err,
          {
            consumer,
            topic: this.topic,
          },
        );
        loaded = false;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    // Stopping: keep what was passed over, so a restart does not read it again (reading it again is harmless).
    await this.saveUnsaved().catch(() => undefined);
  }

  /** The loop's new position: saved with an effect, or ahead of the saved checkpoint. */
  private moved(to: Checkpoint, saved: boolean): Checkpoint {
    this.position = to;
    if (saved) this.unsavedSince = undefined;
    else this.unsavedSince ??= Date.now();
    return to;
  }

  private async saveUnsaved(): Promise<void> {
    const at = this.unsaved;
    if (!at) return;
    const { consumerDb } = this.options;
    await consumerDb.transaction(
      (tx) => consumerDb.saveCheckpoint(tx, this.subscription.consumer, this.topic, at.checkpoint),
      EFFECT_FLUSH,
    );
    if (this.position === at.checkpoint) this.unsavedSince = undefined;
  }
}

/** Time to the next multiple of `ms` on the clock: loops that poll on it poll together. */
export function untilNextBeat(ms: number, now = Date.now()): number {
  return ms - (now % ms);
}

function samePlace(a: Checkpoint, b: Checkpoint): boolean {
  return a.transactionId === b.transactionId && a.position === b.position;
}
