import type { Slot } from '../order/order.state';

// One holder's bookings of one UTC day: the state and what its use cases share (book-slot.ts, release-slot.ts
// declare the commands and events); the decider is booking.decider.ts.

export interface BookingState {
  readonly booked: readonly { readonly orderId: string; readonly slot: Slot }[];
}

/** Bookings take nothing from outside: the booked slots are the whole rule. */
export type BookingContext = void;

export const initialBookingState = (): BookingState => ({ booked: [] });

/** Half-open intervals [start, end) overlap when each starts before the other ends. */
export function overlaps(a: Slot, b: Slot): boolean {
  return Date.parse(a.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(a.end);
}
