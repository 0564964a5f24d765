import type { INestApplication } from '@nestjs/common';
import { splitRpc, type Rpc } from '@serviceops/contracts';
import { handlerTable, type CallContext, type Handler } from '@serviceops/platform';
import { bootOnOwnDatabase, type BootedService } from '@serviceops/platform/testing';
import { Pool } from 'pg';
import { TENANCY_HANDLERS, tenancyService } from '../src/tenancy.service-definition';

// What the tenancy integration specs share: the service booted on a database of its own for the spec's tests, with
// the admin and operator the first start makes, and a pool on that database.

/** The first admin's password at the first start (the tenant's `admin`). */
const ADMIN_PASSWORD = 'a-Long-admin-pass-1';

export interface TenancyOnOwnDatabase {
  /** The running service's Nest application (its handlers, repositories, processes). */
  readonly app: INestApplication;
  /** A pool on the service's database. */
  readonly pool: Pool;
  readonly databaseUrl: string;
}

/**
 * Boots tenancy on a fresh database before the spec's tests (with `env` on top of the two first passwords) and
 * stops it, dropping the database, after them. What it answers is readable once the tests run.
 */
export function tenancyOnOwnDatabase(
  name: string,
  env: Readonly<Record<string, string>> = {},
  poolSize = 2,
): TenancyOnOwnDatabase {
  let booted: BootedService | undefined;
  let pool: Pool | undefined;
  beforeAll(async () => {
    booted = await bootOnOwnDatabase(name, tenancyService, {
      ADMIN_PASSWORD,
      PLATFORM_OPERATOR_PASSWORD: 'a-Long-operator-pass-1',
      ...env,
    });
    pool = new Pool({ connectionString: booted.databaseUrl, max: poolSize });
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await booted?.stop();
  });
  const up = (): BootedService => {
    if (!booted) throw new Error(`${name}: tenancy is not booted (read it inside a test)`);
    return booted;
  };
  return {
    get app() {
      return up().running.app;
    },
    get pool() {
      up();
      return pool as Pool;
    },
    get databaseUrl() {
      return up().databaseUrl;
    },
  };
}

/**
 * A declared method of tenancy as its gRPC controller calls it, whichever class serves it: a use case bound to the
 * tenant's generic handler (`handles`) has no method of its own to call.
 */
export function served(
  app: INestApplication,
  rpc: Rpc,
): (request: object, call: CallContext) => Promise<Record<string, unknown>> {
  const handler = handlerTable('tenancy', TENANCY_HANDLERS).get(splitRpc(rpc).method);
  if (!handler) throw new Error(`${rpc} is not served by tenancy`);
  const provider = TENANCY_HANDLERS[handler.provider];
  if (!provider) throw new Error(`${rpc}: no provider ${handler.provider}`);
  const target = app.get<object>(provider) as Record<string, Handler>;
  const handle = target[handler.property] as Handler;
  return (request, call) => handle.call(target, request, call) as Promise<Record<string, unknown>>;
}
