import { DomainError } from './errors';

/**
 * When a tenant is open: weekly working hours in its own time zone, less holidays. SLAs and complaint
 * deadlines are counted in these hours ("6 working hours from the request").
 */
export interface BusinessCalendar {
  /** IANA time zone, e.g. 'Asia/Shanghai'. */
  readonly timeZone: string;
  /** One entry per open weekday; a weekday without an entry is closed. */
  readonly workingHours: readonly WorkingDay[];
  /** Local dates 'YYYY-MM-DD', closed all day. */
  readonly holidays: readonly string[];
}

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WorkingDay {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: IsoWeekday;
  /** Local wall-clock time 'HH:MM'. */
  readonly open: string;
  /** Local wall-clock time 'HH:MM' after `open`; '24:00' means open until midnight. */
  readonly close: string;
}

export const defaultBusinessCalendar: BusinessCalendar = Object.freeze({
  timeZone: 'Asia/Shanghai',
  workingHours: Object.freeze(
    ([1, 2, 3, 4, 5] as const).map((weekday) => Object.freeze({ weekday, open: '09:00', close: '18:00' })),
  ),
  holidays: Object.freeze([]),
});

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const HH_MM = /^(\d{2}):(\d{2})$/;
const YYYY_MM_DD = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(field: string, message: string): DomainError {
  return new DomainError('CALENDAR.INVALID', `${field}: ${message}`, { field });
}

/** Throws DomainError 'CALENDAR.INVALID' with the offending `field` (e.g. 'workingHours[1].close'). */
export function validateBusinessCalendar(c: BusinessCalendar): void {
  if (typeof c.timeZone !== 'string' || !isTimeZone(c.timeZone)) {
    throw invalid('timeZone', `unknown time zone "${String(c.timeZone)}"`);
  }
  const seen = new Set<number>();
  c.workingHours.forEach((day, i) => {
    const at = `workingHours[${i}]`;
    if (!Number.isInteger(day.weekday) || day.weekday < 1 || day.weekday > 7) {
      throw invalid(`${at}.weekday`, `weekday must be 1 (Monday) to 7 (Sunday), got ${String(day.weekday)}`);
    }
    if (seen.has(day.weekday)) throw invalid(`${at}.weekday`, `weekday ${day.weekday} appears twice`);
    seen.add(day.weekday);
    const open = parseTime(day.open, false);
    if (open === undefined) throw invalid(`${at}.open`, `expected HH:MM, got "${String(day.open)}"`);
    const close = parseTime(day.close, true);
    if (close === undefined) throw invalid(`${at}.close`, `expected HH:MM, got "${String(day.close)}"`);
    if (close <= open)
      throw invalid(`${at}.close`, `closes at ${day.close}, not after it opens at ${day.open}`);
  });
  const holidays = new Set<string>();
  c.holidays.forEach((date, i) => {
    const at = `holidays[${i}]`;
    if (parseDate(date) === undefined) throw invalid(at, `expected a date YYYY-MM-DD, got "${String(date)}"`);
    if (holidays.has(date)) throw invalid(at, `${date} appears twice`);
    holidays.add(date);
  });
}

/**
 * The instant after `hours` (may be fractional) of open time counted from `from`; counting starts at the next
 * opening when `from` is outside business hours. Ending exactly at a closing time returns that closing time.
 */
export function addBusinessHours(c: BusinessCalendar, from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new DomainError('CALENDAR.INVALID_HOURS', `hours must be a finite number >= 0, got ${hours}`);
  }
  const cal = compile(c);
  if (cal.days.size === 0) {
    throw new DomainError('CALENDAR.NO_WORKING_DAYS', 'the calendar has no working days');
  }
  let remaining = Math.round(hours * MS_PER_HOUR);
  const start = from.getTime();
  // Holidays are finite, so a calendar with a working day always reaches one: the loop ends.
  for (let day = localDayOf(cal.timeZone, start); ; day += 1) {
    const span = openSpan(cal, day);
    if (span === undefined) continue;
    const begin = Math.max(span.open, start);
    if (begin >= span.close) continue;
    if (remaining <= span.close - begin) return new Date(begin + remaining);
    remaining -= span.close - begin;
  }
}

/** Open hours between two instants; 0 when `to` is not after `from`. */
export function businessHoursBetween(c: BusinessCalendar, from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  const cal = compile(c);
  let total = 0;
  const last = localDayOf(cal.timeZone, end);
  for (let day = localDayOf(cal.timeZone, start); day <= last; day += 1) {
    const span = openSpan(cal, day);
    if (span === undefined) continue;
    total += Math.max(0, Math.min(span.close, end) - Math.max(span.open, start));
  }
  return total / MS_PER_HOUR;
}

export function isWithinBusinessHours(c: BusinessCalendar, at: Date): boolean {
  const cal = compile(c);
  const t = at.getTime();
  const span = openSpan(cal, localDayOf(cal.timeZone, t));
  return span !== undefined && span.open <= t && t < span.close;
}

// ---------------------------------------------------------------------------------------------------------------
// Internals. A local date is a day number: days since 1970-01-01 on the wall calendar (time zone free).
// ---------------------------------------------------------------------------------------------------------------

interface CompiledCalendar {
  readonly timeZone: string;
  /** ISO weekday → open and close in minutes after local midnight. */
  readonly days: ReadonlyMap<number, { readonly open: number; readonly close: number }>;
  /** Day numbers of holidays. */
  readonly holidays: ReadonlySet<number>;
}

// Calendars are immutable values, so each is validated and parsed once.
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(c: BusinessCalendar): CompiledCalendar {
  const cached = compiled.get(c);
  if (cached) return cached;
  validateBusinessCalendar(c);
  const result: CompiledCalendar = {
    timeZone: c.timeZone,
    days: new Map(
      c.workingHours.map((d) => [
        d.weekday,
        { open: parseTime(d.open, false) ?? 0, close: parseTime(d.close, true) ?? 0 },
      ]),
    ),
    holidays: new Set(c.holidays.map((h) => parseDate(h) ?? NaN)),
  };
  compiled.set(c, result);
  return result;
}

/** The open interval of one local day, as UTC epoch milliseconds; undefined when closed. */
function openSpan(cal: CompiledCalendar, day: number): { open: number; close: number } | undefined {
  if (cal.holidays.has(day)) return undefined;
  const hours = cal.days.get(isoWeekday(day));
  if (hours === undefined) return undefined;
  const midnight = day * MS_PER_DAY;
  return {
    open: wallToInstant(cal.timeZone, midnight + hours.open * 60_000),
    close: wallToInstant(cal.timeZone, midnight + hours.close * 60_000),
  };
}

function isoWeekday(day: number): number {
  // Day 0, 1970-01-01, was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Minutes after midnight for 'HH:MM'; '24:00' only where allowed (a closing time). */
function parseTime(value: string, allowMidnightEnd: boolean): number | undefined {
  const m = typeof value === 'string' ? HH_MM.exec(value) : null;
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (allowMidnightEnd && h === 24 && min === 0) return 24 * 60;
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

/** Day number of 'YYYY-MM-DD', undefined unless it is a real calendar date. */
function parseDate(value: string): number | undefined {
  const m = typeof value === 'string' ? YYYY_MM_DD.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

// --- time zones, through Intl only -----------------------------------------------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading at `instant` in `timeZone`, expressed as if it were UTC epoch milliseconds. */
function wallClockOf(timeZone: string, instant: number): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(seconds)) p[part.type] = part.value;
  const hour = Number(p['hour']) % 24; // some engines say 24 for midnight despite h23
  const wall = Date.UTC(
    Number(p['year']),
    Number(p['month']) - 1,
    Number(p['day']),
    hour,
    Number(p['minute']),
    Number(p['second']),
  );
  return wall + (instant - seconds);
}

/**
 * The instant a local date's hour begins in a time zone ('Asia/Shanghai', '2026-12-04', 0 → 2026-12-03T16:00Z);
 * an hour skipped when clocks go forward is moved forward by the gap.
 */
export function zonedInstant(timeZone: string, date: string, hour: number): Date {
  const m = YYYY_MM_DD.exec(date);
  if (!m) throw invalid('date', `expected a date YYYY-MM-DD, got "${date}"`);
  return new Date(wallToInstant(timeZone, Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour)));
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (+8 h for Asia/Shanghai). */
function offsetAt(timeZone: string, instant: number): number {
  return wallClockOf(timeZone, instant) - instant;
}

function localDayOf(timeZone: string, instant: number): number {
  return Math.floor(wallClockOf(timeZone, instant) / MS_PER_DAY);
}

/**
 * The instant a wall clock in `timeZone` reads `wall` (wall-clock time written as UTC epoch milliseconds).
 * Like Temporal's 'compatible': a time repeated when clocks go back is its first occurrence; a time skipped
 * when clocks go forward is moved forward by the gap (02:30 on a 02:00→03:00 night is 03:30).
 */
function wallToInstant(timeZone: string, wall: number): number {
  // The offsets in force a day either side; no zone changes offset twice within two days.
  const before = offsetAt(timeZone, wall - MS_PER_DAY);
  const after = offsetAt(timeZone, wall + MS_PER_DAY);
  const candidates = [wall - before, wall - after].filter((t) => wallClockOf(timeZone, t) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - before;
}

/**
 * The instants a local day ('YYYY-MM-DD') of `timeZone` runs between: [start, end). Lists and reports that filter
 * by the tenant's calendar day turn the day into this range once (a day of 23 or 25 hours when clocks change).
 */
export function localDayRange(timeZone: string, day: string): { start: Date; end: Date } {
  const dayNumber = parseDate(day);
  if (dayNumber === undefined) throw invalid('day', `${day} is not a YYYY-MM-DD date`);
  const midnight = dayNumber * MS_PER_DAY;
  return {
    start: new Date(wallToInstant(timeZone, midnight)),
    end: new Date(wallToInstant(timeZone, midnight + MS_PER_DAY)),
  };
}
