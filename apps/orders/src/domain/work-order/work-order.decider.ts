import {
  type OrderCompletedV1,
  PERSONAL_TEXT,
  sealedPathsOf,
  WORK_ORDER_FIELDS as F,
} from '@serviceops/contracts';
import {
  type Decider,
  DomainError,
  type Event,
  isInstant,
  type Money,
  RULES,
  streamId,
  type TextRule,
} from '@serviceops/kernel';
import type { WorkStage } from '../order/order.state';
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

/** Most hours one repair card may carry (a sanity bound the schema states too). */
export const MAX_HOURS = 1_000;
/** Most items on one quote. */
export const MAX_QUOTE_ITEMS = 50;

export interface QuoteItem {
  readonly description: string;
  readonly price: Money;
}
const E = WorkOrderErrorCode;

export type WorkOrderCommand =
  | {
      readonly type: 'IssueQuote';
      readonly data: {
        readonly orderId: string;
        readonly items: readonly QuoteItem[];
        readonly validUntil: string;
      };
    }
  | { readonly type: 'AcceptQuote'; readonly data: { readonly orderId: string } }
  | { readonly type: 'DeclineQuote'; readonly data: { readonly orderId: string } }
  | {
      readonly type: 'StartWork';
      readonly data: { readonly orderId: string; readonly staffId: string; readonly resourceId?: string };
    }
  | {
      readonly type: 'ProposeExtraWork';
      readonly data: {
        readonly orderId: string;
        readonly extraId: string;
        /** Free text, sealed with the customer's key. */
        readonly description: string;
        readonly estimatedPrice: Money;
      };
    }
  | {
      readonly type: 'ApproveExtraWork';
      readonly data: { readonly orderId: string; readonly extraId: string };
    }
  | {
      readonly type: 'RecordCustomerConsent';
      readonly data: { readonly orderId: string; readonly extraId: string };
    }
  | { readonly type: 'StartExtraWork'; readonly data: { readonly orderId: string; readonly extraId: string } }
  | {
      readonly type: 'IssuePart';
      readonly data: { readonly orderId: string; readonly partId: string; readonly quantity: number };
    }
  | {
      readonly type: 'UsePart';
      readonly data: { readonly orderId: string; readonly partId: string; readonly quantity: number };
    }
  | {
      readonly type: 'ReturnUnusedPart';
      readonly data: { readonly orderId: string; readonly partId: string; readonly quantity: number };
    }
  | {
      readonly type: 'LogItemIn';
      readonly data: { readonly orderId: string; readonly receipt: string };
    }
  | { readonly type: 'LogItemOut'; readonly data: { readonly orderId: string } }
  | {
      readonly type: 'RecordSelfCheck';
      readonly data: { readonly orderId: string; readonly passed: boolean };
    }
  | {
      readonly type: 'RecordInspection';
      readonly data: { readonly orderId: string; readonly passed: boolean; readonly inspectorId: string };
    }
  | {
      readonly type: 'CompleteWork';
      readonly data: {
        readonly orderId: string;
        readonly signature: string;
        readonly hours: number;
        /** The end-of-job summary with the customer; free text, sealed. */
        readonly summary: string;
      };
    };

export type WorkOrderEvent =
  | Event<
      'QuoteIssued',
      { orderId: string; items: QuoteItem[]; total: Money; validUntil: string; at: string }
    >
  | Event<'QuoteAccepted', { orderId: string; at: string }>
  | Event<'QuoteDeclined', { orderId: string; at: string }>
  | Event<'WorkStarted', { orderId: string; staffId: string; resourceId?: string; startedAt: string }>
  | Event<
      'ExtraWorkProposed',
      { orderId: string; extraId: string; description: string; estimatedPrice: Money; at: string }
    >
  | Event<'ExtraWorkApproved', { orderId: string; extraId: string; at: string }>
  | Event<'ExtraWorkConsented', { orderId: string; extraId: string; at: string }>
  | Event<'ExtraWorkStarted', { orderId: string; extraId: string; at: string }>
  | Event<'PartIssued', { orderId: string; partId: string; quantity: number; at: string }>
  | Event<'PartUsed', { orderId: string; partId: string; quantity: number; at: string }>
  | Event<'UnusedPartReturned', { orderId: string; partId: string; quantity: number; at: string }>
  | Event<'ItemLoggedIn', { orderId: string; receipt: string; at: string }>
  | Event<'ItemLoggedOut', { orderId: string; receipt: string; at: string }>
  | Event<'SelfCheckRecorded', { orderId: string; passed: boolean; at: string }>
  | Event<'InspectionRecorded', { orderId: string; passed: boolean; inspectorId: string; at: string }>
  | Event<'WorkSummaryRecorded', { orderId: string; summary: string; at: string }>
  | Event<
      'OrderCompleted',
      {
        orderId: string;
        staffId: string;
        resourceId?: string;
        startedAt: string;
        completedAt: string;
        durationMinutes: number;
        hours: number;
        parts: { partId: string; quantity: number }[];
        signature: string;
      }
    >;

interface Part {
  readonly issued: number;
  readonly used: number;
  readonly returned: number;
}
export interface Quote {
  readonly items: readonly QuoteItem[];
  readonly total: Money;
  readonly validUntil: string;
  readonly status: 'offered' | 'accepted' | 'declined';
}
export interface WorkOrder {
  readonly status: 'not_started' | 'started' | 'completed' | 'closed';
  readonly quote?: Quote;
  readonly selfCheckPassed?: boolean;
  readonly inspectionPassed?: boolean;
  /** Take-back repair: the item in the workshop, under the receipt given to the customer. */
  readonly itemIn?: string;
  readonly orderId?: string;
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly startedAt?: string;
  readonly extras: Readonly<Record<string, { approved: boolean; consented: boolean; started: boolean }>>;
  readonly parts: Readonly<Record<string, Part>>;
}

export interface WorkOrderContext {
  readonly now: Date;
  /** From the order's stream: paid work is quoted and needs the customer's acceptance before it starts. */
  readonly quoteRequired?: boolean;
  /** StartWork: the person the order is dispatched to (undefined while it is not dispatched). */
  readonly dispatchedTo?: string;
}

const err = (code: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, message, details);

export function decideWorkOrder(
  c: WorkOrderCommand,
  s: WorkOrder,
  ctx: WorkOrderContext,
): readonly WorkOrderEvent[] {
  const at = ctx.now.toISOString();
  const { orderId } = c.data;
  if (s.status === 'completed') throw err(E.COMPLETED, `work order ${orderId} is completed`);
  if (s.status === 'closed') throw err(E.CLOSED, `order ${orderId} is closed: its quote was declined`);
  if (c.type === 'IssueQuote' || c.type === 'AcceptQuote' || c.type === 'DeclineQuote')
    return decideQuote(c, s, ctx);
  if (c.type === 'StartWork') {
    if (s.status === 'started') throw err(E.ALREADY_STARTED, `work order ${orderId} is started`);
    if (ctx.dispatchedTo === undefined)
      throw err(E.NOT_DISPATCHED, `order ${orderId} is not dispatched yet`, { orderId });
    if (ctx.dispatchedTo !== c.data.staffId)
      throw err(E.NOT_DISPATCHED_TO_STAFF, 'work is started by the person the order is dispatched to', {
        staffId: c.data.staffId,
      });
    if (ctx.quoteRequired === true && s.quote?.status !== 'accepted')
      throw err(E.QUOTE_NOT_ACCEPTED, 'paid work starts once the customer accepts the quote');
    const { staffId, resourceId } = c.data;
    return [
      {
        type: 'WorkStarted',
        data: { orderId, staffId, ...(resourceId ? { resourceId } : {}), startedAt: at },
      },
    ];
  }
  // Everything else happens on a started work order: the seeds' "started in the system before the store issues parts".
  if (s.status !== 'started') throw err(E.NOT_STARTED, `work order ${orderId} is not started`, { orderId });
  switch (c.type) {
    case 'ProposeExtraWork': {
      const description = textOf(c.data.description, 'description', F.extraWork);
      const estimatedPrice = price(c.data.estimatedPrice, 'estimatedPrice');
      return [
        {
          type: 'ExtraWorkProposed',
          data: { orderId, extraId: c.data.extraId, description, estimatedPrice, at },
        },
      ];
    }
    case 'ApproveExtraWork':
      extra(s, c.data.extraId);
      return [{ type: 'ExtraWorkApproved', data: { orderId, extraId: c.data.extraId, at } }];
    case 'RecordCustomerConsent':
      extra(s, c.data.extraId);
      return [{ type: 'ExtraWorkConsented', data: { orderId, extraId: c.data.extraId, at } }];
    case 'StartExtraWork': {
      const x = extra(s, c.data.extraId);
      if (!x.approved)
        throw err(E.EXTRA_WORK_NOT_APPROVED, 'extra work needs the front desk’s approval first');
      if (!x.consented) throw err(E.EXTRA_WORK_NO_CONSENT, 'extra work needs the customer’s consent first');
      return [{ type: 'ExtraWorkStarted', data: { orderId, extraId: c.data.extraId, at } }];
    }
    case 'IssuePart':
      if (typeof c.data.partId !== 'string' || !F.partId.accepts(c.data.partId))
        throw err(E.TEXT_REFUSED, `partId ${F.partId.message}`, { field: 'partId' });
      quantity(c.data.quantity);
      return [
        { type: 'PartIssued', data: { orderId, partId: c.data.partId, quantity: c.data.quantity, at } },
      ];
    case 'UsePart': {
      const p = part(s, c.data.partId);
      quantity(c.data.quantity);
      if (p.used + p.returned + c.data.quantity > p.issued)
        throw err(E.QUANTITY, 'more used than issued and not returned');
      return [{ type: 'PartUsed', data: { orderId, partId: c.data.partId, quantity: c.data.quantity, at } }];
    }
    case 'ReturnUnusedPart': {
      const p = part(s, c.data.partId);
      quantity(c.data.quantity);
      const unused = p.issued - p.used - p.returned;
      if (c.data.quantity > unused)
        throw err(p.used > 0 ? E.PART_USED : E.QUANTITY, 'used parts never go back to stock', { unused });
      return [
        {
          type: 'UnusedPartReturned',
          data: { orderId, partId: c.data.partId, quantity: c.data.quantity, at },
        },
      ];
    }
    case 'LogItemIn':
      if (s.itemIn !== undefined) throw err(E.ITEM_ALREADY_IN, 'the item is in the workshop already');
      if (typeof c.data.receipt !== 'string' || !F.receipt.accepts(c.data.receipt.trim()))
        throw err(E.TEXT_REFUSED, `receipt ${F.receipt.message}`, { field: 'receipt' });
      return [{ type: 'ItemLoggedIn', data: { orderId, receipt: c.data.receipt.trim(), at } }];
    case 'LogItemOut':
      if (s.itemIn === undefined) throw err(E.ITEM_NOT_IN, 'no item of this order is in the workshop');
      return [{ type: 'ItemLoggedOut', data: { orderId, receipt: s.itemIn, at } }];
    case 'RecordSelfCheck':
      return [{ type: 'SelfCheckRecorded', data: { orderId, passed: c.data.passed === true, at } }];
    case 'RecordInspection':
      if (s.selfCheckPassed !== true)
        throw err(E.SELF_CHECK_MISSING, 'the inspection follows a passed self-check');
      return [
        {
          type: 'InspectionRecorded',
          data: { orderId, passed: c.data.passed === true, inspectorId: c.data.inspectorId, at },
        },
      ];
    case 'CompleteWork': {
      if (typeof c.data.signature !== 'string' || c.data.signature.trim() === '')
        throw err(E.SIGNATURE_MISSING, 'completion needs the customer’s signature on the service voucher');
      if (!F.signature.accepts(c.data.signature.trim()))
        throw err(E.TEXT_REFUSED, `signature ${F.signature.message}`, { field: 'signature' });
      if (!Number.isFinite(c.data.hours) || c.data.hours < 0 || c.data.hours > MAX_HOURS)
        throw err(E.HOURS, `hours must be between 0 and ${MAX_HOURS}`, { field: 'hours' });
      if (s.selfCheckPassed !== true) throw err(E.SELF_CHECK_MISSING, 'completion needs a passed self-check');
      if (s.inspectionPassed !== true)
        throw err(E.INSPECTION_MISSING, 'completion needs a passed inspection');
      if (s.itemIn !== undefined)
        throw err(E.ITEM_STILL_IN, 'the item taken back goes back to the customer before completion');
      const summary = textOf(c.data.summary, 'summary', F.summary);
      const startedAt = s.startedAt as string;
      return [
        { type: 'WorkSummaryRecorded', data: { orderId, summary, at } },
        {
          type: 'OrderCompleted',
          data: {
            orderId,
            staffId: s.staffId as string,
            ...(s.resourceId ? { resourceId: s.resourceId } : {}),
            startedAt,
            completedAt: at,
            durationMinutes: Math.round((ctx.now.getTime() - Date.parse(startedAt)) / 60_000),
            hours: c.data.hours,
            parts: Object.entries(s.parts)
              .filter(([, p]) => p.used > 0)
              .map(([partId, p]) => ({ partId, quantity: p.used })),
            signature: c.data.signature.trim(),
          },
        },
      ];
    }
    default: {
      const unhandled: never = c;
      return unhandled;
    }
  }
}

function decideQuote(
  c: Extract<WorkOrderCommand, { type: 'IssueQuote' | 'AcceptQuote' | 'DeclineQuote' }>,
  s: WorkOrder,
  ctx: WorkOrderContext,
): WorkOrderEvent[] {
  const at = ctx.now.toISOString();
  const { orderId } = c.data;
  if (ctx.quoteRequired !== true)
    throw err(E.QUOTE_NOT_REQUIRED, 'only paid work (outside warranty or contract) is quoted');
  if (s.quote?.status === 'accepted' || s.status !== 'not_started')
    throw err(E.QUOTE_DECIDED, 'the quote was accepted already');
  if (c.type === 'IssueQuote') {
    const { items, validUntil } = c.data;
    if (typeof validUntil !== 'string' || !isInstant(validUntil))
      throw err(E.QUOTE_REFUSED, 'validUntil must be an instant', { field: 'validUntil' });
    if (Date.parse(validUntil) <= ctx.now.getTime())
      throw err(E.QUOTE_REFUSED, 'a quote is valid until a time to come', { field: 'validUntil' });
    const list: readonly QuoteItem[] = Array.isArray(items) ? items : [];
    if (list.length < 1 || list.length > MAX_QUOTE_ITEMS)
      throw err(E.QUOTE_REFUSED, `a quote has 1–${MAX_QUOTE_ITEMS} items`, { field: 'items' });
    const clean = list.map((item, i) => ({
      description: textOf(item.description, `items[${i}].description`, F.quoteItem),
      price: price(item.price, `items[${i}].price`),
    }));
    const currency = clean[0]?.price.currency as string;
    if (clean.some((item) => item.price.currency !== currency))
      throw err(E.QUOTE_REFUSED, 'a quote’s items are in one currency', { field: 'items' });
    const amount = clean.reduce((total, item) => total + item.price.amount, 0);
    if (!Number.isSafeInteger(amount)) throw err(E.QUOTE_REFUSED, 'the quote’s total is too large');
    return [
      {
        type: 'QuoteIssued',
        data: {
          orderId,
          items: clean,
          total: { amount, currency },
          validUntil: new Date(validUntil).toISOString(),
          at,
        },
      },
    ];
  }
  const quote = s.quote;
  if (quote === undefined) throw err(E.NO_QUOTE, `order ${orderId} has no quote`);
  if (quote.status !== 'offered') throw err(E.QUOTE_DECIDED, `the quote was ${quote.status} already`);
  if (c.type === 'DeclineQuote') return [{ type: 'QuoteDeclined', data: { orderId, at } }];
  if (ctx.now.getTime() > Date.parse(quote.validUntil))
    throw err(E.QUOTE_EXPIRED, 'the quote is no longer valid: quote again', { validUntil: quote.validUntil });
  return [{ type: 'QuoteAccepted', data: { orderId, at } }];
}

function textOf(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string' || !rule.accepts(value))
    throw err(E.TEXT_REFUSED, `${field} ${rule.message}`, { field });
  return value.trim();
}
function price(value: Money | undefined, field: string): Money {
  const ok =
    value !== undefined &&
    Number.isSafeInteger(value.amount) &&
    value.amount >= 0 &&
    typeof value.currency === 'string' &&
    RULES.currency.accepts(value.currency);
  if (!ok) throw err(E.QUOTE_REFUSED, `${field} must be whole minor units ≥ 0 and a currency`, { field });
  return { amount: value.amount, currency: value.currency };
}

function extra(s: WorkOrder, extraId: string) {
  const x = s.extras[extraId];
  if (!x) throw err(E.EXTRA_WORK_NOT_FOUND, `no extra work ${extraId}`);
  return x;
}
function part(s: WorkOrder, partId: string): Part {
  const p = s.parts[partId];
  if (!p) throw err(E.PART_NOT_ISSUED, `part ${partId} was not issued to this work order`);
  return p;
}
function quantity(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw err(E.QUANTITY, 'quantity must be a whole number ≥ 1');
}

export function evolveWorkOrder(s: WorkOrder, e: WorkOrderEvent): WorkOrder {
  const d = e.data;
  const bump = (partId: string, key: keyof Part, n: number): WorkOrder => {
    const p = s.parts[partId] ?? { issued: 0, used: 0, returned: 0 };
    return { ...s, parts: { ...s.parts, [partId]: { ...p, [key]: p[key] + n } } };
  };
  const setExtra = (extraId: string, key: 'approved' | 'consented' | 'started'): WorkOrder => {
    const x = s.extras[extraId] ?? { approved: false, consented: false, started: false };
    return { ...s, extras: { ...s.extras, [extraId]: { ...x, [key]: true } } };
  };
  switch (e.type) {
    case 'QuoteIssued':
      return {
        ...s,
        quote: { items: e.data.items, total: e.data.total, validUntil: e.data.validUntil, status: 'offered' },
      };
    case 'QuoteAccepted':
      return s.quote ? { ...s, quote: { ...s.quote, status: 'accepted' } } : s;
    case 'QuoteDeclined':
      return { ...s, status: 'closed', ...(s.quote ? { quote: { ...s.quote, status: 'declined' } } : {}) };
    case 'ItemLoggedIn':
      return { ...s, itemIn: e.data.receipt };
    case 'ItemLoggedOut': {
      const { itemIn: _out, ...rest } = s;
      return rest;
    }
    case 'SelfCheckRecorded':
      // A new self-check (after a failed inspection, say) asks for a new inspection.
      return { ...s, selfCheckPassed: e.data.passed, inspectionPassed: false };
    case 'InspectionRecorded':
      return { ...s, inspectionPassed: e.data.passed };
    case 'WorkSummaryRecorded':
      return s;
    case 'WorkStarted':
      return {
        ...s,
        status: 'started',
        orderId: d.orderId,
        staffId: e.data.staffId,
        ...(e.data.resourceId ? { resourceId: e.data.resourceId } : {}),
        startedAt: e.data.startedAt,
      };
    case 'ExtraWorkProposed':
      return {
        ...s,
        extras: { ...s.extras, [e.data.extraId]: { approved: false, consented: false, started: false } },
      };
    case 'ExtraWorkApproved':
      return setExtra(e.data.extraId, 'approved');
    case 'ExtraWorkConsented':
      return setExtra(e.data.extraId, 'consented');
    case 'ExtraWorkStarted':
      return setExtra(e.data.extraId, 'started');
    case 'PartIssued':
      return bump(e.data.partId, 'issued', e.data.quantity);
    case 'PartUsed':
      return bump(e.data.partId, 'used', e.data.quantity);
    case 'UnusedPartReturned':
      return bump(e.data.partId, 'returned', e.data.quantity);
    case 'OrderCompleted':
      return { ...s, status: 'completed' };
    default: {
      const unhandled: never = e;
      return unhandled;
    }
  }
}

export const workOrderDecider: Decider<WorkOrderCommand, WorkOrderEvent, WorkOrder, WorkOrderContext> = {
  initialState: () => ({ status: 'not_started', extras: {}, parts: {} }),
  decide: decideWorkOrder,
  evolve: evolveWorkOrder,
};

/** Per event type, the personal free text sealed with the customer's key. */
export const WORK_ORDER_SEALED_PATHS = sealedPathsOf(
  [
    'QuoteIssued',
    'QuoteAccepted',
    'QuoteDeclined',
    'WorkStarted',
    'ExtraWorkProposed',
    'ExtraWorkApproved',
    'ExtraWorkConsented',
    'ExtraWorkStarted',
    'PartIssued',
    'PartUsed',
    'UnusedPartReturned',
    'ItemLoggedIn',
    'ItemLoggedOut',
    'SelfCheckRecorded',
    'InspectionRecorded',
    'WorkSummaryRecorded',
    'OrderCompleted',
  ],
  PERSONAL_TEXT.workOrder,
) satisfies Record<WorkOrderEvent['type'], readonly string[]>;

/** The order's stage each work order event reaches: the order's status follows them (order decider). */
export const STAGE_OF_EVENT = {
  QuoteIssued: 'quoted',
  QuoteAccepted: 'quote_accepted',
  QuoteDeclined: 'closed',
  WorkStarted: 'in_progress',
  OrderCompleted: 'completed',
} as const satisfies Partial<Record<WorkOrderEvent['type'], WorkStage>>;

/** The stage a decision's events reach (the last that names one), undefined when none does. */
export function workStageOf(events: readonly WorkOrderEvent[]): WorkStage | undefined {
  const stages: Partial<Record<string, WorkStage>> = STAGE_OF_EVENT;
  return events.reduce<WorkStage | undefined>((stage, e) => stages[e.type] ?? stage, undefined);
}

export function workOrderStreamId(tenantId: string, orderId: string): string {
  return streamId('work-order', tenantId, orderId);
}

/** The published declaration (libs/contracts/src/events/orders.events.ts) is what this event carries. */
export type CompletedMatchesContract = Extract<
  WorkOrderEvent,
  { type: 'OrderCompleted' }
>['data'] extends OrderCompletedV1
  ? true
  : never;
export const completedMatchesContract: CompletedMatchesContract = true;
