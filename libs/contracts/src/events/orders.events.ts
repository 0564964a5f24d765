import type { Money } from '@serviceops/kernel';

/**
 * What the orders service publishes on `orders.events.v1` for other services to act on (issue 15). Customers and
 * staff are named by id; a request's address and problem description stay sealed in orders.
 */

/** A work order completed with the customer's signature: billing charges it, complaints opens the survey, staff KPIs count it. */
export interface OrderCompletedV1 {
  readonly orderId: string;
  readonly staffId: string;
  readonly resourceId?: string;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly durationMinutes: number;
  /** Hours worked, as entered on the repair card. */
  readonly hours: number;
  /** Parts used (returned ones are not). */
  readonly parts: readonly { readonly partId: string; readonly quantity: number }[];
  readonly signature: string;
}

/** A lent tool reported lost: its borrower is charged its price (billing, staff). */
export interface ToolLostChargedV1 {
  readonly resourceId: string;
  readonly borrowerId: string;
  readonly charge: Money;
  readonly at: string;
}

/** A request had no first response within 24 h: escalated to the service director. */
export interface RequestResponseOverdueV1 {
  readonly orderId: string;
  readonly customerId: string;
  readonly responseDueAt: string;
  readonly escalatedAt: string;
}

export type OrdersPublishedEvent =
  | { readonly type: 'OrderCompleted'; readonly data: OrderCompletedV1 }
  | { readonly type: 'ToolLostCharged'; readonly data: ToolLostChargedV1 }
  | { readonly type: 'RequestResponseOverdue'; readonly data: RequestResponseOverdueV1 };
// work orders (items 1, 5, 6)
/**
 * A practice-session order under a package contract was completed: one session used (contracts can show the
 * sessions left; they are counted in orders, per contract, under concurrency).
 */
export interface PackageSessionUsedV1 {
  readonly contractId: string;
  readonly customerId: string;
  readonly orderId: string;
  readonly sessionsTotal: number;
  readonly sessionsLeft: number;
  readonly at: string;
}

/** The package's last session was used: renewal or a new package (contracts, billing, customers' follow-up). */
export interface PackageExhaustedV1 {
  readonly contractId: string;
  readonly customerId: string;
  readonly lastOrderId: string;
  readonly sessionsTotal: number;
  readonly at: string;
}

/** The package events orders publishes on `orders.events.v1` (beside OrdersPublishedEvent's). */
export type OrdersPackagePublishedEvent =
  | { readonly type: 'PackageSessionUsed'; readonly data: PackageSessionUsedV1 }
  | { readonly type: 'PackageExhausted'; readonly data: PackageExhaustedV1 };

// resources and rentals (items 2, 4, 7)

// chat, incidents, reports (items 8-10)

// availability (item 3)
