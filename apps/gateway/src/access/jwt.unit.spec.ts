import { createHmac } from 'node:crypto';
import { ProblemError } from '@serviceops/platform';
import { bearerTokenOf, signAccessToken, verifyAccessToken } from './jwt';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const subject = {
  userId: '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11',
  tenantId: '5d9c3f7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f',
  username: 'alice',
  roles: ['admin'],
};

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const sign = (input: string, secret = SECRET): string =>
  createHmac('sha256', secret).update(input).digest('base64url');

function tokenWith(header: unknown, claims: unknown, secret = SECRET): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${sign(input, secret)}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

async function rejection(run: () => Promise<unknown>): Promise<ProblemError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('access tokens', () => {
  let token: string;
  beforeAll(async () => {
    token = await signAccessToken(subject, SECRET, 3600, NOW);
  });

  it('carries the user, tenant, roles, name, token version, issue and expiry times and the issuer', async () => {
    expect(await verifyAccessToken(token, SECRET, NOW)).toEqual({
      sub: subject.userId,
      tid: subject.tenantId,
      roles: ['admin'],
      name: 'alice',
      ver: 0,
      iat: NOW / 1000,
      exp: NOW / 1000 + 3600,
      iss: 'serviceops',
    });
  });

  it('is accepted until its last second and refused once expired', async () => {
    await expect(verifyAccessToken(token, SECRET, NOW + 3599_999)).resolves.toMatchObject({ name: 'alice' });
    const expired = await rejection(() => verifyAccessToken(token, SECRET, NOW + 3600_000));
    expect(expired.code).toBe('UNAUTHENTICATED');
    expect(expired.message).toMatch(/expired/);
  });

  it('refuses a token signed with another secret', async () => {
    const other = await signAccessToken(subject, 'another-secret-of-at-least-32-characters', 3600, NOW);
    expect((await rejection(() => verifyAccessToken(other, SECRET, NOW))).message).toMatch(/signature/);
  });

  it('refuses a tampered payload (roles raised) under the original signature', async () => {
    const [header, , signature] = token.split('.');
    const raised = b64({ ...claimsOf(token), roles: ['admin', 'auditor'], tid: 'another-tenant' });
    expect(
      (await rejection(() => verifyAccessToken(`${header}.${raised}.${signature}`, SECRET, NOW))).message,
    ).toMatch(/signature/);
  });

  it('refuses a truncated or altered signature', async () => {
    await expect(verifyAccessToken(token.slice(0, -2), SECRET, NOW)).rejects.toThrow(ProblemError);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    await expect(verifyAccessToken(flipped, SECRET, NOW)).rejects.toThrow(ProblemError);
  });

  it.each([
    ['none', { alg: 'none', typ: 'JWT' }],
    ['HS512', { alg: 'HS512', typ: 'JWT' }],
    ['RS256', { alg: 'RS256', typ: 'JWT' }],
  ])(
    'refuses a token whose header names alg %s, even when HMAC-signed with the secret',
    async (_, header) => {
      const forged = tokenWith(header, claimsOf(token));
      expect((await rejection(() => verifyAccessToken(forged, SECRET, NOW))).message).toMatch(/HS256/);
    },
  );

  it('refuses an unsigned token (alg none, empty signature)', async () => {
    const unsigned = `${b64({ alg: 'none' })}.${b64(claimsOf(token))}.`;
    expect((await rejection(() => verifyAccessToken(unsigned, SECRET, NOW))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token from another issuer', async () => {
    const foreign = tokenWith({ alg: 'HS256', typ: 'JWT' }, { ...claimsOf(token), iss: 'elsewhere' });
    expect((await rejection(() => verifyAccessToken(foreign, SECRET, NOW))).message).toMatch(/issued/);
  });

  it.each([
    ['no tenant', { tid: undefined }],
    ['roles not a list', { roles: 'admin' }],
    ['no expiry', { exp: undefined }],
    ['an external marker (only the OIDC path sets it)', { external: true }],
    ['a fractional expiry', { exp: NOW / 1000 + 100.5 }],
  ])('refuses claims with %s', async (_, change) => {
    const odd = tokenWith({ alg: 'HS256', typ: 'JWT' }, { ...claimsOf(token), ...change });
    expect((await rejection(() => verifyAccessToken(odd, SECRET, NOW))).message).toMatch(/claims|malformed/);
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', 'a.b!.c'])('refuses the malformed token %p', async (bad) => {
    expect((await rejection(() => verifyAccessToken(bad, SECRET, NOW))).code).toBe('UNAUTHENTICATED');
  });
});

describe('bearerTokenOf', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['bearer abc.def.ghi', 'abc.def.ghi'],
    ['Basic dXNlcjpwYXNz', undefined],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('reads %p as %p', (header, expected) => {
    expect(bearerTokenOf(header)).toBe(expected);
  });
});
