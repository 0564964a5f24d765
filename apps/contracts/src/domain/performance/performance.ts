import type { OrdersPackagePublishedEvent, OrdersVisitPublishedEvent } from '@serviceops/contracts';
import type { Money } from '@serviceops/kernel';
import { visitsDue } from '../terms/entitlements';
import { monthsBefore, type Terms } from '../terms/terms';

/**
 * Periodic review: fulfilment against the contract, from other services' events consumed by type (orders and
 * billing publish them later; until then they are recorded events in tests). A contract behind schedule is
 * flagged, with the reasons.
 */

/** The event types the review reads, by the service that will publish them. */
export const FULFILMENT_EVENT_TYPES = {
  // Orders publishes a package's session used on the completion of a practice session (orders.events.ts).
  sessionUsed: 'PackageSessionUsed' satisfies OrdersPackagePublishedEvent['type'],
  // Orders publishes a maintenance visit under a contract on the order's completion (orders.events.ts).
  visitDone: 'MaintenanceVisitCompleted' satisfies OrdersVisitPublishedEvent['type'],
  paymentMade: 'PaymentReceived',
} as const;

/** Another service's event as delivered: its type and data (which names the contract). */
export interface FulfilmentEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface Fulfilment {
  readonly sessionsUsed: number;
  readonly visitsDone: number;
  /** Minor units paid, in the contract's currency. */
  readonly paid: number;
}

export const NOTHING_FULFILLED: Fulfilment = { sessionsUsed: 0, visitsDone: 0, paid: 0 };

/** What one fulfilment event adds to its contract's fulfilment; undefined for an event the review does not read. */
export interface FulfilmentStep {
  readonly contractId: string;
  readonly sessions: number;
  readonly visits: number;
  readonly payment?: Money;
}

export function fulfilmentStep(event: FulfilmentEvent): FulfilmentStep | undefined {
  const contractId = event.data['contractId'];
  if (typeof contractId !== 'string') return undefined;
  switch (event.type) {
    case FULFILMENT_EVENT_TYPES.sessionUsed:
      return { contractId, sessions: 1, visits: 0 };
    case FULFILMENT_EVENT_TYPES.visitDone:
      return { contractId, sessions: 0, visits: 1 };
    case FULFILMENT_EVENT_TYPES.paymentMade: {
      const amount = event.data['amount'] as Partial<Money> | undefined;
      return amount &&
        typeof amount.currency === 'string' &&
        Number.isSafeInteger(amount.amount) &&
        (amount.amount ?? 0) > 0
        ? {
            contractId,
            sessions: 0,
            visits: 0,
            payment: { amount: amount.amount ?? 0, currency: amount.currency },
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/** Folds one contract's fulfilment events; other contracts' and unknown types are ignored. */
export function fulfilmentOf(
  contractId: string,
  events: readonly FulfilmentEvent[],
  currency: string,
): Fulfilment {
  return events.reduce((f, e) => {
    const step = fulfilmentStep(e);
    if (step?.contractId !== contractId) return f;
    return {
      sessionsUsed: f.sessionsUsed + step.sessions,
      visitsDone: f.visitsDone + step.visits,
      paid: f.paid + (step.payment?.currency === currency ? step.payment.amount : 0),
    };
  }, f0());
}

const f0 = (): Fulfilment => ({ ...NOTHING_FULFILLED });

export type BehindReason = 'sessions' | 'visits' | 'payments';

export interface PerformanceReview {
  readonly on: string;
  readonly sessions: { readonly total: number; readonly used: number; readonly expectedByNow: number } | null;
  readonly visits: { readonly dueByNow: number; readonly done: number };
  readonly payments: { readonly dueByNow: Money | null; readonly paid: number };
  readonly behind: readonly BehindReason[];
}

/** Whole months from the start to `on` (a month is counted on its start day: 1 April → 1 May is one). */
export function monthsElapsed(startDate: string, on: string): number {
  if (on < startDate) return 0;
  let months = 0;
  while (monthsBefore(startDate, -(months + 1)) <= on) months++;
  return months;
}

/**
 * The review on a date. Sessions: behind when fewer were used than the share of the term gone by (rounded
 * down). Visits: behind when fewer were done than fell due by then. Payments: behind when less was paid than the
 * deposit plus one month's rent for each month begun (rent in advance).
 */
export function reviewPerformance(
  kind: string,
  terms: Terms,
  fulfilment: Fulfilment,
  on: string,
): PerformanceReview {
  const behind: BehindReason[] = [];
  const total = terms.items.filter((i) => i.kind === 'service').reduce((n, i) => n + i.quantity, 0);
  let sessions: PerformanceReview['sessions'] = null;
  if (kind === 'service_package') {
    const termDays = dayCount(terms.startDate, terms.endDate) + 1;
    const gone = Math.min(Math.max(dayCount(terms.startDate, on) + 1, 0), termDays);
    const expectedByNow = Math.floor((total * gone) / termDays);
    sessions = { total, used: fulfilment.sessionsUsed, expectedByNow };
    if (fulfilment.sessionsUsed < expectedByNow) behind.push('sessions');
  }
  const dueVisits = visitsDue(terms.startDate, terms.endDate, terms.visitsPerYear).filter(
    (d) => d <= on,
  ).length;
  if (fulfilment.visitsDone < dueVisits) behind.push('visits');
  const rent = terms.rentPerMonth;
  const currency = rent?.currency ?? terms.deposit?.currency;
  let dueByNow: Money | null = null;
  if (currency !== undefined && on >= terms.startDate) {
    const monthsBegun =
      Math.min(monthsElapsed(terms.startDate, on), monthsElapsed(terms.startDate, terms.endDate)) + 1;
    dueByNow = {
      amount: (terms.deposit?.amount ?? 0) + (rent ? rent.amount * monthsBegun : 0),
      currency,
    };
    if (fulfilment.paid < dueByNow.amount) behind.push('payments');
  }
  return {
    on,
    sessions,
    visits: { dueByNow: dueVisits, done: fulfilment.visitsDone },
    payments: { dueByNow, paid: fulfilment.paid },
    behind,
  };
}

function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
