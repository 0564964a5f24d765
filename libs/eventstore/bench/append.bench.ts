// Append throughput: our PostgresEventStore (group commit on, its default) against Emmett's PostgreSQL event
// store (@event-driven-io/emmett-postgresql 0.42.0), on the same PostgreSQL server in the same run, with fsync on.
//
//   DATABASE_URL=postgres://… node --import tsx libs/eventstore/bench/append.bench.ts
//
// Workloads: 1, 16 and 64 concurrent writers × 1 and 10 events per append; each writer appends to its own
// stream with the expected version it got back last time. Every workload runs once per store, ours then Emmett,
// each in a fresh process (append-worker.ts), after a CHECKPOINT so both start from the same WAL state.
// Our events go to a schema of their own; Emmett's to the database `emmett_bench` (dropped and created anew).
// Both are dropped at the end. Tunables: BENCH_APPEND_SECONDS (default 5), BENCH_APPEND_WARMUP (1),
// BENCH_APPEND_POOL (70).
// The machine's limit, in the same run: pgbench (PostgreSQL's client tools; PGBENCH names it when it is not on
// PATH) inserting one row per transaction from 64 clients into a table of its own, fsync on as for the stores.
// Ours at 64 single-event writers is printed as a share of it. Without pgbench that row says so; nothing fails.
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore } from '../src';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import type { AppendWorkerResult } from './append-worker';
import {
  databaseUrl,
  envInt,
  envNumber,
  fmtInt,
  fmtMs,
  fmtRatio,
  printTable,
  report,
  REPO_ROOT,
  withDatabase,
  type BenchRow,
} from '@serviceops/testing';

const EMMETT_DB = 'emmett_bench';
const WORKLOADS: readonly { writers: number; events: number }[] = [
  { writers: 1, events: 1 },
  { writers: 1, events: 10 },
  { writers: 16, events: 1 },
  { writers: 16, events: 10 },
  { writers: 64, events: 1 },
  { writers: 64, events: 10 },
];
/** The issue's goal: ours ≥ 3× Emmett at 64 concurrent single-event writers. */
const GOAL = { writers: 64, events: 1, ratio: 3 };

async function main(): Promise<void> {
  const url = databaseUrl();
  const seconds = envNumber('BENCH_APPEND_SECONDS', 5);
  const warmup = envNumber('BENCH_APPEND_WARMUP', 1);
  const poolSize = envInt('BENCH_APPEND_POOL', 70);
  const schema = `bench_append_${process.pid}`;
  const emmettUrl = withDatabase(url, EMMETT_DB);

  const admin = new Client({ connectionString: url });
  await admin.connect();
  const setting = async (name: string) =>
    (await admin.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '?';
  const settings = {
    server_version: await setting('server_version'),
    fsync: await setting('fsync'),
    synchronous_commit: await setting('synchronous_commit'),
    wal_sync_method: await setting('wal_sync_method'),
    full_page_writes: await setting('full_page_writes'),
    commit_delay: await setting('commit_delay'),
    max_connections: await setting('max_connections'),
  };
  console.log(
    `PostgreSQL ${settings.server_version}: fsync=${settings.fsync} synchronous_commit=${settings.synchronous_commit} ` +
      `wal_sync_method=${settings.wal_sync_method} full_page_writes=${settings.full_page_writes} ` +
      `commit_delay=${settings.commit_delay} max_connections=${settings.max_connections}`,
  );
  if (settings.fsync !== 'on' || settings.synchronous_commit !== 'on') {
    console.log(
      'WARNING: fsync or synchronous_commit is not on: these figures do not measure durable appends',
    );
  }
  console.log(
    `${seconds} s measured (after ${warmup} s warm-up) per workload and store; pool of ${poolSize} connections each\n`,
  );

  let canCheckpoint = true;
  const checkpoint = async () => {
    if (!canCheckpoint) return;
    await admin.query('CHECKPOINT').catch((err: unknown) => {
      canCheckpoint = false;
      console.log(`(CHECKPOINT refused, running without: ${String(err)})`);
    });
  };

  const results: { ours: AppendWorkerResult; emmett: AppendWorkerResult }[] = [];
  let limit: { tps: number } | { missing: string } = { missing: 'not run' };
  try {
    // A clean Emmett database, its schema created once (outside the measured appends).
    await admin.query(`DROP DATABASE IF EXISTS ${EMMETT_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${EMMETT_DB}`);
    const emmettPool = new Pool({ connectionString: emmettUrl, max: 2 });
    const emmettStore = getPostgreSQLEventStore(emmettUrl, { connectionOptions: { pool: emmettPool } });
    await emmettStore.schema.migrate();
    await emmettStore.close();
    await emmettPool.end();

    const pool = new Pool({ connectionString: url, max: 2 });
    await new PostgresEventStore({ pool, schema }).migrate();
    await pool.end();

    for (const w of WORKLOADS) {
      const run = async (store: 'ours' | 'emmett') => {
        await checkpoint();
        return runWorker([
          '--store',
          store,
          '--writers',
          String(w.writers),
          '--events',
          String(w.events),
          '--seconds',
          String(seconds),
          '--warmup',
          String(warmup),
          '--pool-size',
          String(poolSize),
          '--schema',
          schema,
          '--database-url',
          store === 'ours' ? url : emmettUrl,
        ]);
      };
      const oursResult = await run('ours');
      const emmettResult = await run('emmett');
      results.push({ ours: oursResult, emmett: emmettResult });
      const ratio = oursResult.eventsPerSecond / emmettResult.eventsPerSecond;
      console.log(
        `${label(w.writers, w.events).padEnd(30)} ours ${fmtInt(oursResult.eventsPerSecond).padStart(7)} ev/s ` +
          `(p99 ${fmtMs(oursResult.latencyMs.p99)} ms)   Emmett ${fmtInt(emmettResult.eventsPerSecond).padStart(7)} ev/s ` +
          `(p99 ${fmtMs(emmettResult.latencyMs.p99)} ms)   ratio ${fmtRatio(ratio)}` +
          problems(oursResult, emmettResult),
      );
    }
    await checkpoint();
    limit = await pgbenchInserts(admin, url, seconds);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${EMMETT_DB} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }

  console.log('\nAppend throughput (events/s, fsync on; appends/s = events/s ÷ events per append)');
  printTable(
    [
      'workload',
      'ours ev/s',
      'ours p50 ms',
      'ours p99 ms',
      'Emmett ev/s',
      'Emmett p50 ms',
      'Emmett p99 ms',
      'ours/Emmett',
    ],
    results.map(({ ours, emmett }) => [
      label(ours.writers, ours.eventsPerAppend),
      fmtInt(ours.eventsPerSecond),
      fmtMs(ours.latencyMs.p50),
      fmtMs(ours.latencyMs.p99),
      fmtInt(emmett.eventsPerSecond),
      fmtMs(emmett.latencyMs.p50),
      fmtMs(emmett.latencyMs.p99),
      fmtRatio(ours.eventsPerSecond / emmett.eventsPerSecond),
    ]),
  );
  const conflicts = results.reduce((n, r) => n + r.ours.conflicts + r.emmett.conflicts, 0);
  console.log(`expected-version conflicts: ${conflicts} (each writer owns its stream, so 0 is right)`);

  const rows: BenchRow[] = results.map(({ ours, emmett }) => {
    const ratio = ours.eventsPerSecond / emmett.eventsPerSecond;
    const isGoal = ours.writers === GOAL.writers && ours.eventsPerAppend === GOAL.events;
    return {
      benchmark: 'Append (fsync on)',
      workload: label(ours.writers, ours.eventsPerAppend),
      result: `${fmtInt(ours.eventsPerSecond)} ev/s`,
      baseline: `Emmett ${fmtInt(emmett.eventsPerSecond)} ev/s`,
      ratio: fmtRatio(ratio),
      ...(isGoal ? { goal: `≥ ${GOAL.ratio}× Emmett`, met: ratio >= GOAL.ratio } : {}),
    };
  });
  const goal = results.find((r) => r.ours.writers === GOAL.writers && r.ours.eventsPerAppend === GOAL.events);
  if ('tps' in limit) {
    const share = goal ? goal.ours.eventsPerSecond / limit.tps : 0;
    console.log(
      `pgbench one-row inserts, ${PGBENCH_CLIENTS} clients: ${fmtInt(limit.tps)} tps; ours at 64 × 1: ${Math.round(100 * share)} % of it`,
    );
    rows.push({
      benchmark: 'Append (fsync on)',
      workload: `${label(GOAL.writers, GOAL.events)} against pgbench one-row inserts (${PGBENCH_CLIENTS} clients)`,
      result: `${fmtInt(goal?.ours.eventsPerSecond ?? 0)} ev/s`,
      baseline: `pgbench ${fmtInt(limit.tps)} tps`,
      ratio: `${Math.round(100 * share)} %`,
      goal: '≥ 50 % of pgbench',
      met: share >= 0.5,
    });
  } else console.log(`pgbench reference not measured: ${limit.missing}`);
  report({ name: 'append', rows, details: { settings, seconds, warmup, poolSize, results, pgbench: limit } });
}

const PGBENCH_CLIENTS = 64;

/**
 * The machine's one-row-insert limit: pgbench, 64 clients, each transaction one INSERT of a row about the size of
 * an event's, into a logged table of its own (fsync on), dropped afterwards.
 */
async function pgbenchInserts(
  admin: Client,
  url: string,
  seconds: number,
): Promise<{ tps: number } | { missing: string }> {
  const binary = process.env['PGBENCH'] ?? 'pgbench';
  const table = `bench_pgbench_${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbench-'));
  const script = path.join(dir, 'insert.sql');
  fs.writeFileSync(script, `INSERT INTO ${table} (data) VALUES (repeat('x', 200));\n`);
  await admin.query(`CREATE TABLE ${table} (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data text)`);
  try {
    const run = spawnSync(
      binary,
      ['-n', '-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(seconds), '-f', script, url],
      { encoding: 'utf8' },
    );
    if (run.error)
      return {
        missing: `${binary}: ${run.error.message} (install PostgreSQL's client tools, or set PGBENCH)`,
      };
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout)?.[1];
    if (run.status !== 0 || !tps)
      return { missing: `${binary} exited ${run.status}: ${run.stderr.trim().slice(0, 300)}` };
    return { tps: Number(tps) };
  } finally {
    await admin.query(`DROP TABLE IF EXISTS ${table}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function label(writers: number, events: number): string {
  return `${writers} writer${writers === 1 ? '' : 's'} × ${events} event${events === 1 ? '' : 's'}/append`;
}

function problems(...results: AppendWorkerResult[]): string {
  return results
    .filter((r) => r.errors > 0 || r.conflicts > 0)
    .map(
      (r) =>
        `  [${r.store}: ${r.errors} errors, ${r.conflicts} conflicts${r.firstError ? `: ${r.firstError}` : ''}]`,
    )
    .join('');
}

/** Runs append-worker.ts in a fresh process and returns its RESULT line. */
function runWorker(args: string[]): Promise<AppendWorkerResult> {
  const worker = path.join(__dirname, 'append-worker.ts');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], {
      cwd: REPO_ROOT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`append worker ${args.join(' ')} exited with ${code}\n${stdout}`));
        return;
      }
      resolve(JSON.parse(line.slice('RESULT '.length)) as AppendWorkerResult);
    });
  });
}

// No process.exit on success: every pool and client is closed, so the process ends by itself.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
