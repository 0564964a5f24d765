// Schemathesis (PyPI, pinned with hashes in infra/schemathesis/requirements.txt) for the OpenAPI fuzz suite.
//
//   import { ensureSchemathesis } from './schemathesis.mjs';
//   const st = await ensureSchemathesis({ log });   // { command, args, env }: spawn(st.command, [...st.args, 'run', …])
//
// CLI: node infra/schemathesis.mjs [ARGS...]   runs schemathesis (e.g. `node infra/schemathesis.mjs --version`)
//      node infra/schemathesis.mjs --install   only makes sure it is installed, and says where
//
// Why here: CI's machine reaches PyPI but nothing else, and `npm test` alone must work on a fresh machine, so the
// suite installs its own tool. Installed once into a virtualenv (python3 -m venv; without the venv module, as root,
// `apt-get install python3-venv` first; failing that, `pip install --target`) in
// `${SERVICEOPS_CACHE:-$HOME/.cache/serviceops}/schemathesis-<version>`, beside the Kafka jars and PostgreSQL tools,
// with `pip install --require-hashes --only-binary=:all:`. A marker records the lock file's hash, so changing the
// lock installs again. Installs go to a private directory moved into place only when complete (an interrupted or
// a concurrent install leaves nothing half-done behind a marker); the tool is always run as `<python> -c …` with
// the tree's own interpreter, never through a script's shebang, so the moved tree works.
import { spawnSync } from 'node:child_process';
import { run } from './run.mjs';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCHEMATHESIS_LOCK = path.join(HERE, 'schemathesis', 'requirements.txt');
/** The pinned version, as in the lock file (read from it, so the two cannot disagree). */
export const SCHEMATHESIS_VERSION = /^schemathesis==(\S+)/m.exec(
  fs.readFileSync(SCHEMATHESIS_LOCK, 'utf8'),
)?.[1];
if (!SCHEMATHESIS_VERSION) throw new Error(`${SCHEMATHESIS_LOCK} pins no schemathesis==VERSION`);

// Runs the CLI from an interpreter whose sys.path has the package (venv) or gets it from PYTHONPATH (--target).
const RUN_CLI =
  'import sys; from schemathesis.cli import schemathesis; sys.argv[0] = "schemathesis"; sys.exit(schemathesis())';

/** `${SERVICEOPS_CACHE:-$HOME/.cache/serviceops}/schemathesis-<version>` */
export function schemathesisCacheDir() {
  const root = process.env.SERVICEOPS_CACHE || path.join(os.homedir(), '.cache', 'serviceops');
  return path.join(root, `schemathesis-${SCHEMATHESIS_VERSION}`);
}

/**
 * Makes sure the pinned schemathesis is installed and says how to run it.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ command: string, args: string[], env: Record<string, string>, installed: boolean, version: string }>}
 */
export async function ensureSchemathesis({ log = () => {} } = {}) {
  const cacheDir = schemathesisCacheDir();
  const root = path.join(cacheDir, 'root');
  const marker = path.join(cacheDir, '.complete');
  const lockHash = createHash('sha256').update(fs.readFileSync(SCHEMATHESIS_LOCK)).digest('hex');

  const recorded = readJson(marker);
  if (recorded?.lock === lockHash) {
    const runner = runnerFor(root, recorded.layout);
    if (reportedVersion(runner) === SCHEMATHESIS_VERSION)
      return { ...runner, installed: false, version: SCHEMATHESIS_VERSION };
    log(`the cached install in ${root} does not run (its Python may have changed): installing again`);
  }

  const python = findPython();
  fs.mkdirSync(cacheDir, { recursive: true });
  const partial = path.join(cacheDir, `partial-${process.pid}-${Date.now()}`);
  const t0 = Date.now();
  log(
    `installing schemathesis ${SCHEMATHESIS_VERSION} and its dependencies (about 25 MB) from PyPI into ${root}`,
  );
  try {
    const layout = await makeEnvironment(python, partial, log);
    const pip = layout === 'venv' ? [venvPython(partial), '-m', 'pip'] : [python, '-m', 'pip'];
    const target = layout === 'venv' ? [] : ['--target', partial];
    await run(pip[0], [
      ...pip.slice(1),
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-input',
      '--no-cache-dir',
      '--only-binary=:all:',
      '--require-hashes',
      '--requirement',
      SCHEMATHESIS_LOCK,
      ...target,
    ]);
    const version = reportedVersion(runnerFor(partial, layout));
    if (version !== SCHEMATHESIS_VERSION)
      throw new Error(
        `pip finished, but schemathesis there reports version ${version ?? '(none: it does not run)'}`,
      );
    fs.rmSync(root, { recursive: true, force: true });
    fs.renameSync(partial, root);
    fs.writeFileSync(marker, `${JSON.stringify({ lock: lockHash, layout })}\n`);
    log(`schemathesis ${version} ready in ${root} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return { ...runnerFor(root, layout), installed: true, version };
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

/** A virtualenv in `dir` ('venv'), or an empty `dir` for `pip install --target` ('target'). */
async function makeEnvironment(python, dir, log) {
  const venv = () => spawnSync(python, ['-m', 'venv', dir], { encoding: 'utf8' });
  let result = venv();
  if (result.status === 0) return 'venv';
  log(`${python} -m venv failed: ${(result.stderr || String(result.error)).trim().split('\n').pop()}`);
  // Debian splits the venv module (and ensurepip) out of python3: as root, install it like .ci/run installs Java.
  if (process.platform === 'linux' && process.getuid?.() === 0 && commandExists('apt-get')) {
    log('installing python3-venv with apt-get');
    fs.rmSync(dir, { recursive: true, force: true });
    const apt = (args) =>
      spawnSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    if (apt(['install', '-y', '-qq', '--no-install-recommends', 'python3-venv']).status !== 0) {
      apt(['update', '-qq']);
      apt(['install', '-y', '-qq', '--no-install-recommends', 'python3-venv']);
    }
    result = venv();
    if (result.status === 0) return 'venv';
  }
  log(`no virtualenv: installing with ${python} -m pip install --target instead`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return 'target';
}

function venvPython(dir) {
  return path.join(dir, 'bin', 'python');
}

function runnerFor(dir, layout) {
  if (layout === 'venv') return { command: venvPython(dir), args: ['-c', RUN_CLI], env: {} };
  return { command: findPython(), args: ['-c', RUN_CLI], env: { PYTHONPATH: dir, PYTHONNOUSERSITE: '1' } };
}

/** `schemathesis --version` → '4.32.5', or undefined when it does not run. */
function reportedVersion(runner) {
  const result = spawnSync(runner.command, [...runner.args, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, ...runner.env },
  });
  return /version (\S+)/.exec(result.stdout ?? '')?.[1];
}

function findPython() {
  for (const python of ['python3', 'python']) {
    const result = spawnSync(python, ['-c', 'import sys; sys.exit(sys.version_info < (3, 10))'], {
      encoding: 'utf8',
    });
    if (result.status === 0) return python;
  }
  throw new Error(
    'Python 3.10 or newer is needed to install schemathesis from PyPI but none is on PATH: apt-get install -y python3-venv python3-pip',
  );
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// CLI: progress goes to stderr, so schemathesis's own output stays clean.

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line) => console.error(`schemathesis: ${line}`);
  const args = process.argv.slice(2);
  try {
    const runner = await ensureSchemathesis({ log });
    if (args.length === 1 && args[0] === '--install') {
      log(
        `schemathesis ${runner.version}: ${runner.command} ${runner.env.PYTHONPATH ? `(PYTHONPATH=${runner.env.PYTHONPATH})` : ''}`.trim(),
      );
      process.exit(0);
    }
    const result = spawnSync(runner.command, [...runner.args, ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...runner.env },
    });
    process.exit(result.status ?? 1);
  } catch (err) {
    log(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
