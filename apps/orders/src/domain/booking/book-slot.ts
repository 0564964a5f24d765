import { type Event, useCase } from '@serviceops/kernel';
import { OrderErrorCode as E, orderError } from '../order/order.errors';
import type { Slot } from '../order/order.state';
import { type BookingContext, type BookingState, overlaps } from './booking.state';

export interface Book {
  readonly type: 'Book';
  readonly data: { readonly holder: string; readonly orderId: string; readonly slot: Slot };
}

export type SlotBooked = Event<'SlotBooked', { holder: string; orderId: string; slot: Slot }>;

/** A slot booked for an order, unless another order's overlaps it (ORDERS.DOUBLE_BOOKED); once per order. */
export const bookSlot = useCase<Book, SlotBooked, BookingState, BookingContext>({
  command: 'Book',
  decide(command, state) {
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
  },
  evolve: {
    SlotBooked: (state, event) => ({
      booked: [...state.booked, { orderId: event.data.orderId, slot: event.data.slot }],
    }),
  },
});
