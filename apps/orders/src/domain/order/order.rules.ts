import type { OrderStatusName } from '@serviceops/contracts';
import { type BusinessCalendar, isInstant, localDateOf, type TextRule } from '@serviceops/kernel';
import { OrderErrorCode as E, orderError, type OrderErrorCode } from './order.errors';
import type { Order, OrderContext, OrderState, OrderStatus, RequestKind, Slot } from './order.state';

// What the order's use cases share: finding the order, refusing an ended one, the slot and fitness checks a
// dispatch and a reassignment both make, the text and vocabulary checks.

export const HOUR_MS = 3_600_000;

/**
 * The status each event of the order's stream reaches (the order's status is the furthest reached: order.state
 * `furthest`): the use cases' evolve, the order's view and the order index read it here.
 */
export const STATUS_REACHED = {
  RequestRegistered: 'registered',
  OrderQuoted: 'quoted',
  OrderQuoteAccepted: 'quote_accepted',
  OrderDispatched: 'dispatched',
  OrderWorkStarted: 'in_progress',
  OrderWorkCompleted: 'completed',
  OrderClosed: 'closed',
  OrderCancelled: 'cancelled',
} as const satisfies Readonly<Record<string, OrderStatusName>>;

/** Kinds of order done on a leased unit: each refers to its lease. */
export const LEASED_KINDS = ['rental_visit', 'rental_return'] as const satisfies readonly RequestKind[];
export const isLeasedKind = (kind: RequestKind): boolean =>
  (LEASED_KINDS as readonly string[]).includes(kind);

/**
 * The statuses that end an order, each refused with its code and the status in `details.orderStatus` (not
 * `status`: a problem's `status` is its HTTP status).
 */
const ENDED = {
  closed: [E.ORDER_CLOSED, 'is closed: its quote was declined'],
  completed: [E.ORDER_COMPLETED, 'is completed'],
  cancelled: [E.ORDER_CANCELLED, 'is cancelled'],
} as const satisfies Partial<Record<OrderStatus, readonly [OrderErrorCode, string]>>;
type EndedStatus = keyof typeof ENDED;
const isEnded = (status: OrderStatus): status is EndedStatus => Object.hasOwn(ENDED, status);

/** Closed (quote declined), completed or cancelled: the order takes nothing more. */
export function ended(order: Order): boolean {
  return isEnded(order.status);
}

/**
 * Whether the order still waits for someone to arrive, with no arrival escalation yet: only then is a next arrival
 * check set (not once it is started, closed, completed or cancelled).
 */
export function awaitsArrivalCheck(state: OrderState): boolean {
  return (
    state.status !== 'absent' &&
    !ended(state) &&
    state.startedAt === undefined &&
    state.arrivalEscalatedAt === undefined
  );
}

/** The order, unless closed, completed or cancelled (422 naming the state). */
export function open(order: Order): Order {
  if (isEnded(order.status)) {
    const [code, what] = ENDED[order.status];
    throw orderError(code, `order ${order.orderId} ${what}`, { orderStatus: order.status });
  }
  return order;
}

export function existing(state: OrderState, orderId: string): Order {
  if (state.status === 'absent' || state.orderId !== orderId)
    throw orderError(E.ORDER_NOT_FOUND, `order ${orderId} does not exist`, { orderId });
  return state;
}

export function text(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string' || !rule.accepts(value))
    throw orderError(E.INVALID_TEXT, `${field} ${rule.message}`, { field });
  return value.trim();
}

export function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}

/**
 * A slot is two instants, start before end, not in the past, within one day of the tenant's calendar: its start
 * and its last millisecond fall on the same local date in the calendar's time zone (07:30–08:30 in Shanghai is
 * one working day although UTC midnight falls in it; the bookings of such a slot go to both UTC days' streams, see
 * `bookingStreamIds`).
 */
/** A slot as the proto decodes it (proto3: unset strings absent). */
export interface SlotMessage {
  readonly start?: string;
  readonly end?: string;
}

/** A slot from its request: an unset end is '' (refused by `assertSlot`). */
export const slotOf = (slot: SlotMessage | undefined): Slot => ({
  start: slot?.start ?? '',
  end: slot?.end ?? '',
});

export function assertSlot(
  slot: { start: string; end: string },
  now: Date,
  calendar: Pick<BusinessCalendar, 'timeZone'>,
): void {
  const ok =
    typeof slot === 'object' &&
    slot !== null &&
    typeof slot.start === 'string' &&
    typeof slot.end === 'string' &&
    isInstant(slot.start) &&
    isInstant(slot.end);
  if (!ok) throw orderError(E.INVALID_SLOT, 'slot needs a start and an end instant', { field: 'slot' });
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  if (end.getTime() <= start.getTime())
    throw orderError(E.SLOT_REVERSED, 'slot must end after it starts', { field: 'slot' });
  if (start.getTime() < now.getTime())
    throw orderError(E.SLOT_IN_PAST, 'slot must not start in the past', { field: 'slot.start' });
  const { timeZone } = calendar;
  if (localDateOf(timeZone, start) !== localDateOf(timeZone, new Date(end.getTime() - 1)))
    throw orderError(
      E.SLOT_ACROSS_DAYS,
      `slot must lie within one day of the tenant's calendar (${timeZone})`,
      {
        field: 'slot',
      },
    );
}

/**
 * The person may take the order in the slot: eligible at its start, skilled for the kind, working and not on
 * leave in it (the bookings are the booking streams' to judge). A dispatch and a reassignment ask the same.
 */
export function assertStaffFit(staffId: string, kind: RequestKind, slot: Slot, context: OrderContext): void {
  const verdict = context.staff;
  if (verdict === undefined || verdict.staffId !== staffId)
    throw new Error('A dispatch needs the person’s eligibility at the slot in its context');
  if (!verdict.eligible)
    throw orderError(E.STAFF_NOT_ELIGIBLE, `staff ${staffId} is not eligible at ${slot.start}`, {
      staffId,
      reasons: verdict.reasons,
    });
  if (context.skill && !context.skill.skilled)
    throw orderError(E.STAFF_NOT_SKILLED, `staff ${staffId} is not skilled for ${kind}`, {
      staffId,
      reasons: context.skill.reasons,
    });
  if (context.availability && !context.availability.available)
    throw orderError(E.STAFF_UNAVAILABLE, `staff ${staffId} is not available in the slot`, {
      staffId,
      reasons: context.availability.reasons,
    });
}

/** A resource going along in the slot must be fit then (ORDERS.RESOURCE_UNFIT, with the reasons). */
export function assertResourceFit(resourceId: string, slot: Slot, context: OrderContext, what: string): void {
  const resource = context.resource;
  if (resource === undefined || resource.resourceId !== resourceId)
    throw new Error(`${what} with a resource needs its fitness at the slot in its context`);
  if (!resource.fit)
    throw orderError(E.RESOURCE_UNFIT, `resource ${resourceId} is not fit at ${slot.start}`, {
      resourceId,
      reasons: resource.reasons,
    });
}
