import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { dropDatabase, onServer } from '@serviceops/platform/testing';

// The generators as a developer runs them: `nx g` into a copy of this repository (its files as they are now,
// node_modules linked), then what CI asks of the result — it typechecks, lints, passes its own tests and the
// checks that keep declarations, protos, OpenAPI and the deployment files in step, has a rule test that fails
// without its rule, and starts under `npm start` with its commands answered through the gateway.

const ROOT = path.resolve(__dirname, '../../..');
const SERVICE = 'samples';
const ADMIN_PASSWORD = 'generated-admin-password';

let scratch: string;
/** Every file the generators created or changed, as Nx reported them. */
const touched = new Set<string>();
const databases: string[] = [];

/** The environment of the tools run in the copy: no Nx task of ours leaks into theirs. */
function toolEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
  for (const key of Object.keys(env))
    if (key.startsWith('NX_TASK') || key === 'NX_WORKSPACE_ROOT') delete env[key];
  return env;
}

/** Runs a tool of node_modules/.bin in the copy; its output, and whether it succeeded. */
function run(tool: string, args: readonly string[], env = toolEnv()): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, [path.join(scratch, 'node_modules', '.bin', tool), ...args], {
    cwd: scratch,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Colours stripped: with CI set, Nx colours its CREATE/UPDATE lines whatever the terminal.
  const output = stripVTControlCharacters(`${result.stdout}${result.stderr}`);
  return { ok: result.status === 0, output };
}

function succeeds(tool: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
  const { ok, output } = run(tool, args, env);
  if (!ok) throw new Error(`${tool} ${args.join(' ')} failed:\n${output}`);
  return output;
}

function generate(...args: string[]): void {
  const output = succeeds('nx', ['g', ...args, '--no-interactive']);
  for (const [, file] of output.matchAll(/^(?:CREATE|UPDATE) (\S+)$/gm)) if (file) touched.add(file);
}

/** A copy of the repository's files (tracked and new, not ignored), each node_modules entry linked. */
function copyRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceops-generators-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    if (!fs.existsSync(path.join(ROOT, file))) continue; // deleted, not yet staged
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  // Entries, not the folder: node_modules/.cache (compiled sources, Nx's cache) stays the copy's own.
  fs.mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules')))
    if (entry !== '.cache')
      fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  return dir;
}

beforeAll(() => {
  if (!process.env['DATABASE_URL']) throw new Error('DATABASE_URL is not set: `npm test` starts PostgreSQL');
  scratch = copyRepository();
});

afterAll(async () => {
  for (const name of databases) await dropDatabase(name);
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe('nx g @serviceops/tools:service and :command, in a copy of the repository', () => {
  it('generate a service and two commands of it (one starting a record, one acting on it)', () => {
    generate('@serviceops/tools:service', SERVICE, '--description=samples taken and approved');
    generate('@serviceops/tools:command', SERVICE, 'TakeSample');
    generate(
      '@serviceops/tools:command',
      SERVICE,
      'ApproveSample',
      '--access=CUSTOMER_WRITERS',
      '--fields=fee:money,dueOn:date,arrivesAt:instant,count:int,courierId:uuid',
    );
    expect([...touched]).toEqual(
      expect.arrayContaining([
        `apps/${SERVICE}/src/${SERVICE}.service-definition.ts`,
        `apps/${SERVICE}/src/domain/sample/sample.decider.ts`,
        `apps/${SERVICE}/src/domain/sample/take-sample.ts`,
        `apps/${SERVICE}/src/domain/sample/approve-sample.ts`,
        `apps/${SERVICE}/src/domain/sample/approve-sample.unit.spec.ts`,
        `apps/${SERVICE}/src/application/sample.handlers.ts`,
        `apps/gateway/src/samples/samples.routes.ts`,
        `libs/contracts/proto/${SERVICE}.proto`,
        'docker-compose.yml',
        `k8s/base/${SERVICE}.yaml`,
      ]),
    );
  }, 60_000);

  it('refuse a name the schema does not allow, and one that is taken', () => {
    expect(run('nx', ['g', '@serviceops/tools:service', 'work-orders', '--no-interactive'])).toEqual({
      ok: false,
      output: expect.stringContaining("'work-orders' should match the pattern") as string,
    });
    expect(run('nx', ['g', '@serviceops/tools:service', SERVICE, '--no-interactive'])).toEqual({
      ok: false,
      output: expect.stringContaining(`a service "${SERVICE}" exists already`) as string,
    });
  }, 30_000);

  it('typecheck', () => {
    succeeds('tsc', ['-p', 'tsconfig.json', '--noEmit']);
  }, 60_000);

  it('lint: ESLint, dependency-cruiser and Prettier', () => {
    const code = [...touched].filter((f) => /\.(ts|mjs|cjs|js)$/.test(f));
    succeeds('eslint', ['--max-warnings', '0', ...code]);
    succeeds('depcruise', ['apps', 'libs', '--config', '.dependency-cruiser.cjs']);
    succeeds('prettier', ['--check', '--ignore-unknown', ...touched]);
  }, 90_000);

  it('pass the generated tests, and the checks of declarations, protos, OpenAPI, access and deployment files', () => {
    const output = succeeds('jest', [
      '--selectProjects',
      'unit',
      'integration',
      '--testPathPatterns',
      `apps/${SERVICE}/`,
      'apps/gateway/src/openapi/',
      'apps/gateway/src/access/',
      'apps/e2e/src/deployment',
      'libs/platform/src/handles',
    ]);
    expect(output).toContain(`apps/${SERVICE}/src/domain/sample/take-sample.unit.spec.ts`);
    expect(output).toContain(`apps/${SERVICE}/src/domain/sample/approve-sample.unit.spec.ts`);
    expect(output).toContain(`apps/${SERVICE}/test/${SERVICE}.service.int.spec.ts`);
  }, 90_000);

  it('make a rule test that fails once its rule is gone', () => {
    const decide = path.join(scratch, `apps/${SERVICE}/src/domain/sample/approve-sample.ts`);
    const source = fs.readFileSync(decide, 'utf8');
    const rule = /^\s*if \(state\.status === 'absent'\) throw .*\n/m;
    expect(source).toMatch(rule);
    fs.writeFileSync(decide, source.replace(rule, ''));
    try {
      const { ok, output } = run('jest', [
        '--selectProjects',
        'unit',
        '--testPathPatterns',
        // One file, so that Jest lists each test with its mark.
        `apps/${SERVICE}/src/domain/sample/approve-sample`,
      ]);
      expect(ok).toBe(false);
      expect(output).toMatch(/✕ refuses ApproveSample when there is no such sample/);
    } finally {
      fs.writeFileSync(decide, source);
    }
  }, 60_000);

  it('start under npm start, and answer the commands through the gateway', async () => {
    const database = `generated_${randomUUID().replaceAll('-', '')}`;
    databases.push(database);
    await onServer(`CREATE DATABASE ${database}`);
    const url = new URL(process.env['DATABASE_URL'] ?? '');
    url.pathname = `/${database}`;
    const env = toolEnv({
      DATABASE_URL: url.toString(),
      ADMIN_PASSWORD,
      TRANSPORT: 'log',
      LOG_LEVEL: 'warn',
    });
    delete env['KAFKA_BROKERS'];
    const dataDir = path.join(scratch, '.data', 'start');
    const platform = spawn(
      process.execPath,
      ['infra/start.mjs', '--json', '--ports', 'auto', '--data-dir', dataDir],
      { cwd: scratch, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      // npm start's one process: the new service runs in it (apps/serviceops/src/services.ts), reached in process.
      const ready = await readyLine(platform);
      expect(ready.topology).toBe('one');
      const api = (route: string) => `${ready.url}/api/v1/${route}`;
      const login = await fetch(api('auth/token'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const auth = { authorization: `Bearer ${accessToken}` };

      const taken = await fetch(api('samples'), { method: 'POST', headers: auth });
      expect(taken.status).toBe(201);
      const sample = (await taken.json()) as { id: string; version: number; status: string };
      expect(sample).toEqual({ id: expect.any(String) as string, version: 1, status: 'active' });
      expect(taken.headers.get('etag')).toBe('"1"');

      // ApproveSample's fields (--fields): its REST body, validated at the gateway.
      const body = {
        fee: { amount: 1500, currency: 'CNY' },
        dueOn: '2026-03-02',
        arrivesAt: '2026-03-02T01:00:00.000Z',
        count: 2,
        courierId: randomUUID(),
      };
      const approve = (id: string, ifMatch: string, fields: object = body) =>
        fetch(api(`samples/${id}/approve`), {
          method: 'POST',
          headers: { ...auth, 'if-match': ifMatch, 'content-type': 'application/json' },
          body: JSON.stringify(fields),
        });
      const invalid = await approve(sample.id, '"1"', { ...body, dueOn: '2 March' });
      expect(invalid.status).toBe(400);
      expect(await invalid.json()).toMatchObject({ code: 'VALIDATION' });
      const approved = await approve(sample.id, '"1"');
      expect(approved.status).toBe(200);
      expect(await approved.json()).toMatchObject({ id: sample.id, version: 2 });
      expect((await approve(sample.id, '"1"')).status).toBe(409);
      const missing = await approve(randomUUID(), '');
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ code: 'SAMPLES.SAMPLE_NOT_FOUND' });
      expect((await fetch(api('samples'), { method: 'POST' })).status).toBe(401);
    } finally {
      await stop(platform);
    }
  }, 120_000);
});

interface Ready {
  readonly url: string;
  readonly topology: string;
  readonly ports: Readonly<Record<string, unknown>>;
}

/** The launcher's `ready` line (--json), or its output when it stops first. */
function readyLine(child: ChildProcess): Promise<Ready> {
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output.push(line);
      if (line.includes('"event":"ready"')) resolve(JSON.parse(line) as Ready);
    });
    child.once('exit', (code) => reject(new Error(`npm start stopped (${code}):\n${output.join('\n')}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
