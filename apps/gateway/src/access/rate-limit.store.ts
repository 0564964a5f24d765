import type { ThrottlerStorage } from '@nestjs/throttler';
import { withTransaction } from '@serviceops/eventstore';
import type { Pool } from 'pg';

const SWEEP_EVERY_MS = 10 * 60_000;

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit budgets in PostgreSQL (`RATE_LIMIT_STORE=postgres`), so that every gateway replica draws on the same
 * budget per client instead of each on its own. One statement per request: the client's row is counted up in a
 * fixed window of `ttl` that starts with its first request, and blocked for `blockDuration` once over `limit`.
 * Time is the database's, so replicas whose clocks differ still agree. Keys are the limiter's hashes (no user id
 * or address kept in clear); rows idle past their window and block are swept now and then.
 */
export class PostgresThrottlerStorage implements ThrottlerStorage {
  private readonly table: string;
  private lastSweep = 0;

  constructor(
    private readonly pool: Pool,
    private readonly schema = 'gateway',
  ) {
    this.table = `"${schema}".rate_limits`;
  }

  /** Creates the table when missing; one replica at a time. */
  async migrate(): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}.rate_limits`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.table} (
          key           text   PRIMARY KEY,
          hits          integer NOT NULL,
          window_ends   bigint  NOT NULL,
          blocked_until bigint  NOT NULL
        )`);
    });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    this.sweepNowAndThen();
    // $2 ttl, $3 limit, $4 block (ms). A new window starts when the last one is over; a block lasts its time
    // whatever comes meanwhile; a request over the limit starts one.
    const { rows } = await this.pool.query<{
      hits: number;
      window_ends: string;
      blocked_until: string;
      now: string;
    }>(
      `WITH clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now)
       INSERT INTO ${this.table} AS r (key, hits, window_ends, blocked_until)
         SELECT $1, 1, clock.now + $2, CASE WHEN 1 > $3 THEN clock.now + $4 ELSE 0 END FROM clock
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends <= (SELECT now FROM clock) THEN 1 ELSE r.hits + 1 END,
         window_ends = CASE WHEN r.window_ends <= (SELECT now FROM clock)
                            THEN (SELECT now FROM clock) + $2 ELSE r.window_ends END,
         blocked_until = CASE
           WHEN r.blocked_until > (SELECT now FROM clock) THEN r.blocked_until
           WHEN (CASE WHEN r.window_ends <= (SELECT now FROM clock) THEN 1 ELSE r.hits + 1 END) > $3
             THEN (SELECT now FROM clock) + $4
           ELSE 0 END
       RETURNING hits, window_ends::text, blocked_until::text, (SELECT now FROM clock)::text AS now`,
      [key, ttl, limit, blockDuration],
    );
    const row = rows[0];
    if (!row) throw new Error('rate limit: no row counted');
    const now = Number(row.now);
    const blockedUntil = Number(row.blocked_until);
    return {
      totalHits: row.hits,
      timeToExpire: Math.max(0, Math.ceil((Number(row.window_ends) - now) / 1000)),
      isBlocked: blockedUntil > now,
      timeToBlockExpire: Math.max(0, Math.ceil((blockedUntil - now) / 1000)),
    };
  }

  private sweepNowAndThen(): void {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    void this.pool
      .query(
        `DELETE FROM ${this.table}
          WHERE window_ends < (extract(epoch FROM clock_timestamp()) * 1000)::bigint
            AND blocked_until < (extract(epoch FROM clock_timestamp()) * 1000)::bigint`,
      )
      .catch(() => undefined); // a missed sweep only leaves idle rows for the next one
  }
}
