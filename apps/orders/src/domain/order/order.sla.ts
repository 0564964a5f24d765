import type { SlaStateName } from '@serviceops/contracts';
import { addBusinessHours, type BusinessCalendar, localDateOf } from '@serviceops/kernel';

/** An order as its events tell it, for the arrival SLA. */
export interface SlaFacts {
  readonly orderId: string;
  readonly receivedAt: string;
  readonly arrivalWithinBusinessHours: number;
  /** The first visit's start, once dispatched. */
  readonly dispatchedAt?: string;
  /** When someone arrived on site (execution started). */
  readonly arrivedAt?: string;
  /** When the order was cancelled (before anyone arrived): the SLA stops then. */
  readonly cancelledAt?: string;
}

/** libs/contracts states them once (the gateway's enum). */
export type SlaState = SlaStateName;

export interface SlaVerdict {
  readonly dueAt: string;
  readonly state: SlaState;
}

/**
 * The arrival SLA, recounted from the request with the calendar in force now: a calendar change (a holiday added)
 * moves every open order's deadline. At risk within `warnBusinessHours` of the deadline; stopped once cancelled.
 */
export function arrivalSla(
  facts: SlaFacts,
  calendar: BusinessCalendar,
  now: Date,
  warnBusinessHours = 1,
): SlaVerdict {
  const received = new Date(facts.receivedAt);
  const due = addBusinessHours(calendar, received, facts.arrivalWithinBusinessHours);
  const dueAt = due.toISOString();
  if (facts.arrivedAt !== undefined)
    return { dueAt, state: Date.parse(facts.arrivedAt) <= due.getTime() ? 'met' : 'met_late' };
  // Cancelled by `now`: neither at risk nor missed any more (counted as before until then, for `asOf`).
  if (facts.cancelledAt !== undefined && Date.parse(facts.cancelledAt) <= now.getTime())
    return { dueAt, state: 'cancelled' };
  if (now.getTime() > due.getTime()) return { dueAt, state: 'missed' };
  const warnFrom = addBusinessHours(calendar, received, facts.arrivalWithinBusinessHours - warnBusinessHours);
  return { dueAt, state: now.getTime() >= warnFrom.getTime() ? 'at_risk' : 'on_time' };
}

/**
 * The dispatch queue: requests still waiting from a day before today (in the tenant's time zone) come first,
 * then by deadline, then by arrival order.
 */
export function dispatchQueue<T extends SlaFacts>(
  waiting: readonly T[],
  calendar: BusinessCalendar,
  now: Date,
): T[] {
  const today = localDateOf(calendar.timeZone, now);
  const carried = (o: SlaFacts) => localDateOf(calendar.timeZone, new Date(o.receivedAt)) < today;
  const due = (o: SlaFacts) =>
    addBusinessHours(calendar, new Date(o.receivedAt), o.arrivalWithinBusinessHours).getTime();
  return waiting
    .filter((o) => o.dispatchedAt === undefined && o.cancelledAt === undefined)
    .sort(
      (a, b) =>
        Number(carried(b)) - Number(carried(a)) ||
        due(a) - due(b) ||
        Date.parse(a.receivedAt) - Date.parse(b.receivedAt) ||
        a.orderId.localeCompare(b.orderId),
    );
}
