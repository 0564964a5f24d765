import { type Event, useCase } from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { bumped, err, part, quantity, started } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface ReturnUnusedPart {
  readonly type: 'ReturnUnusedPart';
  readonly data: { readonly orderId: string; readonly partId: string; readonly quantity: number };
}

export type UnusedPartReturned = Event<
  'UnusedPartReturned',
  { orderId: string; partId: string; quantity: number; at: string }
>;

/** Unused parts go back to stock, with a record; used ones never do. */
export const returnUnusedPart = useCase<ReturnUnusedPart, UnusedPartReturned, WorkOrder, WorkOrderContext>({
  command: 'ReturnUnusedPart',
  handles: {
    rpc: 'orders.ReturnUnusedPart',
    command: (request: { id: string; partId?: string; quantity?: number }) => ({
      type: 'ReturnUnusedPart',
      data: { orderId: request.id, partId: request.partId ?? '', quantity: request.quantity ?? 0 },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, partId, quantity: n } = c.data;
    const p = part(started(s, orderId), partId);
    quantity(n);
    const unused = p.issued - p.used - p.returned;
    if (n > unused)
      throw err(p.used > 0 ? E.PART_USED : E.QUANTITY, 'used parts never go back to stock', { unused });
    return [
      { type: 'UnusedPartReturned', data: { orderId, partId, quantity: n, at: ctx.now.toISOString() } },
    ];
  },
  evolve: {
    UnusedPartReturned: (s, e) => bumped(s, e.data.partId, 'returned', e.data.quantity),
  },
});
