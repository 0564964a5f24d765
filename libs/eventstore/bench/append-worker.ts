// One append workload on one store, in a process of its own (append.bench.ts runs it), so the two stores never
// share a process: Emmett's driver (dumbo) changes node-postgres's global type parsers when it loads.
//
//   node --import tsx libs/eventstore/bench/append-worker.ts --store ours|emmett --writers 64 --events 1 \
//        --seconds 5 --warmup 1 --schema <our schema> --database-url <url>
//
// Each writer appends to a stream of its own, always with the version it last saw as the expected version, so
// every append goes through the optimistic concurrency check. Prints progress to stderr and one line
// `RESULT {json}` to stdout.
import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { PostgresEventStore, WrongExpectedVersionError } from '../src';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { nowMs, sampleOrderPlaced, sleep, summarize } from '@serviceops/testing';

type Store = 'ours' | 'emmett';

/** Appends `events` to `stream` at `expected`; resolves to the stream's next expected version. */
type AppendFn = (stream: string, events: Record<string, unknown>[], expected: bigint) => Promise<bigint>;

interface Target {
  readonly append: AppendFn;
  readonly isConflict: (err: unknown) => boolean;
  readonly currentVersion: (stream: string) => Promise<bigint>;
  readonly close: () => Promise<void>;
}

export interface AppendWorkerResult {
  readonly store: Store;
  readonly writers: number;
  readonly eventsPerAppend: number;
  readonly seconds: number;
  readonly appends: number;
  readonly events: number;
  readonly appendsPerSecond: number;
  readonly eventsPerSecond: number;
  readonly latencyMs: { p50: number; p99: number; max: number };
  readonly conflicts: number;
  readonly errors: number;
  readonly firstError?: string;
}

const EVENT_TYPE = 'OrderPlaced';

function ours(url: string, schema: string, poolSize: number): Target {
  const pool = new Pool({ connectionString: url, max: poolSize });
  const store = new PostgresEventStore({ pool, schema }); // default options: group commit on, NOTIFY on
  return {
    append: async (stream, events, expected) => {
      const result = await store.append(
        stream,
        events.map((data) => ({ type: EVENT_TYPE, data })),
        { expectedVersion: Number(expected) },
      );
      return BigInt(result.nextExpectedVersion);
    },
    isConflict: (err) => err instanceof WrongExpectedVersionError,
    currentVersion: async (stream) => BigInt(await store.streamVersion(stream)),
    close: () => pool.end(),
  };
}

function emmett(url: string, poolSize: number): Target {
  const pool = new Pool({ connectionString: url, max: poolSize });
  // Our own pg.Pool so both stores get the same number of connections (dumbo's default pool has pg's 10).
  // The schema is migrated once by append.bench.ts; 'None' keeps the check out of the measured appends.
  const store = getPostgreSQLEventStore(url, {
    connectionOptions: { pool },
    schema: { autoMigration: 'None' },
  });
  return {
    append: async (stream, events, expected) => {
      const result = await store.appendToStream(
        stream,
        events.map((data) => ({ type: EVENT_TYPE, data })),
        { expectedStreamVersion: expected },
      );
      return result.nextExpectedStreamVersion;
    },
    isConflict: (err) => isExpectedVersionConflictError(err),
    currentVersion: async (stream) => (await store.readStream(stream)).currentStreamVersion,
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      writers: { type: 'string' },
      events: { type: 'string' },
      seconds: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      schema: { type: 'string', default: 'bench_append' },
      'database-url': { type: 'string' },
      'pool-size': { type: 'string', default: '70' },
      'stream-prefix': { type: 'string', default: 'bench' },
    },
  });
  const store = values.store as Store;
  if (store !== 'ours' && store !== 'emmett') throw new Error('--store must be ours or emmett');
  const writers = Number(values.writers);
  const eventsPerAppend = Number(values.events);
  const seconds = Number(values.seconds);
  const warmup = Number(values.warmup);
  const url = values['database-url'] ?? process.env['DATABASE_URL'];
  if (!url) throw new Error('--database-url or DATABASE_URL is needed');
  const poolSize = Number(values['pool-size']);
  const target = store === 'ours' ? ours(url, values.schema, poolSize) : emmett(url, poolSize);

  let phase: 'warmup' | 'measure' | 'stop' = 'warmup';
  let appends = 0;
  let conflicts = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latencies: number[] = [];
  let seq = 0;

  async function writer(i: number): Promise<void> {
    // Emmett takes the part before the first '-' as the stream type; the same names are used for both stores.
    const stream = `${values['stream-prefix']}-w${writers}e${eventsPerAppend}-${i}`;
    let expected = 0n; // a new stream: no events yet
    while (phase !== 'stop') {
      const events = Array.from({ length: eventsPerAppend }, () => sampleOrderPlaced(seq++));
      const started = nowMs();
      try {
        expected = await target.append(stream, events, expected);
        if (phase === 'measure') {
          appends += 1;
          latencies.push(nowMs() - started);
        }
      } catch (err) {
        if (target.isConflict(err)) {
          conflicts += 1; // cannot happen with one writer per stream; counted to show the check ran clean
          expected = await target.currentVersion(stream);
        } else {
          errors += 1;
          firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
          await sleep(10);
        }
      }
    }
  }

  const running = Array.from({ length: writers }, (_, i) => writer(i));
  await sleep(warmup * 1000);
  phase = 'measure';
  const t0 = nowMs();
  await sleep(seconds * 1000);
  const elapsedS = (nowMs() - t0) / 1000;
  phase = 'stop';
  const measuredAppends = appends; // appends finishing after the window are not counted
  await Promise.all(running);
  await target.close();

  const lat = summarize(latencies);
  const result: AppendWorkerResult = {
    store,
    writers,
    eventsPerAppend,
    seconds: elapsedS,
    appends: measuredAppends,
    events: measuredAppends * eventsPerAppend,
    appendsPerSecond: measuredAppends / elapsedS,
    eventsPerSecond: (measuredAppends * eventsPerAppend) / elapsedS,
    latencyMs: { p50: lat.p50, p99: lat.p99, max: lat.max },
    conflicts,
    errors,
    ...(firstError ? { firstError } : {}),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

// No process.exit on success: every pool and client is closed, so the process ends by itself.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
