import { PLATFORM_TENANT_ID } from '@serviceops/contracts';
import { newId } from '@serviceops/kernel';
import { rowsHolding } from '@serviceops/testing';
import { Client } from 'pg';
import request from 'supertest';
import { grpcClient } from './grpc-client';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';
import { hire } from './staff-pipeline';

// A staff member hired with a login activates it themselves (issue 13 item 1), end to end through the gateway on
// the log transport: hired through staff's API, the login made in tenancy from staff's event, an invitation
// issued by the admin, the first password set with its token, then a sign-in. Bad input answers the documented
// problem and writes nothing; the token is in no log, no kept answer, no event.

interface Problem {
  status: number;
  code: string;
  detail?: string;
}
interface Invitation {
  userId: string;
  invitationId: string;
  token: string;
  expiresAt: string;
  activationUrl?: string;
  tenantVersion: number;
}
interface UserView {
  id: string;
  username: string;
  displayName: string;
  tenantVersion: number;
  pendingActivation?: boolean;
  invitationExpiresAt?: string;
}
type Res = request.Response;

const OPERATOR_PASSWORD = 'e2e-operator-password';
const GRPC_UNAUTHENTICATED = 16;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

function ok<T>(res: Res, status = 200): T {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return res.body as T;
}

function problem(res: Res, status: number, code: string): Problem {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, body: { code } });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return res.body as Problem;
}

jest.setTimeout(240_000);

describe('activating a staff login with an invitation (log transport)', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let db: Client;
  let admin = '';
  let branchId = '';
  let staffId = '';

  const user = async (): Promise<UserView> =>
    ok<UserView>(await api.get(`/api/v1/users/${staffId}`).set(auth(admin)));
  const activate = (body: object) => api.post('/api/v1/auth/activate').send(body);
  const invite = () => api.post(`/api/v1/users/${staffId}/invitation`).set(auth(admin));

  beforeAll(async () => {
    platform = await startPlatform({
      transport: 'log',
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        PLATFORM_OPERATOR_PASSWORD: OPERATOR_PASSWORD,
        ACTIVATION_URL: 'https://app.example.com/activate',
      },
    });
    api = request(platform.url);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    admin = ok<{ accessToken: string }>(
      await api.post('/api/v1/auth/token').send({ username: 'admin', password: ADMIN_PASSWORD }),
    ).accessToken;
    const tenant = await api.get('/api/v1/tenant').set(auth(admin));
    const added = ok<{ branches: { id: string; name: string }[] }>(
      await api
        .post('/api/v1/tenant/branches')
        .set(auth(admin))
        .set('If-Match', String(tenant.headers['etag']))
        .send({ name: 'Activation branch', businessLines: ['driving_practice'] }),
      201,
    );
    branchId = added.branches.find((b) => b.name === 'Activation branch')?.id ?? '';
    staffId = await hire(api, admin, 'coach', { branchId, login: 'wang.fang' });
    await poll('the login in tenancy', async () =>
      (await api.get(`/api/v1/users/${staffId}`).set(auth(admin))).status === 200 ? true : undefined,
    );
  }, 240_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await platform?.stop();
  });

  it('hired with a login: pending, and no password signs in', async () => {
    // The login came with no invitation: no token exists until the admin issues the first.
    const pending = await user();
    expect(pending).toMatchObject({
      username: 'wang.fang',
      displayName: 'wang.fang',
      pendingActivation: true,
    });
    // Its display name (the username) is sealed with the user's own key in the event that registered it.
    const registered = await db.query<{ name: string }>(
      `SELECT data->>'displayName' AS name FROM tenancy.events WHERE type = 'UserRegistered' AND data->>'userId' = $1`,
      [staffId],
    );
    expect(registered.rows).toEqual([{ name: expect.stringMatching(/^enc:v1:/) as unknown }]);
    expect(pending).not.toHaveProperty('invitationExpiresAt');
    problem(
      await api.post('/api/v1/auth/token').send({ username: 'wang.fang', password: 'Wang-Fang-Guess-1' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('the admin gets the token once; the person activates with a new password and signs in', async () => {
    // With an Idempotency-Key: the kept answer leaves the token out.
    const first = await invite().set('Idempotency-Key', 'activation-e2e-first');
    const superseded = ok<Invitation>(first, 201);
    expect(first.headers['etag']).toBe(`"${superseded.tenantVersion}"`);
    const replay = ok<Invitation>(await invite().set('Idempotency-Key', 'activation-e2e-first'), 201);
    expect(replay).toMatchObject({ invitationId: superseded.invitationId });
    expect(replay).not.toHaveProperty('token');
    expect(replay).not.toHaveProperty('activationUrl');

    const issued = ok<Invitation>(await invite(), 201);
    expect(issued.activationUrl).toBe(`https://app.example.com/activate#token=${issued.token}`);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const password = 'Wang-Fang-Own-Pass-2026';
    const before = (await user()).tenantVersion;

    // Bad input first: each the documented problem, and nothing written (the user still pending, same version).
    problem(
      await activate({ token: issued.token, password: 'password1' }),
      422,
      'TENANCY.PASSWORD_TOO_COMMON',
    );
    problem(await activate({ token: issued.token, password: 'short' }), 400, 'VALIDATION');
    problem(await activate({ token: 'not-a-token', password }), 400, 'VALIDATION');
    problem(await activate({ token: issued.token, password, extra: 1 }), 400, 'VALIDATION');
    const wrong = problem(
      await activate({ token: `${issued.invitationId}.${'A'.repeat(43)}`, password }),
      401,
      'TENANCY.INVITATION_INVALID',
    );
    const old = problem(
      await activate({ token: superseded.token, password }),
      401,
      'TENANCY.INVITATION_INVALID',
    );
    // No oracle: a wrong secret and a superseded token read the same.
    expect(old.detail).toBe(wrong.detail);
    expect(await user()).toMatchObject({ pendingActivation: true, tenantVersion: before });

    const token = ok<{ accessToken: string; tokenType: string; expiresIn: number }>(
      await activate({ token: issued.token, password }),
    );
    expect(token.tokenType).toBe('Bearer');
    const me = ok<UserView>(await api.get('/api/v1/users/me').set(auth(token.accessToken)));
    expect(me).toMatchObject({ id: staffId, username: 'wang.fang' });
    expect(me).not.toHaveProperty('pendingActivation');
    expect(me).not.toHaveProperty('invitationExpiresAt');
    ok(await api.post('/api/v1/auth/token').send({ username: 'wang.fang', password }));

    // Used: the same token again is the same answer, and nothing is written.
    const after = (await user()).tenantVersion;
    const reused = problem(
      await activate({ token: issued.token, password: 'Another-Own-Pass-2026' }),
      401,
      'TENANCY.INVITATION_INVALID',
    );
    expect(reused.detail).toBe(wrong.detail);
    expect((await user()).tenantVersion).toBe(after);
    problem(
      await api.post('/api/v1/auth/token').send({ username: 'wang.fang', password: 'Another-Own-Pass-2026' }),
      401,
      'UNAUTHENTICATED',
    );
    // An active user gets no more invitations.
    problem(await invite(), 422, 'TENANCY.USER_ALREADY_ACTIVE');

    // The secret is in no kept answer, no event, no log line.
    const secrets = [issued.token, superseded.token].map((t) => t.split('.')[1] ?? '');
    const kept = await db.query<{ text: string }>(
      `SELECT row_to_json(k)::text AS text FROM gateway.idempotency_keys k`,
    );
    const events = await db.query<{ text: string }>(
      `SELECT row_to_json(e)::text AS text FROM tenancy.events e WHERE type = 'UserInvitationIssued'`,
    );
    // The two the admin issued (the login came with none).
    expect(events.rows.length).toBeGreaterThanOrEqual(2);
    for (const secret of secrets) {
      for (const row of [...kept.rows, ...events.rows]) expect(row.text).not.toContain(secret);
      expect(platform.logs()).not.toContain(secret);
    }
  });

  it('keeps a user’s display name in no table in clear, no kept answer and no log; answers show it (issue 11)', async () => {
    const displayName = `Xiahou Dun ${newId().slice(0, 8)}`;
    const body = {
      username: `xiahou.${newId().slice(0, 8)}`,
      displayName,
      password: 'Xiahou-Own-Pass-2026',
      roles: ['technician'],
    };
    const created = ok<UserView>(
      await api.post('/api/v1/users').set(auth(admin)).set('Idempotency-Key', `names-${newId()}`).send(body),
      201,
    );
    expect(created).toMatchObject({ username: body.username, displayName });
    expect(await user()).toHaveProperty('displayName', 'wang.fang');
    const shown = ok<UserView>(await api.get(`/api/v1/users/${created.id}`).set(auth(admin)));
    expect(shown).toMatchObject({ displayName });
    const listed = ok<{ items: UserView[] }>(await api.get('/api/v1/users').set(auth(admin)));
    expect(listed.items.find((u) => u.id === created.id)).toMatchObject({ displayName });
    expect(listed.items.filter((u) => u.displayName.startsWith('enc:'))).toEqual([]);

    // Every table of every schema (tenancy's, the gateway's kept answers, the other services' copies of tenancy's
    // events): the search finds the user's id, and never the clear name; nor does any log.
    const holding = (value: string) => rowsHolding(db, [value]);
    expect(await holding(created.id)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^tenancy\.events/)]),
    );
    expect(await holding(displayName)).toEqual([]);
    expect(platform.logs()).not.toContain(displayName);
  });

  it('refuses another tenant’s admin the invitation (404, nothing written), throttles guesses, and a bad token over gRPC', async () => {
    const operator = ok<{ accessToken: string }>(
      await api
        .post('/api/v1/auth/token')
        .send({ username: 'operator', password: OPERATOR_PASSWORD, tenantId: PLATFORM_TENANT_ID }),
    ).accessToken;
    const B_ADMIN = { username: 'activation-admin-b', password: 'activation-b-password' };
    ok(
      await api
        .post('/api/v1/tenants')
        .set(auth(operator))
        .send({ name: 'Activation Tenant B', admin: B_ADMIN }),
      201,
    );
    const adminB = ok<{ accessToken: string }>(
      await api.post('/api/v1/auth/token').send(B_ADMIN),
    ).accessToken;
    const before = (await user()).tenantVersion;
    problem(
      await api.post(`/api/v1/users/${staffId}/invitation`).set(auth(adminB)),
      404,
      'TENANCY.USER_NOT_FOUND',
    );
    expect((await user()).tenantVersion).toBe(before);

    // Guessing one invitation's secret is throttled as guessing a password is: locked after 5 refusals.
    const guessed = `${newId()}.`;
    for (let i = 0; i < 5; i++)
      problem(
        await activate({ token: `${guessed}${String(i).repeat(43)}`, password: 'Some-Good-Pass-2026' }),
        401,
        'TENANCY.INVITATION_INVALID',
      );
    const locked = problem(
      await activate({ token: `${guessed}${'9'.repeat(43)}`, password: 'Some-Good-Pass-2026' }),
      429,
      'AUTH.TOO_MANY_ATTEMPTS',
    );
    expect(locked).toHaveProperty('retryAfter');

    const client = grpcClient('tenancy', platform.grpc);
    try {
      await expect(
        client.call('ActivateUser', {
          token: `${staffId}.${'B'.repeat(43)}`,
          password: 'Some-Good-Pass-2026',
        }),
      ).rejects.toMatchObject({
        code: GRPC_UNAUTHENTICATED,
        details: expect.stringContaining('TENANCY.INVITATION_INVALID') as string,
      });
    } finally {
      client.close();
    }
  });
});
