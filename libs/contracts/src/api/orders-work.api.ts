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

/** Quotes, work orders, execution and completion (issue 15 items 1, 5, 6). */
export const ORDERS_WORK_API = {
  IssueQuote: {
    http: onWorkOrder('quote'),
    access: QUOTERS,
    personalData: true,
    summary:
      'Quote paid work (outside warranty or contract): items priced in minor units of one currency, valid until an instant',
  },
  AcceptQuote: {
    http: onWorkOrder('quote/accept'),
    access: FRONT_DESK,
    personalData: true,
    summary: 'Record the customer’s acceptance of the quote, while it is valid: paid work may start',
  },
  DeclineQuote: {
    http: onWorkOrder('quote/decline'),
    access: FRONT_DESK,
    personalData: true,
    summary: 'Record the customer’s decline of the quote: the order is closed',
  },
  StartWork: {
    http: onWorkOrder('work/start'),
    access: WORK_PERFORMERS,
    personalData: true,
    summary:
      'Start work on the order, by the person it is dispatched to (paid work once the quote is accepted)',
  },
  ProposeExtraWork: {
    http: onWorkOrder('extra-work'),
    access: WORK_PERFORMERS,
    personalData: true,
    summary:
      'Record extra work found on the job, with its estimated price: it waits for approval and consent',
  },
  ApproveExtraWork: {
    http: onExtraWork('approve'),
    access: FRONT_DESK,
    personalData: true,
    summary: 'The front desk approves extra work',
  },
  RecordExtraWorkConsent: {
    http: onExtraWork('consent'),
    access: FRONT_DESK,
    personalData: true,
    summary: 'Record the customer’s consent to extra work',
  },
  StartExtraWork: {
    http: onExtraWork('start'),
    access: WORK_PERFORMERS,
    personalData: true,
    summary: 'Start extra work: only once the front desk approved it and the customer consented',
  },
  IssuePart: {
    http: onWorkOrder('parts/issue'),
    access: PARTS_ISSUERS,
    personalData: true,
    summary: 'Issue a part from the store against the order’s work order, only once work is started',
  },
  UsePart: {
    http: onWorkOrder('parts/use'),
    access: WORK_PERFORMERS,
    personalData: true,
    summary: 'Record issued parts used on the job (used parts never go back to stock)',
  },
  ReturnUnusedPart: {
    http: onWorkOrder('parts/return'),
    access: PARTS_ISSUERS,
    personalData: true,
    summary: 'Return issued parts not used to the store, with a record (never used ones)',
  },
  LogItemIn: {
    http: onWorkOrder('take-back'),
    access: WORK_PERFORMERS,
    personalData: true,
    summary:
      'Take the item back to the workshop (started work order): logged in under the customer’s receipt',
  },
  LogItemOut: {
    http: onWorkOrder('take-back/return'),
    access: WORK_PERFORMERS,
    personalData: true,
    summary: 'Return the item taken back to the customer: logged out (before completion)',
  },
  RecordSelfCheck: {
    http: onWorkOrder('self-check'),
    access: WORK_PERFORMERS,
    personalData: true,
    summary: 'Record the worker’s self-check of the finished job (a new one asks for a new inspection)',
  },
  RecordInspection: {
    http: onWorkOrder('inspection'),
    access: WORK_INSPECTORS,
    personalData: true,
    summary: 'Record the inspection of the finished job, after a passed self-check',
  },
  CompleteWork: {
    http: onWorkOrder('complete'),
    access: WORK_PERFORMERS,
    personalData: true,
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
    summary:
      'The order’s work order: its quote, the repair card (parts and hours), extra work, checks, completion',
  },
} as const satisfies Record<string, Declaration>;
