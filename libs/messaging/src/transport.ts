import type { DeliveredEvent } from './envelope';
import type { EventHandler, FailedMessage, RetryPolicy } from './consumer-db';

export interface SubscriptionHooks {
  /** Called after an event's effect (or its dead letter) committed, before the offset/checkpoint moves on. */
  readonly afterEffectCommitted?: (event: DeliveredEvent) => void | Promise<void>;
  readonly onDeadLetter?: (failed: FailedMessage) => void | Promise<void>;
}

export interface SubscriptionOptions {
  /** A stable name: the inbox, checkpoints, dead letters and Kafka consumer group are keyed by it. */
  readonly consumer: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  /**
   * The event types `handler` acts on; unset: every type. Others are passed over without a transaction or an
   * inbox row (the log transport saves its checkpoint past them lazily). The handler must do nothing with them.
   */
  readonly types?: readonly string[];
  /**
   * Where a consumer met for the first time (no checkpoint, no committed offsets) starts: `earliest` (the default,
   * every event ever published) or `latest` (only events published after its first `subscribe`: for a consumer to
   * whom history means nothing, such as a cache's invalidation). Later starts go on from where it stood either way.
   */
  readonly from?: 'earliest' | 'latest';
  readonly retry?: Partial<RetryPolicy>;
  readonly hooks?: SubscriptionHooks;
}

export interface RunningSubscription {
  readonly consumer: string;
  stop(): Promise<void>;
}

/**
 * One way to subscribe, two transports: `kafka` (a relay publishes each service's log to Kafka) and `log`
 * (consumers read the producing service's event log directly: the embedded default).
 */
export interface Transport {
  readonly kind: 'kafka' | 'log';
  subscribe(options: SubscriptionOptions): Promise<RunningSubscription>;
  /**
   * Makes a stopped consumer start again from the first event of its topics (a read model rebuilt from
   * zero): forgets its inbox, checkpoints and dead letters, and on Kafka moves its group to the earliest
   * offsets. Empty the read model in the same breath.
   */
  reset(consumer: string, topics: readonly string[]): Promise<void>;
  /** Events waiting for a consumer: beyond its checkpoint (log) or its group's committed offsets (Kafka). */
  lag(consumer: string, topics: readonly string[]): Promise<number>;
  close(): Promise<void>;
}
