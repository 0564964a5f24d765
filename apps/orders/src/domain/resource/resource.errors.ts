import { DomainError } from '@serviceops/kernel';

export const ResourceErrorCode = {
  RESOURCE_NOT_FOUND: 'ORDERS.RESOURCE_NOT_FOUND',
  RESOURCE_EXISTS: 'ORDERS.RESOURCE_EXISTS',
  INVALID_RESOURCE: 'ORDERS.INVALID_RESOURCE',
  RESOURCE_RETIRED: 'ORDERS.RESOURCE_RETIRED',
  NOT_A_TOOL: 'ORDERS.NOT_A_TOOL',
  TOOL_NOT_AVAILABLE: 'ORDERS.TOOL_NOT_AVAILABLE',
  TOOL_NOT_LENT: 'ORDERS.TOOL_NOT_LENT',
  DUE_BACK_IN_PAST: 'ORDERS.DUE_BACK_IN_PAST',
  /** A paper's last day in force before today (registering or renewing). */
  VALID_TO_IN_PAST: 'ORDERS.VALID_TO_IN_PAST',
  /** A tool is registered with its price (what a lost one is charged at): a rule across two fields. */
  TOOL_PRICE_REQUIRED: 'ORDERS.TOOL_PRICE_REQUIRED',
  /** Tools carry no inspection or insurance, and no preparation check. */
  NO_PAPERS: 'ORDERS.NO_PAPERS',
  /** An update of the papers naming neither date: a rule across two optional fields (422, not the schema's 400). */
  PAPERS_NOT_NAMED: 'ORDERS.PAPERS_NOT_NAMED',
  NO_PREPARATION_CHECK: 'ORDERS.NO_PREPARATION_CHECK',
  /** A checklist must name every item of its list once, and nothing else. */
  CHECKLIST_INCOMPLETE: 'ORDERS.CHECKLIST_INCOMPLETE',
  /** The order the record belongs to is of another kind (a delivery on a visit's order). */
  WRONG_ORDER_KIND: 'ORDERS.WRONG_ORDER_KIND',
  NOT_RENTAL_EQUIPMENT: 'ORDERS.NOT_RENTAL_EQUIPMENT',
  /** Expired papers, not available, or a failed preparation check not yet repaired. */
  RESOURCE_UNFIT: 'ORDERS.RESOURCE_UNFIT',
  DELIVERY_CHECK_FAILED: 'ORDERS.DELIVERY_CHECK_FAILED',
  DELIVERY_NOT_SIGNED: 'ORDERS.DELIVERY_NOT_SIGNED',
  NOT_RENTED: 'ORDERS.NOT_RENTED',
  NOT_RENTED_TO_CUSTOMER: 'ORDERS.NOT_RENTED_TO_CUSTOMER',
  DAMAGE_WITHOUT_FINDINGS: 'ORDERS.DAMAGE_WITHOUT_FINDINGS',
  /** The record's order was closed (its quote declined). */
  ORDER_CLOSED: 'ORDERS.ORDER_CLOSED',
  /** The record's order was cancelled. */
  ORDER_CANCELLED: 'ORDERS.ORDER_CANCELLED',
} as const;

/** A refusal of the resource's, with its code. */
export const err = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, message, details);
