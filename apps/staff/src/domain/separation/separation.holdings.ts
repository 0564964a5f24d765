import type { HandoverItem } from './separation.state';

/**
 * What a staff member still holds of the orders service's, from its published events (staff's read model): the
 * orders dispatched to them that are not yet completed, closed, cancelled or dispatched to someone else, and the
 * tools lent to them that are neither returned nor lost and charged.
 */
export interface Holdings {
  readonly openOrders: number;
  readonly toolsOut: number;
}

/** The orders events that end an order for whoever holds it. */
export const ORDER_ENDING_EVENTS = ['OrderCompleted', 'OrderClosed', 'OrderCancelled'] as const;
/** The orders events that take a tool off its borrower: back, or lost and charged to them. */
export const TOOL_ENDING_EVENTS = ['ToolReturned', 'ToolLostCharged'] as const;

/**
 * The handover items the orders service's events tick, each with when it counts as done: nothing of its kind
 * held any more. The others (customers, materials) are a manager's to tick.
 */
export const HANDOVER_BY_HOLDINGS = {
  open_orders: (h: Holdings) => h.openOrders === 0,
  borrowed_tools: (h: Holdings) => h.toolsOut === 0,
} as const satisfies Partial<Record<HandoverItem, (h: Holdings) => boolean>>;

/** The actor a tick from orders' events is recorded under (a manager's tick has the manager's id). */
export const HOLDINGS_TICK_ACTOR = 'system:orders';

/** The items the holdings make done, in checklist order. */
export function handoverDoneBy(holdings: Holdings): HandoverItem[] {
  return (Object.keys(HANDOVER_BY_HOLDINGS) as (keyof typeof HANDOVER_BY_HOLDINGS)[]).filter((item) =>
    HANDOVER_BY_HOLDINGS[item](holdings),
  );
}

/** The items still to tick: done by the holdings and not ticked yet (a manager's earlier tick stays the one). */
export function handoverToTick(holdings: Holdings, ticked: readonly HandoverItem[]): HandoverItem[] {
  return handoverDoneBy(holdings).filter((item) => !ticked.includes(item));
}
