import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import type { OrderEvent } from './order.decider';

// Each event is declared with the use case that records it (register-request.ts, …); the union is derived from the
// list of use cases (order.decider.ts). Instants are ISO-8601 strings (UTC). Free text is in clear here: the
// application seals SEALED_PATHS.
export type { OrderEvent } from './order.decider';
export type { CancelOrder, OrderCancelled } from './cancel-order';
export type { DispatchOrder, OrderDispatched } from './dispatch-order';
export type { EscalateArrivalRisk, OrderArrivalAtRisk } from './escalate-arrival-risk';
export type { EscalateUnanswered, RequestResponseOverdue } from './escalate-unanswered';
export type { HoldAutoDispatch, OrderAutoDispatchHeld } from './hold-auto-dispatch';
export type { OrderReassigned, ReassignOrder } from './reassign-order';
export type {
  MaintenanceVisitCompleted,
  OrderClosed,
  OrderQuoteAccepted,
  OrderQuoted,
  OrderWorkCompleted,
  OrderWorkStarted,
  RecordWorkStage,
} from './record-work-stage';
export type { RegisterRequest, RequestRegistered } from './register-request';
export type { RequestResponded, RespondToRequest } from './respond-to-request';
export { STATUS_REACHED } from './order.rules';

/** Per event type, the personal free text the application seals with the customer's key. */
export const SEALED_PATHS = sealedPathsOf(
  [
    'RequestRegistered',
    'RequestResponded',
    'RequestResponseOverdue',
    'OrderDispatched',
    'OrderReassigned',
    'OrderArrivalAtRisk',
    'OrderQuoted',
    'OrderQuoteAccepted',
    'OrderClosed',
    'OrderWorkStarted',
    'OrderWorkCompleted',
    'OrderCancelled',
    'MaintenanceVisitCompleted',
    'OrderAutoDispatchHeld',
  ],
  PERSONAL_TEXT.order,
) satisfies Record<OrderEvent['type'], readonly string[]>;
