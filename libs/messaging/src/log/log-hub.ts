import { notifyChannel, PostgresEventStore } from '@serviceops/eventstore';
import { Pool } from 'pg';
import type { MessagingLogger } from '../logger';
import { SharedLog } from './shared-log';
import { Wakeups } from './wakeups';

/** Connections of a hub's own pool: reads of the logs, one per log at a time at most. */
const HUB_POOL_SIZE = 4;

const hubs = new Map<string, LogHub>();

/**
 * What the log transports of one process share for one database: a LISTEN connection, and each service's log as
 * a `SharedLog`, read through a small pool of the hub's own. With every service in one process (`npm start`),
 * each service's transport used to LISTEN and read on its own: a commit woke four connections, and the
 * consumers at the head of a log read the same page once per service. Joined by each transport, it closes with
 * the last to leave.
 */
export class LogHub {
  readonly wakeups: Wakeups;
  private readonly logs = new Map<string, SharedLog>();
  private members = 0;

  private constructor(
    private readonly key: string,
    private readonly pool: Pool,
    logger: MessagingLogger,
  ) {
    this.wakeups = new Wakeups(pool, logger);
  }

  /** The hub of the database `pool` connects to, made when this process has none yet. */
  static join(pool: Pool, logger: MessagingLogger): LogHub {
    const key = databaseOf(pool);
    let hub = hubs.get(key);
    if (!hub) {
      hub = new LogHub(key, new Pool({ ...pool.options, max: HUB_POOL_SIZE }), logger);
      hubs.set(key, hub);
    }
    hub.members += 1;
    return hub;
  }

  /** A schema's log, listened to. */
  async log(schema: string): Promise<SharedLog> {
    const channel = notifyChannel(schema);
    let log = this.logs.get(schema);
    if (!log) {
      log = new SharedLog(new PostgresEventStore({ pool: this.pool, schema, groupCommit: false }), () =>
        this.wakeups.mark(channel),
      );
      this.logs.set(schema, log);
    }
    await this.wakeups.listen(channel);
    return log;
  }

  async leave(): Promise<void> {
    this.members -= 1;
    if (this.members > 0) return;
    hubs.delete(this.key);
    await this.wakeups.close();
    await this.pool.end().catch(() => undefined);
  }
}

/** Which database a pool connects to, as its options name it (pools that differ in anything else still share). */
function databaseOf(pool: Pool): string {
  const { connectionString, host, port, database, user } = pool.options;
  return JSON.stringify([connectionString, host, port, database, user]);
}
