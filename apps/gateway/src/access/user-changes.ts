import { PostgresEventStore } from '@serviceops/eventstore';
import {
  ConsumerDb,
  eventsTopic,
  kafkaClient,
  KafkaTransport,
  LogTransport,
  type DeliveredEvent,
  type RunningSubscription,
  type Transport,
} from '@serviceops/messaging';
import { Client, type Pool } from 'pg';
import type { Logger } from 'pino';
import type { UserGate } from './user-gate';

/** The gateways' consumer of tenancy's events: one name (one Kafka group, one inbox) for every replica. */
export const USER_CHANGES_CONSUMER = 'gateway-user-changes';
/** Where the replica that applied a user's change tells every replica (itself included) to forget the user. */
export const USER_CHANGES_CHANNEL = 'gateway_user_changes';

const TENANCY_TOPIC = eventsTopic('tenancy');

export interface UserChangesOptions {
  readonly pool: Pool;
  readonly users: UserGate;
  readonly logger: Logger;
  readonly transport:
    | { readonly kind: 'log' }
    | { readonly kind: 'kafka'; readonly brokers: readonly string[]; readonly groupIdPrefix?: string };
}

/**
 * The user a tenancy event is about, when it names one (`data.userId`): every change of a user's roles, password,
 * status or link is such an event, so no list of types has to follow tenancy's. Forgetting a user whose status did
 * not change costs one look-up.
 */
export function userOfEvent(event: Pick<DeliveredEvent, 'data'>): string | undefined {
  const data = event.data as { userId?: unknown } | null;
  return typeof data?.userId === 'string' ? data.userId : undefined;
}

/**
 * A cut in tenancy (disabled, roles changed, password set, the staff login closed, erased) ends the user's tokens
 * on every gateway at once, not after the status cache's TTL (issue 11 item 3): the gateways consume tenancy's
 * events under one consumer name, through the platform's transport, with the inbox in the gateway's schema. The
 * replica that applies an event NOTIFYs the user on USER_CHANGES_CHANNEL in the same transaction, and every replica
 * LISTENs and forgets the user's cached status. A replica whose LISTEN connection broke forgets everything it knew
 * when it is back; meanwhile the cache's short TTL still bounds the delay.
 */
export class UserChanges {
  private subscription: RunningSubscription | undefined;
  private transport: Transport | undefined;
  private listener: Client | undefined;
  private closed = false;

  constructor(private readonly options: UserChangesOptions) {}

  async start(): Promise<void> {
    const { pool, logger } = this.options;
    await this.listen();
    const consumerDb = new ConsumerDb(pool, 'gateway');
    const transport = this.options.transport;
    if (transport.kind === 'log')
      // The producer's log lives in this database: its tables exist even before tenancy first starts.
      await new PostgresEventStore({ pool, schema: 'tenancy' }).migrate();
    const messagingLogger = {
      error: (message: string, err: unknown, fields?: Record<string, unknown>) =>
        logger.error({ ...fields, err }, message),
      warn: (message: string, fields?: Record<string, unknown>) => logger.warn({ ...fields }, message),
    };
    this.transport =
      transport.kind === 'log'
        ? new LogTransport({ sourcePool: pool, consumerDb, logger: messagingLogger })
        : new KafkaTransport({
            kafka: kafkaClient(transport.brokers, 'gateway'),
            consumerDb,
            logger: messagingLogger,
            ...(transport.groupIdPrefix ? { groupIdPrefix: transport.groupIdPrefix } : {}),
          });
    this.subscription = await this.transport.subscribe({
      consumer: USER_CHANGES_CONSUMER,
      topics: [TENANCY_TOPIC],
      // A gateway's cache starts empty: changes made before the first start ever are no one's business here.
      from: 'latest',
      handler: async (event, tx) => {
        const userId = userOfEvent(event);
        if (userId) await tx.query('SELECT pg_notify($1, $2)', [USER_CHANGES_CHANNEL, userId]);
      },
      hooks: {
        // This replica need not wait for its own NOTIFY.
        afterEffectCommitted: (event) => {
          const userId = userOfEvent(event);
          if (userId) this.options.users.forgetUser(userId);
        },
      },
    });
    logger.debug({ consumer: USER_CHANGES_CONSUMER }, 'following user changes');
  }

  async stop(): Promise<void> {
    this.closed = true;
    await this.subscription?.stop();
    await this.transport?.close();
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const { pool, users, logger } = this.options;
    const client = new Client(pool.options);
    client.on('notification', (message) => {
      if (message.channel === USER_CHANGES_CHANNEL && message.payload) users.forgetUser(message.payload);
    });
    client.on('error', (error) => {
      logger.warn({ err: error }, 'user changes: LISTEN connection failed');
      if (this.listener === client) this.listener = undefined;
      void client.end().catch(() => undefined);
      if (!this.closed) setTimeout(() => void this.relisten(), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN "${USER_CHANGES_CHANNEL}"`);
    this.listener = client;
  }

  private async relisten(): Promise<void> {
    if (this.closed) return;
    try {
      await this.listen();
      // What was NOTIFYd while no one listened is unknown: ask tenancy again about everyone.
      this.options.users.forgetAll();
    } catch (error) {
      this.options.logger.warn({ err: error }, 'user changes: LISTEN reconnect failed');
      if (!this.closed) setTimeout(() => void this.relisten(), 1_000).unref();
    }
  }
}
