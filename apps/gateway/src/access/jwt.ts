import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ProblemError } from '@serviceops/platform';

export const JWT_ISSUER = 'serviceops';

/** What an access token says about its bearer, whoever issued it. */
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
  /**
   * Present when an external OpenID Connect issuer vouched for the user (see oidc.ts): tenancy keeps no account
   * for them, so revocation is the issuer's (short-lived tokens), not the token version's.
   */
  readonly external?: true;
}

export interface TokenSubject {
  readonly userId: string;
  readonly tenantId: string;
  readonly username: string;
  readonly roles: readonly string[];
  readonly tokenVersion?: number;
}

/** The only algorithm of the gateway's own tokens: never `none`, never what a token's header asks for. */
const LOCAL_ALGORITHMS = ['HS256'];

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** An HS256 JWT for `subject`, valid for `ttlSeconds` from `now` (ms). */
export async function signAccessToken(
  subject: TokenSubject,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({
    tid: subject.tenantId,
    roles: [...subject.roles],
    name: subject.username,
    ver: subject.tokenVersion ?? 0,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setIssuer(JWT_ISSUER)
    .sign(keyOf(secret));
}

export function unauthenticated(why: string): ProblemError {
  return new ProblemError('UNAUTHENTICATED', why);
}

/**
 * Why a token was refused, said for people: jose's error kinds mapped to one sentence each (never the token's
 * contents). `issuer` names whom the token should come from.
 */
export function refusalOf(error: unknown, issuer: string): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof errors.JWTExpired) return unauthenticated('the token has expired');
  if (error instanceof errors.JOSEAlgNotAllowed)
    return unauthenticated(`the token is not signed with an accepted algorithm (${issuer}'s)`);
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return unauthenticated('the token signature is invalid');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return unauthenticated(`the token was not issued by ${issuer}`);
    if (error.claim === 'aud') return unauthenticated('the token is meant for another audience');
    return unauthenticated('the token claims are malformed');
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
    return unauthenticated(`no key of ${issuer} matches the token (unknown or ambiguous kid)`);
  return unauthenticated('the token is malformed');
}

/**
 * The claims of a token this gateway signed, still valid at `now` (ms). Anything else is a 401: only HS256 is
 * accepted (jose checks the signature in constant time before the payload is trusted), then the issuer and the
 * expiry, then the shape of our own claims.
 */
export async function verifyAccessToken(
  token: string,
  secret: string,
  now = Date.now(),
): Promise<AccessClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: LOCAL_ALGORITHMS,
      issuer: JWT_ISSUER,
      requiredClaims: ['exp', 'iat', 'sub'],
      currentDate: new Date(now),
    }));
  } catch (error) {
    throw refusalOf(error, 'serviceops (HS256)');
  }
  if (!isAccessClaims(payload)) throw unauthenticated('the token claims are malformed');
  return payload;
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
    typeof value['iss'] === 'string' &&
    value['external'] === undefined
  );
}
