import { newId } from '@serviceops/kernel';
import { Client } from 'pg';
import request from 'supertest';
import { grpcClient } from './grpc-client';
import { ADMIN_PASSWORD, startPlatform, type RunningPlatform } from './platform';

// Issue 11 items 3 and 4: rights cut in tenancy end at once for tokens already issued; X-On-Behalf-Of is taken
// only from who may act for others, for an active user of the same tenant; the caller's X-Correlation-Id is
// kept apart from the platform's own.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const GRPC_UNAUTHENTICATED = 16;

interface Problem {
  status: number;
  code: string;
}

describe('revoked tokens, X-On-Behalf-Of and correlation ids', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let db: Client;
  let admin: string;
  let adminId: string;
  let counter = 0;

  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  async function token(username: string, password: string): Promise<string> {
    const res = await api.post('/api/v1/auth/token').send({ username, password }).expect(200);
    return (res.body as { accessToken: string }).accessToken;
  }

  /** A user with these roles, made by the admin: its id, username, password and a token. */
  async function user(roles: string[]) {
    const username = `${roles.join('.')}.${++counter}`;
    const password = `${username}-password`;
    const res = await api
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ username, displayName: `A ${roles.join(' ')}`, password, roles })
      .expect(201);
    return {
      id: (res.body as { id: string }).id,
      username,
      password,
      token: await token(username, password),
    };
  }

  async function customer(): Promise<string> {
    const res = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: `Revoke Person ${++counter}`, phone: `+86 137 0000 ${1000 + counter}`, channel: 'phone' })
      .expect(201);
    return (res.body as { id: string }).id;
  }

  const problem = (res: { status: number; body: unknown; headers: Record<string, string> }): Problem => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.body as Problem;
  };

  async function status(customerId: string): Promise<string> {
    const res = await api.get(`/api/v1/customers/${customerId}`).set(auth(admin)).expect(200);
    return (res.body as { status: string }).status;
  }

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.url);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    admin = await token('admin', ADMIN_PASSWORD);
    adminId = (JSON.parse(Buffer.from(admin.split('.')[1] ?? '', 'base64url').toString()) as { sub: string })
      .sub;
  }, 120_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await platform?.stop();
  });

  describe('tokens revoked at once', () => {
    it('refuses the erase to a legal user demoted a moment ago (REST), until they sign in again', async () => {
      const legal = await user(['legal']);
      const me = await api.get('/api/v1/users/me').set(auth(legal.token)).expect(200);
      expect(me.body).toMatchObject({ id: legal.id, roles: ['legal'], tokenVersion: 0 });
      const id = await customer();

      await api
        .post(`/api/v1/users/${legal.id}/change-roles`)
        .set(auth(admin))
        .send({ roles: ['auditor'] })
        .expect(200);
      const refused = await api
        .post(`/api/v1/customers/${id}/erase`)
        .set(auth(legal.token))
        .send({ reason: 'asked to be forgotten' });
      expect(refused.status).toBe(401);
      expect(problem(refused)).toMatchObject({ status: 401, code: 'AUTH.TOKEN_REVOKED' });
      expect(await status(id)).toBe('active');

      // Signed in again, the user has the new roles only: erasing is now a missing role.
      const fresh = await token(legal.username, legal.password);
      const forbidden = await api
        .post(`/api/v1/customers/${id}/erase`)
        .set(auth(fresh))
        .send({ reason: 'asked to be forgotten' });
      expect(problem(forbidden)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect(await status(id)).toBe('active');
    });

    it('refuses the erase to a demoted legal user over the public gRPC API', async () => {
      const legal = await user(['legal']);
      const id = await customer();
      await api
        .post(`/api/v1/users/${legal.id}/change-roles`)
        .set(auth(admin))
        .send({ roles: ['auditor'] })
        .expect(200);
      const client = grpcClient('customers', platform.grpc);
      try {
        await expect(
          client.call('EraseCustomer', { id, reason: 'asked to be forgotten' }, auth(legal.token)),
        ).rejects.toMatchObject({
          code: GRPC_UNAUTHENTICATED,
          details: expect.stringContaining('AUTH.TOKEN_REVOKED') as string,
        });
      } finally {
        client.close();
      }
      expect(await status(id)).toBe('active');
    });

    it('refuses a disabled user’s existing token over REST and gRPC', async () => {
      const agent = await user(['customer_service_agent']);
      await api.get('/api/v1/customers').set(auth(agent.token)).expect(200);
      await api.post(`/api/v1/users/${agent.id}/disable`).set(auth(admin)).send({}).expect(200);

      const refused = await api.get('/api/v1/customers').set(auth(agent.token));
      expect(problem(refused)).toMatchObject({ status: 401, code: 'AUTH.TOKEN_REVOKED' });
      const client = grpcClient('customers', platform.grpc);
      try {
        await expect(client.call('ListCustomers', {}, auth(agent.token))).rejects.toMatchObject({
          code: GRPC_UNAUTHENTICATED,
        });
      } finally {
        client.close();
      }
      await api
        .post('/api/v1/auth/token')
        .send({ username: agent.username, password: agent.password })
        .expect(401);
    });

    it('erases a user through the gateway (If-Match): their token, sign-in and name end, the list shows them erased', async () => {
      const agent = await user(['customer_service_agent']);
      await api.get('/api/v1/customers').set(auth(agent.token)).expect(200);
      const shown = await api.get(`/api/v1/users/${agent.id}`).set(auth(admin)).expect(200);
      // A user's version is its tenant's (the ETag of a change's answer).
      const { tenantVersion } = shown.body as { tenantVersion: number };
      const etag = `"${tenantVersion}"`;

      const stale = await api
        .post(`/api/v1/users/${agent.id}/erase`)
        .set(auth(admin))
        .set('If-Match', `"${tenantVersion - 1}"`)
        .send({});
      expect(problem(stale)).toMatchObject({ status: 409 });
      const erased = await api
        .post(`/api/v1/users/${agent.id}/erase`)
        .set(auth(admin))
        .set('If-Match', etag)
        .send({})
        .expect(200);
      expect(erased.body).toMatchObject({
        id: agent.id,
        username: `erased-${agent.id}`,
        displayName: '',
        disabled: true,
        erased: true,
      });

      const refused = await api.get('/api/v1/customers').set(auth(agent.token));
      expect(problem(refused)).toMatchObject({ status: 401, code: 'AUTH.TOKEN_REVOKED' });
      await api
        .post('/api/v1/auth/token')
        .send({ username: agent.username, password: agent.password })
        .expect(401);
      const list = await api.get('/api/v1/users').set(auth(admin)).expect(200);
      const items = (list.body as { items: { id: string }[] }).items;
      expect(items.find((u) => u.id === agent.id)).toMatchObject({ erased: true, displayName: '' });
      const again = await api.post(`/api/v1/users/${agent.id}/erase`).set(auth(admin)).send({});
      expect(problem(again)).toMatchObject({ status: 422, code: 'TENANCY.USER_ERASED' });
      // Its key is gone, and no tenancy event holds the name in clear.
      const keys = await db.query('SELECT 1 FROM tenancy.data_keys WHERE user_id = $1', [agent.id]);
      expect(keys.rowCount).toBe(0);
      const clear = await db.query(
        `SELECT 1 FROM tenancy.events WHERE data::text LIKE '%A customer_service_agent%'`,
      );
      expect(clear.rowCount).toBe(0);
    });

    it('ends a demoted user’s sign-ins with the change relayed over gRPC: their next request and refresh refused', async () => {
      const legal = await user(['legal']);
      const second = await api
        .post('/api/v1/auth/token')
        .send({ username: legal.username, password: legal.password })
        .expect(200);
      const { refreshToken } = second.body as { refreshToken: string };
      // The user's status is now in this gateway's cache (5 s).
      await api.get('/api/v1/users/me').set(auth(legal.token)).expect(200);

      const client = grpcClient('tenancy', platform.grpc);
      try {
        await client.call('ChangeUserRoles', { userId: legal.id, roles: ['auditor'] }, auth(admin));
      } finally {
        client.close();
      }
      // Both sign-ins ended in the change's transaction, before anyone refreshed.
      const { rows } = await db.query<{ revoked_reason: string | null }>(
        'SELECT revoked_reason FROM tenancy.refresh_families WHERE user_id = $1',
        [legal.id],
      );
      expect(rows.map((row) => row.revoked_reason)).toEqual([
        'token_version_changed',
        'token_version_changed',
      ]);
      // The very next request with the old token, on the gateway that relayed the change: refused.
      const refused = await api.get('/api/v1/users/me').set(auth(legal.token));
      expect(problem(refused)).toMatchObject({ status: 401, code: 'AUTH.TOKEN_REVOKED' });
      const refresh = await api.post('/api/v1/auth/refresh').send({ refreshToken });
      expect(problem(refresh)).toMatchObject({ status: 401, code: 'TENANCY.REFRESH_INVALID' });
    });

    it('keeps other users’ tokens working', async () => {
      const other = await user(['customer_service_agent']);
      const demoted = await user(['customer_service_agent']);
      await api
        .post(`/api/v1/users/${demoted.id}/change-roles`)
        .set(auth(admin))
        .send({ roles: ['auditor'] })
        .expect(200);
      await api.get('/api/v1/customers').set(auth(other.token)).expect(200);
      await api.get('/api/v1/customers').set(auth(admin)).expect(200);
    });
  });

  describe('X-On-Behalf-Of', () => {
    it('is taken from a customer-service agent acting for an active user, and recorded with a clear read', async () => {
      const agent = await user(['customer_service_agent']);
      const id = await customer();
      const read = await api
        .get(`/api/v1/customers/${id}`)
        .set(auth(agent.token))
        .set('X-On-Behalf-Of', adminId)
        .set('X-Purpose', 'callback for the admin')
        .expect(200);
      expect(read.body).toMatchObject({ id, masked: false });
      const { rows } = await db.query<{ data: { onBehalfOf?: string }; metadata: { onBehalfOf?: string } }>(
        `SELECT data, metadata FROM customers.events
          WHERE type = 'PersonalDataRead' AND data->>'customerId' = $1 AND metadata->>'actorId' = $2`,
        [id, agent.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]?.data.onBehalfOf).toBe(adminId);
      expect(rows[0]?.metadata.onBehalfOf).toBe(adminId);
    });

    it.each([
      ['the caller’s role may not act for others', ['service_advisor'], 'admin'],
      ['the named user does not exist in the tenant', ['customer_service_agent'], 'nobody'],
      ['the named user is disabled', ['admin'], 'disabled'],
    ] as const)('is refused with 403 when %s, and nothing is written', async (_why, roles, whom) => {
      const caller = await user([...roles]);
      const disabled = await user(['finance']);
      await api.post(`/api/v1/users/${disabled.id}/disable`).set(auth(admin)).send({}).expect(200);
      const onBehalfOf = whom === 'admin' ? adminId : whom === 'nobody' ? newId() : disabled.id;
      const before = await db.query<{ n: string }>('SELECT count(*) AS n FROM customers.events');
      const res = await api
        .post('/api/v1/customers')
        .set(auth(caller.token))
        .set('X-On-Behalf-Of', onBehalfOf)
        .send({ name: 'Not Written', channel: 'phone' });
      expect(problem(res)).toMatchObject({ status: 403, code: 'ACCESS.ON_BEHALF_OF_REFUSED' });
      const after = await db.query<{ n: string }>('SELECT count(*) AS n FROM customers.events');
      expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
    });

    it('is refused over the public gRPC API too', async () => {
      const auditor = await user(['auditor']);
      const client = grpcClient('customers', platform.grpc);
      try {
        await expect(
          client.call('ListCustomers', {}, { ...auth(auditor.token), 'x-on-behalf-of': adminId }),
        ).rejects.toMatchObject({
          details: expect.stringContaining('ACCESS.ON_BEHALF_OF_REFUSED') as string,
        });
      } finally {
        client.close();
      }
    });
  });

  describe('correlation ids', () => {
    it('keeps the caller’s X-Correlation-Id beside the platform’s own, which alone links records', async () => {
      const res = await api
        .post('/api/v1/customers')
        .set(auth(admin))
        .set('X-Correlation-Id', 'client-order-42')
        .send({ name: 'Correlated Person', channel: 'phone' })
        .expect(201);
      const ours = res.headers['x-correlation-id'];
      expect(ours).toMatch(UUID);
      expect(res.headers['x-client-correlation-id']).toBe('client-order-42');
      const { rows } = await db.query<{ metadata: { correlationId?: string; clientCorrelationId?: string } }>(
        `SELECT metadata FROM customers.events WHERE type = 'CustomerRegistered' AND stream_id LIKE $1`,
        [`%${(res.body as { id: string }).id}`],
      );
      expect(rows[0]?.metadata).toMatchObject({
        correlationId: ours,
        clientCorrelationId: 'client-order-42',
      });

      // Another request with the same client id gets its own platform id: the two are never linked.
      const again = await api
        .get('/api/v1/customers')
        .set(auth(admin))
        .set('X-Correlation-Id', 'client-order-42')
        .expect(200);
      expect(again.headers['x-correlation-id']).not.toBe(ours);
    });
  });
});
