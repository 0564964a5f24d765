import type { OrderCompletedV1 } from '@serviceops/contracts';
import { type Decider, DomainError, type Event, streamId } from '@serviceops/kernel';

/**
 * Execution and completion of a repair (issue 15 items 5, 6): extra work found on the job starts only after the
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
} as const;
const E = WorkOrderErrorCode;

export type WorkOrderCommand =
  | {
      readonly type: 'StartWork';
      readonly data: { readonly orderId: string; readonly staffId: string; readonly resourceId?: string };
    }
  | {
      readonly type: 'ProposeExtraWork';
      readonly data: { readonly orderId: string; readonly extraId: string };
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
      readonly type: 'CompleteWork';
      readonly data: { readonly orderId: string; readonly signature: string; readonly hours: number };
    };

export type WorkOrderEvent =
  | Event<'WorkStarted', { orderId: string; staffId: string; resourceId?: string; startedAt: string }>
  | Event<'ExtraWorkProposed', { orderId: string; extraId: string; at: string }>
  | Event<'ExtraWorkApproved', { orderId: string; extraId: string; at: string }>
  | Event<'ExtraWorkConsented', { orderId: string; extraId: string; at: string }>
  | Event<'ExtraWorkStarted', { orderId: string; extraId: string; at: string }>
  | Event<'PartIssued', { orderId: string; partId: string; quantity: number; at: string }>
  | Event<'PartUsed', { orderId: string; partId: string; quantity: number; at: string }>
  | Event<'UnusedPartReturned', { orderId: string; partId: string; quantity: number; at: string }>
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
export interface WorkOrder {
  readonly status: 'not_started' | 'started' | 'completed';
  readonly orderId?: string;
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly startedAt?: string;
  readonly extras: Readonly<Record<string, { approved: boolean; consented: boolean; started: boolean }>>;
  readonly parts: Readonly<Record<string, Part>>;
}

export interface WorkOrderContext {
  readonly now: Date;
  /** StartWork: paid work needs the customer's acceptance of the quote first (from the order's stream). */
  readonly quoteAccepted?: boolean;
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
  if (c.type === 'StartWork') {
    if (s.status === 'started') throw err(E.ALREADY_STARTED, `work order ${orderId} is started`);
    if (ctx.quoteAccepted === false)
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
    case 'ProposeExtraWork':
      return [{ type: 'ExtraWorkProposed', data: { orderId, extraId: c.data.extraId, at } }];
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
    case 'CompleteWork': {
      if (typeof c.data.signature !== 'string' || c.data.signature.trim() === '')
        throw err(E.SIGNATURE_MISSING, 'completion needs the customer’s signature on the service voucher');
      if (!Number.isFinite(c.data.hours) || c.data.hours < 0)
        throw err(E.QUANTITY, 'hours must be zero or more');
      const startedAt = s.startedAt as string;
      return [
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
