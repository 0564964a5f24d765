import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { API, type Declaration, type DeployableName } from '@serviceops/contracts';
import { PLATFORM_CODES } from '@serviceops/platform';
import { databaseUrl, eventually, kafkaBrokers, newInternalKeyPair, uniqueName } from '@serviceops/testing';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const ADMIN_PASSWORD = 'e2e-admin-password';

export interface Ports {
  readonly GRPC_PORT: number;
  readonly HTTP_PORT: number;
  /** The gateway's Prometheus /metrics (loopback), apart from its public HTTP port. */
  readonly METRICS_PORT?: number;
}

export interface RunningPlatform {
  readonly url: string;
  readonly grpc: string;
  readonly topology: Topology;
  /** The launcher's children at ready: `serviceops` in one process, else one per service. */
  readonly pids: Readonly<Record<string, number>>;
  /** The ports each process listens on: in one process only the gateway's. */
  readonly ports: { readonly gateway: Ports } & Partial<
    Readonly<Record<Exclude<DeployableName, 'gateway'>, Ports>>
  >;
  readonly adminPassword?: string;
  readonly readyInSeconds: number;
  readonly memoryMb: { readonly services: number; readonly database: number };
  /** The platform's database (absent when it runs its embedded PostgreSQL). */
  readonly databaseUrl?: string;
  /**
   * The gateway's private key of internal tokens (INTERNAL_TOKEN_PRIVATE_KEY): with it a test signs the token a call
   * straight to a service's gRPC port needs (`internalCallHeaders` of @serviceops/testing).
   */
  readonly internalKey: string;
  readonly output: string[];
  /** The launcher's data directory: `logs/<process>.log` holds every process's log (removed at stop unless given). */
  readonly dataDir: string;
  /** Every log line the platform's processes wrote so far, from their log files. */
  logs(): string;
  stop(): Promise<void>;
}

/** All services in one process (the embedded default), or one process each (compose, k8s). */
export type Topology = 'one' | 'processes';

export interface PlatformOptions {
  readonly transport?: 'log' | 'kafka';
  /** By default one process on the log transport and a process per service on Kafka: both are tested. */
  readonly topology?: Topology;
  /** Use this data directory (kept) instead of a fresh temporary one (removed at stop). */
  readonly dataDir?: string;
  /** Leave DATABASE_URL unset: the launcher starts its embedded PostgreSQL in the data directory. */
  readonly embedded?: boolean;
  /**
   * Use this database (kept as it is) instead of a fresh one: to start the platform again on what an earlier
   * run left (pass that run's `dataDir` too, so the secrets it generated, such as MASTER_KEY, are the same).
   */
  readonly databaseUrl?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** A fresh database on the test server, so each platform starts from nothing. */
export async function freshDatabase(): Promise<string> {
  const name = uniqueName('e2e');
  const admin = new Client({ connectionString: databaseUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(databaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts the whole platform the way `npm start` does (infra/start.mjs: one process or one per service, real ports,
 * real PostgreSQL, Kafka when asked), on free ports, and waits for its ready line.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'serviceops-e2e-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    // Made here rather than by the launcher, so that tests can sign as the gateway does.
    INTERNAL_TOKEN_PRIVATE_KEY: newInternalKeyPair().privateKey,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'info',
    TRANSPORT: options.transport ?? 'log',
    ...options.env,
  };
  if (!options.env?.['INTERNAL_TOKEN_PUBLIC_KEYS']) delete env['INTERNAL_TOKEN_PUBLIC_KEYS']; // derived from the key
  if (options.embedded) delete env['DATABASE_URL'];
  else env['DATABASE_URL'] = options.databaseUrl ?? (await freshDatabase());
  if (options.transport === 'kafka') {
    env['KAFKA_BROKERS'] = kafkaBrokers().join(',');
    env['KAFKA_GROUP_ID_PREFIX'] = `${uniqueName('g')}.`;
  } else delete env['KAFKA_BROKERS'];
  const child = spawn(
    process.execPath,
    [
      'infra/start.mjs',
      '--json',
      '--ports',
      'auto',
      '--data-dir',
      dataDir,
      '--topology',
      options.topology ?? (options.transport === 'kafka' ? 'processes' : 'one'),
    ],
    {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
  const ready = await new Promise<Omit<RunningPlatform, 'stop' | 'output' | 'databaseUrl' | 'internalKey'>>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`platform not ready in 90 s:\n${output.join('\n')}`)),
        90_000,
      );
      createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        if (!line.startsWith('{"event":"ready"')) return;
        clearTimeout(timer);
        resolve(JSON.parse(line) as Omit<RunningPlatform, 'stop' | 'output' | 'databaseUrl' | 'internalKey'>);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`platform exited (${code}) before ready:\n${output.join('\n')}`));
      });
    },
  );
  return {
    ...ready,
    ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
    internalKey: env['INTERNAL_TOKEN_PRIVATE_KEY'] as string,
    output,
    dataDir,
    logs: () => logsIn(path.join(dataDir, 'logs')),
    stop: async () => {
      await stopChild(child);
      const undeclared = undeclaredProblems(logsIn(path.join(dataDir, 'logs')));
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (undeclared.length > 0)
        throw new Error(
          `the platform answered problem codes its declarations do not list (add them to \`errors\`):\n${undeclared.join('\n')}`,
        );
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
  });
}

/**
 * `eventually`, gently (every 250 ms: the gateway rate-limits), for what the platform makes true eventually (a read
 * model, another service's consumer). Over Kafka an event crosses a relay and a consumer group; on a loaded CI
 * machine that can take tens of seconds, hence a minute.
 */
export function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  return eventually(what, check, timeoutMs, 250);
}

/**
 * What the gateway refused (its `request refused` log lines: route template and code) with a code of the route's
 * own service that the route's declaration does not list in `errors` — for the declarations that list them.
 */
export function undeclaredProblems(logs: string): string[] {
  const routes = new Map<string, { rpc: string; area: string; errors: readonly string[] }>();
  for (const [service, methods] of Object.entries(API))
    for (const [method, declaration] of Object.entries(methods as Record<string, Declaration>))
      if (declaration.errors)
        routes.set(`${declaration.http.method} /api/v1/${declaration.http.path}`, {
          rpc: `${service}.${method}`,
          area: `${service.toUpperCase()}.`,
          errors: declaration.errors,
        });
  const found = new Set<string>();
  for (const line of logs.split('\n')) {
    if (!line.includes('"request refused"')) continue;
    let entry: { method?: string; route?: string; code?: string };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // not a log record (a launcher's note)
    }
    const { method, route, code } = entry;
    const declared = routes.get(`${method} ${route}`);
    if (
      declared &&
      code?.startsWith(declared.area) &&
      !declared.errors.includes(code) &&
      !PLATFORM_CODES.includes(code)
    )
      found.add(`${declared.rpc}: ${code}`);
  }
  return [...found].sort();
}

function logsIn(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}
