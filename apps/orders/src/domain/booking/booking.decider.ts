import { addDays, type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import type { Slot } from '../order/order.state';
import { bookSlot } from './book-slot';
import { type BookingContext, type BookingState, initialBookingState } from './booking.state';
import { releaseSlot } from './release-slot';

export type { Book, SlotBooked } from './book-slot';
export type { Release, SlotReleased } from './release-slot';
export * from './booking.state';

/**
 * One person's (or one resource's) bookings of one UTC day: the stream every dispatch of that person touching that
 * day appends to with its expected version, so two concurrent dispatches into overlapping slots cannot both
 * commit (the loser decides again on the new state and is refused ORDERS.DOUBLE_BOOKED). A slot across UTC
 * midnight is booked in both days' streams, in one transaction (`bookingStreamIds`). The list of its use cases,
 * a file each beside this one.
 */
export const BOOKING_USE_CASES = [bookSlot, releaseSlot] as const;

export type BookingCommand = CommandOf<typeof BOOKING_USE_CASES>;
export type BookingEvent = EventOf<typeof BOOKING_USE_CASES>;

export const bookingDecider = deciderOf<typeof BOOKING_USE_CASES, BookingState, BookingContext>(
  initialBookingState,
  BOOKING_USE_CASES,
);

const utcDateOf = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

/**
 * The booking streams of one holder that a slot is booked in, released from and checked against: one per UTC day
 * the slot touches, 'booking-<tenantId>-<holder>:<YYYY-MM-DD>' (holder 'staff:<id>' or 'resource:<id>'), earliest
 * first. A slot lies within one day of the tenant's calendar (assertSlot), and that day may straddle UTC midnight
 * (07:30–08:30 in Shanghai is 23:30–00:30 UTC): such a slot is booked in both UTC days' streams, so every booking
 * that overlaps a slot is in a stream its dispatch reads and appends to. The key stays the UTC day (bookings made
 * before slots could cross UTC midnight are found where they were written).
 */
export function bookingStreamIds(tenantId: string, holder: string, slot: Slot): string[] {
  const start = Date.parse(slot.start);
  // The slot is [start, end): its last instant is end - 1 ms (a slot ending at midnight is not in the next day).
  const last = utcDateOf(Math.max(start, Date.parse(slot.end) - 1));
  const ids: string[] = [];
  for (let day = utcDateOf(start); day <= last; day = addDays(day, 1))
    ids.push(streamId('booking', tenantId, `${holder}:${day}`));
  return ids;
}
