import { type Event, useCase } from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, offered, open, quotable } from './work-order.rules';
import type { WorkOrder, WorkOrderContext } from './work-order.state';

export interface AcceptQuote {
  readonly type: 'AcceptQuote';
  readonly data: { readonly orderId: string };
}

export type QuoteAccepted = Event<'QuoteAccepted', { orderId: string; at: string }>;

/** The customer accepts the quote while it is valid: paid work may start. */
export const acceptQuote = useCase<AcceptQuote, QuoteAccepted, WorkOrder, WorkOrderContext>({
  command: 'AcceptQuote',
  handles: {
    rpc: 'orders.AcceptQuote',
    command: (request: { id: string }) => ({ type: 'AcceptQuote', data: { orderId: request.id } }),
  },
  decide(c, s, ctx) {
    const { orderId } = c.data;
    const quote = offered(quotable(open(s, orderId), ctx), orderId);
    if (ctx.now.getTime() > Date.parse(quote.validUntil))
      throw err(E.QUOTE_EXPIRED, 'the quote is no longer valid: quote again', {
        validUntil: quote.validUntil,
      });
    return [{ type: 'QuoteAccepted', data: { orderId, at: ctx.now.toISOString() } }];
  },
  evolve: {
    QuoteAccepted: (s) => (s.quote ? { ...s, quote: { ...s.quote, status: 'accepted' } } : s),
  },
});
