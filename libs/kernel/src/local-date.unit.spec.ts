import { zonedInstant } from './business-calendar';
import { addDays, isLocalDate, localDateOf } from './local-date';

describe('isLocalDate', () => {
  it.each(['2026-03-02', '2028-02-29', '2000-02-29', '0001-01-01', '0050-06-15', '9999-12-31'])(
    'accepts %p',
    (value) => {
      expect(isLocalDate(value)).toBe(true);
    },
  );

  it.each<[string, unknown]>([
    ['a day that does not exist', '2026-02-30'],
    ['Feb 29 in a common year', '2027-02-29'],
    ['Feb 29 in a century year not divisible by 400', '1900-02-29'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-01-00'],
    ['year 0', '0000-01-01'],
    ['a date with a time', '2026-03-02T00:00'],
    ['one-digit month and day', '2026-3-2'],
    ['slashes', '2026/03/02'],
    ['an empty string', ''],
    ['a number', 20260302],
    ['a Date', new Date('2026-03-02')],
    ['null', null],
  ])('refuses %s', (_why, value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 3, '2026-03-05'],
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 3650, '2035-12-30'],
    ['0050-01-01', 1, '0050-01-02'],
    ['9999-12-30', 1, '9999-12-31'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each<[string, string, number, string]>([
    ['the date is not a date', '2026-02-30', 1, 'CALENDAR.INVALID_DATE'],
    ['the days are a fraction', '2026-03-02', 1.5, 'CALENDAR.INVALID_DAYS'],
    ['the days are not finite', '2026-03-02', Infinity, 'CALENDAR.INVALID_DAYS'],
    ['the result is after year 9999', '9999-12-31', 1, 'CALENDAR.INVALID_DATE'],
    ['the result is before year 1', '0001-01-01', -1, 'CALENDAR.INVALID_DATE'],
  ])('refuses when %s', (_why, date, days, code) => {
    expect(() => addDays(date, days)).toThrow(expect.objectContaining({ code }) as Error);
  });
});

describe('localDateOf', () => {
  it.each<[string, string, string]>([
    ['Asia/Shanghai', '2026-03-01T16:00:00.000Z', '2026-03-02'],
    ['Asia/Shanghai', '2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['UTC', '2026-03-01T23:59:59.999Z', '2026-03-01'],
    ['America/New_York', '2026-03-02T03:00:00.000Z', '2026-03-01'],
    ['Pacific/Kiritimati', '2026-12-31T10:00:00.000Z', '2027-01-01'],
  ])('in %s, %s falls on %s', (timeZone, instant, expected) => {
    expect(localDateOf(timeZone, new Date(instant))).toBe(expected);
  });

  it('refuses an unknown time zone', () => {
    expect(() => localDateOf('Mars/Olympus', new Date())).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID', details: { field: 'timeZone' } }) as Error,
    );
  });

  it('refuses an invalid instant', () => {
    expect(() => localDateOf('UTC', new Date('not a date'))).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID_INSTANT' }) as Error,
    );
  });
});

describe('the instant a local hour begins in a time zone', () => {
  it.each([
    ['Asia/Shanghai', '2026-11-22', 9, '2026-11-22T01:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', 9, '2026-03-29T07:00:00.000Z'], // the day summer time starts
    ['Europe/Berlin', '2026-03-28', 9, '2026-03-28T08:00:00.000Z'],
    ['UTC', '2026-01-01', 0, '2026-01-01T00:00:00.000Z'],
    ['Asia/Shanghai', '2026-12-04', 0, '2026-12-03T16:00:00.000Z'], // a contract day begins
    ['America/New_York', '2026-11-01', 0, '2026-11-01T04:00:00.000Z'], // the day summer time ends
  ])('%s %s at %i:00 local is %s', (zone, date, hour, instant) => {
    expect(zonedInstant(zone, date, hour).toISOString()).toBe(instant);
  });
});

describe('local dates at their edges', () => {
  it.each(['x2026-03-02', '2026-03-02x', '02026-03-02', '2026-03-002'])(
    'refuses %p, not a whole date',
    (value) => {
      expect(isLocalDate(value)).toBe(false);
    },
  );

  it('writes years before 1000 with four digits, both ways', () => {
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
    expect(addDays('1000-01-01', -1)).toBe('0999-12-31');
    expect(addDays('0001-01-01', 0)).toBe('0001-01-01');
    expect(addDays('0001-01-02', -1)).toBe('0001-01-01');
    expect(localDateOf('UTC', new Date('0005-03-04T12:00:00Z'))).toBe('0005-03-04');
  });

  it('says what it refused, and with which values', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(
      expect.objectContaining({
        message: 'expected a date YYYY-MM-DD, got "2026-02-30"',
        details: { date: '2026-02-30' },
      }) as Error,
    );
    expect(() => addDays('2026-03-02', 0.5)).toThrow(
      expect.objectContaining({
        message: 'days must be an integer, got 0.5',
        details: { days: 0.5 },
      }) as Error,
    );
    expect(() => addDays('9999-12-31', 1)).toThrow(
      expect.objectContaining({
        message: '9999-12-31 + 1 days is outside years 1 to 9999',
        details: { date: '9999-12-31', days: 1 },
      }) as Error,
    );
    expect(() => localDateOf('UTC', new Date(Number.NaN))).toThrow(
      expect.objectContaining({ message: 'the instant is not a valid date' }) as Error,
    );
    expect(() => localDateOf('Mars/Olympus', new Date())).toThrow(
      expect.objectContaining({ message: 'timeZone: unknown time zone "Mars/Olympus"' }) as Error,
    );
  });

  it('takes the same zone twice from its kept formatter', () => {
    const instant = new Date('2026-03-01T16:00:00.000Z');
    expect([localDateOf('Asia/Tokyo', instant), localDateOf('Asia/Tokyo', instant)]).toEqual([
      '2026-03-02',
      '2026-03-02',
    ]);
    expect(localDateOf('America/Los_Angeles', instant)).toBe('2026-03-01');
  });
});
