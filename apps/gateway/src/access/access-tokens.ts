import { decodeJwt } from 'jose';
import { ProblemError } from '@serviceops/platform';
import {
  bearerTokenOf,
  signAccessToken,
  verifyAccessToken,
  type AccessClaims,
  type TokenSubject,
} from './jwt';
import type { OidcVerifier } from './oidc';

/** How many verified tokens of its own the gateway remembers (about 0.5 KB each). */
export const VERIFIED_TOKENS = 10_000;

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/**
 * Signs the gateway's own access tokens with its secret, and checks every bearer token: the gateway's own, or,
 * when one is configured, an external OpenID Connect issuer's (picked by the token's `iss`, then fully verified
 * by that issuer's rules alone).
 */
export class AccessTokens {
  private readonly verified = new WeakMap<object, Promise<AccessClaims | undefined>>();
  /**
   * The gateway's own tokens already verified, by their exact text: a token's signature is checked once, not on
   * every request (twice per request before: the rate limit's key and the access guard). A token's claims cannot
   * change under the same signature, so only its expiry is checked again; an expired one goes through the full
   * check (and its refusal). Only valid tokens are kept, at most VERIFIED_TOKENS, the oldest dropped first. The
   * token version and the user's status are still checked on every request (UserGate).
   */
  private readonly ownVerified = new Map<string, AccessClaims>();

  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly oidc?: OidcVerifier,
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer to a sign-in, an activation or a refresh: an access token, and the sign-in's next refresh token. */
  async answer(
    user: TokenSubject & { refreshToken: string; refreshExpiresAt: string },
  ): Promise<IssuedToken & { refreshToken: string; refreshExpiresAt: string }> {
    const { refreshToken, refreshExpiresAt } = user;
    return { ...(await this.issue(user)), refreshToken, refreshExpiresAt };
  }

  async issue(subject: TokenSubject): Promise<IssuedToken> {
    return {
      accessToken: await signAccessToken(subject, this.secret, this.ttlSeconds),
      tokenType: 'Bearer',
      expiresIn: this.ttlSeconds,
    };
  }

  /** The claims of an `Authorization` header's bearer token; throws a 401 problem otherwise. */
  verify(authorization: unknown): Promise<AccessClaims> {
    const token = bearerTokenOf(authorization);
    if (!token)
      return Promise.reject(
        new ProblemError('UNAUTHENTICATED', 'the request carries no token: Authorization: Bearer <token>'),
      );
    if (this.oidc?.issues(issuerOf(token))) return this.oidc.verify(token);
    return this.verifyOwn(token);
  }

  private async verifyOwn(token: string): Promise<AccessClaims> {
    const now = this.now();
    const known = this.ownVerified.get(token);
    // As jose decides: expired once `exp` (seconds) is not after now.
    if (known && known.exp > Math.floor(now / 1000)) return known;
    if (known) this.ownVerified.delete(token);
    const claims = await verifyAccessToken(token, this.secret, now);
    Object.freeze(claims.roles);
    Object.freeze(claims);
    if (this.ownVerified.size >= VERIFIED_TOKENS) {
      const oldest = this.ownVerified.keys().next();
      if (!oldest.done) this.ownVerified.delete(oldest.value);
    }
    this.ownVerified.set(token, claims);
    return claims;
  }

  /** The claims of a request's bearer token when it is valid, checked once per request, else undefined. */
  tryRequest(req: object, authorization: unknown): Promise<AccessClaims | undefined> {
    let claims = this.verified.get(req);
    if (!claims) {
      claims = this.verify(authorization).catch(() => undefined);
      this.verified.set(req, claims);
    }
    return claims;
  }
}

/** A token's issuer as it claims it, unverified: only to pick whose rules verify it. */
function issuerOf(token: string): unknown {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}
