// Global-log read throughput: PostgresEventStore.readAll in pages, from the start of a log of ≥ 100k events
// to its end, following the (transactionId, position) checkpoints as a consumer or the relay does.
//
//   DATABASE_URL=postgres://… node --import tsx libs/eventstore/bench/read-all.bench.ts
//
// The log is written into a schema of its own (dropped at the end) by concurrent appends of 100 events
// (so many transactions, as in production) and VACUUM ANALYZEd, as autovacuum soon would (so that it does not
// run in the middle of a measurement). Then, after a 20-page warm-up, the whole log is read BENCH_READ_PASSES
// times (default 3); the median pass is the figure. Tunables: BENCH_READ_EVENTS (default 100000),
// BENCH_READ_PAGE (1000).
//
// The plan of readAll's query is checked and printed: it must page through the (transaction_id,
// global_position) index, or every page costs a sequential scan and a sort of the whole table.
import { PostgresEventStore, readAllSql, START, type Checkpoint, type ReadAllResult } from '../src';
import { Pool } from 'pg';
import {
  databaseUrl,
  envInt,
  fmtInt,
  median,
  nowMs,
  printTable,
  report,
  sampleOrderPlaced,
} from '@serviceops/testing';

const GOAL_EVENTS_PER_SECOND = 100_000;

async function main(): Promise<void> {
  const total = Math.max(100_000, envInt('BENCH_READ_EVENTS', 100_000));
  const pageSize = envInt('BENCH_READ_PAGE', 1000);
  const passes = envInt('BENCH_READ_PASSES', 3);
  const schema = `bench_read_${process.pid}`;
  const pool = new Pool({ connectionString: databaseUrl(), max: 10 });
  const store = new PostgresEventStore({ pool, schema });

  try {
    await store.migrate();

    // Fill: 8 concurrent writers, 100 events per append, 100 appends per stream.
    const perAppend = 100;
    const appends = Math.ceil(total / perAppend);
    let next = 0;
    const t0 = nowMs();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < appends; i = next++) {
          const stream = `order-${Math.floor(i / 100)}`;
          const events = Array.from({ length: perAppend }, (_, k) => ({
            type: 'OrderPlaced',
            data: sampleOrderPlaced(i * perAppend + k),
          }));
          await store.append(stream, events, { expectedVersion: (i % 100) * perAppend });
        }
      }),
    );
    const fillS = (nowMs() - t0) / 1000;
    const written = appends * perAppend;
    console.log(
      `filled the log with ${fmtInt(written)} events in ${fillS.toFixed(1)} s (${fmtInt(written / fillS)} ev/s, appends of ${perAppend})`,
    );
    await pool.query(`VACUUM (ANALYZE) "${schema}".events`); // steady state: no autovacuum mid-measurement
    const { rows } = await pool.query<{ size: string }>(
      `SELECT pg_size_pretty(pg_total_relation_size('"${schema}".events')) AS size`,
    );
    console.log(`events table with indexes: ${rows[0]?.size ?? '?'}; pages of ${pageSize}`);

    // How PostgreSQL runs readAll's query for a page: anything but an index scan on the (transaction_id,
    // global_position) index means a sequential scan and a sort of the whole table for every page.
    const plan = await explain(pool, readAllSql(`"${schema}".events`), pageSize);
    const usesIndex = /Index (Only )?Scan using events_global_order_idx/.test(plan);
    console.log(`readAll plan: ${usesIndex ? 'index scan on events_global_order_idx' : 'NO index scan:'}`);
    if (!usesIndex) console.log(indent(plan));

    const results = await readPasses(passes, written, (after) => store.readAll({ after, limit: pageSize }));
    const typical = median(results.map((r) => r.eventsPerSecond));
    console.log('');
    printTable(
      ['global-log read', 'events', 'page', 'median ev/s', 'best ev/s', 'goal'],
      [
        [
          'readAll',
          fmtInt(written),
          String(pageSize),
          fmtInt(typical),
          fmtInt(Math.max(...results.map((r) => r.eventsPerSecond))),
          `≥ ${fmtInt(GOAL_EVENTS_PER_SECOND)} ev/s`,
        ],
      ],
    );
    report({
      name: 'read-all',
      rows: [
        {
          benchmark: 'Global-log read',
          workload: `readAll, ${fmtInt(written)} events, pages of ${fmtInt(pageSize)} (median of ${passes})`,
          result: `${fmtInt(typical)} ev/s${usesIndex ? '' : ' (no index scan!)'}`,
          goal: `≥ ${fmtInt(GOAL_EVENTS_PER_SECOND)} ev/s`,
          met: typical >= GOAL_EVENTS_PER_SECOND,
        },
        {
          benchmark: 'Bulk append (log fill)',
          workload: '8 writers × 100 events/append',
          result: `${fmtInt(written / fillS)} ev/s`,
        },
      ],
      details: { written, pageSize, fillSeconds: fillS, usesIndex, plan, passes: results },
    });
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await pool.end();
  }
}

interface PassResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  pages: number;
}

/** Reads the whole log `passes` times with `read`, from START until a page comes back empty. */
async function readPasses(
  passes: number,
  expected: number,
  read: (after: Checkpoint) => Promise<ReadAllResult>,
): Promise<PassResult[]> {
  // Warm-up, not measured: the first 20 pages (JIT, caches, hint bits).
  let warm: Checkpoint = START;
  for (let i = 0; i < 20; i++) warm = (await read(warm)).checkpoint;
  const results: PassResult[] = [];
  for (let pass = 1; pass <= passes; pass++) {
    let after: Checkpoint = START;
    let events = 0;
    let pages = 0;
    const start = nowMs();
    for (;;) {
      const page = await read(after);
      if (page.events.length === 0) break;
      events += page.events.length;
      pages += 1;
      after = page.checkpoint;
    }
    const seconds = (nowMs() - start) / 1000;
    results.push({ events, seconds, eventsPerSecond: events / seconds, pages });
    console.log(
      `pass ${pass}: ${fmtInt(events)} events in ${pages} pages, ${seconds.toFixed(2)} s → ${fmtInt(events / seconds)} ev/s` +
        (events === expected ? '' : `  (${fmtInt(expected)} were written!)`),
    );
  }
  return results;
}

async function explain(pool: Pool, sql: string, limit: number): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, ['0', '0', limit]);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');

// No process.exit on success: every pool and client is closed, so the process ends by itself.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
