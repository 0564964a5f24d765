import { type Event, useCase } from '@serviceops/kernel';
import { offered, open, quotable } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface DeclineQuote {
  readonly type: 'DeclineQuote';
  readonly data: { readonly orderId: string };
}

export type QuoteDeclined = Event<'QuoteDeclined', { orderId: string; at: string }>;

/** The customer declines the quote: the work order (and its order) is closed. */
export const declineQuote = useCase<DeclineQuote, QuoteDeclined, WorkOrder, WorkOrderContext>({
  command: 'DeclineQuote',
  handles: {
    rpc: 'orders.DeclineQuote',
    command: (request: { id: string }) => ({ type: 'DeclineQuote', data: { orderId: request.id } }),
  },
  decide(c, s, ctx) {
    const { orderId } = c.data;
    offered(quotable(open(s, orderId), ctx), orderId);
    return [{ type: 'QuoteDeclined', data: { orderId, at: ctx.now.toISOString() } }];
  },
  evolve: {
    QuoteDeclined: (s) => ({
      ...s,
      status: 'closed',
      ...(s.quote ? { quote: { ...s.quote, status: 'declined' } } : {}),
    }),
  },
});
