import { ProblemError } from '@serviceops/platform';
import {
  bearerTokenOf,
  signAccessToken,
  verifyAccessToken,
  type AccessClaims,
  type TokenSubject,
} from './jwt';

export interface IssuedToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
}

/** Signs and checks the gateway's access tokens with its secret. */
export class AccessTokens {
  private readonly verified = new WeakMap<object, AccessClaims | undefined>();

  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {}

  issue(subject: TokenSubject): IssuedToken {
    return {
      accessToken: signAccessToken(subject, this.secret, this.ttlSeconds),
      tokenType: 'Bearer',
      expiresIn: this.ttlSeconds,
    };
  }

  /** The claims of an `Authorization` header's bearer token; throws a 401 problem otherwise. */
  verify(authorization: unknown): AccessClaims {
    const token = bearerTokenOf(authorization);
    if (!token)
      throw new ProblemError(
        'UNAUTHENTICATED',
        'the request carries no token: Authorization: Bearer <token>',
      );
    return verifyAccessToken(token, this.secret);
  }

  /** The claims of a request's bearer token when it is valid, checked once per request, else undefined. */
  tryRequest(req: object, authorization: unknown): AccessClaims | undefined {
    if (this.verified.has(req)) return this.verified.get(req);
    let claims: AccessClaims | undefined;
    try {
      claims = this.verify(authorization);
    } catch {
      claims = undefined;
    }
    this.verified.set(req, claims);
    return claims;
  }
}
