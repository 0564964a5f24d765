import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import {
  credentials,
  makeGenericClientConstructor,
  Metadata,
  type ServiceDefinition,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { API, GRPC_SERVICES, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { GrpcStatus, runService, type RunningService } from '@serviceops/platform';
import { databaseUrl, newInternalKeyPair, uniqueName } from '@serviceops/testing';
import { Client } from 'pg';
import { ordersService } from '../src/orders.service-definition';

// The orders service as it runs: booted on a database of its own, ready, and serving each method its
// declarations (libs/contracts/src/api/orders.api.ts) name over gRPC.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function onServer(sql: string): Promise<void> {
  const admin = new Client({ connectionString: databaseUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

const database = uniqueName('orders');
let running: RunningService | undefined;
let grpcPort = 0;
let httpPort = 0;

beforeAll(async () => {
  await onServer(`CREATE DATABASE ${database}`);
  const url = new URL(databaseUrl());
  url.pathname = `/${database}`;
  [grpcPort, httpPort] = [await freePort(), await freePort()];
  running = await runService(ordersService, {
    DATABASE_URL: url.toString(),
    GRPC_PORT: String(grpcPort),
    HTTP_PORT: String(httpPort),
    LOG_LEVEL: 'silent',
    MASTER_KEY: randomBytes(32).toString('base64'),
    INTERNAL_TOKEN_PUBLIC_KEYS: newInternalKeyPair().publicKey,
  });
});

afterAll(async () => {
  await running?.stop();
  await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe('the orders service', () => {
  it('reports ready once it serves', async () => {
    const res = await fetch(`http://127.0.0.1:${httpPort}/health/ready`);
    expect(res.status).toBe(200);
  });

  it('serves every declared method over gRPC, and none to a caller without identity', async () => {
    const { package: pkg, service, proto } = GRPC_SERVICES.orders;
    const definition = loadSync(proto, PROTO_LOADER_OPTIONS)[`${pkg}.${service}`] as ServiceDefinition;
    const Client = makeGenericClientConstructor(definition, service);
    const client = new Client(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
    const answers: Record<string, number | undefined> = {};
    try {
      for (const method of Object.keys(API.orders)) {
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
    const expected = Object.fromEntries(Object.keys(API.orders).map((m) => [m, GrpcStatus.UNAUTHENTICATED]));
    expect(answers).toEqual(expected);
  });
});
