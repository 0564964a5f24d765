import {
  type BusinessLine,
  type MaintenanceVisitCompletedV1,
  type OrderCancelledV1,
  type OrderClosedV1,
  type OrderDispatchedV1,
  type OrderReassignedV1,
  type OrderStatusName,
  PERSONAL_TEXT,
  sealedPathsOf,
} from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';
import type { RequestKind, ServiceType, Slot, Zone } from './order.commands';

// Instants are ISO-8601 strings (UTC). Free text is in clear here: the application seals SEALED_PATHS.

export type RequestRegistered = Event<
  'RequestRegistered',
  {
    orderId: string;
    customerId: string;
    line: BusinessLine;
    kind: RequestKind;
    serviceType: ServiceType;
    wantedAt: string;
    zone: Zone;
    address: string;
    subject: string;
    problem: string;
    contractId?: string;
    /** A rental visit or return: the lease it is for (the request's contract, or the customer's only lease). */
    leaseContractId?: string;
    /** Paid work waits for a quote the customer accepts; contract and warranty work does not. */
    quoteRequired: boolean;
    receivedAt: string;
    /** receivedAt + the policy's first-response hours (wall clock). */
    responseDueAt: string;
    /** The policy's working hours to arrival for this zone: the SLA is recounted from it with the calendar in force. */
    arrivalWithinBusinessHours: number;
    /** As counted at registration (the read model recounts it when the calendar changes). */
    arrivalDueAt: string;
    policyVersion: number;
  }
>;
export type RequestResponded = Event<
  'RequestResponded',
  { orderId: string; respondedAt: string; late: boolean }
>;
/** Escalation: the request had no first response in time (to the service director). */
export type RequestResponseOverdue = Event<
  'RequestResponseOverdue',
  { orderId: string; customerId: string; responseDueAt: string; escalatedAt: string }
>;
/** Published (OrderDispatchedV1): staff keeps each member's open orders from it. */
export type OrderDispatched = Event<'OrderDispatched', OrderDispatchedV1>;

/**
 * Moved to another person before work started, same slot (the old booking released, the new one booked): published
 * (OrderReassignedV1), staff moves the order to the new person; `reason` is sealed.
 */
export type OrderReassigned = Event<'OrderReassigned', OrderReassignedV1 & { reason: string }>;

/** Escalation to the service director: the order is about to miss (or missed) its arrival time. */
export type OrderArrivalAtRisk = Event<
  'OrderArrivalAtRisk',
  { orderId: string; arrivalDueAt: string; state: 'at_risk' | 'missed'; escalatedAt: string }
>;

// The order following its work order (its status): each only when it advances the order's status.
export type OrderQuoted = Event<'OrderQuoted', { orderId: string; at: string }>;
export type OrderQuoteAccepted = Event<'OrderQuoteAccepted', { orderId: string; at: string }>;
/** The customer declined the quote: the order is closed (nothing is dispatched, started or completed after it). */
export type OrderClosed = Event<'OrderClosed', OrderClosedV1>;
/** Work started on site: the arrival the SLA is met by. */
export type OrderWorkStarted = Event<'OrderWorkStarted', { orderId: string; startedAt: string }>;
export type OrderWorkCompleted = Event<'OrderWorkCompleted', { orderId: string; completedAt: string }>;
/**
 * Cancelled before work started: nothing is dispatched, started or completed after it, the SLA stops. `from` is
 * the status it was cancelled in (a dispatched order's bookings were released with it). Published
 * (OrderCancelledV1); `reason` is sealed.
 */
export type OrderCancelled = Event<'OrderCancelled', OrderCancelledV1 & { reason: string }>;
/** Published: a maintenance visit under a contract completed (contracts counts it; libs/contracts declares it). */
export type MaintenanceVisitCompleted = Event<'MaintenanceVisitCompleted', MaintenanceVisitCompletedV1>;

/** Auto-dispatch found nobody (or was refused): why, per attempt; the order stays in the dispatch queue. */
export type OrderAutoDispatchHeld = Event<
  'OrderAutoDispatchHeld',
  {
    orderId: string;
    attempt: string;
    slot: Slot;
    reason: string;
    candidates: { staffId: string; reasons: string[] }[];
    heldAt: string;
  }
>;

export type OrderEvent =
  | RequestRegistered
  | OrderAutoDispatchHeld
  | RequestResponded
  | RequestResponseOverdue
  | OrderDispatched
  | OrderReassigned
  | OrderArrivalAtRisk
  | OrderQuoted
  | OrderQuoteAccepted
  | OrderClosed
  | OrderWorkStarted
  | OrderWorkCompleted
  | OrderCancelled
  | MaintenanceVisitCompleted;

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

/**
 * The status each event of the order's stream reaches (the order's status is the furthest reached: order.state
 * `furthest`): the decider's state, the order's view and the order index read it here.
 */
export const STATUS_REACHED = {
  RequestRegistered: 'registered',
  OrderQuoted: 'quoted',
  OrderQuoteAccepted: 'quote_accepted',
  OrderDispatched: 'dispatched',
  OrderWorkStarted: 'in_progress',
  OrderWorkCompleted: 'completed',
  OrderClosed: 'closed',
  OrderCancelled: 'cancelled',
} as const satisfies Partial<Record<OrderEvent['type'], OrderStatusName>>;
