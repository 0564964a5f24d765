import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  allDeclarations,
  PLATFORM_TENANT_ID,
  TENANT_ROLES,
  type GrpcServiceName,
} from '@serviceops/contracts';
import { newId } from '@serviceops/kernel';
import { Client } from 'pg';
import request from 'supertest';
import { grpcClient } from './grpc-client';
import { customerKnownToOrders } from './http';
import { ADMIN_PASSWORD, REPO_ROOT, startPlatform, type RunningPlatform } from './platform';
import { hire, knownToStaffRegisters } from './staff-pipeline';

// A second tenant, provisioned by the platform operator, and proof that tenants never see each other: every
// route of the OpenAPI document that takes an id is called by tenant A with tenant B's ids, and by tenant B with
// tenant A's (staff, contracts and orders records among them), over REST and the public gRPC API.

const OPERATOR_PASSWORD = 'e2e-operator-password';
const GRPC_PERMISSION_DENIED = 7;
const GRPC_NOT_FOUND = 5;
const B_ADMIN = { username: 'boss-b', password: 'b-admin-password', displayName: 'Boss of B' };

interface Tenant {
  id: string;
  name: string;
  status: string;
  version: number;
  createdAt: string;
  timeZone: string;
  adminUserId?: string;
}

interface OpenApiOperation {
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}

interface OpenApi {
  paths: Record<string, Partial<Record<'get' | 'post' | 'put', OpenApiOperation>>>;
  components: { schemas: Record<string, Schema> };
}

const run = promisify(execFile);

describe('tenants: provisioning by the platform operator, and isolation between tenants', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let operator: string;
  let adminA: string;
  let adminB: string;
  let tenantB: Tenant;
  /** Tenant B's resources by the collection of the routes that take their id (the path before its first id). */
  const idsOfB: Record<string, string> = {};
  /** Tenant A's, alike: a staff member (with their posting and candidacy), a training session, a proposal, a
   * contract, an order and a resource, and the routes on a staff member's records under their own collections. */
  const idsOfA: Record<string, string> = {};

  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  async function token(username: string, password: string, tenantId?: string): Promise<string> {
    const res = await api.post('/api/v1/auth/token').send({ username, password, tenantId });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 200 });
    return (res.body as { accessToken: string }).accessToken;
  }

  async function created<T>(path: string, as: string, body: object): Promise<T> {
    const res = await api.post(`/api/v1${path}`).set(auth(as)).send(body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  /** What B's own reads say about B: its tenant, users, and every B resource with its history. */
  async function snapshotOfB(): Promise<unknown> {
    const read = async (path: string, as = adminB) => {
      const res = await api.get(`/api/v1${path}`).set(auth(as));
      return { path, status: res.status, body: res.body as unknown };
    };
    return [
      await read('/tenant'),
      await read('/users'),
      await read('/customers'),
      await read(`/customers/${idsOfB['customers']}/history`),
      await read(`/inquiries/${idsOfB['inquiries']}/history`),
      await read(`/return-visits/${idsOfB['return-visits']}/history`),
      await read('/policies/customers'),
      await read(`/tenants/${tenantB.id}`, operator),
    ];
  }

  /** What A's own reads say about A's staff, contracts and orders records. */
  async function snapshotOfA(): Promise<unknown> {
    const paths = [
      `/staff/${idsOfA['staff']}`,
      `/staff/${idsOfA['staff']}/history`,
      `/staff/postings/${idsOfA['staff/postings']}`,
      `/staff/candidates/${idsOfA['staff/candidates']}`,
      `/training-sessions/${idsOfA['training-sessions']}`,
      `/proposals/${idsOfA['proposals']}`,
      `/contracts/${idsOfA['contracts']}`,
      `/contracts/${idsOfA['contracts']}/history`,
      `/orders/${idsOfA['orders']}`,
      `/resources/${idsOfA['resources']}`,
      `/resources/${idsOfA['resources']}/history`,
      `/customers/${idsOfA['customers']}`,
    ];
    return Promise.all(
      paths.map(async (path) => {
        const res = await api.get(`/api/v1${path}`).set(auth(adminA)).set('X-Purpose', 'isolation test');
        return { path, status: res.status, body: res.body as unknown };
      }),
    );
  }

  /** Tenant A's records of staff, contracts and orders, made by A's admin through the API. */
  async function seedA(): Promise<void> {
    const staffId = await hire(api, adminA, 'technician');
    // Staff's training sessions and orders take a person and a customer once their projections know them (else 404).
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      await seedWith(db, staffId);
    } finally {
      await db.end();
    }
  }

  /** The rest of seedA, once `staffId` is hired. */
  async function seedWith(db: Client, staffId: string): Promise<void> {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await knownToStaffRegisters(db, staffId);
    const member = (await api.get(`/api/v1/staff/${staffId}`).set(auth(adminA)).expect(200)).body as {
      candidateId: string;
      postingId: string;
    };
    for (const kind of ['staff', 'staff-discipline', 'staff-leave', 'daily-reports/staff', 'chat-companions'])
      idsOfA[kind] = staffId;
    idsOfA['staff/postings'] = member.postingId;
    idsOfA['staff/candidates'] = member.candidateId;
    idsOfA['training-sessions'] = (
      await created<{ id: string }>('/training-sessions', adminA, {
        kind: 'onboarding_company_rules',
        topic: 'Company rules',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        mandatory: false,
        invitees: [staffId],
      })
    ).id;
    idsOfA['customers'] = (
      await created<{ id: string }>('/customers', adminA, {
        name: 'Customer of A',
        phone: '+86 138 0000 0011',
        channel: 'phone',
      })
    ).id;
    const item = { kind: 'service', description: 'yearly maintenance', quantity: 1 };
    const price = { amount: 500_000, currency: 'CNY' };
    idsOfA['proposals'] = (
      await created<{ id: string }>('/proposals', adminA, {
        customerId: idsOfA['customers'],
        line: 'after_sales_repair',
        kind: 'maintenance',
        items: [{ ...item, unitPrice: price }],
        paymentTerms: 'in full before the first visit',
        startDate: day(1),
        endDate: day(300),
        validUntil: day(14),
      })
    ).id;
    idsOfA['contracts'] = (
      await created<{ id: string }>('/contracts', adminA, {
        kind: 'maintenance',
        customerId: idsOfA['customers'],
        line: 'after_sales_repair',
        terms: {
          startDate: day(1),
          endDate: day(300),
          items: [{ ...item, unitPrice: price }],
          clauses: { items: 'x', fees: 'y', term: 'z', maintenanceDuties: 'quarterly', breachLiability: 'w' },
          visitsPerYear: 4,
        },
      })
    ).id;
    await customerKnownToOrders(db, idsOfA['customers'] ?? '');
    idsOfA['orders'] = (
      await created<{ id: string }>('/orders', adminA, {
        customerId: idsOfA['customers'],
        line: 'after_sales_repair',
        kind: 'repair',
        serviceType: 'paid',
        wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
        zone: 'suburb',
        address: '8 Garden Lane, Minhang',
        subject: 'Washer X200',
        problem: 'Drum does not turn',
      })
    ).id;
    idsOfA['resources'] = (
      await created<{ id: string }>('/resources', adminA, {
        kind: 'vehicle',
        name: 'Practice car of A',
        inspectionValidTo: day(365),
      })
    ).id;
  }

  /**
   * Every route of the OpenAPI document that takes an id, called by `caller` with `ids` (the other tenant's, by
   * the route's collection; a random id where it has none): 404 each (403 for the operator's routes), never data.
   */
  async function sweep(spec: OpenApi, caller: string, ids: Record<string, string>): Promise<string[]> {
    const tried: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');
      if (params.length === 0) continue;
      for (const method of ['get', 'post', 'put'] as const) {
        const operation = operations[method];
        if (!operation) continue;
        // /api/v1/<collection>/{id}/…: the other tenant's resource of that collection.
        const kind = path.replace(/^\/api\/v1\//, '').split('/{')[0] ?? '';
        // Required query parameters get a value their schema accepts, so only the ids decide the answer.
        const query = (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map(
            (p) => `${p.name}=${encodeURIComponent(String(sample(spec, p.schema ?? { type: 'string' })))}`,
          );
        // An id parameter gets the other tenant's id; one that is no id (an assessment's period) a value its
        // schema accepts, so that the route answers for the resource, not for a malformed path.
        const pathValue = (name: string): string => {
          const schema = (operation.parameters ?? []).find((p) => p.in === 'path' && p.name === name)?.schema;
          return schema && schema.format !== 'uuid'
            ? encodeURIComponent(String(sample(spec, schema)))
            : (ids[kind] ?? newId());
        };
        const url =
          path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValue(name)) +
          (query.length ? `?${query.join('&')}` : '');
        const body = bodyFor(spec, operation);
        const req =
          method === 'get'
            ? api.get(url)
            : method === 'post'
              ? api.post(url).send(body)
              : api.put(url).send(body);
        const res = await req.set(auth(caller)).set('X-Purpose', 'isolation test');
        const operatorOnly = operation.description === 'Roles: platform_operator.';
        tried.push(`${method.toUpperCase()} ${path}${ids[kind] ? ' (a real id)' : ''}`);
        expect({
          route: `${method.toUpperCase()} ${url}`,
          status: res.status,
          body: res.body as unknown,
        }).toMatchObject({
          route: `${method.toUpperCase()} ${url}`,
          status: operatorOnly ? 403 : 404,
        });
      }
    }
    return tried;
  }

  beforeAll(async () => {
    platform = await startPlatform({
      env: { PLATFORM_OPERATOR_PASSWORD: OPERATOR_PASSWORD, RATE_LIMIT_PER_MINUTE: '100000' },
    });
    api = request(platform.url);
    operator = await token('operator', OPERATOR_PASSWORD, PLATFORM_TENANT_ID);
    adminA = await token('admin', ADMIN_PASSWORD);

    const res = await api
      .post('/api/v1/tenants')
      .set(auth(operator))
      .send({ name: 'Tenant B Repairs', timeZone: 'Europe/Berlin', admin: B_ADMIN });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
    tenantB = res.body as Tenant;
    expect(res.headers['location']).toBe(`/api/v1/tenants/${tenantB.id}`);
    expect(res.headers['etag']).toBe(`"${tenantB.version}"`);

    adminB = await token(B_ADMIN.username, B_ADMIN.password);
    const branch = await created<{ branches: { id: string }[] }>('/tenant/branches', adminB, {
      name: 'B downtown',
    });
    idsOfB['branches'] = branch.branches[0]?.id ?? '';
    idsOfB['users'] = (
      await created<{ id: string }>('/users', adminB, {
        username: 'clerk-b',
        displayName: 'Clerk of B',
        password: 'clerk-b-password',
        roles: ['customer_service_agent'],
      })
    ).id;
    idsOfB['customers'] = (
      await created<{ id: string }>('/customers', adminB, {
        name: 'Customer of B',
        phone: '+86 138 0000 0099',
        channel: 'phone',
      })
    ).id;
    idsOfB['inquiries'] = (
      await created<{ id: string }>('/inquiries', adminB, {
        customerId: idsOfB['customers'],
        channel: 'phone',
        subject: 'Prices',
        content: 'How much?',
      })
    ).id;
    idsOfB['return-visits'] = (
      await created<{ id: string }>('/return-visits', adminB, {
        customerId: idsOfB['customers'],
        reason: 'after_service',
      })
    ).id;
    idsOfB['tenants'] = tenantB.id;
    await seedA();
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('provisions tenant B with its admin, who works in B alone', async () => {
    expect(tenantB).toMatchObject({
      name: 'Tenant B Repairs',
      status: 'active',
      timeZone: 'Europe/Berlin',
      adminUserId: expect.any(String) as unknown,
    });
    const mine = await api.get('/api/v1/tenant').set(auth(adminB)).expect(200);
    expect(mine.body).toMatchObject({ id: tenantB.id, name: 'Tenant B Repairs' });
    const customersOfA = await api.get('/api/v1/customers').set(auth(adminA)).expect(200);
    expect(JSON.stringify(customersOfA.body)).not.toContain(idsOfB['customers']);
    const usersOfA = await api.get('/api/v1/users').set(auth(adminA)).expect(200);
    expect(JSON.stringify(usersOfA.body)).not.toContain(idsOfB['users']);
  });

  it('lists the business tenants to the operator, by name, paged, without the platform’s own', async () => {
    const first = await api.get('/api/v1/tenants?limit=1').set(auth(operator)).expect(200);
    const page1 = first.body as { items: Tenant[]; nextCursor?: string };
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await api
      .get(`/api/v1/tenants?limit=1&cursor=${encodeURIComponent(page1.nextCursor ?? '')}`)
      .set(auth(operator))
      .expect(200);
    const names = [...page1.items, ...(second.body as { items: Tenant[] }).items].map((t) => t.name);
    expect(names).toEqual(['Demo Services Co.', 'Tenant B Repairs']);
    const all = await api.get('/api/v1/tenants').set(auth(operator)).expect(200);
    expect(JSON.stringify(all.body)).not.toContain(PLATFORM_TENANT_ID);
  });

  it.each<[string, object, number, string]>([
    [
      'a name taken in another case',
      { name: 'tenant b REPAIRS', admin: B_ADMIN },
      409,
      'TENANCY.TENANT_NAME_TAKEN',
    ],
    ['no admin', { name: 'Tenant C' }, 400, 'VALIDATION'],
    [
      'a short admin password',
      { name: 'Tenant C', admin: { ...B_ADMIN, password: 'short' } },
      400,
      'VALIDATION',
    ],
    [
      'a common admin password (NIST SP 800-63B)',
      { name: 'Tenant C', admin: { ...B_ADMIN, username: 'boss-c', password: 'password1' } },
      422,
      'TENANCY.PASSWORD_TOO_COMMON',
    ],
    [
      'a repetitive admin password',
      { name: 'Tenant C', admin: { ...B_ADMIN, username: 'boss-c', password: 'aaaaaaaa' } },
      422,
      'TENANCY.PASSWORD_TOO_COMMON',
    ],
    ['an unknown time zone', { name: 'Tenant C', timeZone: 'Mars/Base', admin: B_ADMIN }, 400, 'VALIDATION'],
    ['an unknown field', { name: 'Tenant C', admin: B_ADMIN, plan: 'gold' }, 400, 'VALIDATION'],
    [
      // The username rule is shared (libs/kernel rules.ts): the gateway refuses it before tenancy would.
      'an invalid admin username',
      { name: 'Tenant C', admin: { ...B_ADMIN, username: 'a b' } },
      400,
      'VALIDATION',
    ],
  ])('refuses to create a tenant with %s', async (_why, body, status, code) => {
    const res = await api.post('/api/v1/tenants').set(auth(operator)).send(body);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, body: { code } });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each(['aaaaaaaa', 'password1', 'Password1', 'iloveyou'])(
    'refuses to register a user with the password %s: 422, no user made',
    async (password) => {
      const res = await api
        .post('/api/v1/users')
        .set(auth(adminB))
        .send({ username: 'weak-one', displayName: 'Weak', password, roles: ['technician'] });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'TENANCY.PASSWORD_TOO_COMMON' });
      const token = await api.post('/api/v1/auth/token').send({ username: 'weak-one', password });
      expect(token.status).toBe(401);
    },
  );

  it('answers 403 to a tenant admin on every operator route, over REST and gRPC', async () => {
    const calls = [
      api.post('/api/v1/tenants').set(auth(adminA)).send({ name: 'Sneaky', admin: B_ADMIN }),
      api.get('/api/v1/tenants').set(auth(adminA)),
      api.get(`/api/v1/tenants/${tenantB.id}`).set(auth(adminA)),
      api.post(`/api/v1/tenants/${tenantB.id}/disable`).set(auth(adminB)),
      api.post(`/api/v1/tenants/${tenantB.id}/enable`).set(auth(adminB)),
    ];
    for (const res of await Promise.all(calls))
      expect({ status: res.status, code: (res.body as { code: string }).code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
    const client = grpcClient('tenancy', platform.grpc);
    try {
      await expect(
        client.call('ListTenants', {}, { authorization: `Bearer ${adminA}` }),
      ).rejects.toMatchObject({ code: 7 }); // PERMISSION_DENIED
      const page = await client.call<{ items: Tenant[] }>(
        'ListTenants',
        {},
        { authorization: `Bearer ${operator}` },
      );
      expect(page.items.map((t) => t.id)).toContain(tenantB.id);
    } finally {
      client.close();
    }
  });

  it('never lets a tenant admin grant the platform operator’s role', async () => {
    const res = await api
      .post('/api/v1/users')
      .set(auth(adminA))
      .send({
        username: 'mole',
        displayName: 'Mole',
        password: 'mole-password',
        roles: ['platform_operator'],
      });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 422,
      body: { code: 'TENANCY.ROLE_NOT_GRANTABLE' },
    });
    const roles = await api
      .post(`/api/v1/users/${idsOfB['users']}/change-roles`)
      .set(auth(adminB))
      .send({ roles: ['admin', 'platform_operator'] });
    expect(roles.status).toBe(422);
  });

  it('answers 404 and changes nothing when tenant A calls any route with tenant B’s ids', async () => {
    const spec = (await api.get('/api/docs-json').expect(200)).body as OpenApi;
    const before = await snapshotOfB();
    const tried = await sweep(spec, adminA, idsOfB);
    // every kind of id the API takes, and more than a handful of routes, were tried
    expect(tried.length).toBeGreaterThanOrEqual(20);
    expect(tried).toEqual(
      expect.arrayContaining([
        'GET /api/v1/customers/{id} (a real id)',
        'POST /api/v1/customers/{id}/erase (a real id)',
        'POST /api/v1/users/{id}/disable (a real id)',
        'POST /api/v1/tenants/{id}/disable (a real id)',
      ]),
    );
    expect(await snapshotOfB()).toEqual(before);
  });

  it('answers 404 and changes nothing when tenant B calls any route with tenant A’s staff, contracts and orders ids', async () => {
    const spec = (await api.get('/api/docs-json').expect(200)).body as OpenApi;
    const before = await snapshotOfA();
    expect((before as { path: string; status: number }[]).filter((read) => read.status !== 200)).toEqual([]);
    const tried = await sweep(spec, adminB, idsOfA);
    expect(tried).toEqual(
      expect.arrayContaining(
        [
          'GET /api/v1/staff/{id}',
          'POST /api/v1/staff/{id}/resign',
          'GET /api/v1/staff/postings/{id}',
          'GET /api/v1/staff/candidates/{id}',
          'GET /api/v1/training-sessions/{id}',
          'POST /api/v1/training-sessions/{id}/attendance',
          'GET /api/v1/proposals/{id}',
          'POST /api/v1/proposals/{id}/accept',
          'GET /api/v1/contracts/{id}',
          'GET /api/v1/contracts/{id}/document',
          'GET /api/v1/orders/{id}',
          'POST /api/v1/orders/{id}/dispatch',
          'GET /api/v1/resources/{id}',
          'GET /api/v1/resources/{id}/history',
        ].map((route) => `${route} (a real id)`),
      ),
    );
    // The public gRPC API: NOT_FOUND, one read per service (and per kind of record).
    const reads: [GrpcServiceName, string, string][] = [
      ['staff', 'GetStaffMember', idsOfA['staff'] ?? ''],
      ['staff', 'GetPosting', idsOfA['staff/postings'] ?? ''],
      ['staff', 'GetCandidate', idsOfA['staff/candidates'] ?? ''],
      ['staff', 'GetTrainingSession', idsOfA['training-sessions'] ?? ''],
      ['contracts', 'GetProposal', idsOfA['proposals'] ?? ''],
      ['contracts', 'GetContract', idsOfA['contracts'] ?? ''],
      ['orders', 'GetOrder', idsOfA['orders'] ?? ''],
      ['orders', 'GetResource', idsOfA['resources'] ?? ''],
      ['customers', 'GetCustomer', idsOfA['customers'] ?? ''],
    ];
    for (const [service, method, id] of reads) {
      const client = grpcClient(service, platform.grpc);
      try {
        const answer = await client
          .call(method, { id }, { ...auth(adminB), 'x-purpose': 'isolation test' })
          .then(
            (reply) => reply,
            (error: { code?: number }) => error.code,
          );
        expect({ method, answer }).toEqual({ method, answer: GRPC_NOT_FOUND });
        // A's own admin reads the same record over gRPC: the id is real.
        await expect(
          client.call(method, { id }, { ...auth(adminA), 'x-purpose': 'isolation test' }),
        ).resolves.toMatchObject({});
      } finally {
        client.close();
      }
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it('answers 403 and changes nothing when a role without the right calls any route (from the declarations)', async () => {
    const spec = (await api.get('/api/docs-json').expect(200)).body as OpenApi;
    // One user of B per tenant role, made by B's admin.
    const tokens = new Map<string, string>();
    for (const role of TENANT_ROLES) {
      const username = `matrix-${role.replace(/_/g, '-')}`;
      const password = `${username}-password-42`;
      await created('/users', adminB, { username, displayName: `Matrix ${role}`, password, roles: [role] });
      tokens.set(role, await token(username, password));
    }
    const before = await snapshotOfB();
    const tried: string[] = [];
    const clients: Partial<Record<GrpcServiceName, ReturnType<typeof grpcClient>>> = {};
    for (const { rpc, declaration } of allDeclarations()) {
      const { access, http } = declaration;
      if (!Array.isArray(access)) continue; // public, or any signed-in user
      const allowed: readonly string[] = access;
      const openApiPath = `/api/v1/${http.path.replace(/:(\w+)/g, '{$1}')}`;
      const operation = spec.paths[openApiPath]?.[http.method.toLowerCase() as 'get' | 'post' | 'put'];
      expect({ rpc, documented: operation !== undefined }).toEqual({ rpc, documented: true });
      // B's own resource where the route takes one: the refusal must come before anything is looked up.
      const kind = http.path.split('/')[0] ?? '';
      const url = `/api/v1/${http.path.replace(/:\w+/g, () => idsOfB[kind] ?? newId())}`;
      const body = operation ? bodyFor(spec, operation) : undefined;
      for (const role of TENANT_ROLES.filter((r) => !allowed.includes(r))) {
        const as = tokens.get(role) ?? '';
        const req =
          http.method === 'GET'
            ? api.get(url)
            : http.method === 'POST'
              ? api.post(url).send(body)
              : api.put(url).send(body);
        const res = await req.set(auth(as)).set('X-Purpose', 'role matrix').set('If-Match', '"1"');
        tried.push(`${rpc} as ${role}`);
        expect({ rpc, role, status: res.status, code: (res.body as { code?: string }).code }).toEqual({
          rpc,
          role,
          status: 403,
          code: 'FORBIDDEN',
        });
        // The same call over the public gRPC API: PERMISSION_DENIED.
        const [service, method] = rpc.split('.') as [GrpcServiceName, string];
        const client = (clients[service] ??= grpcClient(service, platform.grpc));
        const viaGrpc = await client
          .call(method, { id: idsOfB[kind] ?? newId() }, { ...auth(as), 'x-purpose': 'role matrix' })
          .then(
            () => 'answered',
            (error: { code?: number }) => error.code,
          );
        expect({ rpc, role, viaGrpc }).toEqual({ rpc, role, viaGrpc: GRPC_PERMISSION_DENIED });
      }
    }
    // Most routes are closed to some role; the erasure to all but admin and legal.
    expect(tried.length).toBeGreaterThanOrEqual(100);
    expect(tried).toEqual(
      expect.arrayContaining([
        'customers.EraseCustomer as customer_service_agent',
        'tenancy.RegisterUser as coach',
      ]),
    );
    for (const client of Object.values(clients)) client.close();
    // Nothing B's own reads show changed.
    expect(await snapshotOfB()).toEqual(before);
  });

  it('refuses tenant A’s admin acting on behalf of a user of tenant B (403), over REST and gRPC', async () => {
    const userOfB = idsOfB['users'] ?? '';
    expect(userOfB).not.toBe('');
    const before = await snapshotOfB();
    const res = await api
      .post('/api/v1/customers')
      .set(auth(adminA))
      .set('X-On-Behalf-Of', userOfB)
      .send({ name: 'On Behalf Of B', channel: 'phone' });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 403,
      body: { code: 'ACCESS.ON_BEHALF_OF_REFUSED' },
    });
    const client = grpcClient('customers', platform.grpc);
    try {
      await expect(
        client.call('ListCustomers', {}, { authorization: `Bearer ${adminA}`, 'x-on-behalf-of': userOfB }),
      ).rejects.toMatchObject({ details: expect.stringContaining('ACCESS.ON_BEHALF_OF_REFUSED') as string });
    } finally {
      client.close();
    }
    expect(await snapshotOfB()).toEqual(before);
  });

  it('disables tenant B: its admin cannot log in, its tokens are refused; enabling lets them back', async () => {
    const stale = await api
      .post(`/api/v1/tenants/${tenantB.id}/disable`)
      .set(auth(operator))
      .set('If-Match', '"0"');
    expect({ status: stale.status, code: (stale.body as { code: string }).code }).toEqual({
      status: 409,
      code: 'EVENTSTORE.WRONG_EXPECTED_VERSION',
    });
    const current = (await api.get(`/api/v1/tenants/${tenantB.id}`).set(auth(operator)).expect(200))
      .body as Tenant;
    const disabled = await api
      .post(`/api/v1/tenants/${tenantB.id}/disable`)
      .set(auth(operator))
      .set('If-Match', `"${current.version}"`)
      .expect(200);
    expect(disabled.body).toMatchObject({ id: tenantB.id, status: 'disabled', version: current.version + 1 });
    expect(disabled.headers['etag']).toBe(`"${current.version + 1}"`);

    const login = await api
      .post('/api/v1/auth/token')
      .send({ username: B_ADMIN.username, password: B_ADMIN.password });
    expect({ status: login.status, code: (login.body as { code: string }).code }).toEqual({
      status: 403,
      code: 'TENANCY.TENANT_DISABLED',
    });
    const wrongPassword = await api
      .post('/api/v1/auth/token')
      .send({ username: B_ADMIN.username, password: 'not-it-at-all' });
    expect(wrongPassword.status).toBe(401); // nothing said about the tenant without the password
    const write = await api
      .post('/api/v1/customers')
      .set(auth(adminB))
      .send({ name: 'Too late', channel: 'phone' });
    expect({ status: write.status, code: (write.body as { code: string }).code }).toEqual({
      status: 403,
      code: 'TENANCY.TENANT_DISABLED',
    });
    const read = await api.get('/api/v1/customers').set(auth(adminB));
    expect(read.status).toBe(403);
    const client = grpcClient('customers', platform.grpc);
    try {
      await expect(
        client.call('ListCustomers', {}, { authorization: `Bearer ${adminB}` }),
      ).rejects.toMatchObject({ code: 7 });
    } finally {
      client.close();
    }
    await api.get('/api/v1/customers').set(auth(adminA)).expect(200); // A is not touched
    const listed = await api.get('/api/v1/tenants?status=disabled').set(auth(operator)).expect(200);
    expect((listed.body as { items: Tenant[] }).items.map((t) => t.id)).toEqual([tenantB.id]);

    await api.post(`/api/v1/tenants/${tenantB.id}/enable`).set(auth(operator)).expect(200);
    adminB = await token(B_ADMIN.username, B_ADMIN.password);
    await api.get('/api/v1/customers').set(auth(adminB)).expect(200);
  });

  it('provisions, lists and disables tenants from the CLI, and exits non-zero with the problem', async () => {
    const cli = (...args: string[]) =>
      run(process.execPath, ['infra/tenants.mjs', ...args, '--url', platform.url], {
        cwd: REPO_ROOT,
        env: { ...process.env, SERVICEOPS_OPERATOR_PASSWORD: OPERATOR_PASSWORD },
      });
    const made = await cli(
      'create',
      '--name',
      'Acme CLI',
      '--admin-username',
      'boss-acme',
      '--admin-password',
      'acme-admin-password',
    );
    expect(made.stdout).toMatch(/^created {2}[0-9a-f-]{36} {2}active/);
    const id = /created {2}([0-9a-f-]{36})/.exec(made.stdout)?.[1] ?? '';
    await token('boss-acme', 'acme-admin-password');

    expect((await cli('list')).stdout).toContain(`${id}  active    v2`);
    expect((await cli('disable', id)).stdout).toMatch(/^disabled {2}.*disabled/);
    expect((await cli('get', id, '--json')).stdout).toContain('"status": "disabled"');

    const failed = await cli(
      'create',
      '--name',
      'ACME cli',
      '--admin-username',
      'boss2',
      '--admin-password',
      'acme-admin-password',
    ).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('409 TENANCY.TENANT_NAME_TAKEN');

    const noPassword = await run(process.execPath, ['infra/tenants.mjs', 'list', '--url', platform.url], {
      cwd: REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '' },
    }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(noPassword).toMatchObject({ code: 2 });
  });
});

/** A request body the route accepts, made from its schema in the OpenAPI document (required fields only). */
function bodyFor(spec: OpenApi, operation: OpenApiOperation): object | undefined {
  const schema = operation.requestBody?.content['application/json']?.schema;
  return schema ? (sample(spec, schema) as object) : undefined;
}

function sample(spec: OpenApi, schema: Schema): unknown {
  if (schema.$ref) return sample(spec, spec.components.schemas[schema.$ref.split('/').pop() ?? ''] ?? {});
  if (schema.allOf)
    return Object.assign({}, ...schema.allOf.map((s) => sample(spec, s) as object)) as unknown;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'object':
    case undefined: {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? [])
        out[name] = sample(spec, schema.properties?.[name] ?? { type: 'string' });
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(spec, schema.items ?? {}));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      if (schema.format === 'uuid') return newId();
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.format === 'date') return '2026-01-01';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
  }
}
