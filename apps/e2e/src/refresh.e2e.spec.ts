import request from 'supertest';
import { grpcClient } from './grpc-client';
import { ADMIN_PASSWORD, startPlatform, type RunningPlatform } from './platform';

// Refresh tokens (issue 11 item 3) end to end through the gateway, over REST and the public gRPC API: a sign-in
// answers a 15-minute access token and a refresh token; a refresh rotates it (the old one refused), a reused
// one ends the sign-in, a sign-out too, a disabled user gets nothing; every refusal is the one 401. No refresh
// token reaches a log.

interface Tokens {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
}
type Res = request.Response;

const GRPC_UNAUTHENTICATED = 16;
const REFRESH_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

function ok<T>(res: Res, status = 200): T {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return res.body as T;
}

function refused(res: Res, status = 401, code = 'TENANCY.REFRESH_INVALID'): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, body: { status, code } });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
}

jest.setTimeout(240_000);

describe('refresh tokens through the gateway (log transport)', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let admin = '';
  let counter = 0;
  const seen: string[] = [];

  const signIn = async (username: string, password: string): Promise<Tokens> => {
    const tokens = ok<Tokens>(await api.post('/api/v1/auth/token').send({ username, password }));
    seen.push(tokens.refreshToken);
    return tokens;
  };
  const refresh = (refreshToken: string) => api.post('/api/v1/auth/refresh').send({ refreshToken });
  const refreshed = async (refreshToken: string): Promise<Tokens> => {
    const tokens = ok<Tokens>(await refresh(refreshToken));
    seen.push(tokens.refreshToken);
    return tokens;
  };
  const logout = (refreshToken: unknown) => api.post('/api/v1/auth/logout').send({ refreshToken });

  /** A user made by the admin: id, username, password. */
  async function user() {
    const username = `refresh.user.${++counter}`;
    const password = `Refresh-User-${counter}-2026`;
    const { id } = ok<{ id: string }>(
      await api
        .post('/api/v1/users')
        .set(auth(admin))
        .send({ username, displayName: 'Refreshing user', password, roles: ['technician'] }),
      201,
    );
    return { id, username, password };
  }

  beforeAll(async () => {
    platform = await startPlatform({ transport: 'log', env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    api = request(platform.url);
    admin = (await signIn('admin', ADMIN_PASSWORD)).accessToken;
  }, 240_000);

  afterAll(async () => {
    if (platform) for (const token of seen) expect(platform.logs()).not.toContain(token);
    await platform?.stop();
  });

  it('signs in for 15 minutes with a refresh token; a refresh rotates it within the sign-in’s expiry', async () => {
    const someone = await user();
    const before = Date.now();
    const first = await signIn(someone.username, someone.password);
    expect(first).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(first.refreshToken).toMatch(REFRESH_TOKEN);
    // REFRESH_TOKEN_TTL_HOURS: 336 by default.
    expect(Date.parse(first.refreshExpiresAt) - before).toBeGreaterThan(335 * 3_600_000);

    const second = await refreshed(first.refreshToken);
    expect(second).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresAt: first.refreshExpiresAt,
    });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(ok<{ id: string }>(await api.get('/api/v1/users/me').set(auth(second.accessToken))).id).toBe(
      someone.id,
    );

    // The old token: refused, and as a reuse it ends the sign-in, so the newest one is refused too.
    refused(await refresh(first.refreshToken));
    refused(await refresh(second.refreshToken));
    // The access tokens already issued run out by themselves (15 minutes).
    ok(await api.get('/api/v1/users/me').set(auth(second.accessToken)));
  });

  it('ends the sign-in at logout, answering alike for a token it does not know; a malformed one is 400', async () => {
    const someone = await user();
    const tokens = await signIn(someone.username, someone.password);
    expect(ok(await logout(tokens.refreshToken))).toEqual({ revoked: true });
    refused(await refresh(tokens.refreshToken));
    expect(ok(await logout(tokens.refreshToken))).toEqual({ revoked: true });
    expect(ok(await logout('Z'.repeat(43)))).toEqual({ revoked: true });
    refused(await logout('not a refresh token'), 400, 'VALIDATION');
    refused(await refresh('not a refresh token'), 400, 'VALIDATION');
    refused(await api.post('/api/v1/auth/refresh').send({}), 400, 'VALIDATION');
  });

  it('refuses a disabled user’s refresh token, and one issued before their roles changed', async () => {
    const disabled = await user();
    const disabledTokens = await signIn(disabled.username, disabled.password);
    ok(await api.post(`/api/v1/users/${disabled.id}/disable`).set(auth(admin)).send({}));
    refused(await refresh(disabledTokens.refreshToken));

    const demoted = await user();
    const demotedTokens = await signIn(demoted.username, demoted.password);
    ok(
      await api
        .post(`/api/v1/users/${demoted.id}/change-roles`)
        .set(auth(admin))
        .send({ roles: ['auditor'] }),
    );
    refused(await refresh(demotedTokens.refreshToken));
    // Signed in again: the new rights, refreshable.
    const again = await signIn(demoted.username, demoted.password);
    ok(await refresh(again.refreshToken));
  });

  it('throttles guessing as logins are: the same refused token a sixth time is 429', async () => {
    const guess = 'G'.repeat(43);
    for (let i = 0; i < 5; i++) refused(await refresh(guess));
    refused(await refresh(guess), 429, 'AUTH.TOO_MANY_ATTEMPTS');
  });

  it('signs in, refreshes and signs out over gRPC: access tokens in the answer’s metadata', async () => {
    const someone = await user();
    const client = grpcClient('tenancy', platform.grpc);
    try {
      const signedIn = await client.callWithMetadata<{
        userId: string;
        refreshToken: string;
        refreshExpiresAt: string;
      }>('Authenticate', { username: someone.username, password: someone.password });
      expect(signedIn.reply).toMatchObject({
        userId: someone.id,
        refreshToken: expect.stringMatching(REFRESH_TOKEN) as string,
      });
      expect(signedIn.metadata['authorization']).toEqual(expect.stringMatching(/^Bearer /));
      seen.push(signedIn.reply.refreshToken);

      const next = await client.callWithMetadata<{
        userId: string;
        refreshToken: string;
        refreshExpiresAt: string;
      }>('RefreshAccessToken', { refreshToken: signedIn.reply.refreshToken });
      seen.push(next.reply.refreshToken);
      expect(next.reply).toMatchObject({
        userId: someone.id,
        refreshExpiresAt: signedIn.reply.refreshExpiresAt,
      });
      const bearer = String(next.metadata['authorization']);
      expect(bearer).toMatch(/^Bearer /);
      expect(await client.call('GetMe', {}, { authorization: bearer })).toMatchObject({ id: someone.id });

      await expect(
        client.call('RefreshAccessToken', { refreshToken: signedIn.reply.refreshToken }),
      ).rejects.toMatchObject({
        code: GRPC_UNAUTHENTICATED,
        details: expect.stringContaining('TENANCY.REFRESH_INVALID') as string,
      });

      // A fresh sign-in, ended over gRPC.
      const other = await client.call<{ refreshToken: string }>('Authenticate', {
        username: someone.username,
        password: someone.password,
      });
      seen.push(other.refreshToken);
      expect(await client.call('Logout', { refreshToken: other.refreshToken })).toEqual({ revoked: true });
      await expect(
        client.call('RefreshAccessToken', { refreshToken: other.refreshToken }),
      ).rejects.toMatchObject({
        code: GRPC_UNAUTHENTICATED,
      });
    } finally {
      client.close();
    }
  });
});
