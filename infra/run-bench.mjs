// `npm run bench`: the performance benchmarks, against real PostgreSQL and Kafka.
//
//   npm run bench                     every benchmark (about 4 to 5 minutes on a 2-core machine)
//   npm run bench -- append relay     only the named ones (append, read-all, latency, relay, catch-up, http,
//                                     cipher, dispatch)
//
// Uses DATABASE_URL / KAFKA_BROKERS when set; otherwise starts its own servers (data in .data/bench-pg and
// .data/bench-kafka, ports 55433 and 19192) and stops them afterwards; servers found already running there are
// reused and left running. Kafka is only started when a selected benchmark needs it.
// Each benchmark runs as `node --import tsx <file>` with this environment; it prints its figures as it goes and
// hands them back through the file named by BENCH_RESULT_FILE. At the end: a markdown table for the README, and
// everything (machine facts included) in .data/bench-results.json.
// Benchmarks print figures; they never assert them. Exit code: non-zero only when a benchmark crashed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { KAFKA_VERSION, runningKafkaVersion } from './kafka.mjs';
import { REPO_ROOT } from './postgres.mjs';
import { SIGNAL_EXIT_CODES, runScript, seconds, startServers } from './servers.mjs';

const BENCH = Object.freeze({
  pgDataDir: path.join(REPO_ROOT, '.data', 'bench-pg'),
  pgPort: 55433,
  kafkaDataDir: path.join(REPO_ROOT, '.data', 'bench-kafka'),
  kafkaPort: 19192,
  resultsFile: path.join(REPO_ROOT, '.data', 'bench-results.json'),
  scratchDir: path.join(REPO_ROOT, '.data', 'bench-tmp'),
  // A benchmark that runs longer than this is stopped (it is bounded by design; this guards against a hang).
  timeoutMs: Number(process.env.BENCH_TIMEOUT_S || 300) * 1000,
});

const BENCHMARKS = Object.freeze([
  { name: 'append', file: 'libs/eventstore/bench/append.bench.ts', kafka: false },
  { name: 'read-all', file: 'libs/eventstore/bench/read-all.bench.ts', kafka: false },
  { name: 'latency', file: 'libs/messaging/bench/latency.bench.ts', kafka: true },
  { name: 'relay', file: 'libs/messaging/bench/relay.bench.ts', kafka: true },
  { name: 'catch-up', file: 'libs/messaging/bench/catch-up.bench.ts', kafka: true },
  { name: 'http', file: 'apps/e2e/bench/http.bench.ts', kafka: false },
  { name: 'cipher', file: 'apps/customers/bench/cipher.bench.ts', kafka: false },
  // Boots a NestJS service in process: its dependency injection needs decorator metadata, which tsx (esbuild)
  // does not emit, so it runs under the services' own loader.
  {
    name: 'dispatch',
    file: 'apps/orders/bench/dispatch.bench.ts',
    kafka: false,
    loader: ['-r', './infra/register.cjs'],
  },
]);

const say = (line) => console.log(`[bench] ${line}`);
const warn = (line, ...details) => console.error(`[bench] ${line}`, ...details);

let child; // the running benchmark

await runScript({ main, stopChild, say, warn });

async function main({ interrupted }) {
  const t0 = Date.now();
  const loadAtStart = os.loadavg()[0]; // before our own servers start
  const selected = selectBenchmarks(process.argv.slice(2));
  const needsKafka = selected.some((b) => b.kafka);

  const servers = await startServers({
    postgres: { dataDir: BENCH.pgDataDir, port: BENCH.pgPort },
    kafka: needsKafka && { dataDir: BENCH.kafkaDataDir, port: BENCH.kafkaPort },
    env: { KAFKAJS_NO_PARTITIONER_WARNING: '1', ...process.env },
    say,
    warn,
  });
  if (!servers) {
    say('not running the benchmarks without their servers');
    return 1;
  }
  if (interrupted()) return SIGNAL_EXIT_CODES[interrupted()];
  const { env } = servers;

  const machine = await machineFacts(env, servers, loadAtStart);
  printHeader(machine);

  fs.mkdirSync(BENCH.scratchDir, { recursive: true });
  const runs = [];
  for (const bench of selected) {
    if (interrupted()) break;
    runs.push(await runBenchmark(bench, env));
  }
  machine.loadAverage1mAtEnd = Math.round(os.loadavg()[0] * 100) / 100;

  const finishedAt = new Date();
  const summary = {
    startedAt: new Date(t0).toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round((finishedAt.getTime() - t0) / 100) / 10,
    machine,
    benchmarks: runs,
  };
  fs.mkdirSync(path.dirname(BENCH.resultsFile), { recursive: true });
  fs.writeFileSync(BENCH.resultsFile, `${JSON.stringify(summary, null, 2)}\n`);
  fs.rmSync(BENCH.scratchDir, { recursive: true, force: true });

  console.log(`\n## Benchmarks\n`);
  console.log(markdownTable(machine, runs));
  console.log('');
  say(`figures written to ${path.relative(REPO_ROOT, BENCH.resultsFile)}; whole run ${seconds(t0)}`);
  if (interrupted()) return SIGNAL_EXIT_CODES[interrupted()];
  return runs.every((r) => r.exitCode === 0) ? 0 : 1;
}

function selectBenchmarks(args) {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) return [...BENCHMARKS];
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `unknown benchmark ${unknown.join(', ')}: choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
  }
  return BENCHMARKS.filter((b) => names.includes(b.name));
}

/** Runs one benchmark script; its figures come back through BENCH_RESULT_FILE. */
async function runBenchmark(bench, env) {
  const resultFile = path.join(BENCH.scratchDir, `${bench.name}-${process.pid}.json`);
  fs.rmSync(resultFile, { force: true });
  const loader = bench.loader ?? ['--import', 'tsx'];
  console.log(`\n=== ${bench.name}: node ${loader.join(' ')} ${bench.file}\n`);
  const t0 = Date.now();
  const exitCode = await new Promise((resolve) => {
    // Its own process group, so a hung benchmark (and any worker it spawned) can be stopped as a whole.
    child = spawn(process.execPath, [...loader, bench.file], {
      cwd: REPO_ROOT,
      env: { ...env, BENCH_RESULT_FILE: resultFile },
      stdio: 'inherit',
      detached: true,
    });
    const timer = setTimeout(() => {
      warn(`${bench.name} still running after ${BENCH.timeoutMs / 1000} s: stopping it`);
      killGroup(child, 'SIGKILL');
    }, BENCH.timeoutMs);
    child.on('error', (err) => {
      warn(`could not run ${bench.file}: ${err.message}`);
      clearTimeout(timer);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal) warn(`${bench.name} was killed by ${signal}`);
      resolve(code ?? 1);
    });
  });
  child = undefined;
  let result;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    result = undefined;
  }
  const took = (Date.now() - t0) / 1000;
  say(`${bench.name}: ${exitCode === 0 ? 'done' : `FAILED (exit ${exitCode})`} in ${took.toFixed(1)} s`);
  return { name: bench.name, file: bench.file, exitCode, seconds: Math.round(took * 10) / 10, result };
}

/** On a signal: the running benchmark's whole process group gets SIGTERM (SIGKILL when it is the second signal). */
function stopChild(signal) {
  if (!child) return undefined;
  killGroup(child, signal === 'SIGKILL' ? 'SIGKILL' : 'SIGTERM');
  return 'the running benchmark';
}

function killGroup(proc, signal) {
  if (!proc?.pid) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Machine facts

async function machineFacts(env, servers, loadAtStart) {
  const cpus = os.cpus();
  const facts = {
    cpu: cpus[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    // Anything else busy on the machine skews every figure: worth seeing next to them.
    loadAverage1m: Math.round(loadAtStart * 100) / 100,
    node: process.version,
    commit: gitCommit(),
    postgres: await postgresFacts(env.DATABASE_URL),
    postgresServer: describeServer(servers.postgres, 'DATABASE_URL', BENCH.pgPort),
    kafka: servers.kafka ? kafkaVersion(env.KAFKA_BROKERS, servers.kafka === 'started') : 'not used',
    kafkaServer: servers.kafka ? describeServer(servers.kafka, 'KAFKA_BROKERS', BENCH.kafkaPort) : 'not used',
  };
  return facts;
}

async function postgresFacts(url) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
    const show = async (name) => (await client.query(`SHOW ${name}`)).rows[0][name];
    return {
      version: await show('server_version'),
      fsync: await show('fsync'),
      synchronous_commit: await show('synchronous_commit'),
      wal_sync_method: await show('wal_sync_method'),
      shared_buffers: await show('shared_buffers'),
      max_connections: await show('max_connections'),
    };
  } catch (err) {
    return { version: `unknown (${err.message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

function describeServer(source, variable, port) {
  return source === 'environment' ? `${variable} from the environment` : `${source} on port ${port}`;
}

/**
 * Kafka's wire protocol does not tell the broker's release. For a broker this script started it is infra/kafka.mjs's
 * KAFKA_VERSION; for a given one, BENCH_KAFKA_VERSION, else what the java process listening on its port runs (when
 * it is on this machine), else unknown.
 */
function kafkaVersion(brokers, startedHere) {
  if (startedHere) return KAFKA_VERSION;
  if (process.env.BENCH_KAFKA_VERSION) return process.env.BENCH_KAFKA_VERSION;
  const port = /:(\d+)$/.exec((brokers ?? '').split(',')[0]?.trim() ?? '')?.[1];
  return runningKafkaVersion(port && Number(port)) ?? 'unknown (set BENCH_KAFKA_VERSION)';
}

function gitCommit() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown';
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return `${head.stdout.trim()}${dirty.stdout?.trim() ? ' (with uncommitted changes)' : ''}`;
}

function printHeader(m) {
  const p = m.postgres;
  console.log('');
  console.log(`Machine:    ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, ${m.os}`);
  console.log(`Node:       ${m.node}`);
  console.log(
    `PostgreSQL: ${p.version} (${m.postgresServer}); fsync=${p.fsync}, synchronous_commit=${p.synchronous_commit}, ` +
      `wal_sync_method=${p.wal_sync_method}, shared_buffers=${p.shared_buffers}, max_connections=${p.max_connections}`,
  );
  console.log(`Kafka:      ${m.kafka}${m.kafkaServer !== 'not used' ? ` (${m.kafkaServer})` : ''}`);
  console.log(`Commit:     ${m.commit}`);
  console.log(`Load:       ${m.loadAverage1m} (1-minute average when the run began)`);
  if (m.loadAverage1m > m.cores / 2) {
    console.log('WARNING: the machine is already busy: expect lower and noisier figures than on an idle one');
  }
  if (p.fsync !== 'on' || p.synchronous_commit !== 'on') {
    console.log('WARNING: fsync or synchronous_commit is off: append figures do not measure durable writes');
  }
}

function markdownTable(m, runs) {
  const p = m.postgres;
  const lines = [
    `_${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; PostgreSQL ${p.version} (fsync=${p.fsync}, ` +
      `synchronous_commit=${p.synchronous_commit}); Kafka ${m.kafka}; Node ${m.node}; ${new Date().toISOString().slice(0, 10)}._`,
    '',
    '| Benchmark | Workload | Result | Compared with | Ratio | Goal |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const cell = (s) => String(s ?? '').replaceAll('|', '\\|');
  for (const run of runs) {
    const rows = run.result?.rows ?? [];
    if (rows.length === 0) {
      lines.push(`| ${run.name} | | failed (exit ${run.exitCode}), no figures | | | |`);
      continue;
    }
    for (const r of rows) {
      const goal = r.goal ? `${r.goal} ${r.met ? '✅' : '❌'}` : '';
      lines.push(
        `| ${cell(r.benchmark)} | ${cell(r.workload)} | ${cell(r.result)} | ${cell(r.baseline)} | ${cell(r.ratio)} | ${cell(goal)} |`,
      );
    }
    if (run.exitCode !== 0)
      lines.push(`| ${run.name} | | exited with ${run.exitCode}: figures may be partial | | | |`);
  }
  return lines.join('\n');
}
