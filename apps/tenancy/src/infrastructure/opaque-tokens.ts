import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Opaque secrets handed out once (an invitation's, a refresh token): 32 random bytes (256 bits) in base64url,
 * of which only the SHA-256 is stored. Nothing to guess, so a plain SHA-256 is the right hash (no salt, no
 * stretching); a leaked table gives no working secret.
 */
export function newOpaqueSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a secret. */
export function hashOfSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

// Compared against when no row is found, so timing does not tell whether one exists.
const NO_HASH = Buffer.alloc(32);

/** Whether `secret` is the one `stored` (a hash, or nothing found) was made from, in constant time. */
export function secretMatches(secret: string, stored: Buffer | undefined): boolean {
  const expected = stored?.length === 32 ? stored : NO_HASH;
  return timingSafeEqual(hashOfSecret(secret), expected) && stored !== undefined;
}
