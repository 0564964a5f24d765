import { addDays, type BusinessCalendar, localDateOf } from '@serviceops/kernel';
import type { Slot } from '../order/order.commands';
import { businessMorningOf } from '../resource/resource.timers';
import type { Candidate } from './candidates';

/** How long a slot the system books when it dispatches by itself: two hours from the wanted time. */
export const AUTO_DISPATCH_SLOT_MINUTES = 120;

/** The reason recorded when nobody is in the running. */
export const NO_CANDIDATE = 'no_candidate';

/**
 * The slot the system books: from the customer's wanted time, or from now when that has passed (a request
 * retried the next morning), AUTO_DISPATCH_SLOT_MINUTES long.
 */
export function autoDispatchSlot(wantedAt: string, now: Date): Slot {
  const start = Math.max(Date.parse(wantedAt), now.getTime());
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + AUTO_DISPATCH_SLOT_MINUTES * 60_000).toISOString(),
  };
}

/** The person the system dispatches to: the top-ranked one in the running (least loaded, then id), if any. */
export const topCandidate = (ranked: readonly Candidate[]): Candidate | undefined =>
  ranked.find((c) => c.inRunning);

/**
 * When a held request is tried again: the next business morning in the tenant's calendar, so what was not
 * dispatched today is tried before anything that arrives tomorrow ("first in tomorrow's queue").
 */
export function nextAttemptAt(calendar: BusinessCalendar, now: Date): Date {
  return businessMorningOf(calendar, addDays(localDateOf(calendar.timeZone, now), 1));
}
