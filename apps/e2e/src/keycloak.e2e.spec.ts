import request from 'supertest';
import { grpcClient } from './grpc-client';
import { auth, expectProblem, ok } from './http';
import { exampleRealm, TestKeycloak } from './keycloak';
import { ADMIN_PASSWORD, startPlatform, type RunningPlatform } from './platform';

// Issue 11 item 9 with the real thing: Keycloak (from Maven Central) and the example realm of docs/security.md,
// imported as a user would. Signing in is the password grant, enabled on the client here only so that the test
// needs no browser; everything else is the realm as shipped. The token checks themselves (expiry, audience, key
// rotation, a provider that is down) are covered against a test issuer in sso.e2e.spec.ts.

const AUDIENCE = 'serviceops-api';
const PASSWORD = 'Keycloak-test-pass-2026';
const OTHER_TENANT = '7a7a7a7a-1b2a-4c3d-8e4f-5a6b7c8d9e0f';
const GRPC_PERMISSION_DENIED = 7;

describe('single sign-on with Keycloak and the example realm', () => {
  let keycloak: TestKeycloak;
  const realm = exampleRealm();
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let tenantId: string;

  const tokenOf = (username: string) => keycloak.passwordToken(realm.realm, AUDIENCE, username, PASSWORD);

  beforeAll(async () => {
    // Both take a while: start them at once (the gateway reads the issuer's keys on the first token it sees).
    keycloak = await TestKeycloak.onFreePort();
    [, platform] = await Promise.all([
      keycloak.start(),
      startPlatform({ env: { OIDC_ISSUER: keycloak.issuer(realm.realm), OIDC_AUDIENCE: AUDIENCE } }),
    ]);
    api = request(platform.url);
    const login = ok<{ accessToken: string }>(
      await api.post('/api/v1/auth/token').send({ username: 'admin', password: ADMIN_PASSWORD }),
    );
    const payload = login.accessToken.split('.')[1] ?? '';
    tenantId = (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { tid: string }).tid;

    await keycloak.importRealm(realm);
    await keycloak.updateClient(realm.realm, AUDIENCE, { directAccessGrantsEnabled: true });
    for (const [username, roles, tenant] of [
      ['mei.agent', ['customer_service_agent'], tenantId],
      ['li.technician', ['technician'], tenantId],
      ['stray.admin', ['admin'], OTHER_TENANT],
    ] as const)
      await keycloak.createUser(realm.realm, { username, password: PASSWORD, tenantId: tenant, roles });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    await keycloak?.stop();
  });

  it('takes a Keycloak user’s token: registers and reads a customer in the tenant its attribute names', async () => {
    const token = await tokenOf('mei.agent');
    const { id } = ok<{ id: string }>(
      await api
        .post('/api/v1/customers')
        .set(auth(token))
        .send({ name: 'Gao Lan', phone: '+86 139 0000 4411', channel: 'phone' }),
      201,
    );
    expect(ok(await api.get(`/api/v1/customers/${id}`).set(auth(token)))).toMatchObject({
      id,
      name: 'Gao Lan',
    });
  });

  it('grants only the realm roles the user holds: a technician is refused customer files (403)', async () => {
    expectProblem(
      await api.get('/api/v1/customers').set(auth(await tokenOf('li.technician'))),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses a user whose tenant attribute names a tenant the platform does not have (404)', async () => {
    expectProblem(
      await api.get('/api/v1/customers').set(auth(await tokenOf('stray.admin'))),
      404,
      'TENANCY.TENANT_NOT_FOUND',
    );
  });

  it('takes the same token over the public gRPC API', async () => {
    const client = grpcClient('customers', platform.grpc);
    try {
      const list = await client.call<{ items: unknown[] }>(
        'ListCustomers',
        {},
        auth(await tokenOf('mei.agent')),
      );
      expect(list.items.length).toBeGreaterThan(0);
      await expect(
        client.call('ListCustomers', {}, auth(await tokenOf('li.technician'))),
      ).rejects.toMatchObject({ code: GRPC_PERMISSION_DENIED });
    } finally {
      client.close();
    }
  });

  it('lets no user move themselves to another tenant through Keycloak’s account API', async () => {
    const token = await tokenOf('li.technician');
    const me = await keycloak.request('GET', `/realms/${realm.realm}/account/`, token);
    expect(me.status).toBe(200);
    const moved = await keycloak.request('POST', `/realms/${realm.realm}/account/`, token, {
      ...(me.body as Record<string, unknown>),
      attributes: { tenant_id: [OTHER_TENANT] },
    });
    expect(moved.status).toBe(400);
    const claims = JSON.parse(
      Buffer.from((await tokenOf('li.technician')).split('.')[1] ?? '', 'base64url').toString(),
    ) as { tenant_id: string };
    expect(claims.tenant_id).toBe(tenantId);
  });
});
