import { eventually, internalCallHeaders, type InternalUser } from '@serviceops/testing';
import { Client } from 'pg';
import request from 'supertest';
import { grpcClient } from './grpc-client';
import { ADMIN_PASSWORD, startPlatform, type RunningPlatform } from './platform';

// Issue 11 item 3, the leftover: a user cut in tenancy by no gateway (here a call straight to tenancy's port, as
// tenancy's own consumers or another gateway replica would make it) loses their tokens on the gateway as soon as
// the gateway has consumed tenancy's event, not after its 5 s status cache. On both transports: the gateway
// follows tenancy's log directly (log) or through Kafka.

/**
 * The gateway's status cache, lengthened from its 5 s default (USER_STATUS_TTL_MS) so that a loaded machine's
 * delays cannot pass for the eviction: the request after the cut comes well within it, and without the relay the
 * gateway would have answered it from the cache.
 */
const STATUS_TTL_MS = 60_000;

describe.each(['log', 'kafka'] as const)('a cut made past the gateway (%s transport)', (transport) => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let db: Client;
  let admin: string;
  let adminUser: InternalUser;
  let tenancy: ReturnType<typeof grpcClient>;
  let counter = 0;

  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  async function token(username: string, password: string): Promise<string> {
    const res = await api.post('/api/v1/auth/token').send({ username, password }).expect(200);
    return (res.body as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    // A process per service: tenancy's own port, which the test calls past the gateway.
    platform = await startPlatform({
      transport,
      topology: 'processes',
      env: { USER_STATUS_TTL_MS: String(STATUS_TTL_MS) },
    });
    api = request(platform.url);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    admin = await token('admin', ADMIN_PASSWORD);
    const claims = JSON.parse(Buffer.from(admin.split('.')[1] ?? '', 'base64url').toString()) as {
      sub: string;
      tid: string;
      roles: string[];
    };
    adminUser = { tenantId: claims.tid, actorId: claims.sub, roles: claims.roles };
    tenancy = grpcClient('tenancy', `127.0.0.1:${platform.ports.tenancy?.GRPC_PORT ?? 0}`);
  }, 180_000);

  afterAll(async () => {
    tenancy?.close();
    await db?.end().catch(() => undefined);
    await platform?.stop();
  });

  /** Until the gateways' consumer applied tenancy's `type` event about the user (its inbox row). */
  async function gatewayApplied(type: string, userId: string, timeoutMs = 20_000): Promise<void> {
    await eventually(
      `the gateway applied ${type}`,
      async () => {
        const { rowCount } = await db.query(
          `SELECT 1 FROM tenancy.events e JOIN gateway.inbox i ON i.event_id = e.event_id
            WHERE i.consumer = 'gateway-user-changes' AND e.type = $1 AND e.data->>'userId' = $2`,
          [type, userId],
        );
        return rowCount === 1 ? true : undefined;
      },
      timeoutMs,
      25,
    );
  }

  it.each([
    ['disabled', 'DisableUser', {}, 'UserDisabled'],
    ['demoted', 'ChangeUserRoles', { roles: ['auditor'] }, 'UserRolesChanged'],
  ] as const)(
    'a user %s in tenancy: their very next request through the gateway gets 401 AUTH.TOKEN_REVOKED',
    async (_what, method, change, event) => {
      const username = `cut.${transport}.${++counter}`;
      const password = `${username}-password`;
      const created = await api
        .post('/api/v1/users')
        .set(auth(admin))
        .send({ username, displayName: 'Cut Past The Gateway', password, roles: ['legal'] })
        .expect(201);
      const userId = (created.body as { id: string }).id;
      // The gateways' consumer starts at the topic's end (`from: 'latest'`), so it applies the new user's event
      // without first reading other runs' history on the shared Kafka.
      await gatewayApplied('UserRegistered', userId);
      const own = await token(username, password);

      // The gateway knows the user as active now: its cache would hold that for STATUS_TTL_MS.
      await api.get('/api/v1/users/me').set(auth(own)).expect(200);
      const warmedAt = Date.now();

      const metadata = internalCallHeaders({
        privateKey: platform.internalKey,
        audience: 'tenancy',
        user: adminUser,
      });
      await tenancy.call(method, { userId, ...change }, metadata);
      await gatewayApplied(event, userId);

      const next = await api.get('/api/v1/users/me').set(auth(own));
      expect(Date.now() - warmedAt).toBeLessThan(STATUS_TTL_MS);
      expect(next.status).toBe(401);
      expect(next.body).toMatchObject({ code: 'AUTH.TOKEN_REVOKED' });
    },
  );
});
