// What sealing personal data costs: AES-256-GCM under each customer's data key (PersonalDataCipher).
//
//   DATABASE_URL=… node --import tsx apps/customers/bench/cipher.bench.ts      (or: npm run bench -- cipher)
//
// Per event: sealing, then opening, the personal fields of a typical CustomerRegistered (name, phone, email,
// address, ID number and ~200 characters of notes) the way the customer store does it (mapSealed over
// CUSTOMER_SEALED_PATHS), one event at a time on one core, after a warm-up. Key unwrap: BENCH_CIPHER_KEYS
// (default 2000) data keys made with keyFor, then loaded by a fresh cipher (empty cache) one by one with load, and
// in pages of 50 with loadMany; the same pages read by a bare SELECT show what the query costs, the rest is the
// unwrap. The keys live in a database of their own (cipher_bench, dropped at the end), as the cipher writes to
// customers.data_keys. Tunables: BENCH_CIPHER_EVENTS (default 20000), BENCH_CIPHER_ROUNDS (5).
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import {
  databaseUrl,
  envInt,
  fmtInt,
  nowMs,
  printTable,
  report,
  summarize,
  withDatabase,
  type BenchRow,
} from '@serviceops/testing';
import { CUSTOMER_SEALED_PATHS } from '../src/domain/customer/customer.events';
import { mapSealed, PersonalDataCipher } from '../src/infrastructure/personal-data-cipher';

const DATABASE = 'cipher_bench';
const PAGE = 50;

interface Figures {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Operations per second, back to back on one core. */
  readonly opsPerSecond: number;
}

async function main(): Promise<void> {
  const events = envInt('BENCH_CIPHER_EVENTS', 20_000);
  const keyCount = envInt('BENCH_CIPHER_KEYS', 2_000);
  const rounds = envInt('BENCH_CIPHER_ROUNDS', 5);
  const masterKey = randomBytes(32).toString('base64');

  const admin = new Client({ connectionString: databaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  const pool = new Pool({ connectionString: withDatabase(databaseUrl(), DATABASE), max: 16 });
  // pool.end() resolves before its backends are gone; dropping the database then cuts them, as intended.
  pool.on('error', () => undefined);
  try {
    // The table as the customers read-model migration makes it.
    await pool.query(`CREATE SCHEMA customers`);
    await pool.query(`CREATE TABLE customers.data_keys (
      customer_id uuid PRIMARY KEY, wrapped_key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);

    // --- per event ------------------------------------------------------------------------------------------
    const cipher = new PersonalDataCipher(pool, masterKey);
    const customers = Array.from({ length: 100 }, () => randomUUID());
    const keys = await Promise.all(customers.map((id) => cipher.keyFor(id)));
    const samples = customers.map((customerId, i) => ({
      customerId,
      key: keys[i] as Buffer,
      data: registered(customerId, i),
    }));
    const sealEvent = (s: (typeof samples)[number]) =>
      mapSealed(s.data, CUSTOMER_SEALED_PATHS, (v) => cipher.seal(s.key, s.customerId, v));
    const sealed = samples.map(sealEvent);
    const openEvent = (i: number) => {
      const s = samples[i] as (typeof samples)[number];
      return mapSealed(sealed[i], CUSTOMER_SEALED_PATHS, (v) => cipher.open(s.key, s.customerId, v));
    };
    if (JSON.stringify(openEvent(0)) !== JSON.stringify(samples[0]?.data))
      throw new Error('round trip failed');
    const clear: Record<string, unknown> = { ...samples[0]?.data };
    const fields = CUSTOMER_SEALED_PATHS.filter((p) => typeof clear[p] === 'string');
    const clearBytes = Buffer.byteLength(JSON.stringify(samples[0]?.data));
    const sealedBytes = Buffer.byteLength(JSON.stringify(sealed[0]));

    const warmup = Math.min(5_000, events);
    timeEach(warmup, (i) => sealEvent(samples[i % samples.length] as (typeof samples)[number]));
    timeEach(warmup, (i) => openEvent(i % samples.length));
    const seal = timeEach(events, (i) => sealEvent(samples[i % samples.length] as (typeof samples)[number]));
    const open = timeEach(events, (i) => openEvent(i % samples.length));

    console.log(
      `CustomerRegistered: ${fields.length} personal fields (${fields.join(', ')}); ` +
        `data ${fmtInt(clearBytes)} B clear, ${fmtInt(sealedBytes)} B sealed (+${fmtInt(sealedBytes - clearBytes)} B)`,
    );
    console.log(`${fmtInt(events)} events each way, after ${fmtInt(warmup)} warm-up, one core\n`);

    // --- key unwrap ----------------------------------------------------------------------------------------
    const ids = Array.from({ length: keyCount }, () => randomUUID());
    const makeKeys = new PersonalDataCipher(pool, masterKey);
    const keyForMs: number[] = [];
    const t0 = nowMs();
    for (let i = 0; i < ids.length; i += 16) {
      await Promise.all(
        ids.slice(i, i + 16).map(async (id) => {
          const start = nowMs();
          await makeKeys.keyFor(id);
          keyForMs.push(nowMs() - start);
        }),
      );
    }
    const keyFor = figures(
      keyForMs.map((ms) => ms * 1000),
      keyCount / ((nowMs() - t0) / 1000),
    );

    const loadUs: number[] = [];
    const pageUs: number[] = [];
    const selectUs: number[] = [];
    let loadSeconds = 0;
    let pageSeconds = 0;
    const pages = chunks(ids, PAGE);
    for (let round = 0; round < rounds; round++) {
      const fresh = new PersonalDataCipher(pool, masterKey);
      const t1 = nowMs();
      for (const id of ids) {
        const start = nowMs();
        if (!(await fresh.load(id))) throw new Error('key missing');
        loadUs.push((nowMs() - start) * 1000);
      }
      loadSeconds += (nowMs() - t1) / 1000;

      for (const page of pages) {
        const start = nowMs();
        await pool.query(
          `SELECT customer_id, wrapped_key FROM customers.data_keys WHERE customer_id = ANY($1::uuid[])`,
          [page],
        );
        selectUs.push((nowMs() - start) * 1000);
      }

      const freshForPages = new PersonalDataCipher(pool, masterKey);
      const t2 = nowMs();
      for (const page of pages) {
        const start = nowMs();
        if ((await freshForPages.loadMany(page)).size !== page.length) throw new Error('keys missing');
        pageUs.push((nowMs() - start) * 1000);
      }
      pageSeconds += (nowMs() - t2) / 1000;
    }
    const load = figures(loadUs, loadUs.length / loadSeconds);
    const loadMany = figures(pageUs, pageUs.length / pageSeconds);
    const select = figures(selectUs, NaN);
    const unwrapPerKeyUs = (loadMany.p50 - select.p50) / PAGE;
    console.log(
      `${fmtInt(keyCount)} data keys, loaded by a fresh cipher ${rounds} times each way (load: one query per key; ` +
        `loadMany: pages of ${PAGE})\n`,
    );

    const table: [string, Figures, string][] = [
      ['seal one event', seal, 'events/s'],
      ['open one event', open, 'events/s'],
      ['keyFor (new key, 16 at a time)', keyFor, 'keys/s'],
      ['load (first use of a key)', load, 'keys/s'],
      [`loadMany (page of ${PAGE})`, loadMany, 'pages/s'],
      [`bare SELECT of the page`, select, ''],
    ];
    printTable(
      ['operation', 'p50 µs', 'p99 µs', 'max µs', 'rate'],
      table.map(([what, f, unit]) => [
        what,
        fmtUs(f.p50),
        fmtUs(f.p99),
        fmtUs(f.max),
        Number.isFinite(f.opsPerSecond) ? `${fmtInt(f.opsPerSecond)} ${unit}` : '',
      ]),
    );
    console.log(
      `\nper field: seal ${fmtUs(seal.p50 / fields.length)} µs, open ${fmtUs(open.p50 / fields.length)} µs (p50 ÷ ${fields.length}); ` +
        `loadMany per key ${fmtUs(loadMany.p50 / PAGE)} µs, of which unwrap ≈ ${fmtUs(unwrapPerKeyUs)} µs ` +
        `(page p50 minus the bare SELECT's)`,
    );

    const rows: BenchRow[] = [
      {
        benchmark: 'Personal data sealing',
        workload: `seal a CustomerRegistered's ${fields.length} personal fields (AES-256-GCM)`,
        result: `p50 ${fmtUs(seal.p50)} µs, p99 ${fmtUs(seal.p99)} µs (${fmtInt(seal.opsPerSecond)} events/s/core)`,
      },
      {
        benchmark: 'Personal data opening',
        workload: `open a CustomerRegistered's ${fields.length} personal fields`,
        result: `p50 ${fmtUs(open.p50)} µs, p99 ${fmtUs(open.p99)} µs (${fmtInt(open.opsPerSecond)} events/s/core)`,
      },
      {
        benchmark: 'Data key first load',
        workload: 'load one key (query + unwrap), empty cache',
        result: `p50 ${fmtUs(load.p50)} µs, p99 ${fmtUs(load.p99)} µs`,
      },
      {
        benchmark: 'Data key first load, batched',
        workload: `loadMany, pages of ${PAGE}, empty cache`,
        result: `p50 ${fmtUs(loadMany.p50)} µs per page (${fmtUs(loadMany.p50 / PAGE)} µs per key)`,
      },
    ];
    report({
      name: 'cipher',
      rows,
      details: {
        fields,
        clearBytes,
        sealedBytes,
        events,
        keyCount,
        rounds,
        page: PAGE,
        seal,
        open,
        keyFor,
        load,
        loadMany,
        select,
        unwrapPerKeyUs,
      },
    });
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** A CustomerRegistered's data as the domain hands it to the store, personal fields in clear. */
function registered(customerId: string, i: number) {
  return {
    customerId,
    channel: 'walk-in',
    registeredAt: new Date().toISOString(),
    name: `Marie-Claire Dupont-Lefèvre ${i}`,
    phone: `+33 6 12 34 ${String(i % 100).padStart(2, '0')} 78`,
    email: `marie-claire.dupont${i}@example.fr`,
    address: `${12 + (i % 80)} rue des Lilas, Bâtiment B, 69003 Lyon, France`,
    idNumber: `FR${String(100_000_000 + i)}X`,
    notes:
      'Prefers appointments in the late morning; allergic to latex. Asked to be called rather than emailed ' +
      'about results. Daughter (also a customer) sometimes comes along and may pick things up on her behalf.',
  };
}

/** Runs `op` n times back to back, timing each call; µs. */
function timeEach(n: number, op: (i: number) => unknown): Figures {
  const us = new Array<number>(n);
  const t0 = nowMs();
  for (let i = 0; i < n; i++) {
    const start = nowMs();
    op(i);
    us[i] = (nowMs() - start) * 1000;
  }
  return figures(us, n / ((nowMs() - t0) / 1000));
}

function figures(us: readonly number[], opsPerSecond: number): Figures {
  const { count, p50, p99, max } = summarize(us);
  return { count, p50, p99, max, opsPerSecond };
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function fmtUs(us: number): string {
  if (!Number.isFinite(us)) return 'n/a';
  return us < 10 ? us.toFixed(2) : us < 100 ? us.toFixed(1) : fmtInt(us);
}

// No process.exit on success: every pool and client is closed, so the process ends by itself.
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
