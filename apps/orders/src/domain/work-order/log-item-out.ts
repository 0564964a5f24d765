import { type Event, useCase } from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, started } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface LogItemOut {
  readonly type: 'LogItemOut';
  readonly data: { readonly orderId: string };
}

export type ItemLoggedOut = Event<'ItemLoggedOut', { orderId: string; receipt: string; at: string }>;

/** Take-back repair: the item goes back to the customer. */
export const logItemOut = useCase<LogItemOut, ItemLoggedOut, WorkOrder, WorkOrderContext>({
  command: 'LogItemOut',
  handles: {
    rpc: 'orders.LogItemOut',
    command: (request: { id: string }) => ({ type: 'LogItemOut', data: { orderId: request.id } }),
  },
  decide(c, s, ctx) {
    const { orderId } = c.data;
    const { itemIn } = started(s, orderId);
    if (itemIn === undefined) throw err(E.ITEM_NOT_IN, 'no item of this order is in the workshop');
    return [{ type: 'ItemLoggedOut', data: { orderId, receipt: itemIn, at: ctx.now.toISOString() } }];
  },
  evolve: {
    ItemLoggedOut: (s) => {
      const { itemIn: _out, ...rest } = s;
      return rest;
    },
  },
});
