import { newId } from '@serviceops/kernel';
import { Client } from 'pg';
import request from 'supertest';
import { grpcClient } from './grpc-client';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';

interface Customer {
  id: string;
  version: number;
  name: string;
  phone?: string;
  email?: string;
  channel: string;
}

const RATE_LIMIT = 240;

describe.each(['log', 'kafka'] as const)('gateway over HTTP and gRPC (%s transport)', (transport) => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let admin: string;
  let adminId: string;

  async function token(username: string, password: string): Promise<string> {
    const res = await api.post('/api/v1/auth/token').send({ username, password }).expect(200);
    return (res.body as { accessToken: string }).accessToken;
  }

  beforeAll(async () => {
    platform = await startPlatform({ transport, env: { RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) } });
    api = request(platform.url);
    admin = await token('admin', ADMIN_PASSWORD);
    adminId = (JSON.parse(Buffer.from(admin.split('.')[1] ?? '', 'base64url').toString()) as { sub: string })
      .sub;
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  it('registers a customer, reads it back with its version as ETag, and lists it', async () => {
    const created = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: 'Li Wei', phone: '+86 138 0000 0001', channel: 'phone' })
      .expect(201);
    const customer = created.body as Customer;
    expect(customer).toMatchObject({
      name: 'Li Wei',
      phone: '+86 138 0000 0001',
      channel: 'phone',
      version: 1,
    });
    expect(created.headers['etag']).toBe('"1"');
    expect(created.headers['x-correlation-id']).toBeTruthy();
    expect(created.headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);

    const read = await api.get(`/api/v1/customers/${customer.id}`).set(auth(admin)).expect(200);
    expect(read.body).toMatchObject({ id: customer.id, name: 'Li Wei' });
    expect(read.headers['etag']).toBe('"1"');

    const listed = await poll('the customer in the list', async () => {
      const res = await api.get('/api/v1/customers?limit=200').set(auth(admin)).expect(200);
      const body = res.body as { items: Customer[] };
      return body.items.find((c) => c.id === customer.id);
    });
    expect(listed.name).toBe('Li Wei');
  });

  it('shows who registered a customer in the audit trail', async () => {
    const res = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: 'Wang Fang', email: 'wang@example.com', channel: 'web_form' })
      .expect(201);
    const id = (res.body as Customer).id;
    const entry = await poll('the audit entry', async () => {
      const audit = await api
        .get(`/api/v1/audit?entity=customer&entityId=${id}`)
        .set(auth(admin))
        .expect(200);
      return (audit.body as { items: { type: string; actorId: string; at: string; fields: string[] }[] })
        .items[0];
    });
    expect(entry).toMatchObject({ type: 'CustomerRegistered', actorId: adminId });
    expect(entry.fields).toEqual(expect.arrayContaining(['name', 'email', 'channel']));
    expect(JSON.stringify(entry)).not.toContain('Wang Fang');
  });

  it('pages through customers with a cursor', async () => {
    for (let i = 0; i < 3; i++)
      await api
        .post('/api/v1/customers')
        .set(auth(admin))
        .send({ name: `Page ${i}`, channel: 'walk_in' })
        .expect(201);
    const first = await poll('three customers listed', async () => {
      const res = await api.get('/api/v1/customers?limit=2').set(auth(admin)).expect(200);
      const body = res.body as { items: Customer[]; nextCursor?: string };
      return body.nextCursor ? body : undefined;
    });
    expect(first.items).toHaveLength(2);
    const second = await api
      .get(`/api/v1/customers?limit=2&cursor=${first.nextCursor}`)
      .set(auth(admin))
      .expect(200);
    const ids = [...first.items, ...(second.body as { items: Customer[] }).items].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers 400 problem+json with field paths for invalid input and unknown fields, writing nothing', async () => {
    const invalid = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: '', email: 'not-an-email', channel: 'fax' })
      .expect(400);
    expect(invalid.headers['content-type']).toMatch(/application\/problem\+json/);
    const paths = (invalid.body as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'email', 'channel']));

    const unknown = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: 'Zhao Lei', channel: 'phone', tenantId: newId() })
      .expect(400);
    expect((unknown.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain('tenantId');
  });

  it('keeps names with characters outside the Basic Multilingual Plane exactly, everywhere they are read', async () => {
    // The last: 150 characters (the limit is 200), 300 UTF-16 units, counted as characters on every side.
    const names = [`分店😀 ${transport}`, `𠀀𠀁 ${transport}`, `${'🏢'.repeat(145)} ${transport}`];
    for (const name of names) {
      const created = await api.post('/api/v1/tenant/branches').set(auth(admin)).send({ name });
      expect({ status: created.status, body: created.body as unknown }).toMatchObject({
        status: 201,
        body: { branches: expect.arrayContaining([expect.objectContaining({ name })]) as unknown },
      });
    }
    const tenant = (await api.get('/api/v1/tenant').set(auth(admin)).expect(200)).body as {
      name: string;
      branches: { name: string }[];
    };
    expect(tenant.name).toEqual(expect.any(String));
    for (const branch of tenant.branches) expect(branch.name).toEqual(expect.any(String));
    expect(tenant.branches.map((b) => b.name)).toEqual(expect.arrayContaining(names));

    const name = `王😀𠀀 ${transport}`;
    const registered = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({
        name,
        channel: 'phone',
        notes: 'likes 🍵',
        needs: [{ line: 'companion_chat', needs: '𠀀 talk' }],
      })
      .expect(201);
    const customer = registered.body as Customer & { notes?: string; needs: { needs?: string }[] };
    expect(customer).toMatchObject({ name, notes: 'likes 🍵', needs: [{ needs: '𠀀 talk' }] });
    const read = await api.get(`/api/v1/customers/${customer.id}`).set(auth(admin)).expect(200);
    expect(read.body).toMatchObject({ name, notes: 'likes 🍵', needs: [{ needs: '𠀀 talk' }] });
    const listed = await poll('the customer in the list', async () => {
      const res = await api.get('/api/v1/customers?limit=200').set(auth(admin)).expect(200);
      return (res.body as { items: Customer[] }).items.find((c) => c.id === customer.id);
    });
    expect(listed.name).toBe(name);
  });

  it('answers 400 naming the field for a NUL or a lone surrogate in a name, writing nothing', async () => {
    const before = (await api.get('/api/v1/tenant').set(auth(admin)).expect(200)).body as { version: number };
    for (const name of ['Branch\u0000One', 'Branch \ud800 Two']) {
      const res = await api.post('/api/v1/tenant/branches').set(auth(admin)).send({ name });
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({
        status: 400,
        body: { code: 'VALIDATION', errors: [{ path: 'name' }] },
      });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const after = (await api.get('/api/v1/tenant').set(auth(admin)).expect(200)).body as { version: number };
    expect(after.version).toBe(before.version);
  });

  it('answers 401 without a token or with a forged one', async () => {
    const none = await api.get('/api/v1/customers').expect(401);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    const [h, p] = admin.split('.');
    await api
      .get('/api/v1/customers')
      .set(auth(`${h}.${p}.forged-signature`))
      .expect(401);
    await api.post('/api/v1/auth/token').send({ username: 'admin', password: 'wrong-password' }).expect(401);
  });

  it('answers 403 when the role may not do it, and 401 once the user is disabled', async () => {
    const coachUser = await api
      .post('/api/v1/users')
      .set(auth(admin))
      .send({
        username: `coach.${transport}`,
        displayName: 'A coach',
        password: 'coach-password',
        roles: ['coach'],
      })
      .expect(201);
    const coach = await token(`coach.${transport}`, 'coach-password');
    const res = await api
      .post('/api/v1/customers')
      .set(auth(coach))
      .send({ name: 'Sun Li', channel: 'phone' })
      .expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);

    const coachId = (coachUser.body as { id: string }).id;
    await api.post(`/api/v1/users/${coachId}/disable`).set(auth(admin)).expect(200);
    await api
      .post('/api/v1/auth/token')
      .send({ username: `coach.${transport}`, password: 'coach-password' })
      .expect(401);
  });

  it('answers 409 to a write based on a stale version (If-Match)', async () => {
    const created = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: 'Zhou Min', phone: '+86 139 0000 0000', channel: 'phone' })
      .expect(201);
    const id = (created.body as Customer).id;
    const changed = await api
      .post(`/api/v1/customers/${id}/change-contacts`)
      .set(auth(admin))
      .set('If-Match', '"1"')
      .send({ email: 'zhou@example.com' })
      .expect(200);
    expect(changed.headers['etag']).toBe('"2"');
    const stale = await api
      .post(`/api/v1/customers/${id}/change-contacts`)
      .set(auth(admin))
      .set('If-Match', '"1"')
      .send({ email: 'other@example.com' })
      .expect(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    const now = await api.get(`/api/v1/customers/${id}`).set(auth(admin)).expect(200);
    expect((now.body as Customer).email).toBe('zhou@example.com');
  });

  it('removes a contact given as null, over HTTP and over gRPC (as "")', async () => {
    const created = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: 'Han Mei', phone: '+86 136 0000 0000', email: 'han@example.com', channel: 'phone' })
      .expect(201);
    const id = (created.body as Customer).id;
    const removed = await api
      .post(`/api/v1/customers/${id}/change-contacts`)
      .set(auth(admin))
      .send({ phone: null })
      .expect(200);
    expect(removed.body).not.toHaveProperty('phone');
    expect(removed.body).toMatchObject({ email: 'han@example.com', version: 2 });
    const client = grpcClient('customers', platform.grpc);
    try {
      const viaGrpc = await client.call<Customer>(
        'ChangeCustomerContacts',
        { id, email: '' },
        { authorization: `Bearer ${admin}` },
      );
      expect(viaGrpc).not.toHaveProperty('email');
      expect(viaGrpc.version).toBe(3);
    } finally {
      client.close();
    }
  });

  it('answers an idempotent retry once, with the first answer', async () => {
    const key = newId();
    const body = { name: 'Qian Yu', channel: 'online_chat' };
    const first = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const again = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    // The kept answer has ids and versions, not personal data: the replay leaves those out.
    expect(again.body).toMatchObject({
      id: (first.body as Customer).id,
      version: (first.body as Customer).version,
    });
    expect(again.body).not.toHaveProperty('name');
    expect(JSON.stringify(again.body)).not.toContain('Qian Yu');
    expect(again.headers['idempotent-replayed']).toBe('true');
    const history = await api
      .get(`/api/v1/customers/${(first.body as Customer).id}/history`)
      .set(auth(admin))
      .expect(200);
    expect((history.body as { entries: unknown[] }).entries).toHaveLength(1);
    // Both answers name one customer, and the list (built from the events) holds exactly one of that name.
    await poll('the customer in the list', async () => {
      const res = await api.get('/api/v1/customers?limit=200').set(auth(admin)).expect(200);
      const named = (res.body as { items: Customer[] }).items.filter((c) => c.name === 'Qian Yu');
      return named.length > 0 ? named : undefined;
    });
    const list = await api.get('/api/v1/customers?limit=200').set(auth(admin)).expect(200);
    expect((list.body as { items: Customer[] }).items.filter((c) => c.name === 'Qian Yu')).toHaveLength(1);
  });

  it('serves the same API over gRPC with a bearer token', async () => {
    const created = await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: 'Feng Jie', channel: 'email', email: 'feng@example.com' })
      .expect(201);
    const id = (created.body as Customer).id;
    const client = grpcClient('customers', platform.grpc);
    try {
      const got = await client.call<Customer>('GetCustomer', { id }, { authorization: `Bearer ${admin}` });
      expect(got).toMatchObject({ id, name: 'Feng Jie', email: 'feng@example.com', version: 1 });
      await expect(client.call('GetCustomer', { id })).rejects.toMatchObject({ code: 16 }); // UNAUTHENTICATED

      // A command retried with the same idempotency key acts once and answers the same.
      const md = { authorization: `Bearer ${admin}`, 'idempotency-key': newId() };
      const request = { name: 'Grpc Once', channel: 'phone' };
      const first = await client.call<Customer>('RegisterCustomer', request, md);
      const again = await client.call<Customer>('RegisterCustomer', request, md);
      expect(again.id).toBe(first.id);
      await expect(
        client.call('RegisterCustomer', { ...request, name: 'Someone Else' }, md),
      ).rejects.toMatchObject({ code: 9 }); // FAILED_PRECONDITION (422 over REST): the key was used for another request
    } finally {
      client.close();
    }
  });

  it('stores no password hash and no clear personal data in any event', async () => {
    await api
      .post('/api/v1/customers')
      .set(auth(admin))
      .send({ name: 'Ouyang Xiu', phone: '+86 135 1234 5678', email: 'ouyang@example.com', channel: 'phone' })
      .expect(201);
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ data: string }>(
        `SELECT data::text AS data FROM tenancy.events UNION ALL SELECT data::text FROM customers.events`,
      );
      const all = rows.map((r) => r.data).join('\n');
      expect(all).toContain('enc:v1:'); // the personal fields are there, sealed
      for (const clear of ['scrypt$', 'Ouyang Xiu', '135 1234 5678', 'ouyang@example.com', 'Li Wei'])
        expect(all).not.toContain(clear);
    } finally {
      await db.end();
    }
  });

  it('reports command latency, consumer lag, projection lag and dead letters on /metrics', async () => {
    const metric = (text: string, name: string, labels: RegExp): number[] =>
      text
        .split('\n')
        .filter((l) => l.startsWith(name) && labels.test(l))
        .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
    // A process per service: each serves its own /metrics; in one process the gateway's shows every part's, on
    // its metrics port (the public port has none).
    const metricsOf = (service: 'customers' | 'analytics') => {
      const own = platform.ports[service];
      return own
        ? `http://127.0.0.1:${own.HTTP_PORT}/metrics`
        : `http://127.0.0.1:${platform.ports.gateway.METRICS_PORT}/metrics`;
    };
    expect((await fetch(`http://127.0.0.1:${platform.ports.gateway.HTTP_PORT}/metrics`)).status).toBe(404);
    const customers = await (await fetch(metricsOf('customers'))).text();
    const registered = metric(
      customers,
      'serviceops_command_duration_seconds_count',
      /command="RegisterCustomer",outcome="ok"/,
    );
    expect(registered[0]).toBeGreaterThan(0);
    // Lag and dead letters are measured every 5 s: wait for a measurement that shows the consumers caught up.
    const analytics = await poll(
      'analytics consumers measured',
      async () => {
        const text = await (await fetch(metricsOf('analytics'))).text();
        const lag = metric(text, 'serviceops_consumer_lag_events', /consumer="analytics-audit-trail"/);
        return lag.length > 0 && lag.every((n) => n === 0) ? text : undefined;
      },
      30_000,
    );
    expect(metric(analytics, 'serviceops_dead_letters', /consumer="analytics-customer-stats"/)).toEqual([0]);
    expect(
      metric(analytics, 'serviceops_projection_lag_seconds', /consumer="analytics-audit-trail"/),
    ).toHaveLength(1);
    expect(
      metric(
        analytics,
        'serviceops_events_handled_total',
        /consumer="analytics-audit-trail",type="CustomerRegistered"/,
      )[0],
    ).toBeGreaterThan(0);
  });

  it('answers 429 with Retry-After past the rate limit', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < RATE_LIMIT + 20 && !retryAfter; i++) {
      const res = await api.get('/api/v1/tenant').set(auth(admin));
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
