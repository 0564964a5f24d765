import { addDays, type Decider, type Event, streamId } from '@serviceops/kernel';
import type { Slot } from '../order/order.state';
import { OrderErrorCode as E, orderError } from '../order/order.errors';

/**
 * One person's (or one resource's) bookings of one UTC day: the stream every dispatch of that person touching that
 * day appends to with its expected version, so two concurrent dispatches into overlapping slots cannot both
 * commit (the loser decides again on the new state and is refused ORDERS.DOUBLE_BOOKED). A slot across UTC
 * midnight is booked in both days' streams, in one transaction (`bookingStreamIds`).
 */
export interface Book {
  readonly type: 'Book';
  readonly data: { readonly holder: string; readonly orderId: string; readonly slot: Slot };
}

/** The order was cancelled: its slot on this holder's day is free again. */
export interface Release {
  readonly type: 'Release';
  readonly data: { readonly holder: string; readonly orderId: string };
}
export type BookingCommand = Book | Release;

export type SlotBooked = Event<'SlotBooked', { holder: string; orderId: string; slot: Slot }>;
export type SlotReleased = Event<'SlotReleased', { holder: string; orderId: string }>;
export type BookingEvent = SlotBooked | SlotReleased;

export interface BookingState {
  readonly booked: readonly { readonly orderId: string; readonly slot: Slot }[];
}

/** Half-open intervals [start, end) overlap when each starts before the other ends. */
export function overlaps(a: Slot, b: Slot): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}

export function decideBooking(command: BookingCommand, state: BookingState): readonly BookingEvent[] {
  if (command.type === 'Release') {
    const { holder, orderId } = command.data;
    // Nothing booked for the order (released already): nothing to release.
    return state.booked.some((b) => b.orderId === orderId)
      ? [{ type: 'SlotReleased', data: { holder, orderId } }]
      : [];
  }
  const { holder, orderId, slot } = command.data;
  const clash = state.booked.find((b) => b.orderId !== orderId && overlaps(b.slot, slot));
  if (clash)
    throw orderError(
      E.DOUBLE_BOOKED,
      `${holder} is booked for order ${clash.orderId} in an overlapping slot`,
      {
        holder,
        orderId: clash.orderId,
        slot: clash.slot,
      },
    );
  if (state.booked.some((b) => b.orderId === orderId)) return [];
  return [{ type: 'SlotBooked', data: { holder, orderId, slot } }];
}

export const bookingDecider: Decider<BookingCommand, BookingEvent, BookingState, void> = {
  initialState: () => ({ booked: [] }),
  decide: (command, state) => decideBooking(command, state),
  evolve: (state, event) =>
    event.type === 'SlotReleased'
      ? { booked: state.booked.filter((b) => b.orderId !== event.data.orderId) }
      : { booked: [...state.booked, { orderId: event.data.orderId, slot: event.data.slot }] },
};

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
