import { isLocalDate } from '@serviceops/kernel';
import { CareErrorCode as E, careError } from './care.errors';

const MM_DD = /^\d{2}-\d{2}$/;

/** 'MM-DD' of a birth date 'YYYY-MM-DD'. */
export function monthDayOf(birthDate: string): string {
  if (!isLocalDate(birthDate)) throw invalidDate('birthDate', birthDate);
  return birthDate.slice(5);
}

/** The day of `year` a person born on `birthDate` has a birthday: Feb 29 is Feb 28 in a common year. */
export function birthdayOn(birthDate: string, year: number): string {
  const monthDay = monthDayOf(birthDate);
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw careError(E.INVALID_DATE, `year must be an integer from 1 to 9999, got ${year}`, { field: 'year' });
  }
  const date = `${String(year).padStart(4, '0')}-${monthDay}`;
  return isLocalDate(date) ? date : `${date.slice(0, 5)}02-28`;
}

/** Whether `date` ('YYYY-MM-DD') is the birthday of someone born on `monthDay` ('MM-DD', '02-29' allowed). */
export function isBirthdayOn(monthDay: string, date: string): boolean {
  // 2000 was a leap year: every month-day someone can be born on is a date in it.
  if (typeof monthDay !== 'string' || !MM_DD.test(monthDay) || !isLocalDate(`2000-${monthDay}`)) {
    throw invalidDate('monthDay', monthDay, 'MM-DD');
  }
  if (!isLocalDate(date)) throw invalidDate('date', date);
  return birthdayOn(`2000-${monthDay}`, Number(date.slice(0, 4))) === date;
}

/** The month-days whose birthday falls on `date`: Feb 28 of a common year is also Feb 29's. */
export function birthdayMonthDaysOn(date: string): string[] {
  if (!isLocalDate(date)) throw invalidDate('date', date);
  const monthDay = date.slice(5);
  return monthDay === '02-28' && !isLocalDate(`${date.slice(0, 4)}-02-29`) ? ['02-28', '02-29'] : [monthDay];
}

function invalidDate(field: string, value: unknown, format = 'YYYY-MM-DD') {
  return careError(E.INVALID_DATE, `${field} must be a date ${format}, got "${String(value)}"`, { field });
}
