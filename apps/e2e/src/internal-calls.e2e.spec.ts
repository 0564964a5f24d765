import type { ServiceError } from '@grpc/grpc-js';
import { API, PUBLIC, type Declaration, type GrpcServiceName } from '@serviceops/contracts';
import { internalCallHeaders, newInternalKeyPair, type InternalUser } from '@serviceops/testing';
import request from 'supertest';
import { grpcClient } from './grpc-client';
import { ADMIN_PASSWORD, startPlatform, type RunningPlatform } from './platform';

// Issue 11, item 1: anyone who reaches a backing service's gRPC port (the same machine, the cluster network)
// must not be able to act as a user. Every method of every service is called straight at its port, around the
// gateway, with each kind of credential an intruder could bring; each is refused UNAUTHENTICATED, with the
// problem+json the platform answers everywhere, before the handler runs. A token signed as the gateway signs
// (its key is the harness's: platform.internalKey) is taken.

const SERVICES = Object.keys(API) as GrpcServiceName[];
const UNAUTHENTICATED = 16;
const INTRUDER_KEY = newInternalKeyPair().privateKey;

const declarationsOf = (service: GrpcServiceName): [string, Declaration][] =>
  Object.entries(API[service] as Readonly<Record<string, Declaration>>);

interface Outcome {
  readonly method: string;
  readonly credentials: string;
  readonly code: number | 'answered';
  readonly problem?: unknown;
}

describe('internal gRPC: a service takes a call only with a token the gateway signed for it', () => {
  let platform: RunningPlatform;
  let admin: InternalUser;
  let clients: Record<GrpcServiceName, ReturnType<typeof grpcClient>>;

  beforeAll(async () => {
    // A process per service: in one process the services open no port at all (start.e2e.spec.ts checks that).
    platform = await startPlatform({ transport: 'log', topology: 'processes' });
    const res = await request(platform.url)
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
    const token = (res.body as { accessToken: string }).accessToken;
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
      sub: string;
      tid: string;
      roles: string[];
    };
    admin = { tenantId: claims.tid, actorId: claims.sub, roles: claims.roles };
    clients = Object.fromEntries(
      SERVICES.map((s) => [s, grpcClient(s, `127.0.0.1:${platform.ports[s]?.GRPC_PORT ?? 0}`)]),
    ) as Record<GrpcServiceName, ReturnType<typeof grpcClient>>;
  }, 120_000);

  afterAll(async () => {
    for (const client of Object.values(clients ?? {})) client.close();
    await platform?.stop();
  });

  /** The gateway's token for `service`, as the platform's gateway would sign it. */
  const signed = (service: string, user: InternalUser | undefined, issuedAt?: number) =>
    internalCallHeaders({
      privateKey: platform.internalKey,
      audience: service,
      ...(user ? { user } : {}),
      ...(issuedAt !== undefined ? { issuedAt } : {}),
    });

  async function attempt(
    service: GrpcServiceName,
    method: string,
    credentials: string,
    metadata: Record<string, string>,
  ): Promise<Outcome> {
    try {
      await clients[service].call(method, {}, metadata);
      return { method, credentials, code: 'answered' };
    } catch (error) {
      const { code, details } = error as ServiceError;
      let problem: unknown = details;
      try {
        problem = JSON.parse(details) as unknown;
      } catch {
        // not problem+json: left as it came, and the comparison below shows it
      }
      return { method, credentials, code, problem };
    }
  }

  /** What an intruder may bring, and the reason the service gives for refusing it. */
  function forgeries(service: GrpcServiceName): [string, Record<string, string>, string][] {
    const elsewhere = SERVICES.find((s) => s !== service) ?? 'gateway';
    return [
      ['(a) no credentials', {}, 'the call carries no internal token'],
      [
        '(b) identity forged in plain metadata',
        {
          'x-tenant-id': admin.tenantId,
          'x-actor-id': admin.actorId,
          'x-roles': 'admin,platform_operator',
          'x-on-behalf-of': admin.actorId,
        },
        'the call carries no internal token',
      ],
      [
        '(c) a token signed with another key',
        internalCallHeaders({ privateKey: INTRUDER_KEY, audience: service, user: admin }),
        'the internal token signature is invalid',
      ],
      [
        '(d) an expired token',
        signed(service, admin, Date.now() - 10 * 60_000),
        'the internal token has expired',
      ],
      [`(e) a token for ${elsewhere}`, signed(elsewhere, admin), `the internal token is not for ${service}`],
    ];
  }

  it.each(SERVICES)(
    '%s refuses every method called without, or with forged, credentials',
    async (service) => {
      const outcomes: Outcome[] = [];
      const expected: Outcome[] = [];
      for (const [method] of declarationsOf(service))
        for (const [credentials, metadata, detail] of forgeries(service)) {
          outcomes.push(await attempt(service, method, credentials, metadata));
          expected.push({
            method,
            credentials,
            code: UNAUTHENTICATED,
            problem: expect.objectContaining({ code: 'UNAUTHENTICATED', status: 401, detail }) as unknown,
          });
        }
      expect(outcomes).toEqual(expected);
    },
  );

  it.each(SERVICES)(
    '%s takes the gateway’s token without a user only for the methods declared PUBLIC',
    async (service) => {
      const outcomes: Outcome[] = [];
      for (const [method, declaration] of declarationsOf(service))
        if (declaration.access !== PUBLIC)
          outcomes.push(await attempt(service, method, 'no user', signed(service, undefined)));
      expect(outcomes).toEqual(
        declarationsOf(service)
          .filter(([, d]) => d.access !== PUBLIC)
          .map(([method]) => ({
            method,
            credentials: 'no user',
            code: UNAUTHENTICATED,
            problem: expect.objectContaining({
              code: 'UNAUTHENTICATED',
              detail: `${method} needs a user`,
            }) as unknown,
          })),
      );
    },
  );

  it('tenancy authenticates for the gateway’s own token, and for nothing less', async () => {
    const login = { username: 'admin', password: ADMIN_PASSWORD };
    const user = await clients.tenancy.call<{ userId: string; tenantId: string; roles: string[] }>(
      'Authenticate',
      login,
      signed('tenancy', undefined),
    );
    expect(user).toMatchObject({ userId: admin.actorId, tenantId: admin.tenantId });
    for (const [credentials, metadata, detail] of forgeries('tenancy')) {
      const error = await clients.tenancy.call('Authenticate', login, metadata).then(
        () => undefined,
        (e: unknown) => e as ServiceError,
      );
      expect({
        credentials,
        code: error?.code,
        problem: JSON.parse(error?.details ?? '{}') as unknown,
      }).toEqual({
        credentials,
        code: UNAUTHENTICATED,
        problem: expect.objectContaining({ code: 'UNAUTHENTICATED', detail }) as unknown,
      });
    }
  });

  it('each service answers a call signed for it, as the user the token names', async () => {
    const tenant = await clients.tenancy.call<{ id: string }>('GetTenant', {}, signed('tenancy', admin));
    expect(tenant.id).toBe(admin.tenantId);
    const customers = await clients.customers.call<{ items?: unknown[] }>(
      'ListCustomers',
      {},
      signed('customers', admin),
    );
    expect(Array.isArray(customers.items ?? [])).toBe(true);
    await expect(
      clients.analytics.call('GetCustomerStats', {}, signed('analytics', admin)),
    ).resolves.toBeDefined();
  });

  it('leaves nothing behind when an intruder forges an admin to register a user', async () => {
    const intruder = {
      username: 'intruder',
      displayName: 'Intruder',
      password: 'intruder-password',
      roles: ['admin'],
    };
    for (const [, metadata] of forgeries('tenancy'))
      await expect(clients.tenancy.call('RegisterUser', intruder, metadata)).rejects.toMatchObject({
        code: UNAUTHENTICATED,
      });
    const users = await clients.tenancy.call<{ items: { username: string }[] }>(
      'ListUsers',
      {},
      signed('tenancy', admin),
    );
    expect(users.items.map((u) => u.username)).not.toContain('intruder');
    await request(platform.url)
      .post('/api/v1/auth/token')
      .send({ username: 'intruder', password: 'intruder-password' })
      .expect(401);
  });
});
