import {
  addBusinessHours,
  addDays,
  type BusinessCalendar,
  DomainError,
  zonedInstant,
} from '@serviceops/kernel';
import { EXPIRY_REMINDER_DAYS } from './resource.state';

/**
 * When a resource's timers of a local day fire: at the start of the tenant's business day, in its own time zone —
 * the day's opening in its calendar, or the next opening when the day is closed (a weekend, a holiday), so a
 * reminder reaches people at work. A calendar without a working day: the day's local midnight. The decider checks
 * the tenant's local day again when it fires, so a repeated or late firing gives nothing twice.
 */
export function businessMorningOf(calendar: BusinessCalendar, day: string): Date {
  const midnight = zonedInstant(calendar.timeZone, day, 0);
  try {
    return addBusinessHours(calendar, midnight, 0);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CALENDAR.NO_WORKING_DAYS') return midnight;
    throw error;
  }
}

/** A paper's reminder: EXPIRY_REMINDER_DAYS before its last day in force, at that business morning. */
export function expiryReminderAt(calendar: BusinessCalendar, validTo: string): Date {
  return businessMorningOf(calendar, addDays(validTo, -EXPIRY_REMINDER_DAYS));
}

/** A lent tool is overdue the day after its due day: at that business morning. */
export function toolOverdueAt(calendar: BusinessCalendar, dueBack: string): Date {
  return businessMorningOf(calendar, addDays(dueBack, 1));
}
