import { RULES } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';

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
 * string of that shape decodes, so a well-formed cursor is never refused.
 */
export function encodeCursor(at: Date, id: string): string {
  return `${at.getTime()}_${id}`;
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const { key, id } = decodeKeyCursor(cursor);
  return { at: new Date(key), id };
}

const DAY_MS = 86_400_000;
const LAST_DAY = Date.UTC(9999, 11, 31) / DAY_MS;

/** The same for a sort key that is a local day ('YYYY-MM-DD'): return visits by due day. */
export function encodeDayCursor(day: string, id: string): string {
  return `${Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)}_${id}`;
}

export function decodeDayCursor(cursor: string): { day: string; id: string } {
  const { key, id } = decodeKeyCursor(cursor);
  // Days past 9999-12-31 are clamped to it: they still sort after every real one.
  const day = new Date(Math.min(key, LAST_DAY) * DAY_MS).toISOString().slice(0, 10);
  return { day, id };
}

function decodeKeyCursor(cursor: string): { key: number; id: string } {
  if (!RULES.keysetCursor.accepts(cursor))
    throw new ProblemError('VALIDATION', 'invalid cursor', [
      { path: 'cursor', message: `cursor ${RULES.keysetCursor.message}` },
    ]);
  const [key, id] = cursor.split('_') as [string, string];
  return { key: Number(key), id };
}

export function asOfDate(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime()))
    throw new ProblemError('VALIDATION', 'asOf is not a date', [
      { path: 'asOf', message: 'ISO 8601 expected' },
    ]);
  return at;
}
