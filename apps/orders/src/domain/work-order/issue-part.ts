import { type Event, useCase } from '@serviceops/kernel';
import { WORK_ORDER_FIELDS as F } from '@serviceops/contracts';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { bumped, err, quantity, started } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface IssuePart {
  readonly type: 'IssuePart';
  readonly data: { readonly orderId: string; readonly partId: string; readonly quantity: number };
}

export type PartIssued = Event<
  'PartIssued',
  { orderId: string; partId: string; quantity: number; at: string }
>;

/** Parts are issued only against a started work order. */
export const issuePart = useCase<IssuePart, PartIssued, WorkOrder, WorkOrderContext>({
  command: 'IssuePart',
  handles: {
    rpc: 'orders.IssuePart',
    command: (request: { id: string; partId?: string; quantity?: number }) => ({
      type: 'IssuePart',
      data: { orderId: request.id, partId: request.partId ?? '', quantity: request.quantity ?? 0 },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, partId, quantity: n } = c.data;
    started(s, orderId);
    if (typeof partId !== 'string' || !F.partId.accepts(partId))
      throw err(E.TEXT_REFUSED, `partId ${F.partId.message}`, { field: 'partId' });
    quantity(n);
    return [{ type: 'PartIssued', data: { orderId, partId, quantity: n, at: ctx.now.toISOString() } }];
  },
  evolve: {
    PartIssued: (s, e) => bumped(s, e.data.partId, 'issued', e.data.quantity),
  },
});
