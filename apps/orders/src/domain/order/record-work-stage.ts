import type { MaintenanceVisitCompletedV1, OrderClosedV1 } from '@serviceops/contracts';
import { type Event, useCase } from '@serviceops/kernel';
import { existing, open, STATUS_REACHED } from './order.rules';
import {
  furthest,
  type OrderContext,
  type OrderState,
  type RequestKind,
  type WorkStage,
} from './order.state';

/**
 * The order follows its work order: decided with the work order's command, in the same transaction, on the order's
 * stream. Nothing when the stage does not advance the order's status (a quote issued after the dispatch).
 */
export interface RecordWorkStage {
  readonly type: 'RecordWorkStage';
  readonly data: { readonly orderId: string; readonly stage: WorkStage };
}

// The order following its work order (its status): each only when it advances the order's status.
export type OrderQuoted = Event<'OrderQuoted', { orderId: string; at: string }>;
export type OrderQuoteAccepted = Event<'OrderQuoteAccepted', { orderId: string; at: string }>;
/** The customer declined the quote: the order is closed (nothing is dispatched, started or completed after it). */
export type OrderClosed = Event<'OrderClosed', OrderClosedV1>;
/** Work started on site: the arrival the SLA is met by. */
export type OrderWorkStarted = Event<'OrderWorkStarted', { orderId: string; startedAt: string }>;
export type OrderWorkCompleted = Event<'OrderWorkCompleted', { orderId: string; completedAt: string }>;
/** Published: a maintenance visit under a contract completed (contracts counts it; libs/contracts declares it). */
export type MaintenanceVisitCompleted = Event<'MaintenanceVisitCompleted', MaintenanceVisitCompletedV1>;

type WorkStageEvent =
  | OrderQuoted
  | OrderQuoteAccepted
  | OrderClosed
  | OrderWorkStarted
  | OrderWorkCompleted
  | MaintenanceVisitCompleted;

/** Kinds of order that are a maintenance visit: completed under a contract, contracts counts them. */
export const MAINTENANCE_VISIT_KINDS = [
  'maintenance',
  'rental_visit',
] as const satisfies readonly RequestKind[];
const isVisitKind = (kind: RequestKind): kind is (typeof MAINTENANCE_VISIT_KINDS)[number] =>
  (MAINTENANCE_VISIT_KINDS as readonly string[]).includes(kind);

/**
 * The order follows its work order's stage: its status moves on only forward in the lifecycle (a quote issued
 * after the dispatch leaves it dispatched: nothing). Completion of a maintenance visit under a contract publishes
 * it for contracts. A closed or completed order takes no further stage.
 */
export const recordWorkStage = useCase<RecordWorkStage, WorkStageEvent, OrderState, OrderContext>({
  command: 'RecordWorkStage',
  decide(command, state, context) {
    const order = open(existing(state, command.data.orderId));
    const { stage } = command.data;
    if (furthest(order.status, stage) === order.status) return [];
    const at = context.now.toISOString();
    const { orderId } = order;
    switch (stage) {
      case 'quoted':
        return [{ type: 'OrderQuoted', data: { orderId, at } }];
      case 'quote_accepted':
        return [{ type: 'OrderQuoteAccepted', data: { orderId, at } }];
      case 'closed':
        return [{ type: 'OrderClosed', data: { orderId, reason: 'quote_declined', at } }];
      case 'in_progress':
        return [{ type: 'OrderWorkStarted', data: { orderId, startedAt: at } }];
      case 'completed': {
        const completed: OrderWorkCompleted = {
          type: 'OrderWorkCompleted',
          data: { orderId, completedAt: at },
        };
        const kind = order.kind;
        // A rental visit is counted under its lease (the order's contract otherwise).
        const contractId = order.contractId ?? order.leaseContractId;
        if (contractId === undefined || !isVisitKind(kind)) return [completed];
        return [
          completed,
          {
            type: 'MaintenanceVisitCompleted',
            data: {
              orderId,
              contractId,
              customerId: order.customerId,
              kind,
              ...(order.dispatch ? { staffId: order.dispatch.staffId } : {}),
              completedAt: at,
            },
          },
        ];
      }
      default: {
        const unhandled: never = stage;
        return unhandled;
      }
    }
  },
  evolve: {
    OrderQuoted: (state) =>
      state.status === 'absent'
        ? state
        : { ...state, status: furthest(state.status, STATUS_REACHED.OrderQuoted) },
    OrderQuoteAccepted: (state) =>
      state.status === 'absent'
        ? state
        : { ...state, status: furthest(state.status, STATUS_REACHED.OrderQuoteAccepted) },
    OrderClosed: (state) =>
      state.status === 'absent'
        ? state
        : { ...state, status: furthest(state.status, STATUS_REACHED.OrderClosed) },
    OrderWorkStarted: (state, event) =>
      state.status === 'absent'
        ? state
        : {
            ...state,
            status: furthest(state.status, STATUS_REACHED.OrderWorkStarted),
            startedAt: event.data.startedAt,
          },
    OrderWorkCompleted: (state) =>
      state.status === 'absent'
        ? state
        : { ...state, status: furthest(state.status, STATUS_REACHED.OrderWorkCompleted) },
    MaintenanceVisitCompleted: (state) => state,
  },
});
