import {
  addBusinessHours,
  localDayRange,
  type BusinessCalendar,
  businessHoursBetween,
  defaultBusinessCalendar,
  isWithinBusinessHours,
  validateBusinessCalendar,
  type WorkingDay,
  zonedInstant,
} from './business-calendar';

const weekdays = (open: string, close: string): WorkingDay[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, open, close }));
const everyDay = (open: string, close: string): WorkingDay[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, open, close }));

const shanghai = defaultBusinessCalendar;
const shanghaiHoliday: BusinessCalendar = { ...shanghai, holidays: ['2026-03-09'] };
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingHours: weekdays('09:00', '18:00'),
  holidays: [],
};
const newYork: BusinessCalendar = { ...berlin, timeZone: 'America/New_York' };
const berlin24x7: BusinessCalendar = { ...berlin, workingHours: everyDay('00:00', '24:00') };
const newYork24x7: BusinessCalendar = { ...newYork, workingHours: everyDay('00:00', '24:00') };
/** Open Sundays 01:00–04:00 and 02:30–05:00: across the hour Berlin skips on 2026-03-29. */
const berlinNight: BusinessCalendar = {
  ...berlin,
  workingHours: [{ weekday: 7, open: '01:00', close: '04:00' }],
};
const berlinGap: BusinessCalendar = {
  ...berlin,
  workingHours: [{ weekday: 7, open: '02:30', close: '05:00' }],
};

const calendars = {
  shanghai,
  shanghaiHoliday,
  berlin,
  newYork,
  berlin24x7,
  newYork24x7,
  berlinNight,
  berlinGap,
};
type Name = keyof typeof calendars;

// Instants are written with the local offset in force, so each row reads in the calendar's wall-clock time.
describe('addBusinessHours', () => {
  it.each<[Name, string, number, string, string]>([
    ['shanghai', '2026-03-06T17:00+08:00', 2, '2026-03-09T10:00+08:00', 'Friday 17:00 + 2 h is Monday 10:00'],
    ['shanghai', '2026-03-02T09:00+08:00', 24, '2026-03-04T15:00+08:00', '24 h from Monday 09:00 (9 h days)'],
    [
      'shanghai',
      '2026-03-02T09:00+08:00',
      9,
      '2026-03-02T18:00+08:00',
      'a full day ends at the closing time',
    ],
    [
      'shanghai',
      '2026-03-02T09:00+08:00',
      45,
      '2026-03-06T18:00+08:00',
      'a full week ends Friday at closing',
    ],
    ['shanghai', '2026-03-02T12:00+08:00', 0, '2026-03-02T12:00+08:00', 'zero hours inside hours is now'],
    [
      'shanghai',
      '2026-03-02T20:00+08:00',
      0,
      '2026-03-03T09:00+08:00',
      'zero hours at night is the next opening',
    ],
    [
      'shanghai',
      '2026-03-03T22:30+08:00',
      1,
      '2026-03-04T10:00+08:00',
      'starting at night counts from opening',
    ],
    [
      'shanghai',
      '2026-03-04T03:00+08:00',
      1,
      '2026-03-04T10:00+08:00',
      'starting before dawn counts from opening',
    ],
    [
      'shanghai',
      '2026-03-07T12:00+08:00',
      0.5,
      '2026-03-09T09:30+08:00',
      'starting on Saturday counts from Monday',
    ],
    ['shanghai', '2026-03-02T17:45+08:00', 0.25, '2026-03-02T18:00+08:00', 'a quarter hour up to closing'],
    ['shanghai', '2026-03-02T17:45+08:00', 0.5, '2026-03-03T09:15+08:00', 'half an hour carried overnight'],
    ['shanghai', '2026-03-02T09:00+08:00', 1.75, '2026-03-02T10:45+08:00', 'fractional hours'],
    ['shanghaiHoliday', '2026-03-06T17:00+08:00', 2, '2026-03-10T10:00+08:00', 'a Monday holiday is skipped'],
    ['shanghaiHoliday', '2026-03-09T10:00+08:00', 1, '2026-03-10T10:00+08:00', 'starting on a holiday'],
    ['berlin', '2026-03-27T17:00+01:00', 2, '2026-03-30T10:00+02:00', 'over the spring-forward weekend'],
    ['berlin', '2026-10-23T17:00+02:00', 2, '2026-10-26T10:00+01:00', 'over the fall-back weekend'],
    [
      'berlin',
      '2026-03-26T09:00+01:00',
      19,
      '2026-03-30T10:00+02:00',
      'two days before the switch, one hour after',
    ],
    [
      'newYork',
      '2026-03-06T17:00-05:00',
      2,
      '2026-03-09T10:00-04:00',
      'over the American spring-forward weekend',
    ],
    ['newYork', '2026-10-30T17:00-04:00', 2, '2026-11-02T10:00-05:00', 'over the American fall-back weekend'],
    [
      'newYork24x7',
      '2026-03-07T12:00-05:00',
      24,
      '2026-03-08T13:00-04:00',
      'hours are elapsed time, not wall time',
    ],
    ['berlin24x7', '2026-10-24T12:00+02:00', 24, '2026-10-25T11:00+01:00', 'a 25-hour day is 25 open hours'],
    [
      'berlinNight',
      '2026-03-29T00:00+01:00',
      2,
      '2026-03-29T04:00+02:00',
      'a shift across the skipped hour is 2 h',
    ],
    [
      'berlinGap',
      '2026-03-28T12:00+01:00',
      0,
      '2026-03-29T03:30+02:00',
      'an opening in the skipped hour moves on',
    ],
  ])('%s: %s + %p h = %s (%s)', (name, from, hours, expected) => {
    const result = addBusinessHours(calendars[name], new Date(from), hours);
    expect(result.toISOString()).toBe(new Date(expected).toISOString());
  });

  it('refuses a calendar with no working days', () => {
    expect(() =>
      addBusinessHours({ ...shanghai, workingHours: [] }, new Date('2026-03-02T09:00+08:00'), 1),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR.NO_WORKING_DAYS' }) as Error);
  });

  it.each([-1, NaN, Infinity])('refuses %p hours', (hours) => {
    expect(() => addBusinessHours(shanghai, new Date('2026-03-02T09:00+08:00'), hours)).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID_HOURS' }) as Error,
    );
  });

  it('refuses an invalid calendar', () => {
    const broken = { ...shanghai, timeZone: 'Mars/Olympus_Mons' };
    expect(() => addBusinessHours(broken, new Date('2026-03-02T09:00+08:00'), 1)).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID' }) as Error,
    );
  });
});

describe('businessHoursBetween', () => {
  it.each<[Name, string, string, number]>([
    ['shanghai', '2026-03-06T17:00+08:00', '2026-03-09T10:00+08:00', 2],
    ['shanghai', '2026-03-02T09:00+08:00', '2026-03-09T09:00+08:00', 45],
    ['shanghaiHoliday', '2026-03-02T09:00+08:00', '2026-03-16T09:00+08:00', 81],
    ['shanghai', '2026-03-07T00:00+08:00', '2026-03-08T23:59+08:00', 0],
    ['shanghai', '2026-03-02T08:00+08:00', '2026-03-02T09:30+08:00', 0.5],
    ['shanghai', '2026-03-02T12:00+08:00', '2026-03-02T12:00+08:00', 0],
    ['shanghai', '2026-03-03T12:00+08:00', '2026-03-02T12:00+08:00', 0],
    ['berlin24x7', '2026-03-29T00:00+01:00', '2026-03-30T00:00+02:00', 23],
    ['berlin24x7', '2026-10-25T00:00+02:00', '2026-10-26T00:00+01:00', 25],
    ['berlinNight', '2026-03-28T00:00+01:00', '2026-03-30T00:00+02:00', 2],
    ['berlinGap', '2026-10-24T12:00+02:00', '2026-10-26T00:00+01:00', 3.5], // 02:30 repeated: the first one
    ['newYork', '2026-03-06T09:00-05:00', '2026-03-09T18:00-04:00', 18],
  ])('%s: from %s to %s is %p h', (name, from, to, hours) => {
    expect(businessHoursBetween(calendars[name], new Date(from), new Date(to))).toBe(hours);
  });

  it.each<[Name, string, number]>([
    ['shanghai', '2026-03-06T17:00+08:00', 2],
    ['shanghai', '2026-03-03T22:30+08:00', 13.5],
    ['shanghaiHoliday', '2026-03-05T11:20+08:00', 100.25],
    ['berlin', '2026-03-27T17:00+01:00', 7.5],
    ['berlin', '2026-10-21T10:00+02:00', 40],
    ['newYork', '2026-03-06T12:34+05:00', 31],
    ['berlin24x7', '2026-03-28T05:00+01:00', 49],
  ])('%s: is the inverse of addBusinessHours from %s over %p h', (name, from, hours) => {
    const c = calendars[name];
    const start = new Date(from);
    expect(businessHoursBetween(c, start, addBusinessHours(c, start, hours))).toBe(hours);
  });
});

describe('isWithinBusinessHours', () => {
  it.each<[Name, string, boolean]>([
    ['shanghai', '2026-03-02T09:00+08:00', true],
    ['shanghai', '2026-03-02T08:59+08:00', false],
    ['shanghai', '2026-03-02T17:59+08:00', true],
    ['shanghai', '2026-03-02T18:00+08:00', false],
    ['shanghai', '2026-03-02T01:30Z', true], // 09:30 in Shanghai
    ['shanghai', '2026-03-07T10:00+08:00', false], // Saturday
    ['shanghaiHoliday', '2026-03-09T10:00+08:00', false],
    ['berlin', '2026-03-30T09:00+02:00', true],
    ['berlin', '2026-03-30T07:30Z', true],
    ['berlin', '2026-03-30T06:59Z', false], // 08:59 summer time
    ['berlin', '2026-03-27T08:30Z', true], // 09:30 winter time
    ['newYork', '2026-03-09T13:30Z', true], // 09:30 EDT
    ['newYork', '2026-03-06T13:30Z', false], // 08:30 EST
    ['berlin24x7', '2026-03-29T23:59+02:00', true],
  ])('%s: %s is open: %p', (name, at, open) => {
    expect(isWithinBusinessHours(calendars[name], new Date(at))).toBe(open);
  });
});

describe('validateBusinessCalendar', () => {
  it('accepts the default calendar and a 24-hour one', () => {
    expect(() => validateBusinessCalendar(defaultBusinessCalendar)).not.toThrow();
    expect(() => validateBusinessCalendar(berlin24x7)).not.toThrow();
  });

  it.each<[string, Partial<BusinessCalendar>, string]>([
    ['an unknown time zone', { timeZone: 'Asia/Atlantis' }, 'timeZone'],
    ['an empty time zone', { timeZone: '' }, 'timeZone'],
    [
      'a weekday 0',
      { workingHours: [{ weekday: 0 as 1, open: '09:00', close: '18:00' }] },
      'workingHours[0].weekday',
    ],
    [
      'a duplicate weekday',
      {
        workingHours: [
          { weekday: 1, open: '09:00', close: '12:00' },
          { weekday: 1, open: '13:00', close: '18:00' },
        ],
      },
      'workingHours[1].weekday',
    ],
    [
      'an opening of 9:00',
      { workingHours: [{ weekday: 1, open: '9:00', close: '18:00' }] },
      'workingHours[0].open',
    ],
    [
      'an opening of 24:00',
      { workingHours: [{ weekday: 1, open: '24:00', close: '24:00' }] },
      'workingHours[0].open',
    ],
    [
      'a closing of 18:60',
      { workingHours: [{ weekday: 2, open: '09:00', close: '18:60' }] },
      'workingHours[0].close',
    ],
    [
      'a closing of 25:00',
      { workingHours: [{ weekday: 2, open: '09:00', close: '25:00' }] },
      'workingHours[0].close',
    ],
    [
      'a closing at the opening',
      { workingHours: [{ weekday: 3, open: '09:00', close: '09:00' }] },
      'workingHours[0].close',
    ],
    [
      'a closing before the opening',
      { workingHours: [{ weekday: 3, open: '18:00', close: '09:00' }] },
      'workingHours[0].close',
    ],
    ['a holiday that is no date', { holidays: ['2026-02-30'] }, 'holidays[0]'],
    ['a holiday in another format', { holidays: ['2026-05-01', '01/10/2026'] }, 'holidays[1]'],
    ['a duplicate holiday', { holidays: ['2026-05-01', '2026-10-01', '2026-05-01'] }, 'holidays[2]'],
  ])('refuses %s, naming the field', (_what, change, field) => {
    expect(() => validateBusinessCalendar({ ...shanghai, ...change })).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID', details: { field } }) as Error,
    );
  });
});

describe('localDayRange', () => {
  it.each([
    ['Asia/Shanghai', '2026-03-02', '2026-03-01T16:00:00.000Z', '2026-03-02T16:00:00.000Z'],
    ['UTC', '2026-03-02', '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z'],
    // Clocks go forward on 2026-03-29 in Berlin: a day of 23 hours.
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
  ])('%s %s runs from %s to %s', (zone, day, start, end) => {
    const range = localDayRange(zone, day);
    expect([range.start.toISOString(), range.end.toISOString()]).toEqual([start, end]);
  });

  it('refuses what is not a date', () => {
    expect(() => localDayRange('UTC', '2026-02-30')).toThrow('day');
  });
});

// Each rule's edge (`npm run mutate -- --mutate libs/kernel/src/business-calendar.ts`): a changed bound, anchor or
// message fails one of these.
describe('a calendar at the edges of its rules', () => {
  const day = (open: string, close: string, weekday = 1): BusinessCalendar => ({
    ...berlin,
    workingHours: [{ weekday: weekday as 1, open, close }],
  });
  const refusal = (calendar: BusinessCalendar): string | undefined => {
    try {
      validateBusinessCalendar(calendar);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };

  it.each<[string, BusinessCalendar, string | undefined]>([
    ['weekday 7 (Sunday)', day('09:00', '18:00', 7), undefined],
    [
      'weekday 8',
      day('09:00', '18:00', 8),
      'workingHours[0].weekday: weekday must be 1 (Monday) to 7 (Sunday), got 8',
    ],
    [
      'weekday 1.5',
      day('09:00', '18:00', 1.5),
      'workingHours[0].weekday: weekday must be 1 (Monday) to 7 (Sunday), got 1.5',
    ],
    ['23:59 as a closing time', day('09:00', '23:59'), undefined],
    ['00:00 to 00:01', day('00:00', '00:01'), undefined],
    ['24:00 as a closing time', day('09:00', '24:00'), undefined],
    ['24:00 as an opening time', day('24:00', '24:00'), 'workingHours[0].open: expected HH:MM, got "24:00"'],
    ['24:01 as a closing time', day('09:00', '24:01'), 'workingHours[0].close: expected HH:MM, got "24:01"'],
    ['23:60', day('09:00', '23:60'), 'workingHours[0].close: expected HH:MM, got "23:60"'],
    ['a time with a prefix', day(' 09:00', '18:00'), 'workingHours[0].open: expected HH:MM, got " 09:00"'],
    ['a time with a suffix', day('09:00', '18:00h'), 'workingHours[0].close: expected HH:MM, got "18:00h"'],
    [
      'closing when it opens',
      day('09:00', '09:00'),
      'workingHours[0].close: closes at 09:00, not after it opens at 09:00',
    ],
    [
      'the same weekday twice',
      {
        ...berlin,
        workingHours: [...day('09:00', '12:00').workingHours, ...day('13:00', '18:00').workingHours],
      },
      'workingHours[1].weekday: weekday 1 appears twice',
    ],
    [
      'a time zone that is not a string',
      { ...berlin, timeZone: 8 as unknown as string },
      'timeZone: unknown time zone "8"',
    ],
    ['29 February of a leap year', { ...berlin, holidays: ['2028-02-29'] }, undefined],
    [
      '29 February of another year',
      { ...berlin, holidays: ['2026-02-29'] },
      'holidays[0]: expected a date YYYY-MM-DD, got "2026-02-29"',
    ],
    [
      'month 13',
      { ...berlin, holidays: ['2026-13-01'] },
      'holidays[0]: expected a date YYYY-MM-DD, got "2026-13-01"',
    ],
    [
      'day 31 of a 30-day month',
      { ...berlin, holidays: ['2026-04-31'] },
      'holidays[0]: expected a date YYYY-MM-DD, got "2026-04-31"',
    ],
    [
      'a date with a prefix',
      { ...berlin, holidays: ['x2026-05-01'] },
      'holidays[0]: expected a date YYYY-MM-DD, got "x2026-05-01"',
    ],
    [
      'a date with a suffix',
      { ...berlin, holidays: ['2026-05-01x'] },
      'holidays[0]: expected a date YYYY-MM-DD, got "2026-05-01x"',
    ],
    [
      'the same holiday twice',
      { ...berlin, holidays: ['2026-05-01', '2026-05-01'] },
      'holidays[1]: 2026-05-01 appears twice',
    ],
  ])('%s: %p', (_what, calendar, message) => {
    expect(refusal(calendar)).toBe(message);
  });

  it('says what it refused when counting', () => {
    expect(() => addBusinessHours(berlin, new Date('2026-03-02T09:00:00Z'), -1)).toThrow(
      'hours must be a finite number >= 0, got -1',
    );
    expect(() =>
      addBusinessHours({ ...berlin, workingHours: [] }, new Date('2026-03-02T09:00:00Z'), 1),
    ).toThrow('the calendar has no working days');
    expect(() => localDayRange('Europe/Berlin', '2026-02-30')).toThrow(
      'day: 2026-02-30 is not a YYYY-MM-DD date',
    );
  });

  it('counts nothing between an instant and itself, or backwards', () => {
    const at = new Date('2026-03-02T10:00:00+01:00');
    expect(businessHoursBetween(berlin, at, at)).toBe(0);
    expect(businessHoursBetween(berlin, at, new Date(at.getTime() - 3_600_000))).toBe(0);
  });

  it.each([
    ['Asia/Shanghai', '2026-12-04', 0, '2026-12-03T16:00:00.000Z'],
    ['Asia/Shanghai', '2026-01-31', 9, '2026-01-31T01:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', 2, '2026-03-29T01:00:00.000Z'], // 02:00 is skipped: moved on by the gap (03:00)
    ['Europe/Berlin', '2026-10-25', 2, '2026-10-25T00:00:00.000Z'], // 02:00 comes twice: the first one
    ['America/New_York', '2026-07-04', 12, '2026-07-04T16:00:00.000Z'],
  ])('zonedInstant(%s, %s, %i) is %s', (zone, date, hour, iso) => {
    expect(zonedInstant(zone, date, hour).toISOString()).toBe(iso);
  });

  it('refuses a date zonedInstant cannot read, saying so', () => {
    expect(() => zonedInstant('Asia/Shanghai', '4 Dec 2026', 0)).toThrow(
      'date: expected a date YYYY-MM-DD, got "4 Dec 2026"',
    );
    expect(() => zonedInstant('Asia/Shanghai', '2026-12-04 ', 0)).toThrow('expected a date YYYY-MM-DD');
  });
});
