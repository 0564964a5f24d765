import { ORDER_FIELDS, type OrderReassignedV1 } from '@serviceops/contracts';
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
  text,
} from './order.rules';
import type { OrderContext, OrderState, Slot } from './order.state';

/**
 * Move a dispatched order, before work starts, to another person and/or another slot or resource, with a reason
 * (sealed): the same checks as a dispatch (the slot within one day of the tenant's calendar and not begun, the
 * person eligible at it, skilled, available, the resource fit, nobody double-booked); the handler releases the
 * bookings that change and books the new ones in the same transaction. Without `slot` the slot stays, without
 * `resourceId` the resource stays (a new slot books it then).
 */
export interface ReassignOrder {
  readonly type: 'ReassignOrder';
  readonly data: {
    readonly orderId: string;
    readonly staffId: string;
    /** Free text, sealed: personal data. */
    readonly reason: string;
    readonly slot?: Slot;
    readonly resourceId?: string;
  };
}

/**
 * Moved to another person before work started, same slot (the old booking released, the new one booked): published
 * (OrderReassignedV1), staff moves the order to the new person; `reason` is sealed.
 */
export type OrderReassigned = Event<'OrderReassigned', OrderReassignedV1 & { reason: string }>;

/**
 * A dispatched order, before work starts, moves to another person, slot or resource, judged as a dispatch is: a new
 * slot within one day of the tenant's calendar and not begun (`assertSlot`), the person fit at the slot (eligible,
 * skilled, available), a resource booked anew fit at it. Not dispatched yet: 422 ORDERS.ORDER_NOT_DISPATCHED; work
 * begun: ORDERS.WORK_ORDER_STARTED; ended: its own code; each with the status in `details.orderStatus`. Nothing
 * changing (the same person, slot and resource): ORDERS.SAME_STAFF. A kept slot may have begun (nobody arrived:
 * someone else goes).
 */
export const reassignOrder = useCase<ReassignOrder, OrderReassigned, OrderState, OrderContext>({
  command: 'ReassignOrder',
  handles: {
    rpc: 'orders.ReassignOrder',
    command: (request: {
      id: string;
      staffId?: string;
      reason?: string;
      slot?: SlotMessage;
      resourceId?: string;
    }) => ({
      type: 'ReassignOrder',
      data: {
        orderId: request.id,
        staffId: (request.staffId ?? '').toLowerCase(),
        reason: request.reason ?? '',
        ...(request.slot === undefined ? {} : { slot: slotOf(request.slot) }),
        ...(request.resourceId === undefined ? {} : { resourceId: request.resourceId.toLowerCase() }),
      },
    }),
  },
  decide(command, state, context) {
    const order = open(existing(state, command.data.orderId));
    const { staffId } = command.data;
    if (order.status === 'in_progress')
      throw orderError(E.WORK_STARTED, `order ${order.orderId} cannot be reassigned: its work has begun`, {
        orderStatus: order.status,
      });
    const current = order.dispatch;
    if (order.status !== 'dispatched' || current === undefined)
      throw orderError(E.NOT_DISPATCHED, `order ${order.orderId} is not dispatched`, {
        orderStatus: order.status,
      });
    const moved = reassignedSlot(command.data.slot, current.slot, context);
    const slot = moved ?? current.slot;
    const resourceId = command.data.resourceId ?? current.resourceId;
    const resourceChanged = resourceId !== current.resourceId;
    if (current.staffId === staffId && moved === undefined && !resourceChanged)
      throw orderError(
        E.SAME_STAFF,
        `order ${order.orderId} is with staff ${staffId} already, then and there`,
        {
          staffId,
        },
      );
    const reason = text(command.data.reason, 'reason', ORDER_FIELDS.reassignReason);
    assertStaffFit(staffId, order.kind, slot, context);
    if (resourceId !== undefined && (resourceChanged || moved !== undefined))
      assertResourceFit(resourceId, slot, context, 'ReassignOrder');
    return [
      {
        type: 'OrderReassigned',
        data: {
          orderId: order.orderId,
          fromStaffId: current.staffId,
          staffId,
          ...(resourceId === undefined ? {} : { resourceId }),
          slot,
          ...(moved === undefined ? {} : { fromSlot: current.slot }),
          ...(resourceChanged && current.resourceId !== undefined
            ? { fromResourceId: current.resourceId }
            : {}),
          reassignedAt: context.now.toISOString(),
          reason,
        },
      },
    ];
  },
  evolve: {
    OrderReassigned: (state, event) =>
      state.status === 'absent'
        ? state
        : {
            ...state,
            dispatch: {
              staffId: event.data.staffId,
              slot: event.data.slot,
              ...(event.data.resourceId === undefined ? {} : { resourceId: event.data.resourceId }),
            },
          },
  },
});

/**
 * A reassignment's new slot, judged as a dispatch's (`assertSlot` in the tenant's calendar) and written as ISO
 * instants; undefined when none is given or it is the slot the order has.
 */
function reassignedSlot(given: Slot | undefined, current: Slot, context: OrderContext): Slot | undefined {
  if (given === undefined) return undefined;
  if (context.calendar === undefined)
    throw new Error('ReassignOrder to a new slot needs the tenant’s calendar in its context');
  assertSlot(given, context.now, context.calendar);
  const slot = { start: new Date(given.start).toISOString(), end: new Date(given.end).toISOString() };
  return slot.start === current.start && slot.end === current.end ? undefined : slot;
}
