import {
  FRONT_DESK,
  ORDER_READERS,
  PARTS_ISSUERS,
  QUOTERS,
  WORK_INSPECTORS,
  WORK_PERFORMERS,
} from './access';
import type { Declaration } from './declaration';

/** A command on an order's work order: POST under the order, If-Match on the work order's version. */
const onWorkOrder = (path: string) =>
  ({
    method: 'POST',
    path: `orders/:id/${path}`,
    status: 200,
    uuidParams: ['id'],
    etag: true,
    ifMatch: true,
  }) as const;
const onExtraWork = (action: string) =>
  ({
    method: 'POST',
    path: `orders/:id/extra-work/:extraId/${action}`,
    status: 200,
    uuidParams: ['id', 'extraId'],
    etag: true,
    ifMatch: true,
  }) as const;

// What a work order command may answer: the order unknown, the work order completed or closed; its stage moving
// the order's status (a quote, its answer, the start) refused on an order that ended (cancelled included).
const ON_WORK_ORDER = [
  'ORDERS.ORDER_NOT_FOUND',
  'ORDERS.WORK_ORDER_COMPLETED',
  'ORDERS.ORDER_CLOSED',
] as const;
const STAGE = [...ON_WORK_ORDER, 'ORDERS.ORDER_COMPLETED', 'ORDERS.ORDER_CANCELLED'] as const;
const QUOTE_ANSWER = [
  ...STAGE,
  'ORDERS.QUOTE_NOT_REQUIRED',
  'ORDERS.QUOTE_DECIDED',
  'ORDERS.NO_QUOTE',
] as const;
/** On a started work order only. */
const STARTED = [...ON_WORK_ORDER, 'ORDERS.WORK_ORDER_NOT_STARTED'] as const;
const EXTRA = [...STARTED, 'ORDERS.EXTRA_WORK_NOT_FOUND'] as const;
const PART = [...STARTED, 'ORDERS.PART_NOT_ISSUED', 'ORDERS.PART_QUANTITY_EXCEEDED'] as const;

/** Quotes, work orders, execution and completion (issue 15 items 1, 5, 6). */
export const ORDERS_WORK_API = {
  IssueQuote: {
    http: onWorkOrder('quote'),
    access: QUOTERS,
    personalData: true,
    errors: [
      ...STAGE,
      'ORDERS.QUOTE_NOT_REQUIRED',
      'ORDERS.QUOTE_DECIDED',
      'ORDERS.QUOTE_REFUSED',
      'ORDERS.WORK_TEXT_REFUSED',
    ],
    summary:
      'Quote paid work (outside warranty or contract): items priced in minor units of one currency, valid until an instant',
  },
  AcceptQuote: {
    http: onWorkOrder('quote/accept'),
    access: FRONT_DESK,
    personalData: true,
    errors: [...QUOTE_ANSWER, 'ORDERS.QUOTE_EXPIRED'],
    summary: 'Record the customer’s acceptance of the quote, while it is valid: paid work may start',
  },
  DeclineQuote: {
    http: onWorkOrder('quote/decline'),
    access: FRONT_DESK,
    personalData: true,
    errors: QUOTE_ANSWER,
    summary: 'Record the customer’s decline of the quote: the order is closed',
  },
  StartWork: {
    http: onWorkOrder('work/start'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: [
      ...STAGE,
      'ORDERS.WORK_ORDER_STARTED',
      'ORDERS.ORDER_NOT_DISPATCHED',
      'ORDERS.NOT_DISPATCHED_TO_STAFF',
      'ORDERS.QUOTE_NOT_ACCEPTED',
    ],
    summary:
      'Start work on the order, by the person it is dispatched to (paid work once the quote is accepted)',
  },
  ProposeExtraWork: {
    http: onWorkOrder('extra-work'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: [...STARTED, 'ORDERS.WORK_TEXT_REFUSED', 'ORDERS.QUOTE_REFUSED'],
    summary:
      'Record extra work found on the job, with its estimated price: it waits for approval and consent',
  },
  ApproveExtraWork: {
    http: onExtraWork('approve'),
    access: FRONT_DESK,
    personalData: true,
    errors: EXTRA,
    summary: 'The front desk approves extra work',
  },
  RecordExtraWorkConsent: {
    http: onExtraWork('consent'),
    access: FRONT_DESK,
    personalData: true,
    errors: EXTRA,
    summary: 'Record the customer’s consent to extra work',
  },
  StartExtraWork: {
    http: onExtraWork('start'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: [...EXTRA, 'ORDERS.EXTRA_WORK_NOT_APPROVED', 'ORDERS.EXTRA_WORK_NO_CONSENT'],
    summary: 'Start extra work: only once the front desk approved it and the customer consented',
  },
  IssuePart: {
    http: onWorkOrder('parts/issue'),
    access: PARTS_ISSUERS,
    personalData: true,
    errors: [...STARTED, 'ORDERS.WORK_TEXT_REFUSED', 'ORDERS.PART_QUANTITY_EXCEEDED'],
    summary: 'Issue a part from the store against the order’s work order, only once work is started',
  },
  UsePart: {
    http: onWorkOrder('parts/use'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: PART,
    summary: 'Record issued parts used on the job (used parts never go back to stock)',
  },
  ReturnUnusedPart: {
    http: onWorkOrder('parts/return'),
    access: PARTS_ISSUERS,
    personalData: true,
    errors: [...PART, 'ORDERS.PART_USED'],
    summary: 'Return issued parts not used to the store, with a record (never used ones)',
  },
  LogItemIn: {
    http: onWorkOrder('take-back'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: [...STARTED, 'ORDERS.ITEM_ALREADY_IN', 'ORDERS.WORK_TEXT_REFUSED'],
    summary:
      'Take the item back to the workshop (started work order): logged in under the customer’s receipt',
  },
  LogItemOut: {
    http: onWorkOrder('take-back/return'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: [...STARTED, 'ORDERS.ITEM_NOT_IN'],
    summary: 'Return the item taken back to the customer: logged out (before completion)',
  },
  RecordSelfCheck: {
    http: onWorkOrder('self-check'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: STARTED,
    summary: 'Record the worker’s self-check of the finished job (a new one asks for a new inspection)',
  },
  RecordInspection: {
    http: onWorkOrder('inspection'),
    access: WORK_INSPECTORS,
    personalData: true,
    errors: [...STARTED, 'ORDERS.SELF_CHECK_MISSING'],
    summary: 'Record the inspection of the finished job, after a passed self-check',
  },
  CompleteWork: {
    http: onWorkOrder('complete'),
    access: WORK_PERFORMERS,
    personalData: true,
    errors: [
      ...STARTED,
      'ORDERS.SIGNATURE_MISSING',
      'ORDERS.WORK_TEXT_REFUSED',
      'ORDERS.HOURS_OUT_OF_RANGE',
      'ORDERS.SELF_CHECK_MISSING',
      'ORDERS.INSPECTION_MISSING',
      'ORDERS.ITEM_STILL_IN',
      'ORDERS.NOT_A_PACKAGE',
      'ORDERS.PACKAGE_EXHAUSTED',
    ],
    summary:
      'Complete the work order with the customer’s signature on the service voucher and the end summary: publishes OrderCompleted; a practice session uses one of its package’s sessions',
  },
  GetWorkOrder: {
    http: {
      method: 'GET',
      path: 'orders/:id/work-order',
      status: 200,
      uuidParams: ['id'],
      etag: true,
      purpose: true,
    },
    access: ORDER_READERS,
    personalData: true,
    errors: ['ORDERS.ORDER_NOT_FOUND'],
    summary:
      'The order’s work order: its quote, the repair card (parts and hours), extra work, checks, completion',
  },
} as const satisfies Record<string, Declaration>;
