/**
 * The orders service's order vocabulary (issue 15), stated once: the domain decides with these lists and the
 * gateway states them as enums in OpenAPI.
 */

/**
 * An order's status, in the order of its lifecycle: registered → quoted → quote_accepted (paid work) →
 * dispatched → in_progress (work started) → completed; closed when the customer declined the quote. The status is
 * the furthest stage the order's events reached (a quote issued after the dispatch leaves it dispatched), and
 * closed ends it: `ORDER_STATUSES.indexOf` is that rank.
 */
export const ORDER_STATUSES = [
  'registered',
  'quoted',
  'quote_accepted',
  'dispatched',
  'in_progress',
  'completed',
  'closed',
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];
