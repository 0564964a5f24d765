import { DomainError } from '@serviceops/kernel';

/** Stable codes of the order rules; the edge maps each to an HTTP/gRPC status by its shape. */
export const OrderErrorCode = {
  ORDER_NOT_FOUND: 'ORDERS.ORDER_NOT_FOUND',
  ORDER_EXISTS: 'ORDERS.ORDER_EXISTS',
  /** The customer declined the quote: nothing is dispatched, started or completed on the order. */
  ORDER_CLOSED: 'ORDERS.ORDER_CLOSED',
  /** The order's work is completed: it is not dispatched or answered again. */
  ORDER_COMPLETED: 'ORDERS.ORDER_COMPLETED',
  /** The order was cancelled: nothing more is done on it (details.orderStatus). */
  ORDER_CANCELLED: 'ORDERS.ORDER_CANCELLED',
  /** Work on the order has begun: it can no longer be cancelled (details.orderStatus). */
  WORK_STARTED: 'ORDERS.WORK_ORDER_STARTED',
  /** A rental visit or return: the customer has no rental lease in force. */
  NO_ACTIVE_LEASE: 'ORDERS.NO_ACTIVE_LEASE',
  /** A rental visit or return without contractId: the customer has several leases in force; name one. */
  LEASE_AMBIGUOUS: 'ORDERS.LEASE_AMBIGUOUS',
  /** A rental visit or return naming a contract that is not a lease in force of this customer. */
  NOT_A_LEASE: 'ORDERS.NOT_A_LEASE',
  /** No customer of this tenant by that id has reached orders (customers' CustomerRegistered). */
  CUSTOMER_NOT_FOUND: 'ORDERS.CUSTOMER_NOT_FOUND',
  /** The customers service erased the customer: no order takes personal text of theirs again. */
  CUSTOMER_ERASED: 'ORDERS.CUSTOMER_ERASED',
  INVALID_KIND: 'ORDERS.INVALID_KIND',
  INVALID_SERVICE_TYPE: 'ORDERS.INVALID_SERVICE_TYPE',
  INVALID_LINE: 'ORDERS.INVALID_LINE',
  INVALID_ZONE: 'ORDERS.INVALID_ZONE',
  INVALID_TEXT: 'ORDERS.INVALID_TEXT',
  INVALID_WANTED_AT: 'ORDERS.INVALID_WANTED_AT',
  /** Rules the schema cannot state (against now, two fields together): refused (422). */
  WANTED_IN_PAST: 'ORDERS.WANTED_IN_PAST',
  SLOT_IN_PAST: 'ORDERS.SLOT_IN_PAST',
  SLOT_REVERSED: 'ORDERS.SLOT_REVERSED',
  SLOT_ACROSS_DAYS: 'ORDERS.SLOT_ACROSS_DAYS',
  /** Under contract: no entitlement in force for this customer and line, or its sessions are used up. */
  NO_ENTITLEMENT: 'ORDERS.NO_ENTITLEMENT',
  /** Free under warranty: no coverage for this product at this date. */
  NOT_UNDER_WARRANTY: 'ORDERS.NOT_UNDER_WARRANTY',
  ALREADY_RESPONDED: 'ORDERS.ALREADY_RESPONDED',
  INVALID_SLOT: 'ORDERS.INVALID_SLOT',
  STAFF_NOT_ELIGIBLE: 'ORDERS.STAFF_NOT_ELIGIBLE',
  /** Eligible, but the slot is outside the person's working slots or overlaps their approved leave. */
  STAFF_UNAVAILABLE: 'ORDERS.STAFF_UNAVAILABLE',
  /** Eligible, but not skilled for the order's kind under the tenant's dispatch policy (details.reasons). */
  STAFF_NOT_SKILLED: 'ORDERS.STAFF_NOT_SKILLED',
  ALREADY_DISPATCHED: 'ORDERS.ALREADY_DISPATCHED',
  /** Not dispatched yet: no work starts (the work order's), nobody to reassign it from (details.orderStatus). */
  NOT_DISPATCHED: 'ORDERS.ORDER_NOT_DISPATCHED',
  /** Reassignment to the person the order is with already. */
  SAME_STAFF: 'ORDERS.SAME_STAFF',
  /** The person already has an order in an overlapping slot. */
  DOUBLE_BOOKED: 'ORDERS.DOUBLE_BOOKED',
  /** The resource going along is not fit at the slot: expired papers, not available, a failed check. */
  RESOURCE_UNFIT: 'ORDERS.RESOURCE_UNFIT',
} as const;

export type OrderErrorCode = (typeof OrderErrorCode)[keyof typeof OrderErrorCode];

export function orderError(
  code: OrderErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
