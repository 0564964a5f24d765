import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import {
  credentials,
  makeGenericClientConstructor,
  Metadata,
  type ServiceDefinition as GrpcServiceDefinition,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { API, GRPC_SERVICES, type GrpcServiceName, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { databaseUrl, newInternalKeyPair, uniqueName } from '@serviceops/testing';
import { Client } from 'pg';
import { freePort } from './free-port';
import { GrpcStatus, PLATFORM_CODES, runService, type RunningService, type ServiceDefinition } from '../src';

/**
 * Test support (not shipped): a service booted as it runs, on a database of its own, and the check every service's
 * boot test makes. A generated service's boot test is one call to `describeServiceBoot`.
 */

export { freePort };
export { handlerOf, type Served } from './handler-of';

/** Whether something listens on `port` on loopback. */
export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs one statement on the test server's maintenance database (CREATE / DROP DATABASE). */
export async function onServer(sql: string): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Drops a test database once the connections to it have closed, then by force. A pool's `end()` resolves before
 * its connections' sockets close: dropped by force at once, a connection still closing gets PostgreSQL's
 * "terminating connection due to administrator command" as an idle client's error, which fails the suite.
 */
export async function dropDatabase(name: string): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl() });
  await admin.connect();
  try {
    for (let waited = 0; waited < 5_000; waited += 50) {
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if (rows[0]?.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export interface BootedService {
  readonly running: RunningService;
  /** The service's own database. */
  readonly databaseUrl: string;
  readonly grpcPort: number;
  readonly httpPort: number;
  /** Another instance of the same service on the same database (ports of its own): a replica, or a restart. */
  again(): Promise<RunningService>;
  stop(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any service's config spec
type AnyService = ServiceDefinition<any>;

/** Boots `definition` on a fresh database of its own, on free ports; `stop` also drops the database. */
export async function bootOnOwnDatabase(
  name: string,
  definition: AnyService,
  env: Readonly<Record<string, string>> = {},
): Promise<BootedService> {
  const database = uniqueName(name);
  const drop = () => dropDatabase(database);
  await onServer(`CREATE DATABASE ${database}`);
  const url = new URL(databaseUrl());
  url.pathname = `/${database}`;
  const [grpcPort, httpPort] = [await freePort(), await freePort()];
  const config = {
    DATABASE_URL: url.toString(),
    LOG_LEVEL: 'silent',
    INTERNAL_TOKEN_PUBLIC_KEYS: newInternalKeyPair().publicKey,
    MASTER_KEY: randomBytes(32).toString('base64'),
    ...env,
  };
  try {
    const running = await runService(definition, {
      ...config,
      GRPC_PORT: String(grpcPort),
      HTTP_PORT: String(httpPort),
    });
    return {
      running,
      databaseUrl: url.toString(),
      grpcPort,
      httpPort,
      again: () => runService(definition, { ...config, GRPC_PORT: '0', HTTP_PORT: '0' }),
      stop: async () => {
        await running.stop();
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Calls every declared method of `service` on `grpcPort` with no credentials: method → gRPC status code. */
export async function anonymousAnswers(
  service: GrpcServiceName,
  grpcPort: number,
): Promise<Record<string, number | undefined>> {
  const { package: pkg, service: serviceName, proto } = GRPC_SERVICES[service];
  const definition = loadSync(proto, PROTO_LOADER_OPTIONS)[`${pkg}.${serviceName}`] as GrpcServiceDefinition;
  const GrpcClient = makeGenericClientConstructor(definition, serviceName);
  const client = new GrpcClient(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
  const answers: Record<string, number | undefined> = {};
  try {
    for (const method of Object.keys(API[service])) {
      const call = client[method] as (
        request: object,
        md: Metadata,
        done: (e: ServiceError | null) => void,
      ) => void;
      answers[method] = await new Promise((resolve) =>
        call.call(client, {}, new Metadata(), (error) => resolve(error?.code)),
      );
    }
  } finally {
    client.close();
  }
  return answers;
}

/**
 * The boot test of a service: booted on a database of its own it reports ready, and it serves every method its
 * declarations name over gRPC — to nobody without identity. A service with no method yet opens no gRPC port.
 */
export function describeServiceBoot(service: GrpcServiceName, definition: AnyService): void {
  let booted: BootedService | undefined;
  beforeAll(async () => {
    booted = await bootOnOwnDatabase(service, definition);
  });
  afterAll(async () => {
    await booted?.stop();
  });

  describe(`the ${service} service`, () => {
    it('reports ready once it serves', async () => {
      const res = await fetch(`http://127.0.0.1:${booted?.httpPort}/health/ready`);
      expect(res.status).toBe(200);
    });

    it('serves every declared method over gRPC, and none to a caller without identity', async () => {
      const methods = Object.keys(API[service]);
      if (methods.length === 0) {
        await expect(portAccepts(booted?.grpcPort ?? 0)).resolves.toBe(false);
        return;
      }
      const answers = await anonymousAnswers(service, booted?.grpcPort ?? 0);
      expect(answers).toEqual(Object.fromEntries(methods.map((m) => [m, GrpcStatus.UNAUTHENTICATED])));
    });
  });
}

/** Codes of a service's catalogs that no method answers, each with why (raised by a timer only, say). */
export type UnansweredCodes = Readonly<Record<string, string>>;

/**
 * The codes `service`'s declarations say its methods may answer are codes its domain has (`catalogs`: its
 * `*.errors.ts` code objects), none twice, and every method states them; and every code of its catalogs is
 * stated by some method, but the platform's own (PLATFORM_CODES: any route may answer them, none lists them) and
 * those `unanswered` names, with the reason no method reaches them. That a method answers no code it does not
 * list is checked by the e2e suites (apps/e2e/src/platform.ts, undeclaredProblems).
 */
export function describeDeclaredErrors(
  service: GrpcServiceName,
  catalogs: readonly Readonly<Record<string, string>>[],
  unanswered: UnansweredCodes = {},
): void {
  const codes = new Set(catalogs.flatMap((catalog) => Object.values(catalog)));
  const declarations = Object.entries(API[service]) as [string, { errors?: readonly string[] }][];
  const declared = new Set(declarations.flatMap(([, declaration]) => declaration.errors ?? []));
  describe(`the ${service} declarations’ problem codes`, () => {
    it.each(declarations)('%s lists codes its domain has', (_, declaration) => {
      const errors = declaration.errors ?? [];
      expect(errors.filter((code) => !codes.has(code))).toEqual([]);
      expect(new Set(errors).size).toBe(errors.length);
    });

    it('are stated for every method', () => {
      expect(declarations.filter(([, d]) => d.errors === undefined).map(([name]) => name)).toEqual([]);
    });

    it('name every code of its catalogs but the platform’s own and those no method answers', () => {
      const left = [...codes].filter(
        (code) => !declared.has(code) && !PLATFORM_CODES.includes(code) && !(code in unanswered),
      );
      expect(left.sort()).toEqual([]);
    });

    it('say of a code no method answers that its catalogs have it and no method lists it', () => {
      const said = Object.keys(unanswered);
      expect(said.filter((code) => !codes.has(code) || declared.has(code))).toEqual([]);
    });
  });
}
