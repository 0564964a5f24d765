import { AsyncLocalStorage } from 'node:async_hooks';
import { assertSchemaName, migrate, type Migration } from '@serviceops/eventstore';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { Metrics } from './metrics';
import { errorSummary } from './runtime';

/** A timer as its handler sees it. */
export interface DueTimer {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Failed runs so far (0 on the first run). */
  readonly attempts: number;
}

/**
 * Runs the effect of a due timer, in a transaction of its own (usually a command through the event store).
 * Idempotent by contract: it may run again for the same timer after a crash (see `DurableTimers`).
 */
export type TimerHandler = (timer: DueTimer) => Promise<void>;

/** One handler per timer kind. */
export type TimerHandlers = Readonly<Record<string, TimerHandler>>;

export interface TimerToSchedule {
  /** Chosen by the caller, deterministic (`reply-deadline:<ticket id>`), so it can be moved or cancelled. */
  readonly id: string;
  readonly tenantId: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload?: object;
}

/** A timer not fired yet, as `pendingOf` lists it for its caller to move. */
export interface PendingTimer {
  readonly id: string;
  readonly tenantId: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface TimerRetryPolicy {
  /** Delay after the first failure; it doubles after each further one. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** From this many failed runs on, each failure is logged as an error (it keeps being retried). */
  readonly alertAfterAttempts: number;
}

export const DEFAULT_TIMER_RETRY: TimerRetryPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  alertAfterAttempts: 10,
};

export interface DurableTimersOptions {
  readonly pool: Pool;
  readonly schema: string;
  readonly logger: Logger;
  readonly metrics?: Metrics;
  /** Pause between polls when the last one found less than a full batch (default 1000). */
  readonly pollMs?: number;
  /** Timers claimed per poll (default 50). */
  readonly batch?: number;
  readonly retry?: Partial<TimerRetryPolicy>;
}

export const TIMER_MIGRATIONS: readonly Migration[] = [
  {
    id: 2001,
    name: 'platform: durable timers',
    sql: `
      CREATE TABLE IF NOT EXISTS timers (
        timer_id   text        PRIMARY KEY,
        tenant_id  uuid        NOT NULL,
        kind       text        NOT NULL,
        due_at     timestamptz NOT NULL,
        payload    jsonb       NOT NULL DEFAULT '{}',
        attempts   int         NOT NULL DEFAULT 0,
        last_error text,
        fired_at   timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS timers_due_idx ON timers (due_at) WHERE fired_at IS NULL;
    `,
  },
];

/** The wait before the next run of a timer that has now failed `attempts` times (≥ 1): doubling, capped. */
export function timerBackoffMs(attempts: number, retry: TimerRetryPolicy = DEFAULT_TIMER_RETRY): number {
  return Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** Math.max(0, attempts - 1));
}

const MAX_ERROR_LENGTH = 2_000;
const MAX_POLL_ERROR_DELAY_MS = 30_000;

interface TimerRow {
  timer_id: string;
  tenant_id: string;
  kind: string;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Deadlines kept in PostgreSQL, in the service's schema (`<schema>.timers`).
 *
 * `schedule` writes a timer in the caller's transaction, so the timer exists if and only if the event that
 * made it due was committed. A poller claims due timers with `FOR UPDATE SKIP LOCKED` in a transaction of its
 * own, runs each one's handler, marks it fired and commits.
 *
 * The handler's writes and the mark are not one transaction: the handler writes through the event store in a
 * transaction of its own. This is safe because handlers are idempotent (a decider that gives no events when
 * the deadline was already acted on): a crash after the effect and before the mark only runs it once more.
 * Two replicas never run the same timer at once, as a claimed row stays locked until its batch commits.
 *
 * Consequences of that lock, for callers: a handler must not schedule or cancel its own timer (it would wait
 * for its own lock; this is refused with an error), a `schedule`/`cancel` of a timer in a claimed batch waits
 * until that batch commits, and the pool needs a connection for the claim besides those the handlers use.
 *
 * A failing handler (or a kind without one) is retried later: attempts + 1, the error kept, the due time
 * pushed back by a doubling delay up to a cap; from `alertAfterAttempts` failures on each one is logged as an
 * error. A timer is never dropped.
 */
export class DurableTimers {
  readonly schema: string;
  private readonly pool: Pool;
  private readonly logger: Logger;
  private readonly metrics?: Metrics;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly retry: TimerRetryPolicy;
  /** The timer whose handler is running in this async context, to refuse scheduling or cancelling it. */
  private readonly running = new AsyncLocalStorage<string>();
  private handlers?: TimerHandlers;
  private pollTimer?: NodeJS.Timeout;
  private inFlight?: Promise<void>;
  private stopping = false;
  private failedPolls = 0;

  constructor(options: DurableTimersOptions) {
    this.schema = assertSchemaName(options.schema);
    this.pool = options.pool;
    this.logger = options.logger;
    this.metrics = options.metrics;
    this.pollMs = options.pollMs ?? 1_000;
    this.batch = options.batch ?? 50;
    this.retry = { ...DEFAULT_TIMER_RETRY, ...options.retry };
    if (!(this.batch >= 1)) throw new Error('batch must be at least 1');
  }

  /** Creates the timers table; replicas starting together take turns (the migrations' advisory lock). */
  async migrate(): Promise<void> {
    await migrate(this.pool, this.schema, TIMER_MIGRATIONS);
  }

  /**
   * Arms a timer inside the caller's transaction. Scheduling an id that is still pending moves it (due time,
   * kind, payload; its failed attempts are kept); scheduling an id that already fired arms it again, as new
   * (attempts 0, no error).
   */
  async schedule(tx: PoolClient, timer: TimerToSchedule): Promise<void> {
    this.refuseOwnTimer(timer.id, 'schedule');
    await tx.query(
      `INSERT INTO "${this.schema}".timers (timer_id, tenant_id, kind, due_at, payload)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (timer_id) DO UPDATE SET
         tenant_id  = EXCLUDED.tenant_id,
         kind       = EXCLUDED.kind,
         due_at     = EXCLUDED.due_at,
         payload    = EXCLUDED.payload,
         attempts   = CASE WHEN timers.fired_at IS NULL THEN timers.attempts ELSE 0 END,
         last_error = CASE WHEN timers.fired_at IS NULL THEN timers.last_error END,
         fired_at   = NULL`,
      [timer.id, timer.tenantId, timer.kind, timer.dueAt, JSON.stringify(timer.payload ?? {})],
    );
  }

  /** Disarms a pending timer in the caller's transaction; false when there was none (or it already fired). */
  async cancel(tx: PoolClient, id: string): Promise<boolean> {
    this.refuseOwnTimer(id, 'cancel');
    const { rowCount } = await tx.query(
      `DELETE FROM "${this.schema}".timers WHERE timer_id = $1 AND fired_at IS NULL`,
      [id],
    );
    return rowCount === 1;
  }

  /**
   * One tenant's timers of one kind not fired yet, locked in the caller's transaction until it ends (to move them
   * with `move`). A timer in a batch a poller has claimed is waited for; if that batch fired it, it is not listed.
   */
  async pendingOf(tx: PoolClient, of: { kind: string; tenantId: string }): Promise<PendingTimer[]> {
    const { rows } = await tx.query<TimerRow>(
      `SELECT timer_id, tenant_id, kind, due_at, payload, attempts
         FROM "${this.schema}".timers
        WHERE fired_at IS NULL AND kind = $1 AND tenant_id = $2
        ORDER BY timer_id
        FOR UPDATE`,
      [of.kind, of.tenantId],
    );
    return rows.map((row) => ({
      id: row.timer_id,
      tenantId: row.tenant_id,
      kind: row.kind,
      dueAt: row.due_at,
      payload: row.payload,
    }));
  }

  /**
   * Moves a pending timer (its due time and payload) in the caller's transaction; false when there is none (it
   * fired or was cancelled meanwhile). Unlike `schedule`, it never arms again a timer that fired.
   */
  async move(tx: PoolClient, id: string, to: { dueAt: Date; payload: object }): Promise<boolean> {
    this.refuseOwnTimer(id, 'move');
    const { rowCount } = await tx.query(
      `UPDATE "${this.schema}".timers SET due_at = $2, payload = $3::jsonb WHERE timer_id = $1 AND fired_at IS NULL`,
      [id, to.dueAt, JSON.stringify(to.payload)],
    );
    return rowCount === 1;
  }

  /**
   * Disarms, in the caller's transaction, every pending timer whose id starts with `prefix` (an order's:
   * `order-arrival-risk:<order id>:` however many checks were set), and answers how many. A timer handler's own
   * timer is left alone (its row is locked until the handler returns, and it is marked fired then). The prefix is
   * compared as text, not as a LIKE pattern, and an empty one is refused (it would disarm everything).
   */
  async cancelPrefixed(tx: PoolClient, prefix: string): Promise<number> {
    if (prefix.length === 0) throw new Error('cancelPrefixed needs a non-empty prefix');
    const { rowCount } = await tx.query(
      `DELETE FROM "${this.schema}".timers
        WHERE fired_at IS NULL AND starts_with(timer_id, $1) AND ($2::text IS NULL OR timer_id <> $2)`,
      [prefix, this.running.getStore() ?? null],
    );
    return rowCount ?? 0;
  }

  /** Timers not fired yet (due or not), of one kind or all. */
  async pending(kind?: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${this.schema}".timers WHERE fired_at IS NULL AND ($1::text IS NULL OR kind = $1)`,
      [kind ?? null],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Polls every `pollMs` (at once again after a full batch) until `stop`. */
  start(handlers: TimerHandlers): void {
    if (this.handlers) throw new Error('timers already started');
    this.handlers = handlers;
    this.stopping = false;
    this.nextPoll(0);
  }

  /** Stops polling; waits for the batch in flight, whose handlers not yet begun are left for later. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.pollTimer);
    await this.inFlight;
    this.handlers = undefined;
  }

  /** One pass: claims a batch of due timers and runs them. Returns how many fired (handler succeeded). */
  async fireDue(handlers: TimerHandlers): Promise<number> {
    return (await this.pass(handlers, () => false)).fired;
  }

  private nextPoll(delayMs: number): void {
    this.pollTimer = setTimeout(() => {
      this.inFlight = this.poll();
    }, delayMs);
    this.pollTimer.unref();
  }

  /** Never rejects: an error is logged and the next poll waits longer (doubling, capped). */
  private async poll(): Promise<void> {
    const handlers = this.handlers;
    if (!handlers || this.stopping) return;
    let delay = this.pollMs;
    try {
      const { claimed } = await this.pass(handlers, () => this.stopping);
      this.failedPolls = 0;
      if (claimed >= this.batch) delay = 0;
    } catch (error) {
      this.failedPolls += 1;
      delay = Math.min(MAX_POLL_ERROR_DELAY_MS, this.pollMs * 2 ** (this.failedPolls - 1));
      this.logger.error(
        { schema: this.schema, err: errorSummary(error), failedPolls: this.failedPolls },
        'could not poll durable timers',
      );
    } finally {
      if (!this.stopping) this.nextPoll(delay);
    }
  }

  private async pass(
    handlers: TimerHandlers,
    stopping: () => boolean,
  ): Promise<{ claimed: number; fired: number }> {
    const client = await this.pool.connect();
    // The claim's connection sits idle while handlers run: losing it then must not crash the process.
    let lost: Error | undefined;
    const onError = (err: Error) => {
      lost = err;
    };
    client.on('error', onError);
    let broken = false;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<TimerRow>(
        `SELECT timer_id, tenant_id, kind, due_at, payload, attempts
           FROM "${this.schema}".timers
          WHERE fired_at IS NULL AND due_at <= now()
          ORDER BY due_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [this.batch],
      );
      let fired = 0;
      for (const row of rows) {
        if (stopping()) break;
        if (lost) throw lost;
        if (await this.fire(client, row, handlers)) fired += 1;
      }
      await client.query('COMMIT');
      return { claimed: rows.length, fired };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.removeListener('error', onError);
      client.release(broken || lost !== undefined);
    }
  }

  /** Runs one claimed timer and records the outcome in the claim's transaction. */
  private async fire(claim: PoolClient, row: TimerRow, handlers: TimerHandlers): Promise<boolean> {
    const timer: DueTimer = {
      id: row.timer_id,
      tenantId: row.tenant_id,
      kind: row.kind,
      dueAt: row.due_at,
      payload: row.payload,
      attempts: row.attempts,
    };
    const handler = Object.hasOwn(handlers, timer.kind) ? handlers[timer.kind] : undefined;
    let failure: unknown;
    if (handler) {
      this.metrics?.timerLateness.observe(
        { kind: timer.kind },
        Math.max(0, (Date.now() - timer.dueAt.getTime()) / 1000),
      );
      try {
        await this.running.run(timer.id, () => handler(timer));
      } catch (error) {
        failure = error ?? new Error('handler threw nothing');
      }
    } else {
      failure = new Error(`no handler for timer kind ${timer.kind}`);
    }

    if (failure === undefined) {
      await claim.query(
        `UPDATE "${this.schema}".timers SET fired_at = clock_timestamp(), last_error = NULL WHERE timer_id = $1`,
        [timer.id],
      );
      this.metrics?.timersFired.inc({ kind: timer.kind, outcome: 'fired' });
      return true;
    }

    const attempts = timer.attempts + 1;
    const delayMs = timerBackoffMs(attempts, this.retry);
    const err = errorSummary(failure);
    await claim.query(
      `UPDATE "${this.schema}".timers
          SET attempts = $2, last_error = $3, due_at = clock_timestamp() + $4 * interval '1 millisecond'
        WHERE timer_id = $1`,
      [timer.id, attempts, `${err.name}: ${err.message}`.slice(0, MAX_ERROR_LENGTH), delayMs],
    );
    this.metrics?.timersFired.inc({ kind: timer.kind, outcome: handler ? 'failed' : 'unhandled' });
    const fields = {
      schema: this.schema,
      timerId: timer.id,
      kind: timer.kind,
      attempts,
      retryInMs: delayMs,
      err,
    };
    if (attempts >= this.retry.alertAfterAttempts || !handler)
      this.logger.error(fields, handler ? 'timer keeps failing' : 'no handler for this timer kind');
    else this.logger.warn(fields, 'timer handler failed; will retry');
    return false;
  }

  private refuseOwnTimer(id: string, what: string): void {
    if (this.running.getStore() === id)
      throw new Error(
        `timer ${id} cannot ${what} itself from its handler: its row is locked until the handler returns`,
      );
  }
}
