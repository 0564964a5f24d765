import { createHash } from 'node:crypto';
import { ProblemError } from '@serviceops/platform';
import { isIdempotencyKey } from '../access/caller';

/** The Idempotency-Key header's value, or a 400 when it is not 1–200 printable characters. */
export function parseIdempotencyKey(header: string): string {
  if (!isIdempotencyKey(header))
    throw new ProblemError('IDEMPOTENCY.KEY_INVALID', 'Idempotency-Key must be 1–200 printable characters', [
      { path: 'Idempotency-Key', message: 'must be 1–200 printable ASCII characters' },
    ]);
  return header;
}

/** JSON with object keys sorted, so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests "the same" for a key: the body and the condition on it (If-Match). */
export function requestHash(body: unknown, ifMatch: string | undefined): string {
  return createHash('sha256')
    .update(canonicalJson(body ?? null))
    .update('\n')
    .update(ifMatch?.trim() ?? '')
    .digest('hex');
}
