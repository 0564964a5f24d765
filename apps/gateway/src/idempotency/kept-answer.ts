import { PERSONAL_FIELDS } from '@serviceops/platform';

const PERSONAL: ReadonlySet<string> = new Set(PERSONAL_FIELDS);

/**
 * A body as the idempotency store may keep it: every personal field, at any depth, left out (a list of them
 * emptied, so the answer keeps its schema). Kept answers sit in clear text for a day, outside the customer's
 * encryption, where an erasure cannot reach them; so they keep ids, versions and states only, and a replay is
 * read again for the rest.
 */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, field]) =>
      !PERSONAL.has(key) ? [[key, withoutPersonalData(field)]] : Array.isArray(field) ? [[key, []]] : [],
    ),
  );
}

/** The JSON text of an answer's body as it may be kept (text that is not JSON is not kept: `null`). */
export function keptBody(json: string): string {
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return 'null';
  }
  return JSON.stringify(withoutPersonalData(body)) ?? 'null';
}
