import { type Event, useCase } from '@serviceops/kernel';
import { WORK_ORDER_FIELDS as F } from '@serviceops/contracts';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, started } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface LogItemIn {
  readonly type: 'LogItemIn';
  readonly data: { readonly orderId: string; readonly receipt: string };
}

export type ItemLoggedIn = Event<'ItemLoggedIn', { orderId: string; receipt: string; at: string }>;

/** Take-back repair: the item goes into the workshop under the receipt given to the customer. */
export const logItemIn = useCase<LogItemIn, ItemLoggedIn, WorkOrder, WorkOrderContext>({
  command: 'LogItemIn',
  handles: {
    rpc: 'orders.LogItemIn',
    command: (request: { id: string; receipt?: string }) => ({
      type: 'LogItemIn',
      data: { orderId: request.id, receipt: request.receipt ?? '' },
    }),
  },
  decide(c, s, ctx) {
    const { orderId, receipt } = c.data;
    if (started(s, orderId).itemIn !== undefined)
      throw err(E.ITEM_ALREADY_IN, 'the item is in the workshop already');
    if (typeof receipt !== 'string' || !F.receipt.accepts(receipt.trim()))
      throw err(E.TEXT_REFUSED, `receipt ${F.receipt.message}`, { field: 'receipt' });
    return [{ type: 'ItemLoggedIn', data: { orderId, receipt: receipt.trim(), at: ctx.now.toISOString() } }];
  },
  evolve: {
    ItemLoggedIn: (s, e) => ({ ...s, itemIn: e.data.receipt }),
  },
});
