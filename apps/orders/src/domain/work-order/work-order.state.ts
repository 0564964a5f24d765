import type { Money } from '@serviceops/kernel';

// The work order's state and the context its use cases decide in. Each command and the events it records are
// declared with its use case (issue-quote.ts, …); the unions are derived in work-order.decider.ts.

/** Most hours one repair card may carry (a sanity bound the schema states too). */
export const MAX_HOURS = 1_000;
/** Most items on one quote. */
export const MAX_QUOTE_ITEMS = 50;

export interface QuoteItem {
  readonly description: string;
  readonly price: Money;
}
export interface Part {
  readonly issued: number;
  readonly used: number;
  readonly returned: number;
}
export interface Quote {
  readonly items: readonly QuoteItem[];
  readonly total: Money;
  readonly validUntil: string;
  readonly status: 'offered' | 'accepted' | 'declined';
}
export interface WorkOrder {
  readonly status: 'not_started' | 'started' | 'completed' | 'closed';
  readonly quote?: Quote;
  readonly selfCheckPassed?: boolean;
  readonly inspectionPassed?: boolean;
  /** Take-back repair: the item in the workshop, under the receipt given to the customer. */
  readonly itemIn?: string;
  readonly orderId?: string;
  readonly staffId?: string;
  readonly resourceId?: string;
  readonly startedAt?: string;
  readonly extras: Readonly<Record<string, { approved: boolean; consented: boolean; started: boolean }>>;
  readonly parts: Readonly<Record<string, Part>>;
}

export interface WorkOrderContext {
  readonly now: Date;
  /** From the order's stream: paid work is quoted and needs the customer's acceptance before it starts. */
  readonly quoteRequired?: boolean;
  /** StartWork: the person the order is dispatched to (undefined while it is not dispatched). */
  readonly dispatchedTo?: string;
}

export const initialWorkOrderState = (): WorkOrder => ({ status: 'not_started', extras: {}, parts: {} });
