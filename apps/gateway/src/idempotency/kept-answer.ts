import { PERSONAL_ANSWER_PATHS } from '@serviceops/contracts';
import { PERSONAL_FIELDS } from '@serviceops/platform';
import { TOKEN_SECRETS } from '../auth/auth.dto';

/**
 * Secrets an answer carries once (an activation invitation's token, and the link holding it; a token answer's
 * access and refresh tokens): never kept. Token answers are public routes, which keep no answer at all (no
 * caller to key it by); their secrets are listed here too, from their view, should one ever be kept.
 */
const SECRETS = ['token', 'activationUrl', ...TOKEN_SECRETS] as const;

/**
 * The customer file's fields (left out at any depth) and the records' free text, both from their one list; and
 * the secrets answered once.
 */
const PERSONAL: ReadonlySet<string> = new Set([...PERSONAL_FIELDS, ...PERSONAL_ANSWER_PATHS, ...SECRETS]);

/** Whether `key`, inside an object found under `parent`, is personal: `cancelReason`, or `type` under `need`. */
function isPersonal(key: string, parent: string | undefined): boolean {
  return PERSONAL.has(key) || (parent !== undefined && PERSONAL.has(`${parent}.${key}`));
}

/**
 * A body as the idempotency store may keep it: every personal field, at any depth, left out (a list of them
 * emptied, so the answer keeps its schema). Kept answers sit in clear text for a day, outside the customer's
 * encryption, where an erasure cannot reach them; so they keep ids, versions and states only, and a replay is
 * read again for the rest. A nested path (`need.type`) is matched by the key and the one it sits under, so a
 * problem's `type` stays.
 */
export function withoutPersonalData(value: unknown, parent?: string): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutPersonalData(item, parent));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, field]) =>
      !isPersonal(key, parent)
        ? [[key, withoutPersonalData(field, key)]]
        : Array.isArray(field)
          ? [[key, []]]
          : [],
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
