import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ProblemError } from '@serviceops/platform';
import { TENANT_ROLES } from '@serviceops/contracts';
import { isUuid } from '@serviceops/kernel';
import { refusalOf, unauthenticated, type AccessClaims } from './jwt';

/** Asymmetric algorithms an external issuer may sign with (never HS*: its secret would be ours to guess). */
export const OIDC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

/** How an external OpenID Connect issuer's tokens are trusted and read (the gateway's OIDC_* variables). */
export interface OidcSettings {
  /** The issuer URL, exactly as its tokens' `iss` says it (Keycloak: `https://sso.example/realms/acme`). */
  readonly issuer: string;
  /** The audience our tokens must name (`aud`): the client id the issuer knows this API by. */
  readonly audience: string;
  /** Where the keys are; absent: read from the issuer's discovery document (`jwks_uri`). */
  readonly jwksUrl?: string;
  /** Dot path of the claim holding the tenant id (a UUID). */
  readonly tenantClaim: string;
  /** Dot path of the claim holding the roles (a list of strings; Keycloak: `realm_access.roles`). */
  readonly rolesClaim: string;
  /** Dot path of the claim naming the user; the subject when absent. */
  readonly usernameClaim: string;
}

/** Fetches a URL's JSON (discovery): `fetch` in production, a stub server's answer in tests alike. */
export type FetchJson = (url: string) => Promise<unknown>;

const fetchJson: FetchJson = async (url) => {
  const response = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: 'error' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
};

/** The value at a dot path of the claims (`realm_access.roles`). */
export function claimAt(payload: object, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

const grantable: ReadonlySet<string> = new Set(TENANT_ROLES);

/**
 * Verifies access tokens of one external OpenID Connect issuer with jose: the signature against the issuer's
 * published keys (JWKS, found by discovery, cached and refreshed by jose when a new `kid` appears), an
 * asymmetric algorithm, the issuer, the audience and the expiry. Identity then comes from the configured claims:
 * the tenant must be a UUID, and only tenant roles are kept (an external issuer can never make a platform
 * operator, nor a role we do not know).
 */
export class OidcVerifier {
  private keys?: Promise<JWTVerifyGetKey>;

  constructor(
    readonly settings: OidcSettings,
    private readonly fetch: FetchJson = fetchJson,
  ) {}

  /** Whether `issuer` (a token's unverified `iss`) is this verifier's. */
  issues(issuer: unknown): boolean {
    return issuer === this.settings.issuer;
  }

  async verify(token: string, now = Date.now()): Promise<AccessClaims> {
    const { settings } = this;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.keySet(), {
        algorithms: OIDC_ALGORITHMS,
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now),
      }));
    } catch (error) {
      throw refusalOf(error, settings.issuer);
    }
    const tenantId = claimAt(payload, settings.tenantClaim);
    if (!isUuid(tenantId))
      throw unauthenticated(`the token's ${settings.tenantClaim} claim names no tenant (a UUID is expected)`);
    const roles = claimAt(payload, settings.rolesClaim);
    const username = claimAt(payload, settings.usernameClaim);
    const { sub, exp } = payload as { sub: string; exp: number };
    return {
      sub,
      tid: tenantId.toLowerCase(),
      roles: Array.isArray(roles) ? roles.filter((role): role is string => grantable.has(String(role))) : [],
      name: typeof username === 'string' && username !== '' ? username : sub,
      iat: payload.iat ?? Math.floor(now / 1000),
      exp,
      iss: settings.issuer,
      external: true,
    };
  }

  /** The issuer's key set, found once (discovery) and kept; a failed discovery is tried again next time. */
  private keySet(): Promise<JWTVerifyGetKey> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined;
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<JWTVerifyGetKey> {
    let url = this.settings.jwksUrl;
    if (url === undefined) {
      const discovery = `${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      let document: unknown;
      try {
        document = await this.fetch(discovery);
      } catch {
        throw this.unreachable();
      }
      const uri = (document as { jwks_uri?: unknown } | null)?.jwks_uri;
      if (typeof uri !== 'string') throw this.unreachable();
      url = uri;
    }
    const remote = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    // A token whose kid the issuer does not publish is the caller's fault (401); keys that cannot be fetched
    // (network, an error answer, a bad document) are ours to retry (503).
    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys)
          throw error;
        throw this.unreachable();
      }
    };
  }

  private unreachable(): ProblemError {
    return new ProblemError(
      'UNAVAILABLE',
      `the keys of ${this.settings.issuer} cannot be fetched now; try again`,
    );
  }
}
