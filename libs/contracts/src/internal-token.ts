// The token the gateway signs for every call it makes to a backing service (docs/security.md). Its shape is part of
// the published language between the gateway and the services: libs/platform signs and verifies it, the tests
// (libs/testing) sign it as the gateway does, all from the claims written here.

/** The gRPC metadata key the token travels in. */
export const INTERNAL_TOKEN_METADATA = 'x-internal-token';
/** Who signs internal tokens: the only issuer a service accepts. */
export const INTERNAL_TOKEN_ISSUER = 'serviceops-gateway';
/** The JOSE header of every internal token: EdDSA with Ed25519 (RFC 8037), nothing else. */
export const INTERNAL_TOKEN_HEADER = { alg: 'EdDSA', typ: 'JWT' } as const;

/** The user a call is made for, as the gateway authenticated them. */
export interface InternalUser {
  readonly tenantId: string;
  readonly actorId: string;
  readonly roles: readonly string[];
  readonly onBehalfOf?: string;
  readonly purpose?: string;
}

/** The token's claims: JWT's registered ones, and the user in short names. */
export interface InternalTokenClaims {
  readonly iss: string;
  /** The service called: a token for one is refused by the others. */
  readonly aud: string;
  /** Seconds since the epoch. */
  readonly iat: number;
  readonly exp: number;
  /** The actor; absent in the gateway's own token (Tenancy.Authenticate, before anyone is logged in). */
  readonly sub?: string;
  readonly tid?: string;
  readonly roles?: readonly string[];
  /** On whose behalf. */
  readonly obo?: string;
  /** Why personal data is read. */
  readonly pur?: string;
}

/** The claims of a token for `audience`, issued at `issuedAt` (seconds) for `ttlSeconds`, naming `user` if any. */
export function internalTokenClaims(
  audience: string,
  user: InternalUser | undefined,
  issuedAt: number,
  ttlSeconds: number,
): InternalTokenClaims {
  return {
    iss: INTERNAL_TOKEN_ISSUER,
    aud: audience,
    iat: issuedAt,
    exp: issuedAt + ttlSeconds,
    ...(user
      ? {
          sub: user.actorId,
          tid: user.tenantId,
          roles: [...user.roles],
          ...(user.onBehalfOf !== undefined ? { obo: user.onBehalfOf } : {}),
          ...(user.purpose !== undefined ? { pur: user.purpose } : {}),
        }
      : {}),
  };
}
