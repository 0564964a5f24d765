import { createHmac } from 'node:crypto';
import {
  credentials,
  makeGenericClientConstructor,
  Metadata,
  Server,
  ServerCredentials,
  status as GrpcCode,
  type Client,
  type ServerUnaryCall,
  type sendUnaryData,
  type ServiceError,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { gatewayConfigSpec, type GrpcServiceName } from '@serviceops/contracts';
import { DomainError } from '@serviceops/kernel';
import {
  internalPublicKeyOf,
  loadConfig,
  ProblemError,
  toGrpcError,
  verifyInternalToken,
  type InternalCaller,
} from '@serviceops/platform';
import { databaseUrl, newInternalKeyPair } from '@serviceops/testing';
import { Pool } from 'pg';
import request from 'supertest';
import type { App } from 'supertest/types';
import { createGateway, type Gateway } from './gateway';
import { SERVICE_NAMES, serviceDefinitionOf } from './upstream/protos';

const SECRET = 'gateway-int-test-secret-0123456789abcdef';
const TENANT = '5d9c3f7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const ADMIN = '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11';
const CUSTOMER = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const INTERNAL_KEYS = newInternalKeyPair();

interface Received {
  readonly rpc: string;
  readonly request: Record<string, unknown>;
  readonly metadata: Record<string, string>;
  /** Who the gateway's internal token names, as the called service verifies it (or why it would refuse it). */
  readonly caller: InternalCaller | { readonly refused: string };
}

/** The internal token checked as the service `audience` checks it, with the gateway's public key. */
function callerOf(token: unknown, audience: string): Received['caller'] {
  try {
    const key = internalPublicKeyOf(INTERNAL_KEYS.publicKey);
    return verifyInternalToken(typeof token === 'string' ? token : undefined, [key], audience, Date.now());
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

type Behaviour = (request: Record<string, unknown>, received: Received) => unknown;

/** The backing services as the gateway sees them: the real protos, scripted answers, every call recorded. */
class FakeBackends {
  readonly server = new Server();
  readonly calls: Received[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  port = 0;

  constructor() {
    for (const service of SERVICE_NAMES) {
      const implementation: UntypedServiceImplementation = {};
      for (const method of Object.keys(serviceDefinitionOf(service)))
        implementation[method] = (
          call: ServerUnaryCall<unknown, unknown>,
          callback: sendUnaryData<unknown>,
        ) => {
          const rpc = `${service}.${method}`;
          const received: Received = {
            rpc,
            request: call.request as Record<string, unknown>,
            metadata: Object.fromEntries(
              Object.entries(call.metadata.getMap()).map(([k, v]) => [k, String(v)]),
            ),
            caller: callerOf(call.metadata.get('x-internal-token')[0], service),
          };
          this.calls.push(received);
          const behaviour = this.behaviours.get(rpc);
          Promise.resolve()
            .then(() => (behaviour ? behaviour(received.request, received) : {}))
            .then(
              (reply) => callback(null, reply),
              (error: unknown) => callback(toGrpcError(error)),
            );
        };
      // A service that declares no method yet cannot be served (gRPC refuses an empty service).
      if (Object.keys(implementation).length > 0)
        this.server.addService(serviceDefinitionOf(service), implementation);
    }
  }

  async start(): Promise<void> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
  }

  on(rpc: string, behaviour: Behaviour): void {
    this.behaviours.set(rpc, behaviour);
  }

  reset(): void {
    this.calls.length = 0;
    this.behaviours.clear();
  }

  callsOf(rpc: string): Received[] {
    return this.calls.filter((c) => c.rpc === rpc);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}

function customer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: CUSTOMER,
    version: 1,
    name: 'Wang Fang',
    channel: 'walk_in',
    registeredAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** The customer as REST answers it: lists proto3 always decodes, and `masked` said even when false. */
function customerAnswer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...customer(overrides), needs: [], mergedFrom: [], masked: false };
}

function configFor(env: Record<string, string>) {
  return loadConfig(gatewayConfigSpec, {
    DATABASE_URL: databaseUrl(),
    JWT_SECRET: SECRET,
    INTERNAL_TOKEN_PRIVATE_KEY: INTERNAL_KEYS.privateKey,
    LOG_LEVEL: 'silent',
    GRPC_PORT: '0',
    METRICS_PORT: '0',
    BODY_LIMIT: '4kb',
    // Every test logs in from 127.0.0.1: only the tests that mean to lock a client do.
    LOGIN_MAX_FAILURES_PER_CLIENT: '1000000',
    ...env,
  });
}

/**
 * A token as the gateway signs it, made here with plain HS256 (an independent check of the format jose signs
 * and verifies), synchronously so module-level constants can hold them.
 */
function hs256(claims: object): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', SECRET).update(input).digest('base64url')}`;
}

function tokenFor(
  roles: string[],
  userId = ADMIN,
  tenantId = TENANT,
  issuedAt = Date.now(),
  ttl = 600,
): string {
  const iat = Math.floor(issuedAt / 1000);
  return hs256({
    sub: userId,
    tid: tenantId,
    roles,
    name: 'someone',
    ver: 0,
    iat,
    exp: iat + ttl,
    iss: 'serviceops',
  });
}

const backends = new FakeBackends();
const pool = new Pool({ connectionString: databaseUrl(), max: 2 });
let gateway: Gateway;
let http: App;
const admin = `Bearer ${tokenFor(['admin'])}`;
const agent = `Bearer ${tokenFor(['customer_service_agent'], '1b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a12')}`;
let keyCounter = 0;
const bodyOf = (res: { body: unknown }): Record<string, unknown> => res.body as Record<string, unknown>;
const newKey = (): string => `key-${process.pid}-${Date.now()}-${++keyCounter}`;

beforeAll(async () => {
  await backends.start();
  const upstream = `127.0.0.1:${backends.port}`;
  gateway = await createGateway(
    configFor({
      TENANCY_GRPC_URL: upstream,
      CUSTOMERS_GRPC_URL: upstream,
      ANALYTICS_GRPC_URL: upstream,
      CONTRACTS_GRPC_URL: upstream,
    }),
  );
  http = gateway.app.getHttpServer();
  // Failed logins of earlier runs on this database must not lock this one's accounts.
  await pool.query('TRUNCATE gateway.login_attempts');
});

afterAll(async () => {
  await pool.end();
  await gateway?.close();
  await backends.stop();
});

beforeEach(() => backends.reset());

// Every call the gateway makes carries a token the called service would take (signed with the gateway's key,
// for that service, unexpired), whatever the test does.
afterEach(() => {
  expect(backends.calls.filter((c) => 'refused' in c.caller).map((c) => [c.rpc, c.caller])).toEqual([]);
});

describe('authentication', () => {
  it('issues a token for a user tenancy authenticates, asking without any identity', async () => {
    backends.on('tenancy.Authenticate', () => ({
      userId: ADMIN,
      tenantId: TENANT,
      username: 'admin',
      roles: ['admin'],
    }));
    const res = await request(http)
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: 'pw' })
      .expect(200);
    expect(bodyOf(res)).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(bodyOf(res)['accessToken']).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/));
    const [call] = backends.callsOf('tenancy.Authenticate');
    expect(call?.request).toMatchObject({ username: 'admin', password: 'pw' });
    expect(call?.caller).toEqual({}); // the gateway's own token, for tenancy, naming no user
    expect(Object.keys(call?.metadata ?? {})).not.toContain('x-tenant-id');

    backends.on('tenancy.GetTenant', () => ({ id: TENANT, name: 'Demo', version: 4 }));
    const tenant = await request(http)
      .get('/api/v1/tenant')
      .set('Authorization', `Bearer ${(res.body as { accessToken: string }).accessToken}`)
      .expect(200);
    expect(tenant.headers['etag']).toBe('"4"');
  });

  it('passes the tenancy service’s refusal through', async () => {
    backends.on('tenancy.Authenticate', () => {
      throw new ProblemError('UNAUTHENTICATED', 'wrong username or password');
    });
    const res = await request(http)
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: 'no' })
      .expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'wrong username or password' });
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'Bearer nonsense'],
    ['another scheme', `Basic ${Buffer.from('admin:pw').toString('base64')}`],
    ['an expired token', `Bearer ${tokenFor(['admin'], ADMIN, TENANT, Date.now() - 120_000, 60)}`],
  ])('answers 401 to %s', async (_, authorization) => {
    const req = request(http).get('/api/v1/customers');
    if (authorization) void req.set('Authorization', authorization);
    const res = await req.expect(401);
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(backends.calls).toHaveLength(0);
  });

  it('answers 403 naming the roles needed', async () => {
    const technician = `Bearer ${tokenFor(['technician'])}`;
    const res = await request(http)
      .post('/api/v1/customers')
      .set('Authorization', technician)
      .send({ name: 'A', channel: 'phone' })
      .expect(403);
    expect(bodyOf(res)).toMatchObject({ code: 'FORBIDDEN' });
    expect(bodyOf(res)['requiredRoles']).toContain('admin');
    expect(bodyOf(res)['detail']).toContain('customer_service_agent');
  });

  it('sends the caller’s identity from the token, our correlation id with theirs beside it, and headers', async () => {
    backends.on('customers.GetCustomer', () => customer({ version: 3 }));
    const res = await request(http)
      .get(`/api/v1/customers/${CUSTOMER}?asOf=2025-01-01T00:00:00Z`)
      .set('Authorization', agent)
      .set('X-Correlation-Id', 'req-42')
      .set('X-On-Behalf-Of', ADMIN)
      .set('X-Purpose', 'callback about an order')
      .set('X-Tenant-Id', 'forged')
      .expect(200);
    expect(res.headers['etag']).toBe('"3"');
    // Ours links the records; the caller's is kept (and echoed) but links nothing.
    const ours = res.headers['x-correlation-id'];
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-client-correlation-id']).toBe('req-42');
    const [call] = backends.callsOf('customers.GetCustomer');
    expect(call?.request).toMatchObject({ id: CUSTOMER, asOf: '2025-01-01T00:00:00Z' });
    expect(call?.caller).toEqual({
      user: {
        tenantId: TENANT,
        actorId: '1b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a12',
        roles: ['customer_service_agent'],
        onBehalfOf: ADMIN,
        purpose: 'callback about an order',
      },
    });
    expect(call?.metadata['x-correlation-id']).toBe(ours);
    expect(call?.metadata['x-client-correlation-id']).toBe('req-42');
    const token = call?.metadata['x-internal-token'] ?? '';
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      aud: string;
      iat: number;
      exp: number;
    };
    expect(claims.aud).toBe('customers');
    expect(claims.exp - claims.iat).toBe(60); // INTERNAL_TOKEN_TTL_SECONDS' default
    // Identity travels in the token only: nothing a service could mistake for it in plain metadata.
    for (const key of ['x-tenant-id', 'x-actor-id', 'x-roles', 'x-on-behalf-of', 'x-purpose'])
      expect(call?.metadata).not.toHaveProperty(key);
  });

  // Issue 11 item 8: a purpose in Chinese was recorded as `unspecified`, and so was one over 200 characters.
  it('takes X-Purpose in any script as sent (UTF-8), and refuses one over 200 characters with 400', async () => {
    backends.on('customers.GetCustomer', () => customer());
    const purpose = '回访：订单 42 的维修质量';
    await request(http)
      .get(`/api/v1/customers/${CUSTOMER}`)
      .set('Authorization', agent)
      // A client sends the header's UTF-8 bytes; Node's client takes them as a latin1 string.
      .set('X-Purpose', Buffer.from(purpose, 'utf8').toString('latin1'))
      .expect(200);
    expect(backends.callsOf('customers.GetCustomer').map((c) => c.caller)).toEqual([
      { user: expect.objectContaining({ purpose }) as unknown },
    ]);
    const res = await request(http)
      .get(`/api/v1/customers/${CUSTOMER}`)
      .set('Authorization', agent)
      .set('X-Purpose', 'x'.repeat(201))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'X-Purpose' }] });
    expect(backends.callsOf('customers.GetCustomer')).toHaveLength(1);
  });
});

describe('errors', () => {
  it('answers problem+json 404 for an unknown route', async () => {
    const res = await request(http).get('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(res.headers['x-correlation-id']).toBeDefined();
  });

  it('answers 405 with Allow for a method the path does not have, before any authentication', async () => {
    const trace = await request(http).trace('/api/v1/customers').expect(405);
    expect(trace.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(trace.headers['allow']).toBe('GET, HEAD, OPTIONS, POST');
    expect(trace.body).toMatchObject({
      status: 405,
      code: 'METHOD_NOT_ALLOWED',
      title: 'Method not allowed',
      type: 'https://serviceops.dev/problems/method-not-allowed',
    });
    const patch = await request(http)
      .patch(`/api/v1/customers/${CUSTOMER}`)
      .set('Authorization', admin)
      .send({ name: 'B' })
      .expect(405);
    expect(patch.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expect(patch.body).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    const head = await request(http).head(`/api/v1/customers/${CUSTOMER}/erase`).expect(405);
    expect(head.headers['allow']).toBe('OPTIONS, POST');
    await request(http).delete('/health/live').expect(405).expect('Allow', 'GET, HEAD, OPTIONS');
    expect(backends.calls).toHaveLength(0);
  });

  it('answers OPTIONS on a known path with 204 and Allow, on an unknown one with 404', async () => {
    const res = await request(http).options(`/api/v1/customers/${CUSTOMER}/merge`).expect(204);
    expect(res.headers['allow']).toBe('OPTIONS, POST');
    await request(http).options('/api/v1/nothing-here').expect(404);
  });

  it('keeps 404 for an unknown path whatever the method, and for a route’s own not-found', async () => {
    const res = await request(http).patch('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(res.headers['allow']).toBeUndefined();
    backends.on('customers.GetCustomer', () => {
      throw new DomainError('CUSTOMERS.CUSTOMER_NOT_FOUND', 'no such customer');
    });
    const missing = await request(http)
      .get(`/api/v1/customers/${CUSTOMER}`)
      .set('Authorization', admin)
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'CUSTOMERS.CUSTOMER_NOT_FOUND' });
    expect(missing.headers['allow']).toBeUndefined();
  });

  it('refuses malformed JSON with a 400 problem', async () => {
    const res = await request(http)
      .post('/api/v1/customers')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.body).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('does not repeat a malformed body in its answer (it may hold a password)', async () => {
    const res = await request(http)
      .post('/api/v1/auth/token')
      .set('Content-Type', 'application/json')
      .send('{"username": "admin", "password": hunter2-secret}')
      .expect(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST' });
    expect(bodyOf(res)['detail']).toMatch(/^the body is not valid JSON/);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
  });

  it('refuses a body nested 2,000 deep with 400, unauthenticated, before validating it', async () => {
    const deep = '['.repeat(2_000) + ']'.repeat(2_000);
    const res = await request(http)
      .post('/api/v1/auth/token')
      .set('Content-Type', 'application/json')
      .send(deep)
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION',
      errors: [{ message: 'nested deeper than 32 levels' }],
    });
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'])(
    'refuses an unknown field named %s like any other unknown field',
    async (field) => {
      const res = await request(http)
        .post('/api/v1/customers')
        .set('Authorization', admin)
        .set('Content-Type', 'application/json')
        .send(`{"name": "A", "channel": "phone", "${field}": 1}`)
        .expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION', errors: [{ path: field }] });
      expect(backends.callsOf('customers.RegisterCustomer')).toHaveLength(0);
    },
  );

  it('refuses a body over BODY_LIMIT with 413', async () => {
    const res = await request(http)
      .post('/api/v1/customers')
      .set('Authorization', admin)
      .send({ name: 'A', channel: 'phone', notes: 'x'.repeat(8_000) })
      .expect(413);
    expect(res.body).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a tenant in the body: the tenant comes from the token', async () => {
    const res = await request(http)
      .post('/api/v1/customers')
      .set('Authorization', admin)
      .send({ name: 'A', channel: 'phone', tenantId: TENANT })
      .expect(400);
    expect(bodyOf(res)['errors']).toEqual([
      { path: 'tenantId', message: 'property tenantId should not exist' },
    ]);
    expect(backends.calls).toHaveLength(0);
  });

  it('names nested fields', async () => {
    const res = await request(http)
      .put('/api/v1/tenant/calendar')
      .set('Authorization', admin)
      .send({
        timeZone: 'Asia/Shanghai',
        workingHours: [{ weekday: 9, open: '09:00', close: '18:00' }],
        holidays: [],
      })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'workingHours[0].weekday' }] });
  });

  it('refuses an id that is not a UUID', async () => {
    const res = await request(http).get('/api/v1/customers/42').set('Authorization', admin).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', errors: [{ path: 'id' }] });
  });

  it('passes a stale If-Match through as the service’s 409', async () => {
    backends.on('customers.ChangeCustomerContacts', (req) => {
      throw new DomainError(
        'EVENTSTORE.WRONG_EXPECTED_VERSION',
        `expected ${String(req['expectedVersion'])}, at 4`,
      );
    });
    const res = await request(http)
      .post(`/api/v1/customers/${CUSTOMER}/change-contacts`)
      .set('Authorization', admin)
      .set('If-Match', 'W/"3"')
      .send({ email: 'a@example.com' })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'EVENTSTORE.WRONG_EXPECTED_VERSION', detail: 'expected 3, at 4' });
    expect(backends.callsOf('customers.ChangeCustomerContacts')[0]?.request).toMatchObject({
      id: CUSTOMER,
      expectedVersion: 3,
      email: 'a@example.com',
    });
  });
});

describe('routes', () => {
  it('registers a customer: 201, ETag, Location', async () => {
    backends.on('customers.RegisterCustomer', (req) => customer({ name: req['name'] }));
    const res = await request(http)
      .post('/api/v1/customers')
      .set('Authorization', agent)
      .send({ name: 'Wang Fang', channel: 'walk_in', phone: '+86 138 0000 0000' })
      .expect(201);
    expect(res.headers['etag']).toBe('"1"');
    expect(res.headers['location']).toBe(`/api/v1/customers/${CUSTOMER}`);
    expect(res.body).toEqual(customerAnswer());
  });

  it('lists customers with the default page size and passes the cursor', async () => {
    const c1 = `1764769000000_${TENANT}`;
    const c2 = `1764769000001_${TENANT}`;
    backends.on('customers.ListCustomers', () => ({ items: [customer()], nextCursor: c2 }));
    const res = await request(http)
      .get(`/api/v1/customers?cursor=${c1}&channel=phone`)
      .set('Authorization', admin)
      .expect(200);
    expect(res.body).toEqual({ items: [customerAnswer()], nextCursor: c2 });
    expect(backends.callsOf('customers.ListCustomers')[0]?.request).toMatchObject({
      limit: 50,
      cursor: c1,
      channel: 'phone',
    });
    await request(http).get('/api/v1/customers?limit=500').set('Authorization', admin).expect(400);
    // A cursor is `<key>_<id>`, as OpenAPI states; anything else is refused before the service is asked.
    await request(http).get('/api/v1/customers?cursor=c1').set('Authorization', admin).expect(400);
  });

  it('gives customer counts as numbers', async () => {
    backends.on('analytics.GetCustomerStats', () => ({
      tenantId: TENANT,
      customers: '12',
      byChannel: { phone: '7', walk_in: '5' },
    }));
    const res = await request(http)
      .get('/api/v1/analytics/customers')
      .set('Authorization', admin)
      .expect(200);
    expect(res.body).toEqual({ tenantId: TENANT, customers: 12, byChannel: { phone: 7, walk_in: 5 } });
  });
});

describe('Idempotency-Key', () => {
  const register = (key: string, body: object) =>
    request(http)
      .post('/api/v1/customers')
      .set('Authorization', agent)
      .set('Idempotency-Key', key)
      .send(body);

  it('replays the first answer without acting again', async () => {
    let version = 0;
    backends.on('customers.RegisterCustomer', () => customer({ version: ++version }));
    const key = newKey();
    const first = await register(key, { name: 'A', channel: 'phone' }).expect(201);
    const again = await register(key, { channel: 'phone', name: 'A' }).expect(201);
    // The kept answer has ids and versions, not personal data: the replay leaves those out (lists empty).
    const { name: _name, ...rest } = bodyOf(first);
    expect(again.body).toEqual({ ...rest, needs: [] });
    expect(JSON.stringify(again.body)).not.toContain('Wang Fang');
    expect(again.headers['etag']).toBe(first.headers['etag']);
    expect(again.headers['location']).toBe(first.headers['location']);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(backends.callsOf('customers.RegisterCustomer')).toHaveLength(1);
    expect(backends.callsOf('customers.RegisterCustomer')[0]?.metadata['idempotency-key']).toBe(key);
  });

  it('keeps keys per tenant', async () => {
    backends.on('customers.RegisterCustomer', () => customer());
    const key = newKey();
    await register(key, { name: 'A', channel: 'phone' }).expect(201);
    const otherTenant = `Bearer ${tokenFor(['admin'], ADMIN, '9d9c3f7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f')}`;
    const res = await request(http)
      .post('/api/v1/customers')
      .set('Authorization', otherTenant)
      .set('Idempotency-Key', key)
      .send({ name: 'A', channel: 'phone' })
      .expect(201);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(backends.callsOf('customers.RegisterCustomer')).toHaveLength(2);
  });

  it('keeps a key to its caller: another user of the tenant neither replays nor blocks it', async () => {
    let version = 0;
    backends.on('customers.RegisterCustomer', () => customer({ version: ++version }));
    const key = newKey();
    await register(key, { name: 'A', channel: 'phone' }).expect(201);
    // The admin sends the agent's key with the same body: acted on anew, not the agent's kept answer.
    const theirs = await request(http)
      .post('/api/v1/customers')
      .set('Authorization', admin)
      .set('Idempotency-Key', key)
      .send({ name: 'A', channel: 'phone' })
      .expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    // A key the agent used cannot block the admin either: another body under it is not "reused" for them.
    const second = newKey();
    await register(second, { name: 'C', channel: 'phone' }).expect(201);
    await request(http)
      .post('/api/v1/customers')
      .set('Authorization', admin)
      .set('Idempotency-Key', second)
      .send({ name: 'D', channel: 'phone' })
      .expect(201);
    expect(backends.callsOf('customers.RegisterCustomer')).toHaveLength(4);
  });

  it('refuses the same key for a different request', async () => {
    backends.on('customers.RegisterCustomer', () => customer());
    const key = newKey();
    await register(key, { name: 'A', channel: 'phone' }).expect(201);
    const res = await register(key, { name: 'B', channel: 'phone' }).expect(422);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
    expect(backends.callsOf('customers.RegisterCustomer')).toHaveLength(1);
  });

  it('answers 409 to a duplicate while the first is in progress', async () => {
    backends.on('customers.RegisterCustomer', async () => {
      await new Promise((r) => setTimeout(r, 400));
      return customer();
    });
    const key = newKey();
    const [a, b] = await Promise.all([
      register(key, { name: 'A', channel: 'phone' }),
      new Promise((r) => setTimeout(r, 100)).then(() => register(key, { name: 'A', channel: 'phone' })),
    ]);
    expect([a.status, b.status]).toEqual([201, 409]);
    expect(b.body).toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS' });
  });

  it('keeps a refusal (4xx) and replays it', async () => {
    backends.on('customers.RegisterCustomer', () => {
      throw new DomainError('CUSTOMER.DUPLICATE_PHONE', 'a customer already has this phone');
    });
    const key = newKey();
    const first = await register(key, { name: 'A', channel: 'phone' }).expect(409);
    const again = await register(key, { name: 'A', channel: 'phone' }).expect(409);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(backends.callsOf('customers.RegisterCustomer')).toHaveLength(1);
  });

  it('forgets a failure (5xx) so a retry acts again', async () => {
    let attempts = 0;
    backends.on('customers.RegisterCustomer', () => {
      attempts += 1;
      if (attempts === 1) throw new Error('disk on fire');
      return customer();
    });
    const key = newKey();
    await register(key, { name: 'A', channel: 'phone' }).expect(500);
    const retry = await register(key, { name: 'A', channel: 'phone' }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(attempts).toBe(2);
  });

  it('refuses a key that is too long', async () => {
    const res = await register('k'.repeat(201), { name: 'A', channel: 'phone' }).expect(400);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_INVALID' });
  });
});

describe('metrics', () => {
  it('serves /metrics on its own loopback port, not on the public one', async () => {
    await request(http).get('/metrics').expect(404);
    await request(http).get('/metrics').set('Authorization', admin).expect(404);
    const res = await fetch(`http://127.0.0.1:${gateway.metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toContain('# TYPE');
    expect((await fetch(`http://127.0.0.1:${gateway.metricsPort}/api/v1/users`)).status).toBe(404);
  });
});

describe('login throttling', () => {
  const wrongUnlessRight = (request: Record<string, unknown>) => {
    if (request['password'] !== 'right')
      throw new ProblemError('UNAUTHENTICATED', 'wrong username or password');
    return { userId: ADMIN, tenantId: TENANT, username: String(request['username']), roles: ['admin'] };
  };

  it('locks an account after 5 failed logins: 429 with Retry-After, even for the right password', async () => {
    backends.on('tenancy.Authenticate', wrongUnlessRight);
    const login = (password: string) =>
      request(http).post('/api/v1/auth/token').send({ username: 'rest-victim', password, tenantId: TENANT });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login('guess')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const res = await login('right').expect(429);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS', status: 429, retryAfter: 60 });
    expect(res.headers['retry-after']).toBe('60');
    expect(backends.callsOf('tenancy.Authenticate')).toHaveLength(5); // tenancy never saw the sixth
    // the same username in another tenant is another account
    await request(http)
      .post('/api/v1/auth/token')
      .send({ username: 'rest-victim', password: 'right' })
      .expect(200);
  });

  it('lets an account in after 4 failures, and a success starts the count again', async () => {
    backends.on('tenancy.Authenticate', wrongUnlessRight);
    const login = (password: string) =>
      request(http).post('/api/v1/auth/token').send({ username: 'rest-forgetful', password });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await login('guess').expect(401);
      await login('right').expect(200);
    }
  });
});

describe('public gRPC API', () => {
  let clients: Record<GrpcServiceName, Client>;

  beforeAll(() => {
    clients = Object.fromEntries(
      SERVICE_NAMES.map((name) => {
        const Constructor = makeGenericClientConstructor(serviceDefinitionOf(name), name);
        return [name, new Constructor(`127.0.0.1:${gateway.grpcPort}`, credentials.createInsecure())];
      }),
    ) as unknown as Record<GrpcServiceName, Client>;
  });

  afterAll(() => Object.values(clients).forEach((c) => c.close()));

  function call(
    service: GrpcServiceName,
    method: string,
    req: object,
    metadata: Record<string, string> = {},
  ): Promise<{ reply?: unknown; error?: ServiceError; answer: Metadata }> {
    const md = new Metadata();
    for (const [k, v] of Object.entries(metadata)) md.set(k, v);
    return new Promise((resolve) => {
      let answer = new Metadata();
      const client = clients[service] as unknown as Record<
        string,
        (
          r: object,
          m: Metadata,
          cb: (e: ServiceError | null, r?: unknown) => void,
        ) => { on(e: string, f: (m: Metadata) => void): void }
      >;
      const running = client[method]?.call(clients[service], req, md, (error, reply) =>
        resolve(error ? { error, answer } : { reply, answer }),
      );
      running?.on('metadata', (m) => (answer = m));
    });
  }

  it('refuses a call without a token', async () => {
    const { error } = await call('customers', 'GetCustomer', { id: CUSTOMER });
    expect(error?.code).toBe(GrpcCode.UNAUTHENTICATED);
    expect(JSON.parse(error?.details ?? '{}')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('applies the role table', async () => {
    const { error } = await call('analytics', 'ListAudit', {}, { authorization: agent });
    expect(error?.code).toBe(GrpcCode.PERMISSION_DENIED);
  });

  it('forwards with the identity of the token, whatever identity the caller claims', async () => {
    backends.on('customers.GetCustomer', () => customer({ version: 2 }));
    const { reply } = await call(
      'customers',
      'GetCustomer',
      { id: CUSTOMER },
      { authorization: agent, 'x-tenant-id': 'forged', 'x-roles': 'admin', 'x-correlation-id': 'grpc-1' },
    );
    expect(reply).toMatchObject({ id: CUSTOMER, version: 2 });
    const [forwarded] = backends.callsOf('customers.GetCustomer');
    expect(forwarded?.caller).toMatchObject({
      user: { tenantId: TENANT, roles: ['customer_service_agent'] },
    });
    expect(forwarded?.metadata['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded?.metadata['x-client-correlation-id']).toBe('grpc-1');
    expect(forwarded?.metadata).not.toHaveProperty('x-tenant-id');
  });

  it('validates write requests with the REST DTOs', async () => {
    const { error } = await call(
      'customers',
      'RegisterCustomer',
      { name: 'A', channel: 'pigeon' },
      { authorization: agent },
    );
    expect(error?.code).toBe(GrpcCode.INVALID_ARGUMENT);
    expect(JSON.parse(error?.details ?? '{}')).toMatchObject({
      code: 'VALIDATION',
      errors: [{ path: 'channel' }],
    });
    expect(backends.calls).toHaveLength(0);
  });

  it('takes money as the integer the proto says (int64), and refuses a fraction of a minor unit', async () => {
    backends.on('contracts.CreateProposal', () => ({ id: CUSTOMER, version: 1 }));
    const item = (amount: number) => ({
      kind: 'service',
      description: 'ten practice sessions',
      quantity: 1,
      unitPrice: { amount, currency: 'CNY' },
    });
    const proposal = (amount: number) => ({
      customerId: CUSTOMER,
      line: 'driving_practice',
      kind: 'service_package',
      items: [item(amount)],
      paymentTerms: 'in full before the first session',
      startDate: '2027-04-01',
      endDate: '2027-09-30',
      validUntil: '2027-03-16',
    });
    const { reply, error } = await call('contracts', 'CreateProposal', proposal(128_000), {
      authorization: admin,
    });
    expect(error).toBeUndefined();
    expect(reply).toMatchObject({ id: CUSTOMER });
    const [forwarded] = backends.callsOf('contracts.CreateProposal');
    expect(forwarded?.request).toMatchObject({
      items: [{ unitPrice: { amount: '128000', currency: 'CNY' } }],
    });

    const negative = await call('contracts', 'CreateProposal', proposal(-1), { authorization: admin });
    expect(negative.error?.code).toBe(GrpcCode.INVALID_ARGUMENT);
    expect(JSON.parse(negative.error?.details ?? '{}')).toMatchObject({
      errors: [{ path: 'items[0].unitPrice.amount' }],
    });
    expect(backends.callsOf('contracts.CreateProposal')).toHaveLength(1);
  });

  it('keeps the service’s error status and problem', async () => {
    backends.on('customers.GetCustomer', () => {
      throw new DomainError('CUSTOMER.NOT_FOUND', 'no such customer');
    });
    const { error } = await call('customers', 'GetCustomer', { id: CUSTOMER }, { authorization: agent });
    expect(error?.code).toBe(GrpcCode.NOT_FOUND);
    expect(JSON.parse(error?.details ?? '{}')).toMatchObject({ code: 'CUSTOMER.NOT_FOUND', status: 404 });
  });

  it('locks an account after 5 failed logins: RESOURCE_EXHAUSTED with retry-after', async () => {
    backends.on('tenancy.Authenticate', (request) => {
      if (request['password'] !== 'right')
        throw new ProblemError('UNAUTHENTICATED', 'wrong username or password');
      return { userId: ADMIN, tenantId: TENANT, username: 'grpc-victim', roles: ['admin'] };
    });
    for (let i = 0; i < 5; i++) {
      const { error } = await call('tenancy', 'Authenticate', { username: 'grpc-victim', password: 'guess' });
      expect(error?.code).toBe(GrpcCode.UNAUTHENTICATED);
    }
    const { error, answer } = await call('tenancy', 'Authenticate', {
      username: 'grpc-victim',
      password: 'right',
    });
    expect(error?.code).toBe(GrpcCode.RESOURCE_EXHAUSTED);
    expect(JSON.parse(error?.details ?? '{}')).toMatchObject({
      code: 'AUTH.TOO_MANY_ATTEMPTS',
      retryAfter: 60,
    });
    expect(answer.get('retry-after')).toEqual(['60']);
    expect(answer.get('authorization')).toEqual([]);
  });

  it('authenticates without a token and answers a token in the metadata', async () => {
    backends.on('tenancy.Authenticate', () => ({
      userId: ADMIN,
      tenantId: TENANT,
      username: 'admin',
      roles: ['admin'],
    }));
    const { reply, answer } = await call('tenancy', 'Authenticate', { username: 'admin', password: 'pw' });
    expect(reply).toMatchObject({ userId: ADMIN });
    const authorization = String(answer.get('authorization')[0]);
    expect(authorization).toMatch(/^Bearer /);
    backends.on('tenancy.ListUsers', () => ({ items: [] }));
    const { error } = await call('tenancy', 'ListUsers', {}, { authorization });
    expect(error).toBeUndefined();
  });

  it('activates a login with an invitation’s token without a bearer token, answering one in the metadata', async () => {
    const invitation = '0f0e0d0c-0b0a-4908-8706-050403020100';
    const token = (secret: string) => `${invitation}.${secret.repeat(43)}`;
    backends.on('tenancy.ActivateUser', (request) => {
      if (request['token'] !== token('s'))
        throw new ProblemError('TENANCY.INVITATION_INVALID', 'this activation token is not valid');
      return { userId: ADMIN, tenantId: TENANT, username: 'new.coach', roles: ['coach'], tokenVersion: 1 };
    });
    const password = 'Coach-Own-Pass-2026';
    // A malformed token is refused at the edge, tenancy not asked.
    const before = backends.calls.length;
    const malformed = await call('tenancy', 'ActivateUser', { token: 'nope', password });
    expect(malformed.error?.code).toBe(GrpcCode.INVALID_ARGUMENT);
    expect(backends.calls).toHaveLength(before);

    const { reply, answer } = await call('tenancy', 'ActivateUser', { token: token('s'), password });
    expect(reply).toMatchObject({ userId: ADMIN, username: 'new.coach' });
    expect(String(answer.get('authorization')[0])).toMatch(/^Bearer /);

    // Refused tokens for one invitation count like refused passwords: the sixth attempt is locked out.
    for (let i = 0; i < 5; i++) {
      const { error } = await call('tenancy', 'ActivateUser', { token: token('x'), password });
      expect(error?.code).toBe(GrpcCode.UNAUTHENTICATED);
    }
    const locked = await call('tenancy', 'ActivateUser', { token: token('s'), password });
    expect(locked.error?.code).toBe(GrpcCode.RESOURCE_EXHAUSTED);
    expect(JSON.parse(locked.error?.details ?? '{}')).toMatchObject({ code: 'AUTH.TOO_MANY_ATTEMPTS' });
    expect(locked.answer.get('authorization')).toEqual([]);
  });
});

describe('a gateway with a small rate limit and no backends', () => {
  let limited: Gateway;
  let limitedHttp: App;

  beforeAll(async () => {
    limited = await createGateway(
      configFor({
        RATE_LIMIT_PER_MINUTE: '3',
        TENANCY_GRPC_URL: '127.0.0.1:1',
        CUSTOMERS_GRPC_URL: '127.0.0.1:1',
        ANALYTICS_GRPC_URL: '127.0.0.1:1',
      }),
    );
    limitedHttp = limited.app.getHttpServer();
  });

  afterAll(() => limited?.close());

  it('answers 503 when a backing service cannot be reached', async () => {
    const res = await request(limitedHttp)
      .post('/api/v1/auth/token')
      .send({ username: 'a', password: 'b' })
      .expect(503);
    expect(res.body).toMatchObject({ status: 503, code: 'UNAVAILABLE' });
  });

  it('limits gRPC calls from the same budget as REST: RESOURCE_EXHAUSTED with retry-after', async () => {
    const other = `Bearer ${tokenFor(['admin'], '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a0f9')}`;
    await request(limitedHttp).get('/api/v1/users').set('Authorization', other).expect(503);
    const Tenancy = makeGenericClientConstructor(serviceDefinitionOf('tenancy'), 'tenancy');
    const client = new Tenancy(`127.0.0.1:${limited.grpcPort}`, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('authorization', other);
    const results: { code: number; details: string; retryAfter: unknown }[] = [];
    for (let i = 0; i < 3; i++)
      results.push(
        await new Promise((resolve) => {
          let answer = new Metadata();
          const running = (
            client as unknown as Record<
              string,
              (...args: unknown[]) => { on: (e: string, f: (m: Metadata) => void) => void }
            >
          )['ListUsers']?.call(client, {}, metadata, (error: ServiceError | null) =>
            resolve({
              code: error?.code ?? 0,
              details: error?.details ?? '',
              retryAfter: answer.get('retry-after')[0],
            }),
          );
          running?.on('metadata', (m) => (answer = m));
        }),
      );
    client.close();
    expect(results.map((r) => r.code)).toEqual([
      GrpcCode.UNAVAILABLE,
      GrpcCode.UNAVAILABLE,
      GrpcCode.RESOURCE_EXHAUSTED,
    ]);
    expect(JSON.parse(results[2]?.details ?? '{}')).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(Number(results[2]?.retryAfter)).toBeGreaterThan(0);
  });

  it('limits each client, then answers 429 with Retry-After; health stays open', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await request(limitedHttp).get('/api/v1/users').set('Authorization', admin)).status);
    expect(statuses.slice(0, 3)).toEqual([503, 503, 503]);
    const res = await request(limitedHttp).get('/api/v1/users').set('Authorization', admin).expect(429);
    expect(res.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // another user has their own budget; health is never limited
    await request(limitedHttp)
      .get('/api/v1/users')
      .set('Authorization', `Bearer ${tokenFor(['admin'], CUSTOMER)}`)
      .expect(503);
    for (let i = 0; i < 5; i++) await request(limitedHttp).get('/health/live').expect(200);
  });
});
