import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { PostgresEventStore, type EventRegistry } from '@serviceops/eventstore';
import {
  ConsumerDb,
  KafkaRelay,
  KafkaTransport,
  LogTransport,
  eventsTopic,
  kafkaClient,
  serviceOfTopic,
  type DeliveredEvent,
  type EventHandler,
  type MessagingLogger,
  type RunningSubscription,
  type Transport,
} from '@serviceops/messaging';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import { codeOf, kindOfCode } from './errors';
import type { Metrics } from './metrics';

export interface RuntimeOptions {
  readonly service: string;
  readonly pool: Pool;
  readonly transport: 'log' | 'kafka';
  readonly kafkaBrokers?: readonly string[];
  readonly kafkaGroupIdPrefix?: string;
  readonly registry?: EventRegistry;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Publish this service's events (runs the Kafka relay when the transport is kafka). */
  readonly publishes: boolean;
}

const tracer = trace.getTracer('serviceops');

/**
 * A service's event-sourcing plumbing: its event store and consumer tables in its own schema, the transport
 * its subscriptions use, and (on Kafka) the relay that publishes its log. Subscriptions get a span per event,
 * child of the trace that wrote it, and feed the lag and dead-letter metrics.
 */
export class EventSourcingRuntime {
  readonly store: PostgresEventStore;
  readonly consumerDb: ConsumerDb;
  readonly transport: Transport;
  private readonly kafka?: Kafka;
  private relay?: KafkaRelay;
  private readonly subscriptions: RunningSubscription[] = [];
  private readonly messagingLogger: MessagingLogger;
  private lagTimer?: NodeJS.Timeout;
  private readonly consumers = new Map<string, readonly string[]>();

  constructor(private readonly options: RuntimeOptions) {
    const { pool, service, logger } = options;
    this.store = new PostgresEventStore({ pool, schema: service, registry: options.registry });
    this.consumerDb = new ConsumerDb(pool, service);
    this.messagingLogger = {
      error: (message, err, fields) => logger.error({ ...fields, err: errorSummary(err) }, message),
      warn: (message, fields) => logger.warn({ ...fields }, message),
    };
    if (options.transport === 'kafka') {
      if (!options.kafkaBrokers?.length) throw new Error('KAFKA_BROKERS is required when TRANSPORT=kafka');
      this.kafka = kafkaClient(options.kafkaBrokers, service);
      this.transport = new KafkaTransport({
        kafka: this.kafka,
        consumerDb: this.consumerDb,
        logger: this.messagingLogger,
        ...(options.kafkaGroupIdPrefix ? { groupIdPrefix: options.kafkaGroupIdPrefix } : {}),
      });
    } else {
      this.transport = new LogTransport({
        sourcePool: pool,
        consumerDb: this.consumerDb,
        logger: this.messagingLogger,
        ...(options.kafkaGroupIdPrefix ? { groupIdPrefix: options.kafkaGroupIdPrefix } : {}),
      });
    }
  }

  get service(): string {
    return this.options.service;
  }

  get kafkaClient(): Kafka | undefined {
    return this.kafka;
  }

  /** Runs a command, timing it into the command-latency histogram with its outcome. */
  timed<T>(command: string, run: () => Promise<T>): Promise<T> {
    return this.options.metrics.timeCommand(command, run, (error) => {
      const code = codeOf(error);
      if (!code) return 'error';
      const kind = kindOfCode(code);
      return kind === 'conflict'
        ? 'conflict'
        : kind === 'internal' || kind === 'unavailable'
          ? 'error'
          : 'rejected';
    });
  }

  /** Creates or upgrades this service's tables, then starts publishing (Kafka). */
  async start(): Promise<void> {
    await this.store.migrate();
    await this.consumerDb.migrate();
    if (this.kafka && this.options.publishes) {
      this.relay = new KafkaRelay({
        store: this.store,
        kafka: this.kafka,
        topic: eventsTopic(this.options.service),
        logger: this.messagingLogger,
      });
      await this.relay.start();
    }
    this.lagTimer = setInterval(() => void this.measureLag(), 5_000);
    this.lagTimer.unref();
  }

  /**
   * Subscribes a read model or process to other services' topics. On the log transport the producers' logs
   * live in the same database: their tables are created if the producer has not started yet. `types` names the
   * only event types the handler acts on: the others then cost no transaction (see `SubscriptionOptions`).
   */
  async subscribe(
    consumer: string,
    topics: readonly string[],
    handler: EventHandler,
    options: { types?: readonly string[] } = {},
  ): Promise<void> {
    if (this.options.transport === 'log') {
      for (const topic of topics)
        await new PostgresEventStore({ pool: this.options.pool, schema: serviceOfTopic(topic) }).migrate();
    }
    const { metrics } = this.options;
    this.consumers.set(consumer, topics);
    const running = await this.transport.subscribe({
      consumer,
      topics,
      handler: tracedHandler(consumer, handler),
      ...(options.types ? { types: options.types } : {}),
      hooks: {
        afterEffectCommitted: (event) => {
          metrics.eventsHandled.inc({ consumer, type: event.type });
          metrics.projectionLag.set(
            { consumer },
            Math.max(0, (Date.now() - event.recordedAt.getTime()) / 1000),
          );
        },
      },
    });
    this.subscriptions.push(running);
  }

  async stop(): Promise<void> {
    if (this.lagTimer) clearInterval(this.lagTimer);
    await Promise.all(this.subscriptions.splice(0).map((s) => s.stop()));
    await this.relay?.stop();
    await this.transport.close();
  }

  /** Every 5 s: each consumer's lag (from its transport) and its dead letters waiting for a replay. */
  private async measureLag(): Promise<void> {
    const { metrics } = this.options;
    try {
      for (const [consumer, topics] of this.consumers) {
        metrics.deadLetters.set({ consumer }, (await this.consumerDb.deadLetters(consumer)).length);
        const lag = await this.transport.lag(consumer, topics);
        metrics.consumerLag.set({ consumer }, lag);
        if (lag === 0) metrics.projectionLag.set({ consumer }, 0);
      }
    } catch (error) {
      this.options.logger.warn({ err: errorSummary(error) }, 'could not measure consumer lag');
    }
  }
}

/** Wraps a handler so each delivered event gets a span, child of the span that appended it. */
export function tracedHandler(consumer: string, handler: EventHandler): EventHandler {
  return (event, tx) => traced(consumer, event, () => handler(event, tx));
}

function traced(consumer: string, event: DeliveredEvent, run: () => Promise<void>): Promise<void> {
  const carrier =
    typeof event.metadata.traceparent === 'string' ? { traceparent: event.metadata.traceparent } : {};
  const parent = propagation.extract(ROOT_CONTEXT, carrier);
  return tracer.startActiveSpan(
    `${consumer} handle ${event.type}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'serviceops.consumer': consumer,
        'messaging.destination.name': event.topic,
        'messaging.message.id': event.eventId,
        'serviceops.event.type': event.type,
        'serviceops.stream.id': event.streamId,
      },
    },
    parent,
    async (span) => {
      try {
        await run();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The active trace context as a W3C traceparent, to store in an event's metadata. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}

export function errorSummary(err: unknown): { name: string; message: string; code?: string } {
  if (err instanceof Error) {
    const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
    return { name: err.name, message: err.message, ...(code ? { code } : {}) };
  }
  return { name: 'Error', message: String(err) };
}
