import { deciderOf, type CommandOf, type EventOf, streamId } from '@serviceops/kernel';
import { cancelOrder } from './cancel-order';
import { dispatchOrder } from './dispatch-order';
import { escalateArrivalRisk } from './escalate-arrival-risk';
import { escalateUnanswered } from './escalate-unanswered';
import { holdAutoDispatch } from './hold-auto-dispatch';
import { initialOrderState, type OrderContext, type OrderState } from './order.state';
import { reassignOrder } from './reassign-order';
import { recordWorkStage } from './record-work-stage';
import { registerRequest } from './register-request';
import { respondToRequest } from './respond-to-request';

export type { OrderContext } from './order.state';
export { assertSlot, awaitsArrivalCheck, isLeasedKind, LEASED_KINDS } from './order.rules';
export { AUTO_DISPATCHABLE_STATUSES } from './hold-auto-dispatch';
export { CANCELLABLE_STATUSES } from './cancel-order';
export { MAINTENANCE_VISIT_KINDS } from './record-work-stage';

/**
 * The order: the list of its use cases, a file each beside this one (command, decision, the events it records and
 * how they change the state). A new command is its file and its line here; the unions below, the decider and the
 * service's generic handler (application/order.handlers.ts) follow from the list.
 */
export const ORDER_USE_CASES = [
  registerRequest,
  respondToRequest,
  escalateUnanswered,
  dispatchOrder,
  reassignOrder,
  escalateArrivalRisk,
  recordWorkStage,
  cancelOrder,
  holdAutoDispatch,
] as const;

export type OrderCommand = CommandOf<typeof ORDER_USE_CASES>;
export type OrderEvent = EventOf<typeof ORDER_USE_CASES>;

export const orderDecider = deciderOf<typeof ORDER_USE_CASES, OrderState, OrderContext>(
  initialOrderState,
  ORDER_USE_CASES,
);
export const evolveOrder = orderDecider.evolve;

/** 'order-<tenantId>-<orderId>' */
export function orderStreamId(tenantId: string, orderId: string): string {
  return streamId('order', tenantId, orderId);
}
