import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import {
  INTERNAL_TOKEN_HEADER,
  INTERNAL_TOKEN_METADATA,
  internalTokenClaims,
  type InternalUser,
} from '@serviceops/contracts';

// Signing as the gateway signs, for tests that call a service's gRPC port directly. The claims come from the
// contract (libs/contracts/src/internal-token.ts) the services verify; the few lines of signing are libs/platform's
// again, written apart because libs/platform's own tests use this library (Nx refuses the cycle).

export type { InternalUser };

export interface InternalTokenRequest {
  /** The gateway's private key as the platform is configured with it (INTERNAL_TOKEN_PRIVATE_KEY: base64 of DER). */
  readonly privateKey: string;
  /** The service called: tenancy, customers, analytics. */
  readonly audience: string;
  /** Unset: the gateway's own token, naming no user (what Tenancy.Authenticate takes). */
  readonly user?: InternalUser;
  readonly ttlSeconds?: number;
  /** When it was signed (ms since the epoch): long ago for an expired token. */
  readonly issuedAt?: number;
}

/** A fresh Ed25519 key pair as the platform is configured with it: base64 of the DER of each half. */
export function newInternalKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An internal token signed with `privateKey`, as the gateway signs one. */
export function internalToken(request: InternalTokenRequest): string {
  const key = createPrivateKey({
    key: Buffer.from(request.privateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const issuedAt = Math.floor((request.issuedAt ?? Date.now()) / 1000);
  const claims = internalTokenClaims(request.audience, request.user, issuedAt, request.ttlSeconds ?? 60);
  const input = `${base64url(INTERNAL_TOKEN_HEADER)}.${base64url(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`;
}

/** The metadata of such a call, `{ 'x-internal-token': … }`, to spread into a gRPC client's metadata. */
export function internalCallHeaders(request: InternalTokenRequest): Record<string, string> {
  return { [INTERNAL_TOKEN_METADATA]: internalToken(request) };
}
