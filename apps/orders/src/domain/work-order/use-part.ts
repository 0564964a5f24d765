import { type Event, useCase } from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { bumped, err, part, quantity, started } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface UsePart {
  readonly type: 'UsePart';
  readonly data: { readonly orderId: string; readonly partId: string; readonly quantity: number };
}

export type PartUsed = Event<'PartUsed', { orderId: string; partId: string; quantity: number; at: string }>;

/** An issued part used on the job: never more than issued and not returned. */
export const usePart = useCase<UsePart, PartUsed, WorkOrder, WorkOrderContext>({
  command: 'UsePart',
  handles: {
    rpc: 'orders.UsePart',
    command: (request: { id: string; partId?: string; quantity?: number }) => ({
      type: 'UsePart',
      data: { orderId: request.id, partId: request.partId ?? '', quantity: request.quantity ?? 0 },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, partId, quantity: n } = c.data;
    const p = part(started(s, orderId), partId);
    quantity(n);
    if (p.used + p.returned + n > p.issued) throw err(E.QUANTITY, 'more used than issued and not returned');
    return [{ type: 'PartUsed', data: { orderId, partId, quantity: n, at: ctx.now.toISOString() } }];
  },
  evolve: {
    PartUsed: (s, e) => bumped(s, e.data.partId, 'used', e.data.quantity),
  },
});
