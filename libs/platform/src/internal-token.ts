import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import {
  gatewayConfigSpec,
  INTERNAL_TOKEN_HEADER,
  INTERNAL_TOKEN_ISSUER,
  internalTokenClaims,
  type InternalTokenClaims,
  type InternalUser,
} from '@serviceops/contracts';
import { ProblemError } from './errors';

// The token the gateway signs for every call it makes to a backing service: who the user is (tenant, actor,
// roles, on whose behalf, why), for which service, until when. Ed25519 (EdDSA JWT, RFC 8037): the gateway holds
// the private key, the services only public keys, so a service that is broken into still cannot mint tokens
// for the others. docs/security.md tells the whole story; docs/decisions.md §19 why it is written by hand.

/** Clocks of the gateway and the services may differ by this much. */
export const CLOCK_SKEW_SECONDS = 5;
/** The longest life a service accepts in a token: the longest the gateway can be configured to give. */
export const MAX_LIFETIME_SECONDS = gatewayConfigSpec.INTERNAL_TOKEN_TTL_SECONDS.max;

const HEADER = Buffer.from(JSON.stringify(INTERNAL_TOKEN_HEADER)).toString('base64url');
const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** What a verified token says: made by the gateway for this service, for a user or (before login) for none. */
export interface InternalCaller {
  readonly user?: InternalUser;
}

export interface SignOptions {
  /** The service the call goes to: the token is refused by every other. */
  readonly audience: string;
  /** Unset: the gateway itself calls, for no user (Tenancy.Authenticate, before anyone is logged in). */
  readonly user?: InternalUser;
  readonly ttlSeconds: number;
  /** Milliseconds since the epoch. */
  readonly now: number;
}

/** A token for one call to `audience`, signed with the gateway's Ed25519 private key. */
export function signInternalToken(privateKey: KeyObject, options: SignOptions): string {
  const { audience, user, ttlSeconds, now } = options;
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_LIFETIME_SECONDS))
    throw new RangeError(`an internal token lives 1 to ${MAX_LIFETIME_SECONDS} s, not ${ttlSeconds}`);
  const payload = internalTokenClaims(audience, user, Math.floor(now / 1000), ttlSeconds);
  const input = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

function unauthenticated(why: string): ProblemError {
  return new ProblemError('UNAUTHENTICATED', why);
}

/**
 * The caller a token names, if one of `publicKeys` signed it for `audience` and it is valid at `now` (ms).
 * Anything else is UNAUTHENTICATED: only EdDSA is accepted (never what else a header asks for), the signature is
 * checked before the payload is read, then the issuer, the audience, the times and the shape of the user.
 */
export function verifyInternalToken(
  token: string | undefined,
  publicKeys: readonly KeyObject[],
  audience: string,
  now: number,
): InternalCaller {
  if (token === undefined || token === '') throw unauthenticated('the call carries no internal token');
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p)))
    throw unauthenticated('the internal token is malformed');
  const [header, payload, signature] = parts as [string, string, string];
  const head = parseSegment(header);
  if (!isRecord(head) || head['alg'] !== INTERNAL_TOKEN_HEADER.alg)
    throw unauthenticated('the internal token is not signed with EdDSA');
  const input = Buffer.from(`${header}.${payload}`);
  const given = Buffer.from(signature, 'base64url');
  if (!publicKeys.some((key) => verifies(input, key, given)))
    throw unauthenticated('the internal token signature is invalid');
  const claims = parseSegment(payload);
  if (!isInternalTokenClaims(claims)) throw unauthenticated('the internal token claims are malformed');
  if (claims.iss !== INTERNAL_TOKEN_ISSUER) throw unauthenticated('the internal token is not the gateway’s');
  if (claims.aud !== audience) throw unauthenticated(`the internal token is not for ${audience}`);
  if (claims.exp - claims.iat > MAX_LIFETIME_SECONDS)
    throw unauthenticated('the internal token lives too long');
  if (claims.iat * 1000 > now + CLOCK_SKEW_SECONDS * 1000)
    throw unauthenticated('the internal token is issued in the future');
  if ((claims.exp + CLOCK_SKEW_SECONDS) * 1000 <= now)
    throw unauthenticated('the internal token has expired');
  return claims.sub === undefined ? {} : { user: userOf(claims) };
}

function verifies(input: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(null, input, key, signature);
  } catch {
    return false;
  }
}

function userOf(claims: InternalTokenClaims): InternalUser {
  if (
    claims.sub === '' ||
    typeof claims.tid !== 'string' ||
    claims.tid === '' ||
    !Array.isArray(claims.roles) ||
    !claims.roles.every((r) => typeof r === 'string') ||
    !optionalText(claims.obo) ||
    !optionalText(claims.pur)
  )
    throw unauthenticated('the internal token names no whole user');
  return {
    tenantId: claims.tid,
    actorId: claims.sub as string,
    roles: claims.roles,
    ...(claims.obo !== undefined ? { onBehalfOf: claims.obo } : {}),
    ...(claims.pur !== undefined ? { purpose: claims.pur } : {}),
  };
}

function optionalText(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value !== '');
}

function parseSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInternalTokenClaims(value: unknown): value is InternalTokenClaims {
  return (
    isRecord(value) &&
    typeof value['iss'] === 'string' &&
    typeof value['aud'] === 'string' &&
    Number.isSafeInteger(value['iat']) &&
    Number.isSafeInteger(value['exp']) &&
    (value['sub'] === undefined || typeof value['sub'] === 'string')
  );
}

// ---- Keys ------------------------------------------------------------------------------------------------------

/** A key as configured: PEM, or the base64 of its DER (PKCS#8 private, SPKI public), which fits on one line. */
function keyInput(text: string): { key: string | Buffer; format: 'pem' | 'der' } {
  const trimmed = text.trim();
  return trimmed.startsWith('-----BEGIN')
    ? { key: trimmed, format: 'pem' }
    : { key: Buffer.from(trimmed, 'base64'), format: 'der' };
}

/** The gateway's signing key; anything but an Ed25519 private key is refused (a typo must not boot). */
export function internalPrivateKeyOf(text: string): KeyObject {
  let key: KeyObject;
  try {
    const input = keyInput(text);
    key =
      input.format === 'pem' ? createPrivateKey(input.key) : createPrivateKey({ ...input, type: 'pkcs8' });
  } catch {
    throw new Error('not a private key (PEM, or base64 of PKCS#8 DER)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}

/** One verifying key of a service; several are configured while the gateway's key is rotated. */
export function internalPublicKeyOf(text: string): KeyObject {
  let key: KeyObject;
  try {
    const input = keyInput(text);
    key = input.format === 'pem' ? createPublicKey(input.key) : createPublicKey({ ...input, type: 'spki' });
  } catch {
    throw new Error('not a public key (PEM, or base64 of SPKI DER)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}

// ---- The two sides -----------------------------------------------------------------------------------------

/** The gateway's side: a fresh token for each call it makes. */
export class InternalTokenSigner {
  constructor(
    private readonly privateKey: KeyObject,
    private readonly ttlSeconds = 60,
    private readonly now: () => number = Date.now,
  ) {}

  sign(audience: string, user?: InternalUser): string {
    return signInternalToken(this.privateKey, {
      audience,
      ...(user ? { user } : {}),
      ttlSeconds: this.ttlSeconds,
      now: this.now(),
    });
  }
}

/** A service's side: tokens made for it (its own name as audience) by a holder of one of the gateway's keys. */
export class InternalTokenVerifier {
  constructor(
    readonly audience: string,
    private readonly publicKeys: readonly KeyObject[],
    private readonly now: () => number = Date.now,
  ) {
    if (publicKeys.length === 0) throw new Error('a verifier needs at least one public key');
  }

  verify(token: string | undefined): InternalCaller {
    return verifyInternalToken(token, this.publicKeys, this.audience, this.now());
  }
}
