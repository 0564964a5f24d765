/**
 * Field rules, each written once: the gateway validates requests with them (and states them in OpenAPI), and
 * the domain applies the very same check before it normalises a value. Framework-free on purpose: domain code
 * imports this file.
 *
 * A rule has two faces that must agree:
 * - `accepts(raw)`: the verdict, used by the gateway (400 when false) and the domain (its own error code);
 * - `schema`: the JSON Schema constraints OpenAPI publishes. A value the schema allows is always accepted; the
 *   schema may be stricter than `accepts` (e.g. no surrounding spaces, which the domain trims), never looser.
 *
 * Lengths count Unicode code points, as JSON Schema's minLength/maxLength do (not UTF-16 units, which count a
 * character outside the Basic Multilingual Plane twice).
 */
export interface StringSchema {
  readonly type: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  /** A value the rule accepts, for the document (a path parameter's example). */
  readonly example?: string;
}

export interface StringRule {
  /** What a valid value is, for error messages: "must be …". */
  readonly message: string;
  readonly schema: StringSchema;
  readonly accepts: (raw: string) => boolean;
}

/** Length in Unicode code points. */
export function codePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character (past the end, charCodeAt is NaN: no low one).
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

// Free text never holds NUL (PostgreSQL text cannot); "something" is a character other than a space (a space for
// JavaScript's trim() or for Python's \s, which the fuzzer uses: \ufeff is one only for the former).
const ANYTHING_BUT_NUL = '^[^\\x00]*$';
const SOMETHING_BUT_NUL = '^[^\\x00]*[^\\s\\x00\\ufeff][^\\x00]*$';

/** A rule for free text: its bound is known. */
export interface TextRule extends StringRule {
  readonly schema: StringSchema & { readonly maxLength: number };
}

/** Free text of `min`–`max` characters once trimmed (min ≥ 1: something other than spaces). */
export function text(min: number, max: number): TextRule {
  return {
    message: min > 0 ? `must be ${min}–${max} characters` : `must be at most ${max} characters`,
    schema: {
      type: 'string',
      ...(min > 0 ? { minLength: min } : {}),
      maxLength: max,
      pattern: min > 0 ? SOMETHING_BUT_NUL : ANYTHING_BUT_NUL,
    },
    accepts: (raw) => {
      const length = codePoints(raw.trim());
      return length >= min && codePoints(raw) <= max && !raw.includes('\0');
    },
  };
}

/** Text taken as it is (passwords): `min`–`max` characters, spaces included, no NUL. */
export function untrimmed(min: number, max: number): TextRule {
  return {
    message: `must be ${min}–${max} characters`,
    schema: { type: 'string', minLength: min, maxLength: max, pattern: ANYTHING_BUT_NUL },
    accepts: (raw) => codePoints(raw) >= min && codePoints(raw) <= max && !raw.includes('\0'),
  };
}

/** A rule that is a regular expression (stated in OpenAPI as the same pattern). */
export function matching(
  regex: RegExp,
  message: string,
  schema: Omit<StringSchema, 'type'> = {},
): StringRule {
  return {
    message,
    schema: { type: 'string', pattern: regex.source, ...schema },
    accepts: (raw) => regex.test(raw),
  };
}

const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID_NUMBER = /^[A-Z0-9]{4,40}$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 date-time: what OpenAPI's `format: date-time` means. */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOWER_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const USERNAME = /^[a-z0-9._-]{3,64}$/;

/** Strips what people put between digits of an ID number; the rest must be 4–40 letters or digits. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/[ -]/g, '').toUpperCase();
}

/** A calendar day that exists: 2024-02-29 yes, 2025-02-29 no. */
export function isCalendarDay(raw: string): boolean {
  const m = DATE_ONLY.exec(raw);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // A day that does not exist rolls over into another (2025-02-29 is 2025-03-01), which is written otherwise.
  return date.toISOString().slice(0, 10) === raw;
}

/** An RFC 3339 instant whose fields are in range (no 25:00, no 30 February; a leap second is refused). */
export function isInstant(raw: string): boolean {
  const m = DATE_TIME.exec(raw);
  if (!m) return false;
  if (!isCalendarDay(raw.slice(0, 10))) return false;
  // Date reads 24:00 as the next day's midnight; minutes, seconds or a zone offset out of range it refuses itself.
  if (Number(m[4]) > 23) return false;
  return !Number.isNaN(new Date(raw.toUpperCase().replace(' ', 'T')).getTime());
}

export const RULES = {
  /** Names of people and things (customers, branches, users, tenants). */
  name: text(1, 200),
  address: text(1, 500),
  notes: text(0, 10_000),
  /** A need or preference in a customer's file. */
  needText: text(0, 2_000),
  /** Reasons, subjects and the like: short free text that must say something. */
  reason: text(1, 500),
  /** Longer free text that must say something (an inquiry's content, an answer). */
  longText: text(1, 10_000),
  phone: {
    message: 'must be a phone number: digits, spaces or dashes, optionally after +',
    schema: { type: 'string', pattern: PHONE.source },
    accepts: (raw) => PHONE.test(raw.trim()),
  },
  email: {
    message: 'must be an email address (at most 254 characters)',
    schema: { type: 'string', format: 'email', pattern: EMAIL.source, maxLength: 254 },
    accepts: (raw) => {
      const email = raw.trim();
      return email.length <= 254 && EMAIL.test(email);
    },
  },
  /** ID card numbers: 4–40 letters or digits; spaces and dashes between them are ignored. */
  idNumber: {
    message: 'must be 4–40 letters or digits (spaces and dashes between them are ignored)',
    schema: { type: 'string', pattern: '^[ -]*([A-Za-z0-9][ -]*){4,40}$', maxLength: 80 },
    accepts: (raw) => ID_NUMBER.test(normaliseIdNumber(raw)),
  },
  /** A day, YYYY-MM-DD, that exists. */
  dateOnly: {
    message: 'must be a date YYYY-MM-DD',
    schema: { type: 'string', format: 'date', pattern: DATE_ONLY.source },
    accepts: isCalendarDay,
  },
  /** A moment, RFC 3339 with a zone: 2026-03-14T09:30:00Z, 2026-03-14T17:30:00+08:00. */
  instant: {
    message: 'must be a date-time with a zone (RFC 3339), e.g. 2026-03-14T09:30:00Z',
    schema: { type: 'string', format: 'date-time' },
    accepts: isInstant,
  },
  uuid: matching(UUID, 'must be a UUID', { format: 'uuid' }),
  username: {
    message: 'must be 3–64 characters of a-z, 0-9, ".", "_" and "-"',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{3,64}$' },
    accepts: (raw) => USERNAME.test(raw.trim().toLowerCase()),
  },
  /** A new password: NIST SP 800-63B length (8–200), taken as typed (spaces count; never trimmed). */
  newPassword: untrimmed(8, 200),
  /** A username offered at login: anything up to 100 characters (a wrong one is a failed login). */
  loginName: text(1, 100),
  /** A password offered at login: anything up to 200 characters. */
  password: untrimmed(1, 200),
  /** A list's position: `<sort key>_<id>`, as a page's `nextCursor` gives it. */
  keysetCursor: matching(
    new RegExp(`^[0-9]{1,15}_${LOWER_UUID}$`),
    'must be a nextCursor as a page gave it',
    {
      maxLength: 52,
    },
  ),
  /** A position in a list ordered by name: base64url of the last name (any such string is a position). */
  nameCursor: matching(/^[A-Za-z0-9_-]{1,1100}$/, 'must be a nextCursor as a page gave it'),
  /** A position in an ordered log: a sequence number. */
  seqCursor: matching(/^[0-9]{1,18}$/, 'must be a nextCursor as a page gave it'),
  /** ISO 4217 currency code. */
  currency: matching(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code (3 capitals)'),
  /** An activation token as its invitation gave it: the invitation's id, a dot, 32 random bytes in base64url. */
  activationToken: matching(
    new RegExp(`^${LOWER_UUID}\\.[A-Za-z0-9_-]{43}$`),
    'must be an activation token as the invitation gave it',
    { maxLength: 80 },
  ),
  /** A refresh token as a sign-in or a refresh gave it: 32 random bytes in base64url, nothing else. */
  refreshToken: matching(/^[A-Za-z0-9_-]{43}$/, 'must be a refresh token as the sign-in gave it', {
    maxLength: 43,
  }),
} as const satisfies Record<string, StringRule>;

export type RuleName = keyof typeof RULES;

/** Genders a customer file may state. */
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

/** Money amounts: integer minor units within what a double holds exactly. */
export const MONEY_AMOUNT = { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER } as const;
export function isMinorUnits(value: unknown): value is number {
  return Number.isSafeInteger(value);
}
