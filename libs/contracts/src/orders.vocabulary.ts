/**
 * The orders service's order vocabulary (issue 15), stated once: the domain decides with these lists and the
 * gateway states them as enums in OpenAPI.
 */

/**
 * An order's status, in the order of its lifecycle: registered → quoted → quote_accepted (paid work) →
 * dispatched → in_progress (work started) → completed; closed when the customer declined the quote. The status is
 * the furthest stage the order's events reached (a quote issued after the dispatch leaves it dispatched), and
 * closed ends it: `ORDER_STATUSES.indexOf` is that rank. cancelled (CancelOrder, before work starts) ends it too,
 * ranked last so nothing arriving later moves it.
 */
/**
 * What a customer asks for (issue 15 item 1): the kind of an order. Staff records per person which kinds they are
 * skilled for in the same words (StaffSkillsSetV1), and orders' dispatch reads them.
 */
export const REQUEST_KINDS = [
  'repair',
  'maintenance',
  'installation',
  'user_training',
  'warranty_return',
  'practice_session',
  'chat',
  'rental_delivery',
  'rental_visit',
  'rental_return',
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const ORDER_STATUSES = [
  'registered',
  'quoted',
  'quote_accepted',
  'dispatched',
  'in_progress',
  'completed',
  'closed',
  'cancelled',
] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

/**
 * The arrival SLA's state (counted in the tenant's calendar as it stands): on_time, at_risk (within the warning
 * hour), missed (nobody there yet); met, met_late (work started on site); cancelled (stopped before an arrival).
 */
export const SLA_STATES = ['on_time', 'at_risk', 'missed', 'met', 'met_late', 'cancelled'] as const;
export type SlaStateName = (typeof SLA_STATES)[number];

/**
 * How long a slot the system books when it dispatches by itself, in minutes, per request kind (the tenant's
 * dispatch policy `slotMinutes`): whole minutes within [min, max] (a quarter hour to a working day); a kind the
 * policy does not name gets `default`. The gateway's schema and the orders domain both read these bounds.
 */
export const AUTO_DISPATCH_SLOT_MINUTES = { min: 15, max: 480, default: 120 } as const;
