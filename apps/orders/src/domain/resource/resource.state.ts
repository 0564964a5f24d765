import {
  type MAINTENANCE_ACTIONS,
  type PAPERS,
  type RESOURCE_KINDS,
  type RESOURCE_STATES,
  type VISIT_WORK,
} from '@serviceops/contracts';
import type { Money } from '@serviceops/kernel';

// The resource's state, its vocabulary and the context its use cases decide in. Each command and the events it
// records are declared with its use case (register-resource.ts, …); the unions are derived in resource.decider.ts.

/**
 * Resources (issue 15 item 2): practice vehicles, rental equipment units, special tools. A resource is
 * dispatchable only while available with its inspection and insurance in force; a tool is lent against the
 * register, and a lost one is charged to its borrower at its price (published for billing and staff).
 */
export {
  DELIVERY_ITEMS,
  MAINTENANCE_ACTIONS,
  PAPERS,
  PREPARATION_ITEMS,
  RESOURCE_KINDS,
  RESOURCE_STATES,
  VISIT_WORK,
} from '@serviceops/contracts';
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ResourceState = (typeof RESOURCE_STATES)[number];
/** Days before an expiry when a reminder is due. */
export const EXPIRY_REMINDER_DAYS = 30;
export type Paper = (typeof PAPERS)[number];
export type MaintenanceAction = (typeof MAINTENANCE_ACTIONS)[number];
export type VisitWork = (typeof VISIT_WORK)[number];

export interface ChecklistItem {
  readonly item: string;
  readonly passed: boolean;
}
export interface Finding {
  readonly item: string;
  readonly note: string;
}
/** The order a record belongs to, from the order list (the handler reads it; 404 when unknown). */
export interface OrderFacts {
  readonly orderId: string;
  readonly kind: string;
  readonly customerId: string;
  readonly contractId?: string;
  /** Closed when its quote was declined: nothing is prepared, delivered or recorded on it. */
  readonly closed?: boolean;
  /** Cancelled (CancelOrder): nothing is prepared, delivered or recorded on it either. */
  readonly cancelled?: boolean;
}
/** An equipment unit out on a lease: the delivery's order and its customer. */
export interface Rental {
  readonly deliveryOrderId: string;
  readonly customerId: string;
  readonly contractId?: string;
}

export interface Resource {
  readonly resourceId: string;
  readonly kind: ResourceKind;
  readonly name: string;
  readonly state: ResourceState;
  readonly inspectionValidTo?: string;
  readonly insuranceValidTo?: string;
  readonly price?: Money;
  readonly loan?: { readonly borrowerId: string; readonly dueBack: string; readonly overdue: boolean };
  /** A failed preparation check, until a maintenance entry `repaired`. */
  readonly unfit?: { readonly orderId: string; readonly failed: readonly string[] };
  /** Reminders given: '<paper>:<validTo>'. */
  readonly reminded?: readonly string[];
  readonly rental?: Rental;
}
export type ResourceStateT = { readonly status: 'absent' } | ({ readonly status: 'present' } & Resource);

export interface ResourceContext {
  readonly now: Date;
  /** The tenant's local date today (YYYY-MM-DD). */
  readonly today: string;
  /** Preparation checks and rental records: the order they belong to. */
  readonly order?: OrderFacts;
}

export const initialResourceState = (): ResourceStateT => ({ status: 'absent' });
