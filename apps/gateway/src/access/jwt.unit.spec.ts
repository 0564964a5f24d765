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

function rejection(run: () => unknown): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('access tokens', () => {
  const token = signAccessToken(subject, SECRET, 3600, NOW);

  it('carries the user, tenant, roles, name, token version, issue and expiry times and the issuer', () => {
    expect(verifyAccessToken(token, SECRET, NOW)).toEqual({
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

  it('is accepted until its last second and refused once expired', () => {
    expect(() => verifyAccessToken(token, SECRET, NOW + 3599_999)).not.toThrow();
    const expired = rejection(() => verifyAccessToken(token, SECRET, NOW + 3600_000));
    expect(expired.code).toBe('UNAUTHENTICATED');
    expect(expired.message).toMatch(/expired/);
  });

  it('refuses a token signed with another secret', () => {
    const other = signAccessToken(subject, 'another-secret-of-at-least-32-characters', 3600, NOW);
    expect(rejection(() => verifyAccessToken(other, SECRET, NOW)).message).toMatch(/signature/);
  });

  it('refuses a tampered payload (roles raised) under the original signature', () => {
    const [header, , signature] = token.split('.');
    const raised = b64({ ...claimsOf(token), roles: ['admin', 'auditor'], tid: 'another-tenant' });
    expect(
      rejection(() => verifyAccessToken(`${header}.${raised}.${signature}`, SECRET, NOW)).message,
    ).toMatch(/signature/);
  });

  it('refuses a truncated or altered signature', () => {
    expect(() => verifyAccessToken(token.slice(0, -2), SECRET, NOW)).toThrow(ProblemError);
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(() => verifyAccessToken(flipped, SECRET, NOW)).toThrow(ProblemError);
  });

  it.each([
    ['none', { alg: 'none', typ: 'JWT' }],
    ['HS512', { alg: 'HS512', typ: 'JWT' }],
    ['RS256', { alg: 'RS256', typ: 'JWT' }],
  ])('refuses a token whose header names alg %s, even when HMAC-signed with the secret', (_, header) => {
    const forged = tokenWith(header, claimsOf(token));
    expect(rejection(() => verifyAccessToken(forged, SECRET, NOW)).message).toMatch(/HS256/);
  });

  it('refuses an unsigned token (alg none, empty signature)', () => {
    const unsigned = `${b64({ alg: 'none' })}.${b64(claimsOf(token))}.`;
    expect(rejection(() => verifyAccessToken(unsigned, SECRET, NOW)).message).toMatch(/malformed/);
  });

  it('refuses a token from another issuer', () => {
    const foreign = tokenWith({ alg: 'HS256', typ: 'JWT' }, { ...claimsOf(token), iss: 'elsewhere' });
    expect(rejection(() => verifyAccessToken(foreign, SECRET, NOW)).message).toMatch(/issued/);
  });

  it.each([
    ['no tenant', { tid: undefined }],
    ['roles not a list', { roles: 'admin' }],
    ['no expiry', { exp: undefined }],
    ['a fractional expiry', { exp: 1.5 }],
  ])('refuses claims with %s', (_, change) => {
    const odd = tokenWith({ alg: 'HS256', typ: 'JWT' }, { ...claimsOf(token), ...change });
    expect(rejection(() => verifyAccessToken(odd, SECRET, NOW)).message).toMatch(/claims/);
  });

  it.each(['', 'abc', 'a.b', 'a.b.c.d', 'a.b!.c'])('refuses the malformed token %p', (bad) => {
    expect(rejection(() => verifyAccessToken(bad, SECRET, NOW)).code).toBe('UNAUTHENTICATED');
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
