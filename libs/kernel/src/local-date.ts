import { DomainError } from './errors';

/**
 * Local dates: a day on a wall calendar, written 'YYYY-MM-DD', with no time and no time zone (a birthday, a due
 * day, a holiday). Years 0001 to 9999, so the strings also sort in date order.
 */

const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const FIRST_DAY = dayNumber('0001-01-01') ?? 0;
const LAST_DAY = dayNumber('9999-12-31') ?? 0;

/**
 * Whether `value` is a real calendar date 'YYYY-MM-DD': '2028-02-29' is one, '2027-02-29' is not. (Not a type
 * guard: a string that is no date is still a string.)
 */
export function isLocalDate(value: unknown): boolean {
  return typeof value === 'string' && dayNumber(value) !== undefined;
}

/** The date `days` (an integer, may be negative) after `date`. */
export function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === undefined) {
    throw new DomainError('CALENDAR.INVALID_DATE', `expected a date YYYY-MM-DD, got "${String(date)}"`, {
      date,
    });
  }
  if (!Number.isSafeInteger(days)) {
    throw new DomainError('CALENDAR.INVALID_DAYS', `days must be an integer, got ${days}`, { days });
  }
  const result = day + days;
  if (result < FIRST_DAY || result > LAST_DAY) {
    throw new DomainError('CALENDAR.INVALID_DATE', `${date} + ${days} days is outside years 1 to 9999`, {
      date,
      days,
    });
  }
  return formatDay(result);
}

/** The date a wall calendar in `timeZone` (IANA, e.g. 'Asia/Shanghai') shows at `instant`. */
export function localDateOf(timeZone: string, instant: Date): string {
  if (Number.isNaN(instant.getTime())) {
    throw new DomainError('CALENDAR.INVALID_INSTANT', 'the instant is not a valid date');
  }
  const parts: Record<string, string> = {};
  for (const part of dateFormatter(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = (parts['year'] ?? '').padStart(4, '0');
  const month = (parts['month'] ?? '').padStart(2, '0');
  const day = (parts['day'] ?? '').padStart(2, '0');
  return `${year}-${month}-${day}`;
}

// --- internals --------------------------------------------------------------------------------------------------

/** Days since 1970-01-01 for a real date 'YYYY-MM-DD' in years 1 to 9999; undefined otherwise. */
function dayNumber(value: string): number | undefined {
  const m = YYYY_MM_DD.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return undefined;
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 literally.
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  // A day that does not exist rolls over into another (2027-02-29 is 2027-03-01), which is written otherwise.
  if (t.toISOString().slice(0, 10) !== value) return undefined;
  return t.getTime() / MS_PER_DAY;
}

function formatDay(day: number): string {
  const t = new Date(day * MS_PER_DAY);
  const year = String(t.getUTCFullYear()).padStart(4, '0');
  const month = String(t.getUTCMonth() + 1).padStart(2, '0');
  const date = String(t.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${date}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      throw new DomainError('CALENDAR.INVALID', `timeZone: unknown time zone "${String(timeZone)}"`, {
        field: 'timeZone',
      });
    }
    formatters.set(timeZone, f);
  }
  return f;
}
