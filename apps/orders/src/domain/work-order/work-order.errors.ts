import { DomainError } from '@serviceops/kernel';
import { OrderErrorCode } from '../order/order.errors';

/**
 * Quote, execution and completion of a repair (issue 15 items 1, 5, 6): paid work is quoted by the service
 * manager and starts only once the customer accepts (a decline closes the order); work starts only on an order
 * dispatched to the person who starts it; extra work found on the job starts only after the
 * front desk's approval and the customer's consent; parts are issued only against a started work order, used
 * parts never go back to stock (unused ones do, with a record); completion needs the customer's signature and
 * publishes `OrderCompleted` (duration, parts, hours, staff, resource).
 */
export const WorkOrderErrorCode = {
  NOT_STARTED: 'ORDERS.WORK_ORDER_NOT_STARTED',
  ALREADY_STARTED: 'ORDERS.WORK_ORDER_STARTED',
  COMPLETED: 'ORDERS.WORK_ORDER_COMPLETED',
  EXTRA_WORK_NOT_FOUND: 'ORDERS.EXTRA_WORK_NOT_FOUND',
  EXTRA_WORK_NOT_APPROVED: 'ORDERS.EXTRA_WORK_NOT_APPROVED',
  EXTRA_WORK_NO_CONSENT: 'ORDERS.EXTRA_WORK_NO_CONSENT',
  PART_NOT_ISSUED: 'ORDERS.PART_NOT_ISSUED',
  PART_USED: 'ORDERS.PART_USED',
  QUANTITY: 'ORDERS.PART_QUANTITY_EXCEEDED',
  SIGNATURE_MISSING: 'ORDERS.SIGNATURE_MISSING',
  QUOTE_NOT_ACCEPTED: 'ORDERS.QUOTE_NOT_ACCEPTED',
  /** Only paid work (outside warranty or contract) is quoted. */
  QUOTE_NOT_REQUIRED: 'ORDERS.QUOTE_NOT_REQUIRED',
  NO_QUOTE: 'ORDERS.NO_QUOTE',
  /** The quote was accepted or declined already. */
  QUOTE_DECIDED: 'ORDERS.QUOTE_DECIDED',
  QUOTE_EXPIRED: 'ORDERS.QUOTE_EXPIRED',
  /** A quote valid until a past instant, no item, items in several currencies, a price below zero. */
  QUOTE_REFUSED: 'ORDERS.QUOTE_REFUSED',
  /** The quote was declined: the order is closed. */
  CLOSED: 'ORDERS.ORDER_CLOSED',
  NOT_DISPATCHED: OrderErrorCode.NOT_DISPATCHED,
  /** Work is started by the person the order is dispatched to, no one else. */
  NOT_DISPATCHED_TO_STAFF: 'ORDERS.NOT_DISPATCHED_TO_STAFF',
  SELF_CHECK_MISSING: 'ORDERS.SELF_CHECK_MISSING',
  INSPECTION_MISSING: 'ORDERS.INSPECTION_MISSING',
  TEXT_REFUSED: 'ORDERS.WORK_TEXT_REFUSED',
  /** Take-back: the item is in the workshop already, is not, or must go back to the customer before completion. */
  ITEM_ALREADY_IN: 'ORDERS.ITEM_ALREADY_IN',
  ITEM_NOT_IN: 'ORDERS.ITEM_NOT_IN',
  ITEM_STILL_IN: 'ORDERS.ITEM_STILL_IN',
  HOURS: 'ORDERS.HOURS_OUT_OF_RANGE',
} as const;

/** A refusal of the work order's, with its code. */
export const err = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, message, details);
