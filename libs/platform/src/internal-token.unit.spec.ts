import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { gatewayConfigSpec, INTERNAL_TOKEN_ISSUER, type InternalUser } from '@serviceops/contracts';
import { internalToken, newInternalKeyPair } from '@serviceops/testing';
import { ProblemError } from './errors';
import {
  CLOCK_SKEW_SECONDS,
  internalPrivateKeyOf,
  internalPublicKeyOf,
  InternalTokenSigner,
  InternalTokenVerifier,
  MAX_LIFETIME_SECONDS,
  signInternalToken,
  verifyInternalToken,
} from './internal-token';

const pair = newInternalKeyPair();
const PRIVATE = internalPrivateKeyOf(pair.privateKey);
const PUBLIC = internalPublicKeyOf(pair.publicKey);
const other = newInternalKeyPair();
const OTHER_PRIVATE = internalPrivateKeyOf(other.privateKey);
const OTHER_PUBLIC = internalPublicKeyOf(other.publicKey);

/** Noon, plus a fraction of a second: issue times are whole seconds, rounded down. */
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0) + 400;
const IAT = Math.floor(NOW / 1000);

const USER: InternalUser = {
  tenantId: '5d9c3f7e-1b2a-4c3d-8e4f-5a6b7c8d9e0f',
  actorId: '0b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a11',
  roles: ['customer_service_agent', 'auditor'],
  onBehalfOf: '1b8f6a3e-8a53-4d4c-9d55-2f4f1c6f0a12',
  purpose: '回访：订单 42',
};

const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A token as anyone holding `key` could write it: any header, any payload. */
function craft(header: unknown, payload: unknown, key: KeyObject = PRIVATE): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
}

const EDDSA = { alg: 'EdDSA', typ: 'JWT' };
const claims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  iss: INTERNAL_TOKEN_ISSUER,
  aud: 'customers',
  iat: IAT,
  exp: IAT + 60,
  sub: USER.actorId,
  tid: USER.tenantId,
  roles: USER.roles,
  ...overrides,
});

function partsOf(token: string): { header: unknown; payload: Record<string, unknown> } {
  const [header = '', payload = ''] = token.split('.');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()) as unknown,
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
  };
}

/** Why the token is refused (the UNAUTHENTICATED problem's detail). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'UNAUTHENTICATED') return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

const verifyAt = (token: string | undefined, now = NOW, keys: readonly KeyObject[] = [PUBLIC]) =>
  verifyInternalToken(token, keys, 'customers', now);

describe('signing an internal token', () => {
  it('writes an EdDSA JWT naming the gateway, the service, the times and the whole user', () => {
    const token = signInternalToken(PRIVATE, { audience: 'customers', user: USER, ttlSeconds: 60, now: NOW });
    expect(partsOf(token)).toEqual({
      header: { alg: 'EdDSA', typ: 'JWT' },
      payload: {
        iss: 'serviceops-gateway',
        aud: 'customers',
        iat: IAT,
        exp: IAT + 60,
        sub: USER.actorId,
        tid: USER.tenantId,
        roles: ['customer_service_agent', 'auditor'],
        obo: USER.onBehalfOf,
        pur: '回访：订单 42',
      },
    });
  });

  it('leaves out on-behalf-of and purpose when the call has none', () => {
    const user = { tenantId: USER.tenantId, actorId: USER.actorId, roles: [] };
    const token = signInternalToken(PRIVATE, { audience: 'tenancy', user, ttlSeconds: 30, now: NOW });
    expect(partsOf(token).payload).toEqual({
      iss: 'serviceops-gateway',
      aud: 'tenancy',
      iat: IAT,
      exp: IAT + 30,
      sub: USER.actorId,
      tid: USER.tenantId,
      roles: [],
    });
  });

  it('names no user in the gateway’s own token', () => {
    const token = signInternalToken(PRIVATE, { audience: 'tenancy', ttlSeconds: 60, now: NOW });
    expect(partsOf(token).payload).toEqual({
      iss: 'serviceops-gateway',
      aud: 'tenancy',
      iat: IAT,
      exp: IAT + 60,
    });
  });

  it.each([0, -1, MAX_LIFETIME_SECONDS + 1, Number.NaN])('refuses a lifetime of %s seconds', (ttlSeconds) => {
    expect(() => signInternalToken(PRIVATE, { audience: 'customers', ttlSeconds, now: NOW })).toThrow(
      RangeError,
    );
  });

  it.each([1, MAX_LIFETIME_SECONDS])('signs for %s seconds', (ttlSeconds) => {
    const token = signInternalToken(PRIVATE, { audience: 'customers', ttlSeconds, now: NOW });
    expect(partsOf(token).payload['exp']).toBe(IAT + ttlSeconds);
  });

  it('allows no longer a life than the gateway can be configured to give, and no shorter', () => {
    expect(MAX_LIFETIME_SECONDS).toBe(gatewayConfigSpec.INTERNAL_TOKEN_TTL_SECONDS.max);
    expect(MAX_LIFETIME_SECONDS).toBe(300);
    expect(CLOCK_SKEW_SECONDS).toBe(5);
  });
});

describe('verifying an internal token', () => {
  const token = signInternalToken(PRIVATE, { audience: 'customers', user: USER, ttlSeconds: 60, now: NOW });

  it('gives the user the gateway signed for, exactly', () => {
    expect(verifyAt(token)).toEqual({ user: USER });
  });

  it('gives no user for the gateway’s own token', () => {
    const own = signInternalToken(PRIVATE, { audience: 'customers', ttlSeconds: 60, now: NOW });
    expect(verifyAt(own)).toEqual({});
  });

  it('gives a user without on-behalf-of or purpose when the token has none, and ignores other claims', () => {
    expect(verifyAt(craft(EDDSA, claims({ extra: 'ignored' })))).toEqual({
      user: { tenantId: USER.tenantId, actorId: USER.actorId, roles: USER.roles },
    });
  });

  describe('refuses', () => {
    it.each([
      ['no token', undefined],
      ['an empty token', ''],
    ])('%s', (_, given) => {
      expect(refusal(() => verifyAt(given))).toBe('the call carries no internal token');
    });

    it.each([
      ['two segments', 'a.b'],
      ['four segments', 'a.b.c.d'],
      ['an empty segment', 'a..c'],
      ['characters outside base64url', 'a.b.c='],
      ['padding in a segment', `${token}=`],
      ['spaces', ` ${token}`],
    ])('a token of %s', (_, given) => {
      expect(refusal(() => verifyAt(given))).toBe('the internal token is malformed');
    });

    it.each([
      ['a header that is not JSON', 'not json'],
      ['a header that is an array', ['EdDSA']],
      ['a header that is null', null],
      ['alg none', { alg: 'none', typ: 'JWT' }],
      ['alg HS256', { alg: 'HS256', typ: 'JWT' }],
      ['no alg', { typ: 'JWT' }],
    ])('%s, even signed with the right key', (_, header) => {
      expect(refusal(() => verifyAt(craft(header, claims())))).toBe(
        'the internal token is not signed with EdDSA',
      );
    });

    it('a token signed with another key', () => {
      const forged = signInternalToken(OTHER_PRIVATE, {
        audience: 'customers',
        user: USER,
        ttlSeconds: 60,
        now: NOW,
      });
      expect(refusal(() => verifyAt(forged))).toBe('the internal token signature is invalid');
    });

    it('a payload changed under the original signature (roles raised, tenant moved)', () => {
      const [header, , signature] = token.split('.');
      const raised = b64(claims({ roles: ['admin'], tid: 'another-tenant' }));
      expect(refusal(() => verifyAt(`${header}.${raised}.${signature}`))).toBe(
        'the internal token signature is invalid',
      );
    });

    it('a header changed under the original signature', () => {
      const [, payload, signature] = token.split('.');
      const header = b64({ alg: 'EdDSA', typ: 'JWT', kid: 'x' });
      expect(refusal(() => verifyAt(`${header}.${payload}.${signature}`))).toBe(
        'the internal token signature is invalid',
      );
    });

    it.each([
      ['truncated', (s: string) => s.slice(0, -4)],
      ['altered', (s: string) => (s.startsWith('A') ? 'B' : 'A') + s.slice(1)],
      ['doubled', (s: string) => s + s],
    ])('a signature %s', (_, change) => {
      const [header, payload, signature = ''] = token.split('.');
      expect(refusal(() => verifyAt(`${header}.${payload}.${change(signature)}`))).toBe(
        'the internal token signature is invalid',
      );
    });

    it('any token when no key is trusted', () => {
      expect(refusal(() => verifyAt(token, NOW, []))).toBe('the internal token signature is invalid');
    });

    it.each([
      ['a payload that is not JSON', 'not json'],
      ['a payload that is an array', [claims()]],
      ['no issuer', claims({ iss: undefined })],
      ['an audience that is not text', claims({ aud: ['customers'] })],
      ['no issue time', claims({ iat: undefined })],
      ['an issue time that is not whole', claims({ iat: IAT + 0.5 })],
      ['an expiry that is text', claims({ exp: String(IAT + 60) })],
      ['an expiry beyond safe integers', claims({ exp: 2 ** 53 })],
      ['a subject that is not text', claims({ sub: 42 })],
    ])('%s', (_, payload) => {
      expect(refusal(() => verifyAt(craft(EDDSA, payload)))).toBe('the internal token claims are malformed');
    });

    it.each([
      ['another issuer', 'serviceops'],
      ['an empty issuer', ''],
    ])('%s', (_, iss) => {
      expect(refusal(() => verifyAt(craft(EDDSA, claims({ iss }))))).toBe(
        'the internal token is not the gateway’s',
      );
    });

    it.each([['analytics'], ['tenancy'], ['Customers'], ['']])('a token for %j', (aud) => {
      expect(refusal(() => verifyAt(craft(EDDSA, claims({ aud }))))).toBe(
        'the internal token is not for customers',
      );
    });

    it('a token for another service, signed by the gateway', () => {
      const forAnalytics = signInternalToken(PRIVATE, {
        audience: 'analytics',
        user: USER,
        ttlSeconds: 60,
        now: NOW,
      });
      expect(refusal(() => verifyAt(forAnalytics))).toBe('the internal token is not for customers');
      expect(verifyInternalToken(forAnalytics, [PUBLIC], 'analytics', NOW)).toEqual({ user: USER });
    });

    it('a token that lives longer than any the gateway gives', () => {
      const long = craft(EDDSA, claims({ exp: IAT + MAX_LIFETIME_SECONDS + 1 }));
      expect(refusal(() => verifyAt(long))).toBe('the internal token lives too long');
      expect(verifyAt(craft(EDDSA, claims({ exp: IAT + MAX_LIFETIME_SECONDS })))).toHaveProperty('user');
    });

    it('a token issued further in the future than clocks differ', () => {
      const issuedAt = IAT * 1000;
      const skew = CLOCK_SKEW_SECONDS * 1000;
      expect(verifyAt(token, issuedAt - skew)).toHaveProperty('user');
      expect(refusal(() => verifyAt(token, issuedAt - skew - 1))).toBe(
        'the internal token is issued in the future',
      );
    });

    it('an expired token, once clocks cannot explain it', () => {
      const expiresAt = (IAT + 60 + CLOCK_SKEW_SECONDS) * 1000;
      expect(verifyAt(token, expiresAt - 1)).toHaveProperty('user');
      expect(refusal(() => verifyAt(token, expiresAt))).toBe('the internal token has expired');
      expect(refusal(() => verifyAt(token, NOW + 3_600_000))).toBe('the internal token has expired');
    });

    it.each([
      ['an empty subject', { sub: '' }],
      ['no tenant', { tid: undefined }],
      ['an empty tenant', { tid: '' }],
      ['a tenant that is not text', { tid: 7 }],
      ['no roles', { roles: undefined }],
      ['roles that are not a list', { roles: 'admin' }],
      ['a role that is not text', { roles: ['admin', 1] }],
      ['an empty on-behalf-of', { obo: '' }],
      ['an on-behalf-of that is not text', { obo: 1 }],
      ['an empty purpose', { pur: '' }],
      ['a purpose that is not text', { pur: ['why'] }],
    ])('a user with %s', (_, overrides) => {
      expect(refusal(() => verifyAt(craft(EDDSA, claims(overrides))))).toBe(
        'the internal token names no whole user',
      );
    });
  });

  it('accepts a token any of the trusted keys verifies (a key being rotated)', () => {
    expect(verifyAt(token, NOW, [OTHER_PUBLIC, PUBLIC])).toEqual({ user: USER });
    expect(verifyAt(token, NOW, [PUBLIC, OTHER_PUBLIC])).toEqual({ user: USER });
  });
});

describe('keys', () => {
  it('reads a key pair as base64 of DER, and as PEM', () => {
    const pem = {
      privateKey: PRIVATE.export({ format: 'pem', type: 'pkcs8' }).toString(),
      publicKey: PUBLIC.export({ format: 'pem', type: 'spki' }).toString(),
    };
    const token = signInternalToken(internalPrivateKeyOf(`${pem.privateKey}\n`), {
      audience: 'customers',
      ttlSeconds: 60,
      now: NOW,
    });
    expect(verifyAt(token, NOW, [internalPublicKeyOf(pem.publicKey)])).toEqual({});
    expect(verifyAt(token, NOW, [internalPublicKeyOf(` ${pair.publicKey} `)])).toEqual({});
  });

  it('refuses what is not a key', () => {
    expect(() => internalPrivateKeyOf('not a key')).toThrow(
      'not a private key (PEM, or base64 of PKCS#8 DER)',
    );
    expect(() => internalPublicKeyOf('not a key')).toThrow('not a public key (PEM, or base64 of SPKI DER)');
    expect(() => internalPrivateKeyOf(pair.publicKey)).toThrow(/not a private key/);
    expect(() => internalPublicKeyOf(pair.privateKey)).toThrow(/not a public key/);
  });

  it('refuses keys of another algorithm', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const x25519 = generateKeyPairSync('x25519');
    for (const { privateKey, publicKey } of [rsa, x25519]) {
      const der = {
        privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
        publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
      };
      expect(() => internalPrivateKeyOf(der.privateKey)).toThrow('not an Ed25519 key');
      expect(() => internalPublicKeyOf(der.publicKey)).toThrow('not an Ed25519 key');
    }
  });

  it('reads the pairs the tests make (libs/testing), whose halves belong together', () => {
    const fresh = newInternalKeyPair();
    expect(fresh.privateKey).not.toBe(pair.privateKey);
    const key = createPrivateKey({
      key: Buffer.from(fresh.privateKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    const token = signInternalToken(key, { audience: 'customers', ttlSeconds: 60, now: NOW });
    expect(verifyAt(token, NOW, [internalPublicKeyOf(fresh.publicKey)])).toEqual({});
  });

  it('takes the tokens the tests sign as the gateway does (libs/testing), claim for claim', () => {
    const request = { privateKey: pair.privateKey, audience: 'customers', user: USER, issuedAt: NOW };
    const token = internalToken(request);
    const gateways = signInternalToken(PRIVATE, {
      audience: 'customers',
      user: USER,
      ttlSeconds: 60,
      now: NOW,
    });
    expect(token).toBe(gateways); // Ed25519 signatures are deterministic: same claims, same token
    expect(verifyAt(token)).toEqual({ user: USER });
    expect(verifyAt(internalToken({ ...request, user: undefined }))).toEqual({});
  });
});

describe('the gateway’s signer and a service’s verifier', () => {
  it('sign with the configured lifetime at the clock’s time, and verify for their own service only', () => {
    const signer = new InternalTokenSigner(PRIVATE, 30, () => NOW);
    const token = signer.sign('customers', USER);
    expect(partsOf(token).payload).toMatchObject({ aud: 'customers', iat: IAT, exp: IAT + 30 });
    expect(new InternalTokenVerifier('customers', [PUBLIC], () => NOW).verify(token)).toEqual({ user: USER });
    expect(refusal(() => new InternalTokenVerifier('tenancy', [PUBLIC], () => NOW).verify(token))).toBe(
      'the internal token is not for tenancy',
    );
    const later = (IAT + 30 + CLOCK_SKEW_SECONDS) * 1000;
    expect(refusal(() => new InternalTokenVerifier('customers', [PUBLIC], () => later).verify(token))).toBe(
      'the internal token has expired',
    );
  });

  it('sign for a minute by default, and for no user when none is given', () => {
    const token = new InternalTokenSigner(PRIVATE, undefined, () => NOW).sign('tenancy');
    expect(partsOf(token).payload).toEqual({
      iss: INTERNAL_TOKEN_ISSUER,
      aud: 'tenancy',
      iat: IAT,
      exp: IAT + 60,
    });
  });

  it('use the real clock unless given one', () => {
    const token = new InternalTokenSigner(PRIVATE).sign('customers', USER);
    expect(new InternalTokenVerifier('customers', [PUBLIC]).verify(token)).toEqual({ user: USER });
  });

  it('refuse to verify with no key at all', () => {
    expect(() => new InternalTokenVerifier('customers', [])).toThrow(
      'a verifier needs at least one public key',
    );
  });
});
