import { ProblemError } from '@serviceops/platform';
import type { HttpResponse } from './http.types';

const INT32_MAX = 2_147_483_647;
/** What OpenAPI promises If-Match accepts (a subset of what parseIfMatch takes: up to 9 digits, never too big). */
export const IF_MATCH_PATTERN = '^(|\\*|(W/)?("[0-9]{1,9}"|[0-9]{1,9}))$';

/**
 * The version an `If-Match` header names: `"3"`, `3` or `W/"3"`. Absent or `*` means no condition. Anything
 * else (lists, non-numbers) is a 400 rather than silently unconditional.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '' || value === '*') return undefined;
  const match = /^(?:W\/)?("?)(\d{1,10})\1$/.exec(value);
  const version = match ? Number(match[2]) : NaN;
  if (!Number.isSafeInteger(version) || version > INT32_MAX)
    throw new ProblemError('VALIDATION', 'If-Match must name one version, e.g. "3"', [
      { path: 'If-Match', message: 'must be a version number, optionally quoted: "3"' },
    ]);
  return version;
}

/** The ETag of a version: `"3"`. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Sets the answer's ETag to the resource's version, and gives the resource back. */
export function withEtag<T extends { readonly version: number }>(res: HttpResponse, resource: T): T {
  res.setHeader('ETag', etagOf(resource.version));
  return resource;
}
