import { createHmac, timingSafeEqual } from 'node:crypto';
import { ProblemError } from '@serviceops/platform';

export const JWT_ISSUER = 'serviceops';

/** What an access token says about its bearer. */
export interface AccessClaims {
  /** The user's id. */
  readonly sub: string;
  /** The tenant the user belongs to: the only source of the tenant for every request. */
  readonly tid: string;
  readonly roles: readonly string[];
  /** The username. */
  readonly name: string;
  /** The user's token version when it was issued (absent: 0): a stale one is refused (AUTH.TOKEN_REVOKED). */
  readonly ver?: number;
  readonly iat: number;
  readonly exp: number;
  readonly iss: string;
}

export interface TokenSubject {
  readonly userId: string;
  readonly tenantId: string;
  readonly username: string;
  readonly roles: readonly string[];
  readonly tokenVersion?: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function signature(signingInput: string, secret: string): string {
  return createHmac('sha256', secret).update(signingInput).digest('base64url');
}

/** An HS256 JWT for `subject`, valid for `ttlSeconds` from `now` (ms). */
export function signAccessToken(
  subject: TokenSubject,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const claims: AccessClaims = {
    sub: subject.userId,
    tid: subject.tenantId,
    roles: [...subject.roles],
    name: subject.username,
    ver: subject.tokenVersion ?? 0,
    iat,
    exp: iat + ttlSeconds,
    iss: JWT_ISSUER,
  };
  const signingInput = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${signingInput}.${signature(signingInput, secret)}`;
}

function unauthenticated(why: string): ProblemError {
  return new ProblemError('UNAUTHENTICATED', why);
}

function parseSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The claims of a token this gateway signed, still valid at `now` (ms). Anything else is a 401: only HS256 is
 * accepted (never `none`, never what the header asks for), the signature is compared in constant time before
 * the payload is trusted, and the issuer and expiry are checked.
 */
export function verifyAccessToken(token: string, secret: string, now = Date.now()): AccessClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p)))
    throw unauthenticated('the token is malformed');
  const [header, payload, given] = parts as [string, string, string];
  const head = parseSegment(header);
  if (!isRecord(head) || head['alg'] !== 'HS256') throw unauthenticated('the token is not signed with HS256');
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    throw unauthenticated('the token signature is invalid');
  const claims = parseSegment(payload);
  if (!isAccessClaims(claims)) throw unauthenticated('the token claims are malformed');
  if (claims.iss !== JWT_ISSUER) throw unauthenticated('the token was not issued by serviceops');
  if (claims.exp <= Math.floor(now / 1000)) throw unauthenticated('the token has expired');
  return claims;
}

/** The token of an `Authorization: Bearer <token>` header value. */
export function bearerTokenOf(authorization: unknown): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  return match?.[1];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAccessClaims(value: unknown): value is AccessClaims {
  return (
    isRecord(value) &&
    typeof value['sub'] === 'string' &&
    value['sub'] !== '' &&
    typeof value['tid'] === 'string' &&
    value['tid'] !== '' &&
    typeof value['name'] === 'string' &&
    Array.isArray(value['roles']) &&
    value['roles'].every((r) => typeof r === 'string') &&
    (value['ver'] === undefined || Number.isSafeInteger(value['ver'])) &&
    Number.isSafeInteger(value['iat']) &&
    Number.isSafeInteger(value['exp']) &&
    typeof value['iss'] === 'string'
  );
}
