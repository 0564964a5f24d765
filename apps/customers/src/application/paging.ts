import { decodeKeyCursor } from '@serviceops/platform';

// Paging moved to libs/platform (every service pages alike); the day cursors of return visits stay here.
export {
  asOfDate,
  decodeCursor,
  DEFAULT_LIMIT,
  encodeCursor,
  keysetPage,
  limitOf,
  MAX_LIMIT,
} from '@serviceops/platform';

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
