// HTTP command latency through the whole platform, beside a bare NestJS endpoint, in the same run.
//
//   DATABASE_URL=… node --import tsx apps/e2e/bench/http.bench.ts      (or: npm run bench -- http)
//
// Starts the platform as `npm start` does (infra/start.mjs through the e2e harness; log transport) on a fresh
// database, in each topology (BENCH_HTTP_TOPOLOGIES, default `one,processes`), then drives `POST /api/v1/customers` (validate → JWT → gRPC → duplicate lookup → decide → seal
// personal data → append with fsync → answer) with autocannon: a fixed 100/s and 500/s for BENCH_HTTP_SECONDS
// (default 10) each, reporting p50/p99 latency, then as fast as BENCH_HTTP_CONNECTIONS (default 32) connections
// go, reporting the sustained rate. The bare NestJS endpoint (apps/e2e/bench/bare-nest.ts) gets the same runs, and so does
// `GET /api/v1/customers/{id}` (a clear read: key unwrapped, fields opened, the read recorded before the answer).
// Everything runs on this one machine: the load generator competes with the services for its cores.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon, { type Result } from 'autocannon';
import { Client } from 'pg';
import {
  REPO_ROOT,
  databaseUrl,
  envInt,
  fmtInt,
  fmtMs,
  printTable,
  report,
  type BenchRow,
} from '@serviceops/testing';
import { startPlatform, type RunningPlatform, type Topology } from '../src/platform';

const SECONDS = envInt('BENCH_HTTP_SECONDS', 10);
const CONNECTIONS = envInt('BENCH_HTTP_CONNECTIONS', 32);
const PASSWORD = 'bench-admin-password';
/** Both by default: all services in one process (npm start), and a process per service (compose, k8s). */
const TOPOLOGIES = (process.env['BENCH_HTTP_TOPOLOGIES'] ?? 'one,processes').split(',') as Topology[];

function startProcess(args: string[], env: NodeJS.ProcessEnv, readyLine: (line: string) => boolean) {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<{ child: ChildProcess; line: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} not ready in 120 s`)), 120_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!readyLine(line)) return;
      clearTimeout(timer);
      resolve({ child, line });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Run {
  readonly rate: number | 'max';
  readonly requests: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
}

async function load(
  url: string,
  headers: Record<string, string>,
  body: string | undefined,
  rate?: number,
): Promise<Run> {
  const result: Result = await autocannon({
    url,
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body }),
    duration: SECONDS,
    connections: rate ? Math.min(CONNECTIONS, Math.max(4, Math.ceil(rate / 50))) : CONNECTIONS,
    ...(rate ? { overallRate: rate } : {}),
  });
  return {
    rate: rate ?? 'max',
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** One platform in the given topology: POST and GET at 100/s, 500/s and the maximum. */
async function measurePlatform(
  topology: Topology,
): Promise<{ ready: RunningPlatform; runs: Record<string, Run[]> }> {
  const ready = await startPlatform({
    topology,
    env: { ADMIN_PASSWORD: PASSWORD, RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'warn' },
  });
  try {
    const login = await fetch(`${ready.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const authorization = `Bearer ${accessToken}`;
    const one = await fetch(`${ready.url}/api/v1/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: BODY,
    });
    const { id } = (await one.json()) as { id: string };
    return {
      ready,
      runs: {
        [`POST /customers (${topology})`]: await rates({
          url: `${ready.url}/api/v1/customers`,
          headers: { authorization },
          body: BODY,
        }),
        // A clear read: opened with the customer's key, and recorded (an append) before it is answered.
        [`GET /customers/{id} (${topology})`]: await rates({
          url: `${ready.url}/api/v1/customers/${id}`,
          headers: { authorization, 'x-purpose': 'benchmark' },
        }),
      },
    };
  } finally {
    await ready.stop();
    const admin = new Client({ connectionString: databaseUrl() });
    await admin.connect();
    await admin.query(
      `DROP DATABASE IF EXISTS "${new URL(ready.databaseUrl ?? '').pathname.slice(1)}" WITH (FORCE)`,
    );
    await admin.end();
  }
}

/** A warm-up, then 100/s, 500/s and as fast as the connections go. */
async function rates(target: {
  url: string;
  headers: Record<string, string>;
  body?: string;
}): Promise<Run[]> {
  await load(target.url, target.headers, target.body, 50);
  const runs: Run[] = [];
  for (const rate of [100, 500, undefined]) {
    const run = await load(target.url, target.headers, target.body, rate);
    runs.push(run);
    console.log(
      `${target.url} @ ${run.rate}/s: ${fmtInt(run.rps)} req/s, p50 ${fmtMs(run.p50)}, p99 ${fmtMs(run.p99)}, non-2xx ${run.non2xx}, errors ${run.errors}`,
    );
  }
  return runs;
}

// Every register looks for duplicates by phone (a blind-index lookup) and finds the earlier ones: confirmed.
const BODY = JSON.stringify({
  name: 'Bench Customer',
  phone: '+86 138 0000 0000',
  channel: 'phone',
  confirmDuplicate: true,
});

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  const bare = await startProcess(['-r', './infra/register.cjs', 'apps/e2e/bench/bare-nest.ts'], env, (l) =>
    l.startsWith('{"url"'),
  );
  const bareUrl = `${(JSON.parse(bare.line) as { url: string }).url.replace('[::1]', '127.0.0.1')}/echo`;
  const runs: Record<string, Run[]> = {};
  const ready: Partial<Record<Topology, { readyInSeconds: number; memoryMb: object }>> = {};
  let base: Run[];
  try {
    base = await rates({ url: bareUrl, headers: {}, body: BODY });
    runs['bare NestJS POST'] = base;
    for (const topology of TOPOLOGIES) {
      const measured = await measurePlatform(topology);
      Object.assign(runs, measured.runs);
      ready[topology] = { readyInSeconds: measured.ready.readyInSeconds, memoryMb: measured.ready.memoryMb };
    }
  } finally {
    await stop(bare.child);
  }
  printTable(
    ['target', 'rate', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'of bare'],
    Object.entries(runs).flatMap(([name, rs]) =>
      rs.map((r) => [
        name,
        String(r.rate),
        fmtInt(r.rps),
        fmtMs(r.p50),
        fmtMs(r.p99),
        String(r.non2xx),
        r.rate === 'max' ? share(r.rps, at(base, 'max').rps) : '',
      ]),
    ),
  );
  const rows: BenchRow[] = TOPOLOGIES.flatMap((topology): BenchRow[] => {
    const ours = runs[`POST /customers (${topology})`] ?? [];
    const reads = runs[`GET /customers/{id} (${topology})`] ?? [];
    const started = ready[topology];
    return [
      {
        benchmark: 'http',
        workload: `POST /customers at 100/s, p50 / p99 (${topology})`,
        result: `${fmtMs(at(ours, 100).p50)} / ${fmtMs(at(ours, 100).p99)} ms`,
        baseline: `${fmtMs(at(base, 100).p50)} / ${fmtMs(at(base, 100).p99)} ms (bare NestJS)`,
        goal: 'p50 ≤ 5 ms, p99 ≤ 20 ms',
        met: at(ours, 100).p50 <= 5 && at(ours, 100).p99 <= 20 && at(ours, 100).non2xx === 0,
      },
      {
        benchmark: 'http',
        workload: `POST /customers at 500/s, p50 / p99 (${topology})`,
        result: `${fmtMs(at(ours, 500).p50)} / ${fmtMs(at(ours, 500).p99)} ms`,
        baseline: `${fmtMs(at(base, 500).p50)} / ${fmtMs(at(base, 500).p99)} ms (bare NestJS)`,
      },
      {
        benchmark: 'http',
        workload: `POST /customers, max sustained, ${CONNECTIONS} connections (${topology})`,
        result: `${fmtInt(at(ours, 'max').rps)} commands/s (${share(at(ours, 'max').rps, at(base, 'max').rps)} of bare)`,
        baseline: `${fmtInt(at(base, 'max').rps)} req/s (bare NestJS)`,
        goal: '≥ 25 % of bare',
        met: at(ours, 'max').rps >= 0.25 * at(base, 'max').rps && at(ours, 'max').non2xx === 0,
      },
      {
        benchmark: 'http',
        workload: `GET /customers/{id} (clear, read recorded) at 100/s and 500/s, p50 / p99 (${topology})`,
        result: `${fmtMs(at(reads, 100).p50)} / ${fmtMs(at(reads, 100).p99)} ms; ${fmtMs(at(reads, 500).p50)} / ${fmtMs(at(reads, 500).p99)} ms`,
        baseline: `max ${fmtInt(at(reads, 'max').rps)} reads/s`,
      },
      {
        benchmark: 'http',
        workload: `npm start: time to ready, memory (RSS) (${topology})`,
        result: started
          ? `${started.readyInSeconds.toFixed(1)} s, ${JSON.stringify(started.memoryMb)} MB`
          : '—',
      },
    ];
  });
  report({ name: 'http', rows, details: { runs, ready } });
}

const at = (rs: Run[], rate: number | 'max'): Run =>
  rs.find((r) => r.rate === rate) ?? { rate, requests: 0, non2xx: 0, errors: 0, rps: 0, p50: 0, p99: 0 };
const share = (ours: number, bare: number): string =>
  bare > 0 ? `${Math.round((100 * ours) / bare)} %` : '—';

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
