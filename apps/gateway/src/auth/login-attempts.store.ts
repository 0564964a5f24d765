import { withTransaction } from '@serviceops/eventstore';
import type { Pool } from 'pg';
import { NO_ATTEMPTS, type LoginAttempts } from './login-attempts';

interface Row {
  failures: number;
  window_start: string;
  locked_until: string;
  locks: number;
}

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Login attempts per key in PostgreSQL, so every gateway replica counts the same failures. Keys are hashes
 * (no username or IP kept in clear); rows idle for a day, and no longer locked, are swept.
 */
export class LoginAttemptsStore {
  private readonly table: string;
  private lastSweep = 0;

  constructor(
    private readonly pool: Pool,
    private readonly schema = 'gateway',
  ) {
    this.table = `"${schema}".login_attempts`;
  }

  /** Creates the table when missing; one replica at a time. */
  async migrate(): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.schema}.login_attempts`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.table} (
          key          text        PRIMARY KEY,
          failures     integer     NOT NULL,
          window_start bigint      NOT NULL,
          locked_until bigint      NOT NULL,
          locks        integer     NOT NULL,
          updated_at   timestamptz NOT NULL DEFAULT now()
        )`);
    });
  }

  async read(keys: readonly string[]): Promise<LoginAttempts[]> {
    const { rows } = await this.pool.query<Row & { key: string }>(
      `SELECT key, failures, window_start, locked_until, locks FROM ${this.table} WHERE key = ANY($1)`,
      [keys],
    );
    return keys.map((key) => {
      const row = rows.find((r) => r.key === key);
      return row ? attemptsOf(row) : NO_ATTEMPTS;
    });
  }

  /** Changes a key's attempts under a row lock, so concurrent failures on two replicas both count. */
  async update(key: string, change: (attempts: LoginAttempts) => LoginAttempts): Promise<LoginAttempts> {
    this.sweepNowAndThen();
    return withTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO ${this.table} (key, failures, window_start, locked_until, locks)
         VALUES ($1, 0, 0, 0, 0) ON CONFLICT (key) DO NOTHING`,
        [key],
      );
      const { rows } = await client.query<Row>(
        `SELECT failures, window_start, locked_until, locks FROM ${this.table} WHERE key = $1 FOR UPDATE`,
        [key],
      );
      const next = change(rows[0] ? attemptsOf(rows[0]) : NO_ATTEMPTS);
      await client.query(
        `UPDATE ${this.table}
            SET failures = $2, window_start = $3, locked_until = $4, locks = $5, updated_at = now()
          WHERE key = $1`,
        [key, next.failures, next.windowStart, next.lockedUntil, next.locks],
      );
      return next;
    });
  }

  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.pool
      .query(`DELETE FROM ${this.table} WHERE updated_at < now() - interval '1 day' AND locked_until < $1`, [
        now,
      ])
      .catch(() => {
        this.lastSweep = 0; // try again on a later attempt
      });
  }
}

function attemptsOf(row: Row): LoginAttempts {
  return {
    failures: row.failures,
    windowStart: Number(row.window_start),
    lockedUntil: Number(row.locked_until),
    locks: row.locks,
  };
}
