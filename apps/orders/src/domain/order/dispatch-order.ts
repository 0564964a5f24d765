import type { OrderDispatchedV1 } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { OrderErrorCode as E, orderError } from './order.errors';
import {
  assertResourceFit,
  assertSlot,
  assertStaffFit,
  existing,
  open,
  slotOf,
  type SlotMessage,
  STATUS_REACHED,
} from './order.rules';
import { furthest, type OrderContext, type OrderState, type Slot } from './order.state';

export interface DispatchOrder {
  readonly type: 'DispatchOrder';
  readonly data: {
    readonly orderId: string;
    readonly staffId: string;
    readonly slot: Slot;
    /** A vehicle or equipment unit going with the person, booked for the same slot. */
    readonly resourceId?: string;
  };
}

/** Published (OrderDispatchedV1): staff keeps each member's open orders from it. */
export type OrderDispatched = Event<'OrderDispatched', OrderDispatchedV1>;

export const dispatchOrder = useCase<DispatchOrder, OrderDispatched, OrderState, OrderContext>({
  command: 'DispatchOrder',
  handles: {
    rpc: 'orders.DispatchOrder',
    command: (request: { id: string; staffId?: string; resourceId?: string; slot?: SlotMessage }) => ({
      type: 'DispatchOrder',
      data: {
        orderId: request.id,
        staffId: (request.staffId ?? '').toLowerCase(),
        slot: slotOf(request.slot),
        ...(request.resourceId === undefined ? {} : { resourceId: request.resourceId.toLowerCase() }),
      },
    }),
  },
  decide(command, state, context) {
    const order = open(existing(state, command.data.orderId));
    const { staffId, slot, resourceId } = command.data;
    if (order.dispatch !== undefined)
      throw orderError(E.ALREADY_DISPATCHED, `order ${order.orderId} is dispatched already`, {
        staffId: order.dispatch?.staffId,
      });
    if (context.calendar === undefined)
      throw new Error('DispatchOrder needs the tenant’s calendar in its context');
    assertSlot(slot, context.now, context.calendar);
    assertStaffFit(staffId, order.kind, slot, context);
    if (resourceId !== undefined) assertResourceFit(resourceId, slot, context, 'DispatchOrder');
    return [
      {
        type: 'OrderDispatched',
        data: {
          orderId: order.orderId,
          staffId,
          ...(resourceId === undefined ? {} : { resourceId }),
          slot: { start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() },
          dispatchedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    OrderDispatched: (state, event) =>
      state.status === 'absent'
        ? state
        : {
            ...state,
            status: furthest(state.status, STATUS_REACHED.OrderDispatched),
            dispatch: {
              staffId: event.data.staffId,
              slot: event.data.slot,
              ...(event.data.resourceId === undefined ? {} : { resourceId: event.data.resourceId }),
            },
          },
  },
});
