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

/** Cursors are opaque: the sort key (a time) and the row's id of the last item of a page. */
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const { key, id } = decodeKeyCursor(cursor, (at) => !Number.isNaN(new Date(at).getTime()));
  return { at: new Date(key), id };
}

/** The same for a sort key that is a local day ('YYYY-MM-DD'): return visits by due day. */
export function encodeDayCursor(day: string, id: string): string {
  return Buffer.from(`${day}|${id}`).toString('base64url');
}

export function decodeDayCursor(cursor: string): { day: string; id: string } {
  const { key, id } = decodeKeyCursor(cursor, (day) => /^\d{4}-\d{2}-\d{2}$/.test(day));
  return { day: key, id };
}

function decodeKeyCursor(cursor: string, validKey: (key: string) => boolean): { key: string; id: string } {
  const [key, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!key || !id || !validKey(key) || !/^[0-9a-f-]{36}$/.test(id))
    throw new ProblemError('VALIDATION', 'invalid cursor', [
      { path: 'cursor', message: 'use a nextCursor as given' },
    ]);
  return { key, id };
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
