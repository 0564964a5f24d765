import { type Event, useCase } from '@serviceops/kernel';
import { WORK_ORDER_FIELDS as F } from '@serviceops/contracts';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, started, textOf } from './work-order.rules';
import { MAX_HOURS, type WorkOrder, type WorkOrderContext } from './work-order.state';

export interface CompleteWork {
  readonly type: 'CompleteWork';
  readonly data: {
    readonly orderId: string;
    readonly signature: string;
    readonly hours: number;
    /** The end-of-job summary with the customer; free text, sealed. */
    readonly summary: string;
  };
}

export type WorkSummaryRecorded = Event<
  'WorkSummaryRecorded',
  { orderId: string; summary: string; at: string }
>;
/** Published (OrderCompletedV1): duration, parts, hours, staff, resource. */
export type OrderCompleted = Event<
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

/** Completion needs the customer's signature, a passed self-check and inspection, and no item still in. */
export const completeWork = useCase<
  CompleteWork,
  WorkSummaryRecorded | OrderCompleted,
  WorkOrder,
  WorkOrderContext
>({
  command: 'CompleteWork',
  handles: {
    rpc: 'orders.CompleteWork',
    command: (request: { id: string; signature?: string; hours?: number; summary?: string }) => ({
      type: 'CompleteWork',
      data: {
        orderId: request.id,
        signature: request.signature ?? '',
        hours: request.hours ?? Number.NaN,
        summary: request.summary ?? '',
      },
    }),
  },
  decide(c, s, ctx) {
    const at = ctx.now.toISOString();
    const { orderId } = c.data;
    started(s, orderId);
    if (typeof c.data.signature !== 'string' || c.data.signature.trim() === '')
      throw err(E.SIGNATURE_MISSING, 'completion needs the customer’s signature on the service voucher');
    if (!F.signature.accepts(c.data.signature.trim()))
      throw err(E.TEXT_REFUSED, `signature ${F.signature.message}`, { field: 'signature' });
    if (!Number.isFinite(c.data.hours) || c.data.hours < 0 || c.data.hours > MAX_HOURS)
      throw err(E.HOURS, `hours must be between 0 and ${MAX_HOURS}`, { field: 'hours' });
    if (s.selfCheckPassed !== true) throw err(E.SELF_CHECK_MISSING, 'completion needs a passed self-check');
    if (s.inspectionPassed !== true) throw err(E.INSPECTION_MISSING, 'completion needs a passed inspection');
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
  },
  evolve: {
    WorkSummaryRecorded: (s) => s,
    OrderCompleted: (s) => ({ ...s, status: 'completed' }),
  },
});
