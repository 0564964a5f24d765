import { WORK_ORDER_FIELDS as F } from '@serviceops/contracts';
import {
  type Event,
  isInstant,
  type Money,
  type MoneyMessage,
  moneyOfMessage,
  useCase,
} from '@serviceops/kernel';
import { WorkOrderErrorCode as E } from './work-order.errors';
import { err, open, price, quotable, textOf } from './work-order.rules';
import { MAX_QUOTE_ITEMS, type QuoteItem, type WorkOrder, type WorkOrderContext } from './work-order.state';

export interface IssueQuote {
  readonly type: 'IssueQuote';
  readonly data: {
    readonly orderId: string;
    readonly items: readonly QuoteItem[];
    readonly validUntil: string;
  };
}

export type QuoteIssued = Event<
  'QuoteIssued',
  { orderId: string; items: QuoteItem[]; total: Money; validUntil: string; at: string }
>;

/** Paid work is quoted by the service manager: one currency, 1–MAX_QUOTE_ITEMS items, valid until a time to come. */
export const issueQuote = useCase<IssueQuote, QuoteIssued, WorkOrder, WorkOrderContext>({
  command: 'IssueQuote',
  handles: {
    rpc: 'orders.IssueQuote',
    command: (request: {
      id: string;
      items?: { description?: string; price?: MoneyMessage }[];
      validUntil?: string;
    }) => ({
      type: 'IssueQuote',
      data: {
        orderId: request.id,
        items: (request.items ?? []).map((i) => ({
          description: i.description ?? '',
          price: moneyOfMessage(i.price ?? {}),
        })),
        validUntil: request.validUntil ?? '',
      },
    }),
  },
  decide(c, s, ctx) {
    const at = ctx.now.toISOString();
    const { orderId, items, validUntil } = c.data;
    quotable(open(s, orderId), ctx);
    if (typeof validUntil !== 'string' || !isInstant(validUntil))
      throw err(E.QUOTE_REFUSED, 'validUntil must be an instant', { field: 'validUntil' });
    if (Date.parse(validUntil) <= ctx.now.getTime())
      throw err(E.QUOTE_REFUSED, 'a quote is valid until a time to come', { field: 'validUntil' });
    const list: readonly QuoteItem[] = Array.isArray(items) ? items : [];
    if (list.length < 1 || list.length > MAX_QUOTE_ITEMS)
      throw err(E.QUOTE_REFUSED, `a quote has 1–${MAX_QUOTE_ITEMS} items`, { field: 'items' });
    const clean = list.map((item, i) => ({
      description: textOf(item.description, `items[${i}].description`, F.quoteItem),
      price: price(item.price, `items[${i}].price`),
    }));
    const currency = clean[0]?.price.currency as string;
    if (clean.some((item) => item.price.currency !== currency))
      throw err(E.QUOTE_REFUSED, 'a quote’s items are in one currency', { field: 'items' });
    const amount = clean.reduce((total, item) => total + item.price.amount, 0);
    if (!Number.isSafeInteger(amount)) throw err(E.QUOTE_REFUSED, 'the quote’s total is too large');
    return [
      {
        type: 'QuoteIssued',
        data: {
          orderId,
          items: clean,
          total: { amount, currency },
          validUntil: new Date(validUntil).toISOString(),
          at,
        },
      },
    ];
  },
  evolve: {
    QuoteIssued: (s, e) => ({
      ...s,
      quote: { items: e.data.items, total: e.data.total, validUntil: e.data.validUntil, status: 'offered' },
    }),
  },
});
