import type { Type } from '@nestjs/common';
import { classificationsOf, isRequired, propertiesOf, viewTypeOf } from '../http/personal';

/** What a kept answer holds for a personal text its schema requires: the platform's mask, never the value. */
export const KEPT_MASK = '***';

/**
 * A body as the idempotency store may keep it: every field its view class marks `@Personal()` or `@Secret()`
 * (libs http/personal.ts), at any depth, left out (a list of them emptied, a personal text the schema requires masked
 * as `***`, so a replayed answer keeps its schema). Kept
 * answers sit in clear text for a day, outside the sealed records, where an erasure cannot reach them; so they keep
 * ids, versions and states only, and a replay is read again for the rest. The marks are the answer's own: a
 * separation's `reason` is left out, a qualification's ineligibility `reason` (an enum) is kept.
 */
export function withoutPersonalData(value: unknown, view: Type<unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, view));
  if (value === null || typeof value !== 'object') return value;
  const classified = classificationsOf(view);
  const known = new Set(propertiesOf(view));
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, field]): [string, unknown][] => {
      const kind = classified.get(key)?.kind;
      if (kind === 'secret') return Array.isArray(field) ? [[key, []]] : [];
      if (kind === 'personal') {
        if (Array.isArray(field)) return [[key, []]];
        return typeof field === 'string' && isRequired(view, key) ? [[key, KEPT_MASK]] : [];
      }
      // A field its schema does not state is not kept: nothing says what it holds.
      if (!known.has(key)) return [];
      const inner = viewTypeOf(view, key);
      return [[key, inner ? withoutPersonalData(field, inner) : field]];
    }),
  );
}

/**
 * The JSON text of an answer's body as it may be kept: a success by its view class, a problem (which carries no
 * personal data) as it is; text that is not JSON is not kept (`null`).
 */
export function keptBody(json: string, view: Type<unknown> | undefined): string {
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    return 'null';
  }
  return JSON.stringify(view ? withoutPersonalData(body, view) : body) ?? 'null';
}
