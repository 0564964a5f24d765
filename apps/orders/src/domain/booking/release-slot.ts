import { type Event, useCase } from '@serviceops/kernel';
import type { BookingContext, BookingState } from './booking.state';

/** The order was cancelled: its slot on this holder's day is free again. */
export interface Release {
  readonly type: 'Release';
  readonly data: { readonly holder: string; readonly orderId: string };
}

export type SlotReleased = Event<'SlotReleased', { holder: string; orderId: string }>;

/** An order's booking released (cancelled, reassigned); nothing when none is booked for it (released already). */
export const releaseSlot = useCase<Release, SlotReleased, BookingState, BookingContext>({
  command: 'Release',
  decide(command, state) {
    const { holder, orderId } = command.data;
    return state.booked.some((b) => b.orderId === orderId)
      ? [{ type: 'SlotReleased', data: { holder, orderId } }]
      : [];
  },
  evolve: {
    SlotReleased: (state, event) => ({
      booked: state.booked.filter((b) => b.orderId !== event.data.orderId),
    }),
  },
});
