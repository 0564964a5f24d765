import { ORDER_FIELDS, type OrderCancelledV1 } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { OrderErrorCode as E, orderError } from './order.errors';
import { existing, open, STATUS_REACHED, text } from './order.rules';
import { furthest, type OrderContext, type OrderState, type OrderStatus } from './order.state';

/**
 * Cancel the order before work starts (registered, quoted, quote_accepted, dispatched): its bookings are released
 * and its timers cancelled by the handler, in the same transaction.
 */
export interface CancelOrder {
  readonly type: 'CancelOrder';
  readonly data: {
    readonly orderId: string;
    /** Free text, sealed: personal data. */
    readonly reason: string;
  };
}

/**
 * Cancelled before work started: nothing is dispatched, started or completed after it, the SLA stops. `from` is
 * the status it was cancelled in (a dispatched order's bookings were released with it). Published
 * (OrderCancelledV1); `reason` is sealed.
 */
export type OrderCancelled = Event<'OrderCancelled', OrderCancelledV1 & { reason: string }>;
/** The statuses an order may be cancelled in: before work starts. */
export const CANCELLABLE_STATUSES = [
  'registered',
  'quoted',
  'quote_accepted',
  'dispatched',
] as const satisfies readonly OrderStatus[];
const isCancellable = (status: OrderStatus): status is (typeof CANCELLABLE_STATUSES)[number] =>
  (CANCELLABLE_STATUSES as readonly OrderStatus[]).includes(status);

/**
 * Cancelled before work starts, with a reason (sealed). Work begun (in_progress): 422 ORDERS.WORK_ORDER_STARTED;
 * closed, completed or cancelled already: their own code; each names the status in `details.orderStatus`.
 */
export const cancelOrder = useCase<CancelOrder, OrderCancelled, OrderState, OrderContext>({
  command: 'CancelOrder',
  handles: {
    rpc: 'orders.CancelOrder',
    command: (request: { id: string; reason?: string }) => ({
      type: 'CancelOrder',
      data: { orderId: request.id, reason: request.reason ?? '' },
    }),
  },
  decide(command, state, context) {
    const order = open(existing(state, command.data.orderId));
    const from = order.status;
    if (!isCancellable(from))
      throw orderError(E.WORK_STARTED, `order ${order.orderId} cannot be cancelled: its work has begun`, {
        orderStatus: from,
      });
    const reason = text(command.data.reason, 'reason', ORDER_FIELDS.cancelReason);
    return [
      {
        type: 'OrderCancelled',
        data: {
          orderId: order.orderId,
          customerId: order.customerId,
          ...(order.contractId === undefined ? {} : { contractId: order.contractId }),
          from,
          reason,
          cancelledAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    OrderCancelled: (state, event) =>
      state.status === 'absent'
        ? state
        : {
            ...state,
            status: furthest(state.status, STATUS_REACHED.OrderCancelled),
            cancelledAt: event.data.cancelledAt,
          },
  },
});
