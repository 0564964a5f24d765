import { type Event, useCase } from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, open } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface StartWork {
  readonly type: 'StartWork';
  readonly data: { readonly orderId: string; readonly staffId: string; readonly resourceId?: string };
}

export type WorkStarted = Event<
  'WorkStarted',
  { orderId: string; staffId: string; resourceId?: string; startedAt: string }
>;

/**
 * Work starts only on an order dispatched to the person who starts it (paid work: once its quote is accepted). Its
 * handler puts the resource dispatched with them on the card (application/work-order.handlers.ts).
 */
export const startWork = useCase<StartWork, WorkStarted, WorkOrder, WorkOrderContext>({
  command: 'StartWork',
  handles: {
    rpc: 'orders.StartWork',
    command: (request: { id: string; staffId?: string }) => ({
      type: 'StartWork',
      data: { orderId: request.id, staffId: (request.staffId ?? '').toLowerCase() },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, staffId, resourceId } = c.data;
    if (open(s, orderId).status === 'started')
      throw err(E.ALREADY_STARTED, `work order ${orderId} is started`);
    if (ctx.dispatchedTo === undefined)
      throw err(E.NOT_DISPATCHED, `order ${orderId} is not dispatched yet`, { orderId });
    if (ctx.dispatchedTo !== staffId)
      throw err(E.NOT_DISPATCHED_TO_STAFF, 'work is started by the person the order is dispatched to', {
        staffId,
      });
    if (ctx.quoteRequired === true && s.quote?.status !== 'accepted')
      throw err(E.QUOTE_NOT_ACCEPTED, 'paid work starts once the customer accepts the quote');
    return [
      {
        type: 'WorkStarted',
        data: { orderId, staffId, ...(resourceId ? { resourceId } : {}), startedAt: ctx.now.toISOString() },
      },
    ];
  },
  evolve: {
    WorkStarted: (s, e) => ({
      ...s,
      status: 'started',
      orderId: e.data.orderId,
      staffId: e.data.staffId,
      ...(e.data.resourceId ? { resourceId: e.data.resourceId } : {}),
      startedAt: e.data.startedAt,
    }),
  },
});
