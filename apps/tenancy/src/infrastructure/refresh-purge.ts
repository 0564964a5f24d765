import type { OnApplicationShutdown } from '@nestjs/common';
import { errorSummary } from '@serviceops/platform';
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The purge looks for expired sign-ins by their expiry. */
export class RefreshFamiliesByExpiry1796500000000 implements MigrationInterface {
  name = 'RefreshFamiliesByExpiry1796500000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX refresh_families_expires_at ON refresh_families (expires_at)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX refresh_families_expires_at`);
  }
}

export interface RefreshPurgeSettings {
  /** The pause between two purges (REFRESH_PURGE_INTERVAL_MINUTES). */
  readonly everyMs: number;
  readonly logger: Logger;
  /** Families deleted per statement, so no transaction holds many rows for long (default 1000). */
  readonly batch?: number;
}

/** What one purge came to: how many sign-ins it deleted, or that another replica was purging. */
export type PurgeOutcome = { readonly purged: number } | 'busy';

/** One purge at a time across replicas: a session advisory lock, released by the end of its connection too. */
const PURGE_LOCK = 'tenancy.refresh_families purge';

/**
 * Deletes the sign-ins whose refresh tokens have expired (the family and, by cascade, its tokens): nothing can
 * refresh with them, and an expired family kept only grows the table. Revoked families are kept until their own
 * expiry, for whoever investigates a reuse. Runs at start and then every `everyMs`; it keeps no state but the
 * rows, so a restart just purges again, and replicas take turns (the one that finds the lock taken skips its turn).
 */
export class RefreshPurge implements OnApplicationShutdown {
  private readonly batch: number;
  private timer?: NodeJS.Timeout;
  private inFlight?: Promise<unknown>;
  private stopped = true;

  constructor(
    private readonly pool: Pool,
    private readonly settings: RefreshPurgeSettings,
  ) {
    this.batch = settings.batch ?? 1_000;
    if (!(this.batch >= 1)) throw new Error('batch must be at least 1');
  }

  /** Purges at once, then every `everyMs` until `stop`. */
  start(): void {
    if (!this.stopped) throw new Error('the refresh purge is already started');
    this.stopped = false;
    this.next(0);
  }

  /** Stops the schedule; waits for a purge in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** One purge of the sign-ins expired at `now`, unless another replica is purging. */
  async purgeOnce(now = new Date()): Promise<PurgeOutcome> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext($1)) AS locked`,
        [PURGE_LOCK],
      );
      if (!rows[0]?.locked) return 'busy';
      try {
        let purged = 0;
        for (;;) {
          // Rows an exchange holds (a refresh of an expired token ending its family) are left for the next purge.
          const { rowCount } = await client.query(
            `DELETE FROM tenancy.refresh_families WHERE family_id IN (
               SELECT family_id FROM tenancy.refresh_families WHERE expires_at <= $1
                LIMIT $2 FOR UPDATE SKIP LOCKED)`,
            [now, this.batch],
          );
          purged += rowCount ?? 0;
          if ((rowCount ?? 0) < this.batch) return { purged };
        }
      } finally {
        await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [PURGE_LOCK]).catch((error: Error) => {
          broken = error; // the connection is dropped below, which releases the lock
        });
      }
    } catch (error) {
      broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private next(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.inFlight = this.run();
    }, delayMs);
    this.timer.unref();
  }

  /** Never rejects: a failed purge is logged, and the next one comes at its time. */
  private async run(): Promise<void> {
    if (this.stopped) return;
    try {
      const outcome = await this.purgeOnce();
      if (outcome !== 'busy' && outcome.purged > 0)
        this.settings.logger.info({ purged: outcome.purged }, 'expired refresh families purged');
    } catch (error) {
      this.settings.logger.warn(
        { err: errorSummary(error) },
        'could not purge expired refresh families; trying again at the next period',
      );
    } finally {
      if (!this.stopped) this.next(this.settings.everyMs);
    }
  }
}
