import { randomUUID } from 'node:crypto';
import { withTransaction } from '@serviceops/eventstore';
import { eventually, testPool, uniqueName } from '@serviceops/testing';
import type { Pool } from 'pg';
import { createLogger } from './logger';
import { Metrics } from './metrics';
import {
  DurableTimers,
  timerBackoffMs,
  type DurableTimersOptions,
  type DueTimer,
  type TimerHandlers,
  type TimerToSchedule,
} from './timers';

interface LogLine {
  level: string;
  msg: string;
  timerId?: string;
  attempts?: number;
}

const HOUR = 3_600_000;
const past = () => new Date(Date.now() - 60_000);
const later = () => new Date(Date.now() + HOUR);

describe('timer backoff', () => {
  const retry = { initialDelayMs: 1_000, maxDelayMs: 300_000, alertAfterAttempts: 10 };
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [9, 256_000],
    [10, 300_000],
    [50, 300_000],
    [5_000, 300_000],
  ])('waits, after %i failures, %i ms', (attempts, ms) => {
    expect(timerBackoffMs(attempts, retry)).toBe(ms);
  });
});

describe('DurableTimers on a real PostgreSQL', () => {
  let pool: Pool;
  let schema: string;
  let logs: LogLine[];
  let timers: DurableTimers;
  const started: DurableTimers[] = [];

  beforeAll(() => {
    pool = testPool();
  });
  afterAll(async () => {
    await pool.end();
  });
  beforeEach(async () => {
    schema = uniqueName('timers');
    logs = [];
    timers = timersOn(pool);
    await timers.migrate();
    await pool.query(`CREATE TABLE "${schema}".effects (timer_id text NOT NULL, instance text NOT NULL)`);
    await pool.query(`CREATE TABLE "${schema}".effects_once (timer_id text PRIMARY KEY)`);
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((t) => t.stop()));
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  });

  function timersOn(on: Pool, options: Partial<DurableTimersOptions> = {}): DurableTimers {
    const logger = createLogger('timers-test', 'debug', {
      write: (line: string) => {
        logs.push(JSON.parse(line) as LogLine);
      },
    });
    return new DurableTimers({ pool: on, schema, logger, ...options });
  }

  function start(instance: DurableTimers, handlers: TimerHandlers): void {
    instance.start(handlers);
    started.push(instance);
  }

  async function schedule(...list: Omit<TimerToSchedule, 'tenantId'>[]): Promise<void> {
    await withTransaction(pool, async (tx) => {
      for (const t of list) await timers.schedule(tx, { tenantId: TENANT, ...t });
    });
  }

  /** Time passes: the timer is due now. */
  async function rewind(id: string): Promise<void> {
    await pool.query(`UPDATE "${schema}".timers SET due_at = now() WHERE timer_id = $1`, [id]);
  }

  async function row(id: string) {
    const { rows } = await pool.query<{
      attempts: number;
      last_error: string | null;
      fired: boolean;
      backoff_s: number;
    }>(
      `SELECT attempts, last_error, fired_at IS NOT NULL AS fired,
              extract(epoch FROM due_at - now())::float8 AS backoff_s
         FROM "${schema}".timers WHERE timer_id = $1`,
      [id],
    );
    return rows[0];
  }

  /** A plain effect: one row per run, so a second run shows. */
  async function effect(timer: DueTimer, instance = 'a'): Promise<void> {
    await pool.query(`INSERT INTO "${schema}".effects (timer_id, instance) VALUES ($1, $2)`, [
      timer.id,
      instance,
    ]);
  }

  /** An idempotent effect, as a decider that gives no events the second time. */
  async function effectOnce(timer: DueTimer): Promise<void> {
    await pool.query(`INSERT INTO "${schema}".effects_once (timer_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
      timer.id,
    ]);
  }

  async function count(table: 'effects' | 'effects_once', id?: string): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM "${schema}".${table} WHERE $1::text IS NULL OR timer_id = $1`,
      [id ?? null],
    );
    return Number(rows[0]?.n);
  }

  const TENANT = randomUUID();
  const deadline: TimerHandlers = { deadline: (t) => effect(t) };

  it('migrates concurrently from several replicas', async () => {
    const logger = createLogger('timers-test', 'silent');
    const other = uniqueName('timers');
    const replica = () => new DurableTimers({ pool, schema: other, logger });
    try {
      await Promise.all([1, 2, 3, 4].map(() => replica().migrate()));
      await replica().migrate();
      expect(await replica().pending()).toBe(0);
    } finally {
      await pool.query(`DROP SCHEMA IF EXISTS "${other}" CASCADE`);
    }
  });

  it('fires a due timer once, with its tenant and payload', async () => {
    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past(), payload: { ticketId: 'T-1' } });
    const seen: DueTimer[] = [];
    const handlers: TimerHandlers = {
      deadline: async (t) => {
        seen.push(t);
        await effect(t);
      },
    };

    expect(await timers.fireDue(handlers)).toBe(1);
    expect(await timers.fireDue(handlers)).toBe(0);

    expect(await count('effects', 'reply:1')).toBe(1);
    expect(seen).toEqual([
      expect.objectContaining({
        id: 'reply:1',
        tenantId: TENANT,
        kind: 'deadline',
        payload: { ticketId: 'T-1' },
        attempts: 0,
      }),
    ]);
    expect(await row('reply:1')).toMatchObject({ fired: true, attempts: 0 });
    expect(await timers.pending()).toBe(0);
  });

  it('does not fire a timer before its time', async () => {
    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: later() });
    expect(await timers.fireDue(deadline)).toBe(0);
    expect(await timers.pending('deadline')).toBe(1);
    expect(await count('effects')).toBe(0);
  });

  it('moves a pending timer when it is scheduled again', async () => {
    await schedule({ id: 'soon', kind: 'deadline', dueAt: later() });
    await schedule({ id: 'soon', kind: 'deadline', dueAt: past() });
    await schedule({ id: 'postponed', kind: 'deadline', dueAt: past() });
    await schedule({ id: 'postponed', kind: 'deadline', dueAt: later() });

    expect(await timers.fireDue(deadline)).toBe(1);
    expect(await count('effects', 'soon')).toBe(1);
    expect(await count('effects', 'postponed')).toBe(0);
    expect(await timers.pending()).toBe(1);
  });

  it('arms a fired timer again when it is scheduled again', async () => {
    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
    expect(await timers.fireDue(deadline)).toBe(1);

    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
    expect(await row('reply:1')).toMatchObject({ fired: false, attempts: 0, last_error: null });
    expect(await timers.fireDue(deadline)).toBe(1);
    expect(await count('effects', 'reply:1')).toBe(2);
  });

  it('lists one tenant’s pending timers of a kind, and moves them without arming a fired one again', async () => {
    await schedule(
      { id: 'keep:1', kind: 'keep', dueAt: later(), payload: { days: 1 } },
      { id: 'keep:2', kind: 'keep', dueAt: past() },
      { id: 'other:1', kind: 'other', dueAt: later() },
    );
    await withTransaction(pool, (tx) =>
      timers.schedule(tx, { id: 'keep:3', tenantId: randomUUID(), kind: 'keep', dueAt: later() }),
    );
    expect(await timers.fireDue({ keep: (t) => effect(t) })).toBe(1); // keep:2 fired

    const listed = await withTransaction(pool, (tx) =>
      timers.pendingOf(tx, { kind: 'keep', tenantId: TENANT }),
    );
    expect(listed.map((t) => [t.id, t.payload])).toEqual([['keep:1', { days: 1 }]]);
    await withTransaction(pool, async (tx) => {
      expect(await timers.move(tx, 'keep:1', { dueAt: past(), payload: { days: 2 } })).toBe(true);
      expect(await timers.move(tx, 'keep:2', { dueAt: past(), payload: {} })).toBe(false);
    });
    expect(await row('keep:2')).toMatchObject({ fired: true });
    const fired: DueTimer[] = [];
    expect(
      await timers.fireDue({
        keep: (t) => {
          fired.push(t);
          return Promise.resolve();
        },
      }),
    ).toBe(1);
    expect(fired.map((t) => [t.id, t.payload])).toEqual([['keep:1', { days: 2 }]]);
  });

  it('never fires a cancelled timer', async () => {
    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
    expect(await withTransaction(pool, (tx) => timers.cancel(tx, 'reply:1'))).toBe(true);
    expect(await withTransaction(pool, (tx) => timers.cancel(tx, 'reply:1'))).toBe(false);

    expect(await timers.fireDue(deadline)).toBe(0);
    expect(await timers.pending()).toBe(0);
  });

  it('cancels every pending timer under a prefix, and only those', async () => {
    await schedule(
      { id: 'arrival:o-1:09:00', kind: 'deadline', dueAt: past() },
      { id: 'arrival:o-1:10:00', kind: 'deadline', dueAt: later() },
      { id: 'arrival:o-10:09:00', kind: 'deadline', dueAt: past() },
      { id: 'arrival:o-2:09:00', kind: 'deadline', dueAt: past() },
      { id: 'arrival:o_1%', kind: 'deadline', dueAt: past() },
    );
    expect(await withTransaction(pool, (tx) => timers.cancelPrefixed(tx, 'arrival:o-1:'))).toBe(2);
    expect(await withTransaction(pool, (tx) => timers.cancelPrefixed(tx, 'arrival:o-1:'))).toBe(0);
    // Text, not a LIKE pattern: `_` and `%` match only themselves.
    expect(await withTransaction(pool, (tx) => timers.cancelPrefixed(tx, 'arrival:o_'))).toBe(1);
    await expect(withTransaction(pool, (tx) => timers.cancelPrefixed(tx, ''))).rejects.toThrow(/prefix/);

    expect(await timers.fireDue(deadline)).toBe(2);
    expect(await count('effects', 'arrival:o-10:09:00')).toBe(1);
    expect(await count('effects', 'arrival:o-2:09:00')).toBe(1);
  });

  it('leaves fired timers and a rolled-back cancellation alone', async () => {
    await schedule({ id: 'arrival:o-1:a', kind: 'deadline', dueAt: past() });
    expect(await timers.fireDue(deadline)).toBe(1);
    await schedule({ id: 'arrival:o-1:b', kind: 'deadline', dueAt: later() });
    await expect(
      withTransaction(pool, async (tx) => {
        await timers.cancelPrefixed(tx, 'arrival:o-1:');
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await timers.pending()).toBe(1);
    expect(await withTransaction(pool, (tx) => timers.cancelPrefixed(tx, 'arrival:o-1:'))).toBe(1);
    expect(await row('arrival:o-1:a')).toMatchObject({ fired: true });
  });

  it('lets a handler cancel its siblings by prefix, skipping its own timer', async () => {
    await schedule(
      { id: 'order:o-1:first', kind: 'deadline', dueAt: past() },
      { id: 'order:o-1:second', kind: 'deadline', dueAt: later() },
    );
    let cancelled = -1;
    const handlers: TimerHandlers = {
      deadline: (t) =>
        withTransaction(pool, async (tx) => {
          cancelled = await timers.cancelPrefixed(tx, 'order:o-1:');
          await effect(t);
        }),
    };
    expect(await timers.fireDue(handlers)).toBe(1);
    expect(cancelled).toBe(1);
    expect(await row('order:o-1:first')).toMatchObject({ fired: true });
    expect(await timers.pending()).toBe(0);
  });

  it('leaves no timer when the transaction that scheduled it rolls back', async () => {
    await expect(
      withTransaction(pool, async (tx) => {
        await timers.schedule(tx, { id: 'reply:1', tenantId: TENANT, kind: 'deadline', dueAt: past() });
        throw new Error('the event was refused');
      }),
    ).rejects.toThrow('the event was refused');

    expect(await timers.pending()).toBe(0);
    expect(await timers.fireDue(deadline)).toBe(0);
  });

  it('runs every timer exactly once when two replicas poll the same table at once', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => `reply:${i}`);
    await schedule(...ids.map((id) => ({ id, kind: 'deadline', dueAt: past() })));
    const a = timersOn(pool);
    const b = timersOn(pool);
    // Neither replica runs an effect before both hold a batch: the two claims do overlap.
    const inside = new Set<string>();
    let bothInside!: () => void;
    const overlap = new Promise<void>((resolve) => (bothInside = resolve));
    const handlersOf = (instance: string): TimerHandlers => ({
      deadline: async (t) => {
        inside.add(instance);
        if (inside.size === 2) bothInside();
        await overlap;
        await effect(t, instance);
      },
    });
    const drain = async (replica: DurableTimers, instance: string) => {
      let fired = 0;
      for (let pass = 0; pass < 10_000; pass++) {
        const n = await replica.fireDue(handlersOf(instance));
        fired += n;
        if (n === 0 && (await replica.pending()) === 0) break;
      }
      return fired;
    };

    const [firedA, firedB] = await Promise.all([drain(a, 'a'), drain(b, 'b')]);

    expect(firedA + firedB).toBe(200);
    expect(firedA).toBeGreaterThan(0);
    expect(firedB).toBeGreaterThan(0);
    const { rows } = await pool.query<{ timer_id: string; runs: string }>(
      `SELECT timer_id, count(*) AS runs FROM "${schema}".effects GROUP BY timer_id`,
    );
    expect(rows).toHaveLength(200);
    expect(rows.filter((r) => r.runs !== '1')).toEqual([]);
  });

  it('retries a failing handler with a doubling delay while the others fire', async () => {
    const metrics = new Metrics('timers-test');
    timers = timersOn(pool, {
      metrics,
      retry: { initialDelayMs: 60_000, maxDelayMs: 3_600_000, alertAfterAttempts: 10 },
    });
    await schedule(
      { id: 'flaky', kind: 'flaky', dueAt: new Date(Date.now() - 120_000) },
      { id: 'ok:1', kind: 'deadline', dueAt: past() },
      { id: 'ok:2', kind: 'deadline', dueAt: past() },
    );
    let calls = 0;
    const handlers: TimerHandlers = {
      ...deadline,
      flaky: async (t) => {
        calls += 1;
        if (calls <= 2) throw new Error('downstream unavailable');
        await effect(t);
      },
    };

    expect(await timers.fireDue(handlers)).toBe(2);
    const first = await row('flaky');
    expect(first).toMatchObject({ fired: false, attempts: 1, last_error: 'Error: downstream unavailable' });
    expect(first?.backoff_s).toBeGreaterThan(30); // about a minute
    expect(await timers.fireDue(handlers)).toBe(0); // not due again yet

    await rewind('flaky');
    expect(await timers.fireDue(handlers)).toBe(0);
    const second = await row('flaky');
    expect(second).toMatchObject({ fired: false, attempts: 2 });
    expect(second?.backoff_s).toBeGreaterThan(90); // about two minutes

    await rewind('flaky');
    expect(await timers.fireDue(handlers)).toBe(1);
    expect(await row('flaky')).toMatchObject({ fired: true, last_error: null });
    expect(await count('effects')).toBe(3);
    expect(logs.filter((l) => l.msg === 'timer handler failed; will retry')).toHaveLength(2);

    const fired = (await metrics.timersFired.get()).values.map((v) => [
      v.labels.kind,
      v.labels.outcome,
      v.value,
    ]);
    expect(fired).toEqual(
      expect.arrayContaining([
        ['flaky', 'failed', 2],
        ['flaky', 'fired', 1],
        ['deadline', 'fired', 2],
      ]),
    );
  });

  it('keeps retrying a timer that always fails, at the capped delay, and reports it as an error', async () => {
    timers = timersOn(pool, { retry: { initialDelayMs: 1_000, maxDelayMs: 4_000, alertAfterAttempts: 3 } });
    await schedule({ id: 'broken', kind: 'deadline', dueAt: past() });
    const failing: TimerHandlers = {
      deadline: () => Promise.reject(new Error('bug')),
    };

    for (let i = 0; i < 5; i++) {
      await rewind('broken');
      expect(await timers.fireDue(failing)).toBe(0);
    }

    const broken = await row('broken');
    expect(broken).toMatchObject({ fired: false, attempts: 5, last_error: 'Error: bug' });
    expect(broken?.backoff_s).toBeGreaterThan(2);
    expect(broken?.backoff_s).toBeLessThanOrEqual(4);
    expect(logs.filter((l) => l.timerId === 'broken').map((l) => [l.level, l.attempts])).toEqual([
      ['warn', 1],
      ['warn', 2],
      ['error', 3],
      ['error', 4],
      ['error', 5],
    ]);
    expect(await timers.pending()).toBe(1);
  });

  it('logs and backs off a timer of a kind nobody handles', async () => {
    await schedule({ id: 'odd', kind: 'mystery', dueAt: past() });

    expect(await timers.fireDue(deadline)).toBe(0);

    expect(await row('odd')).toMatchObject({
      fired: false,
      attempts: 1,
      last_error: 'Error: no handler for timer kind mystery',
    });
    expect((await row('odd'))?.backoff_s).toBeGreaterThan(0);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', timerId: 'odd' }));
    expect(await timers.pending('mystery')).toBe(1);
  });

  it('runs again a timer whose effect was done but not marked, and the idempotent effect stays once', async () => {
    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
    let runs = 0;
    const handlers: TimerHandlers = {
      deadline: async (t) => {
        runs += 1;
        await effectOnce(t);
        if (runs === 1) throw new Error('crashed before the mark');
      },
    };

    expect(await timers.fireDue(handlers)).toBe(0);
    await rewind('reply:1');
    expect(await timers.fireDue(handlers)).toBe(1);

    expect(runs).toBe(2);
    expect(await count('effects_once', 'reply:1')).toBe(1);
    expect(await row('reply:1')).toMatchObject({ fired: true });
  });

  it('lets another replica run a timer whose replica died mid-handler, the effect staying once', async () => {
    const applicationName = `timers-crash-${process.pid}-${Date.now()}`;
    const doomedPool = testPool({ max: 2, application_name: applicationName });
    try {
      const doomed = timersOn(doomedPool);
      await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
      let inside = false;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const dying = doomed.fireDue({
        deadline: async (t) => {
          await effectOnce(t);
          inside = true;
          await gate;
        },
      });
      await eventually('the doomed replica to be inside the handler', () => inside || undefined);

      // While it holds the claim, the other replica skips the timer.
      expect(await timers.fireDue({ deadline: effectOnce })).toBe(0);

      // The doomed replica's process dies: its connection (and so its claim) goes.
      await pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [
        applicationName,
      ]);
      release();
      await expect(dying).rejects.toThrow();

      expect(await timers.fireDue({ deadline: effectOnce })).toBe(1);
      expect(await count('effects_once', 'reply:1')).toBe(1);
      expect(await row('reply:1')).toMatchObject({ fired: true });
    } finally {
      await doomedPool.end();
    }
  });

  it('refuses a handler scheduling its own timer (it would wait for its own lock), not another one', async () => {
    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
    const handlers: TimerHandlers = {
      deadline: (t) =>
        withTransaction(pool, async (tx) => {
          await timers.schedule(tx, {
            id: 'escalate:1',
            tenantId: t.tenantId,
            kind: 'other',
            dueAt: later(),
          });
          await timers.schedule(tx, { id: t.id, tenantId: t.tenantId, kind: t.kind, dueAt: later() });
        }),
    };

    expect(await timers.fireDue(handlers)).toBe(0);

    expect((await row('reply:1'))?.last_error).toMatch(/cannot schedule itself/);
    expect(await row('escalate:1')).toBeUndefined(); // rolled back with the handler's transaction
  });

  it('polls until stopped, and a new instance on the same table fires what was left pending', async () => {
    const first = timersOn(pool, { pollMs: 10 });
    start(first, deadline);
    await schedule({ id: 'now', kind: 'deadline', dueAt: past() });
    await eventually('the poller to fire the due timer', async () =>
      (await count('effects', 'now')) === 1 ? true : undefined,
    );
    await schedule(
      { id: 'while-down:1', kind: 'deadline', dueAt: later() },
      { id: 'while-down:2', kind: 'deadline', dueAt: later() },
    );
    await first.stop();
    await rewind('while-down:1');
    await rewind('while-down:2');

    const second = timersOn(pool, { pollMs: 10 });
    await second.migrate();
    start(second, deadline);
    await eventually('the new instance to fire what was pending', async () =>
      (await timers.pending()) === 0 ? true : undefined,
    );
    expect(await count('effects')).toBe(3);
  });

  it('keeps polling after an error', async () => {
    const poller = timersOn(pool, { pollMs: 10 });
    await pool.query(`ALTER TABLE "${schema}".timers RENAME TO timers_away`);
    start(poller, deadline);
    await eventually(
      'a failed poll to be logged',
      () => logs.some((l) => l.msg === 'could not poll durable timers') || undefined,
    );
    await pool.query(`ALTER TABLE "${schema}".timers_away RENAME TO timers`);

    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
    await eventually('the timer to fire after the error', async () =>
      (await count('effects', 'reply:1')) === 1 ? true : undefined,
    );
  });

  it('waits for the batch in flight when stopped', async () => {
    const poller = timersOn(pool, { pollMs: 10 });
    await schedule({ id: 'reply:1', kind: 'deadline', dueAt: past() });
    let inside = false;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    poller.start({
      deadline: async (t) => {
        inside = true;
        await gate;
        await effect(t);
      },
    });
    await eventually('the handler to start', () => inside || undefined);

    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;

    expect(await count('effects', 'reply:1')).toBe(1);
    expect(await row('reply:1')).toMatchObject({ fired: true });
  });
});
