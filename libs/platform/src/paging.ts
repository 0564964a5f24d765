import { RULES } from '@serviceops/kernel';
import { ProblemError } from './errors';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

export function limitOf(limit: number | undefined): number {
  const value = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT)
    throw new ProblemError('VALIDATION', 'limit out of range', [
      { path: 'limit', message: `1–${MAX_LIMIT}` },
    ]);
  return value;
}

/**
 * A cursor is `<sort key>_<id>` of the last item of a page (RULES.keysetCursor, which the gateway checks and
 * OpenAPI states): the key is a time in epoch milliseconds, or a local day as days since 1970-01-01. Every
 * string of that shape decodes, so a well-formed cursor is never refused. (Moved from the customers service so
 * that every service pages alike.)
 */
export function encodeCursor(at: Date, id: string): string {
  return `${at.getTime()}_${id}`;
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const { key, id } = decodeKeyCursor(cursor);
  return { at: new Date(key), id };
}

/**
 * One page of rows fetched with `LIMIT limit + 1` in keyset order: the first `limit`, and the cursor of the last
 * of them when there are more.
 */
export function keysetPage<T>(
  rows: readonly T[],
  limit: number,
  keyOf: (row: T) => { at: Date; id: string },
): { page: T[]; nextCursor?: string } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length <= limit || last === undefined) return { page };
  const { at, id } = keyOf(last);
  return { page, nextCursor: encodeCursor(at, id) };
}

/** A keyset cursor's sort key (a number) and id: every well-formed cursor decodes. */
export function decodeKeyCursor(cursor: string): { key: number; id: string } {
  if (!RULES.keysetCursor.accepts(cursor))
    throw new ProblemError('VALIDATION', 'invalid cursor', [
      { path: 'cursor', message: `cursor ${RULES.keysetCursor.message}` },
    ]);
  const [key, id] = cursor.split('_') as [string, string];
  return { key: Number(key), id };
}

/** `?asOf=` (or another instant parameter, named by `field`): absent, or a date. */
export function asOfDate(asOf: string | undefined, field = 'asOf'): Date | undefined {
  if (asOf === undefined) return undefined;
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime()))
    throw new ProblemError('VALIDATION', `${field} is not a date`, [
      { path: field, message: 'ISO 8601 expected' },
    ]);
  return at;
}
