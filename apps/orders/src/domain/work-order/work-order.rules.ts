import { type Money, RULES, type TextRule } from '@serviceops/kernel';
import { err, WorkOrderErrorCode as E } from './work-order.errors';
import type { Part, Quote, WorkOrder, WorkOrderContext } from './work-order.state';

// What the work order's use cases share: the guards each command passes first, the checks of text, money and
// quantities, and how the state's extras and parts change.

export { err } from './work-order.errors';

/** A completed work order, or one closed by a declined quote, takes nothing more. */
export function open(s: WorkOrder, orderId: string): WorkOrder {
  if (s.status === 'completed') throw err(E.COMPLETED, `work order ${orderId} is completed`);
  if (s.status === 'closed') throw err(E.CLOSED, `order ${orderId} is closed: its quote was declined`);
  return s;
}

/** Everything but the quote and the start happens on a started work order: "started before the store issues parts". */
export function started(s: WorkOrder, orderId: string): WorkOrder {
  if (open(s, orderId).status !== 'started')
    throw err(E.NOT_STARTED, `work order ${orderId} is not started`, { orderId });
  return s;
}

/** Only paid work is quoted, and only until the quote is accepted or the work started. */
export function quotable(s: WorkOrder, ctx: WorkOrderContext): WorkOrder {
  if (ctx.quoteRequired !== true)
    throw err(E.QUOTE_NOT_REQUIRED, 'only paid work (outside warranty or contract) is quoted');
  if (s.quote?.status === 'accepted' || s.status !== 'not_started')
    throw err(E.QUOTE_DECIDED, 'the quote was accepted already');
  return s;
}

/** The quote the customer is to decide on: one offered, neither accepted nor declined yet. */
export function offered(s: WorkOrder, orderId: string): Quote {
  const quote = s.quote;
  if (quote === undefined) throw err(E.NO_QUOTE, `order ${orderId} has no quote`);
  if (quote.status !== 'offered') throw err(E.QUOTE_DECIDED, `the quote was ${quote.status} already`);
  return quote;
}

export function textOf(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string' || !rule.accepts(value))
    throw err(E.TEXT_REFUSED, `${field} ${rule.message}`, { field });
  return value.trim();
}

export function price(value: Money | undefined, field: string): Money {
  const ok =
    value !== undefined &&
    Number.isSafeInteger(value.amount) &&
    value.amount >= 0 &&
    typeof value.currency === 'string' &&
    RULES.currency.accepts(value.currency);
  if (!ok) throw err(E.QUOTE_REFUSED, `${field} must be whole minor units ≥ 0 and a currency`, { field });
  return { amount: value.amount, currency: value.currency };
}

export function extra(s: WorkOrder, extraId: string) {
  const x = s.extras[extraId];
  if (!x) throw err(E.EXTRA_WORK_NOT_FOUND, `no extra work ${extraId}`);
  return x;
}

export function part(s: WorkOrder, partId: string): Part {
  const p = s.parts[partId];
  if (!p) throw err(E.PART_NOT_ISSUED, `part ${partId} was not issued to this work order`);
  return p;
}

export function quantity(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw err(E.QUANTITY, 'quantity must be a whole number ≥ 1');
}

/** The state with `n` more of a part issued, used or returned. */
export function bumped(s: WorkOrder, partId: string, key: keyof Part, n: number): WorkOrder {
  const p = s.parts[partId] ?? { issued: 0, used: 0, returned: 0 };
  return { ...s, parts: { ...s.parts, [partId]: { ...p, [key]: p[key] + n } } };
}

/** The state with an extra work approved, consented to or started. */
export function withExtra(
  s: WorkOrder,
  extraId: string,
  key: 'approved' | 'consented' | 'started',
): WorkOrder {
  const x = s.extras[extraId] ?? { approved: false, consented: false, started: false };
  return { ...s, extras: { ...s.extras, [extraId]: { ...x, [key]: true } } };
}
