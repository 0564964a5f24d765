import { isSealed } from '@serviceops/platform';
import { arrivalSla } from '../domain/order/order.sla';
import { furthest, type OrderStatus } from '../domain/order/order.state';
import type { BusinessCalendar } from '@serviceops/kernel';
import { type OrderEvent, STATUS_REACHED } from '../domain/order/order.events';
import { NOT_RECORDED, notFoundOrder } from './order-store';

/** An order as the API answers it (the proto's Order). */
export interface OrderView {
  readonly id: string;
  readonly version: number;
  readonly status: OrderStatus;
  readonly customerId: string;
  readonly line: string;
  readonly kind: string;
  readonly serviceType: string;
  readonly zone: string;
  readonly wantedAt: string;
  /** Personal text like the address and the problem: absent when masked or erased. */
  readonly subject?: string;
  readonly address?: string;
  readonly problem?: string;
  readonly contractId?: string;
  readonly leaseContractId?: string;
  readonly quoteRequired: boolean;
  readonly receivedAt: string;
  readonly responseDueAt: string;
  readonly respondedAt?: string;
  readonly responseLate?: boolean;
  readonly escalatedAt?: string;
  readonly arrivalEscalatedAt?: string;
  readonly arrivalDueAt: string;
  readonly slaState: string;
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly slot?: { readonly start: string; readonly end: string };
  readonly dispatchedAt?: string;
  /** Moved to another person (the latest time): when, and why (personal data: absent when masked). */
  readonly reassignedAt?: string;
  readonly reassignReason?: string;
  /** Cancelled: when, and why (personal data: absent when masked). */
  readonly cancelledAt?: string;
  readonly cancelReason?: string;
  /** The system's latest auto-dispatch that found nobody: why (the order stays in the queue). */
  readonly autoDispatchHeld?: {
    readonly reason: string;
    readonly heldAt: string;
    readonly slot: { readonly start: string; readonly end: string };
    readonly candidates: readonly { readonly staffId: string; readonly reasons: readonly string[] }[];
  };
  readonly policyVersion: number;
  readonly masked: boolean;
}

/**
 * Whether personal text is shown to a reader who may see it: a value still sealed (its customer erased, the key
 * destroyed) or never recorded (written after the erasure) is left out, as customers leave out an erased
 * customer's fields; never the ciphertext.
 */
export const shownText = (v: string): boolean => v !== NOT_RECORDED && !isSealed(v);

function shown<T extends Record<string, string | undefined>>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && shownText(v)),
  ) as Partial<T>;
}

/** The order folded from its (opened) events; the SLA recounted with the calendar in force `now`. */
export function orderViewOf(
  events: readonly OrderEvent[],
  version: number,
  clear: boolean,
  calendar: BusinessCalendar,
  now: Date,
): OrderView {
  let view: { -readonly [K in keyof OrderView]?: OrderView[K] } = {};
  let hours = 0;
  let arrivedAt: string | undefined;
  let cancelledAt: string | undefined;
  const reach = (status: OrderStatus) => (view.status ? furthest(view.status, status) : status);
  for (const e of events) {
    switch (e.type) {
      case 'RequestRegistered': {
        const { orderId, address, problem, subject, arrivalWithinBusinessHours, ...rest } = e.data;
        hours = arrivalWithinBusinessHours;
        view = {
          id: orderId,
          status: STATUS_REACHED.RequestRegistered,
          ...rest,
          ...(clear ? shown({ address, problem, subject }) : {}),
        };
        break;
      }
      case 'RequestResponded':
        view = { ...view, respondedAt: e.data.respondedAt, responseLate: e.data.late };
        break;
      case 'RequestResponseOverdue':
        view = { ...view, escalatedAt: e.data.escalatedAt };
        break;
      case 'OrderArrivalAtRisk':
        view = { ...view, arrivalEscalatedAt: e.data.escalatedAt };
        break;
      case 'OrderDispatched':
        view = {
          ...view,
          status: reach(STATUS_REACHED.OrderDispatched),
          staffId: e.data.staffId,
          ...(e.data.resourceId ? { resourceId: e.data.resourceId } : {}),
          slot: e.data.slot,
          dispatchedAt: e.data.dispatchedAt,
        };
        break;
      case 'OrderReassigned':
        view = {
          ...view,
          staffId: e.data.staffId,
          ...(e.data.resourceId ? { resourceId: e.data.resourceId } : {}),
          slot: e.data.slot,
          reassignedAt: e.data.reassignedAt,
          ...(clear ? shown({ reassignReason: e.data.reason }) : {}),
        };
        break;
      case 'OrderQuoted':
        view = { ...view, status: reach(STATUS_REACHED.OrderQuoted) };
        break;
      case 'OrderQuoteAccepted':
        view = { ...view, status: reach(STATUS_REACHED.OrderQuoteAccepted) };
        break;
      case 'OrderClosed':
        view = { ...view, status: reach(STATUS_REACHED.OrderClosed) };
        break;
      case 'OrderWorkStarted':
        arrivedAt = e.data.startedAt;
        view = { ...view, status: reach(STATUS_REACHED.OrderWorkStarted) };
        break;
      case 'OrderWorkCompleted':
        view = { ...view, status: reach(STATUS_REACHED.OrderWorkCompleted) };
        break;
      case 'OrderCancelled':
        cancelledAt = e.data.cancelledAt;
        view = {
          ...view,
          status: reach(STATUS_REACHED.OrderCancelled),
          cancelledAt,
          ...(clear ? shown({ cancelReason: e.data.reason }) : {}),
        };
        break;
      case 'MaintenanceVisitCompleted':
        break;
      case 'OrderAutoDispatchHeld': {
        const { reason, heldAt, slot, candidates } = e.data;
        view = { ...view, autoDispatchHeld: { reason, heldAt, slot, candidates } };
        break;
      }
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  }
  if (view.id === undefined || view.receivedAt === undefined) throw notFoundOrder();
  const sla = arrivalSla(
    {
      orderId: view.id,
      receivedAt: view.receivedAt,
      arrivalWithinBusinessHours: hours,
      ...(arrivedAt === undefined ? {} : { arrivedAt }),
      ...(cancelledAt === undefined ? {} : { cancelledAt }),
    },
    calendar,
    now,
  );
  return { ...view, arrivalDueAt: sla.dueAt, slaState: sla.state, version, masked: !clear } as OrderView;
}
