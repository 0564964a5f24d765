import { createHmac } from 'node:crypto';
import {
  Server,
  ServerCredentials,
  type sendUnaryData,
  type ServerUnaryCall,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { gatewayConfigSpec } from '@serviceops/contracts';
import { PostgresEventStore } from '@serviceops/eventstore';
import { newId, streamId } from '@serviceops/kernel';
import { loadConfig } from '@serviceops/platform';
import { databaseUrl, newInternalKeyPair } from '@serviceops/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { createGateway, type Gateway } from '../gateway';
import { serviceDefinitionOf } from '../upstream/protos';
import { USER_CHANGES_CONSUMER } from './user-changes';

// Issue 11 item 3, the leftover: a cut made in tenancy (here: its event, as tenancy's leavers consumer or another
// gateway would cause it) ends the user's tokens on every gateway at once, not after the status cache's TTL.

const SECRET = 'user-changes-int-test-secret-0123456789';
/** The status cache, lengthened from its 5 s default so that a slow machine cannot pass for the eviction. */
const STATUS_TTL_MS = 60_000;
const KEYS = newInternalKeyPair();

/**
 * Tenancy as the gateways see it: GetMe (asked by the status check, and by the route itself) answers the user as
 * the test says they are now; GetTenant, active.
 */
class FakeTenancy {
  readonly server = new Server();
  user: { tokenVersion: number; disabled: boolean } = { tokenVersion: 0, disabled: false };
  asked = 0;
  port = 0;

  constructor() {
    const implementation: UntypedServiceImplementation = {};
    for (const method of Object.keys(serviceDefinitionOf('tenancy')))
      implementation[method] = (
        call: ServerUnaryCall<unknown, unknown>,
        callback: sendUnaryData<unknown>,
      ) => {
        if (method !== 'GetMe') return callback(null, {});
        this.asked++;
        const actor = String(call.metadata.get('x-actor-id')[0] ?? '');
        callback(null, { id: actor, username: 'leaver', roles: ['technician'], ...this.user });
      };
    this.server.addService(serviceDefinitionOf('tenancy'), implementation);
  }

  async start(): Promise<string> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
    return `127.0.0.1:${this.port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}

function tokenOf(userId: string, tenantId: string): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const claims = {
    sub: userId,
    tid: tenantId,
    roles: ['technician'],
    name: 'leaver',
    ver: 0,
    iat,
    exp: iat + 600,
  };
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iss: 'serviceops' })}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

const tenancy = new FakeTenancy();
const pool = new Pool({ connectionString: databaseUrl(), max: 2 });
const tenancyLog = new PostgresEventStore({ pool, schema: 'tenancy' });
const gateways: Gateway[] = [];

async function gatewayAt(upstream: string): Promise<Gateway> {
  const url = { TENANCY_GRPC_URL: upstream, CUSTOMERS_GRPC_URL: upstream, ANALYTICS_GRPC_URL: upstream };
  const gateway = await createGateway(
    loadConfig(gatewayConfigSpec, {
      DATABASE_URL: databaseUrl(),
      JWT_SECRET: SECRET,
      INTERNAL_TOKEN_PRIVATE_KEY: KEYS.privateKey,
      LOG_LEVEL: 'silent',
      GRPC_PORT: '0',
      METRICS_PORT: '0',
      USER_STATUS_TTL_MS: String(STATUS_TTL_MS),
      ...url,
    }),
  );
  gateways.push(gateway);
  return gateway;
}

/** Until the gateways' consumer has applied the event (one inbox row for all replicas), polled every 20 ms. */
async function applied(eventId: string): Promise<void> {
  for (let waited = 0; waited < 4_000; waited += 20) {
    const { rowCount } = await pool.query(
      'SELECT 1 FROM gateway.inbox WHERE consumer = $1 AND event_id = $2',
      [USER_CHANGES_CONSUMER, eventId],
    );
    if (rowCount === 1) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the gateways did not apply ${eventId} within 4 s`);
}

let upstream: string;
beforeAll(async () => {
  upstream = await tenancy.start();
  await tenancyLog.migrate();
});

afterAll(async () => {
  await Promise.all(gateways.map((g) => g.close()));
  await tenancy.stop();
  await pool.end();
});

describe('a cut in tenancy ends the user’s tokens on every gateway at once', () => {
  it.each([
    ['disabled (the staff login closed, or an admin on another gateway)', 'UserDisabled', { disabled: true }],
    ['demoted (its token version bumped)', 'UserRolesChanged', { tokenVersion: 1 }],
  ])(
    'the user %s: the next request on each gateway gets 401 AUTH.TOKEN_REVOKED',
    async (_why, type, change) => {
      if (gateways.length === 0) await Promise.all([gatewayAt(upstream), gatewayAt(upstream)]);
      tenancy.user = { tokenVersion: 0, disabled: false };
      const tenantId = newId();
      const userId = newId();
      const bearer = `Bearer ${tokenOf(userId, tenantId)}`;
      const me = (gateway: Gateway) =>
        request(gateway.app.getHttpServer()).get('/api/v1/users/me').set('Authorization', bearer);

      // Both gateways know the user as active: their caches hold that for STATUS_TTL_MS.
      const warmedAt = Date.now();
      for (const gateway of gateways) expect((await me(gateway)).status).toBe(200);
      const askedBefore = tenancy.asked;
      expect((await me(gateways[0]!)).status).toBe(200);
      expect(tenancy.asked).toBe(askedBefore + 1); // the route's own GetMe: the status came from the cache

      // Tenancy cuts the user and publishes it (no gateway made the change).
      tenancy.user = { tokenVersion: 0, disabled: false, ...change };
      const eventId = newId();
      await tenancyLog.append(streamId('tenant', tenantId, tenantId), [
        { eventId, type, data: type === 'UserDisabled' ? { userId } : { userId, roles: ['auditor'] } },
      ]);
      await applied(eventId);

      for (const gateway of gateways) {
        const res = await me(gateway);
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ code: 'AUTH.TOKEN_REVOKED' });
      }
      // Well within the cache's TTL: without the relay both gateways would still have let the token through.
      expect(Date.now() - warmedAt).toBeLessThan(STATUS_TTL_MS);
    },
  );

  it('applies each event once for all gateways, and forgets no one for an event naming no user', async () => {
    if (gateways.length === 0) await Promise.all([gatewayAt(upstream), gatewayAt(upstream)]);
    tenancy.user = { tokenVersion: 0, disabled: false };
    const tenantId = newId();
    const userId = newId();
    const bearer = `Bearer ${tokenOf(userId, tenantId)}`;
    const http = gateways[0]!.app.getHttpServer();
    expect((await request(http).get('/api/v1/users/me').set('Authorization', bearer)).status).toBe(200);
    const asked = tenancy.asked;
    const eventId = newId();
    await tenancyLog.append(streamId('tenant', tenantId, tenantId), [
      { eventId, type: 'TenantRenamed', data: { name: 'Renamed' } },
    ]);
    await applied(eventId);
    expect((await request(http).get('/api/v1/users/me').set('Authorization', bearer)).status).toBe(200);
    expect(tenancy.asked).toBe(asked + 1); // the route's own GetMe: the status is still cached
    const { rows } = await pool.query<{ n: string }>(
      'SELECT count(*) AS n FROM gateway.inbox WHERE consumer = $1 AND event_id = $2',
      [USER_CHANGES_CONSUMER, eventId],
    );
    expect(rows[0]?.n).toBe('1');
  });
});
