import { TestOidcIssuer } from '@serviceops/testing';
import request from 'supertest';
import { grpcClient } from './grpc-client';
import { ADMIN_PASSWORD, startPlatform, type RunningPlatform } from './platform';

// Issue 11 item 9: access tokens of an external OpenID Connect issuer are accepted beside local logins, over REST
// and the public gRPC API; identity (tenant, roles, name) comes only from the verified token's configured claims.

const AUDIENCE = 'serviceops-api';
const GRPC_UNAUTHENTICATED = 16;
const GRPC_PERMISSION_DENIED = 7;

describe('single sign-on with an external OpenID Connect issuer', () => {
  const issuer = new TestOidcIssuer(AUDIENCE);
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let tenantId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ssoToken = (roles: string[], claims: Record<string, unknown> = {}) =>
    issuer.token({ claims: { tenant_id: tenantId, realm_access: { roles }, ...claims } });

  beforeAll(async () => {
    await issuer.start();
    platform = await startPlatform({ env: { OIDC_ISSUER: issuer.url, OIDC_AUDIENCE: AUDIENCE } });
    api = request(platform.url);
    const login = await api
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
    // The tenant the SSO users belong to: the one made at first start, as the admin's own token names it.
    const payload = (login.body as { accessToken: string }).accessToken.split('.')[1] ?? '';
    tenantId = (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { tid: string }).tid;
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await issuer.stop();
  });

  it('takes an SSO user’s token over REST: registers and reads a customer in the token’s tenant', async () => {
    const token = await ssoToken(['customer_service_agent']);
    const created = await api
      .post('/api/v1/customers')
      .set(auth(token))
      .send({ name: 'Zhou Min', phone: '+86 139 0000 7788', channel: 'phone' })
      .expect(201);
    const id = (created.body as { id: string }).id;
    const read = await api.get(`/api/v1/customers/${id}`).set(auth(token)).expect(200);
    expect(read.body).toMatchObject({ id, name: 'Zhou Min' });
  });

  it('grants only the roles the token carries: a technician is refused customer files (403)', async () => {
    const res = await api
      .get('/api/v1/customers')
      .set(auth(await ssoToken(['technician'])))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never takes a platform operator from an external issuer', async () => {
    const res = await api.get('/api/v1/tenants').set(auth(await ssoToken(['platform_operator'])));
    expect(res.status).toBe(403);
  });

  it.each<[string, () => Promise<string>]>([
    ['another audience', () => issuer.token({ aud: 'another-api', claims: { tenant_id: tenantId } })],
    ['an expired token', () => issuer.token({ expiresIn: -5, claims: { tenant_id: tenantId } })],
    ['no tenant claim', () => issuer.token({ claims: { realm_access: { roles: ['admin'] } } })],
  ])('answers 401 to %s', async (_, token) => {
    const res = await api
      .get('/api/v1/customers')
      .set(auth(await token()))
      .expect(401);
    expect(res.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token naming a tenant the platform does not have (404, nothing of this tenant shown)', async () => {
    const other = await issuer.token({
      claims: { tenant_id: '7a7a7a7a-1b2a-4c3d-8e4f-5a6b7c8d9e0f', realm_access: { roles: ['admin'] } },
    });
    const res = await api.get('/api/v1/customers').set(auth(other)).expect(404);
    expect(res.body).toMatchObject({ code: 'TENANCY.TENANT_NOT_FOUND' });
  });

  it('takes the same token over the public gRPC API, and refuses what REST refuses', async () => {
    const client = grpcClient('customers', platform.grpc);
    try {
      const list = await client.call<{ items: unknown[] }>(
        'ListCustomers',
        {},
        auth(await ssoToken(['customer_service_agent'])),
      );
      expect(list.items.length).toBeGreaterThan(0);
      await expect(
        client.call(
          'ListCustomers',
          {},
          auth(await issuer.token({ aud: 'x', claims: { tenant_id: tenantId } })),
        ),
      ).rejects.toMatchObject({ code: GRPC_UNAUTHENTICATED });
      await expect(
        client.call('ListCustomers', {}, auth(await ssoToken(['technician']))),
      ).rejects.toMatchObject({ code: GRPC_PERMISSION_DENIED });
    } finally {
      client.close();
    }
  });

  it('keeps local logins working beside SSO', async () => {
    const login = await api
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
    await api
      .get('/api/v1/customers')
      .set(auth((login.body as { accessToken: string }).accessToken))
      .expect(200);
  });
});
