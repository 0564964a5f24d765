import type { Money } from '@serviceops/kernel';
import type { OrderStatusName } from '../orders.vocabulary';

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
/** A resource's inspection or insurance ends within 30 days: reminded once per paper and last day. */
export interface ResourceExpiryRemindedV1 {
  readonly resourceId: string;
  readonly kind: 'vehicle' | 'equipment' | 'tool';
  readonly paper: 'inspection' | 'insurance';
  /** The last day in force (local date). */
  readonly validTo: string;
  readonly at: string;
}

/** A lent tool was not back by its due day. */
export interface ToolWentOverdueV1 {
  readonly resourceId: string;
  readonly borrowerId: string;
  readonly dueBack: string;
  readonly at: string;
}

/** A rental unit came back and was inspected: the damage goes into billing's final settlement (rent + damages − deposit). */
export interface RentalReturnInspectedV1 {
  readonly resourceId: string;
  /** The rental_return order. */
  readonly orderId: string;
  /** The rental_delivery order that started the lease. */
  readonly deliveryOrderId: string;
  readonly customerId: string;
  readonly contractId?: string;
  readonly findings: readonly { readonly item: string; readonly note: string }[];
  /** Zero when undamaged. */
  readonly damage: Money;
  readonly inspectedAt: string;
}

export type OrdersResourcesPublishedEvent =
  | { readonly type: 'ToolLostCharged'; readonly data: ToolLostChargedV1 }
  | { readonly type: 'ToolWentOverdue'; readonly data: ToolWentOverdueV1 }
  | { readonly type: 'ResourceExpiryReminded'; readonly data: ResourceExpiryRemindedV1 }
  | { readonly type: 'RentalReturnInspected'; readonly data: RentalReturnInspectedV1 };

// chat, incidents, reports (items 8-10)

/** A sampled chat's quality score (companion chat): the companion's service-quality KPI (staff). */
export interface ChatQualityScoredV1 {
  readonly sessionId: string;
  /** The companion's staff id. */
  readonly companionId: string;
  /** Within [scoreMin, scoreMax] of the tenant's chat policy in force when scored. */
  readonly score: number;
  readonly scoreMin: number;
  readonly scoreMax: number;
  readonly inspectorId: string;
  readonly scoredAt: string;
  readonly policyVersion: number;
}

/**
 * An accident or sudden illness on the job: the staff member's safety KPI (staff). The emergency steps taken
 * travel sealed (`emergencySteps`, enc:v1:…) and are not part of this contract.
 */
export interface SafetyIncidentRecordedV1 {
  readonly incidentId: string;
  readonly staffId: string;
  readonly kind: 'accident' | 'sudden_illness';
  readonly occurredAt: string;
  readonly orderId: string | null;
  readonly recordedAt: string;
}

export type OrdersFieldPublishedEvent =
  | { readonly type: 'ChatQualityScored'; readonly data: ChatQualityScoredV1 }
  | { readonly type: 'SafetyIncidentRecorded'; readonly data: SafetyIncidentRecordedV1 };

// availability (item 3)

// maintenance visits under a contract (contracts' periodic review counts them)
/**
 * A maintenance visit served under a contract was completed: an order of kind `maintenance` or `rental_visit`
 * that names its contract, published with the order's completion. Contracts counts it against the contract's
 * visits due (its fulfilment consumer reads `contractId`).
 */
export interface MaintenanceVisitCompletedV1 {
  readonly orderId: string;
  readonly contractId: string;
  readonly customerId: string;
  readonly kind: 'maintenance' | 'rental_visit';
  /** The person the order was dispatched to. */
  readonly staffId?: string;
  readonly completedAt: string;
}

export type OrdersVisitPublishedEvent = {
  readonly type: 'MaintenanceVisitCompleted';
  readonly data: MaintenanceVisitCompletedV1;
};

// cancelled orders (CancelOrder)
/**
 * An order cancelled before work started (registered, quoted, quote_accepted or dispatched): its bookings are free
 * again and its SLA stopped. Billing (later) settles what the cancellation costs. The reason travels sealed
 * (`reason`, enc:v1:…) and is not part of this contract.
 */
export interface OrderCancelledV1 {
  readonly orderId: string;
  readonly customerId: string;
  /** The contract the order was served under, when it named one. */
  readonly contractId?: string;
  /** The status it was cancelled in. */
  readonly from: Extract<OrderStatusName, 'registered' | 'quoted' | 'quote_accepted' | 'dispatched'>;
  readonly cancelledAt: string;
}

export type OrdersCancelPublishedEvent = {
  readonly type: 'OrderCancelled';
  readonly data: OrderCancelledV1;
};

// who holds what (staff's handover checklist, issue 13 item 8)
/**
 * An order was dispatched to a person (and optionally a resource) for a slot. Staff keeps each member's open
 * orders from it: the order is theirs until it is completed (`OrderCompleted`), closed (`OrderClosed`) or
 * cancelled (`OrderCancelled`), or reassigned to someone else (`OrderReassigned`).
 */
export interface OrderDispatchedV1 {
  readonly orderId: string;
  readonly staffId: string;
  readonly resourceId?: string;
  readonly slot: { readonly start: string; readonly end: string };
  readonly dispatchedAt: string;
}

/**
 * A dispatched order (before work started) was moved (ReassignOrder): to another person, and/or to another slot
 * or resource; the bookings that changed released, the new ones booked. `staffId`, `resourceId` and `slot` are what
 * the order has now; `fromSlot` / `fromResourceId` are present only when the slot / the resource changed (absent:
 * it stayed). Staff moves the order to `staffId` as it would on a second `OrderDispatched` (`fromStaffId` equals it
 * when only the time or the resource moved). The reason travels sealed (`reason`, enc:v1:…) and is not part of
 * this contract.
 */
export interface OrderReassignedV1 {
  readonly orderId: string;
  /** The person the order was with. */
  readonly fromStaffId: string;
  /** The person the order is with now. */
  readonly staffId: string;
  readonly resourceId?: string;
  readonly slot: { readonly start: string; readonly end: string };
  /** The slot before, when the reassignment moved it. */
  readonly fromSlot?: { readonly start: string; readonly end: string };
  /** The resource booked before, when the reassignment changed it (none before: absent, `resourceId` new). */
  readonly fromResourceId?: string;
  readonly reassignedAt: string;
}

/** The customer declined the quote: the order ends without work. */
export interface OrderClosedV1 {
  readonly orderId: string;
  readonly reason: 'quote_declined';
  readonly at: string;
}

/** A special tool lent to a staff member, due back on a local day. */
export interface ToolLentV1 {
  readonly resourceId: string;
  readonly borrowerId: string;
  readonly dueBack: string;
  readonly lentAt: string;
}

/** A lent tool came back (late when after its due day). A lost one ends with `ToolLostCharged` instead. */
export interface ToolReturnedV1 {
  readonly resourceId: string;
  readonly borrowerId: string;
  readonly returnedAt: string;
  readonly late: boolean;
}

/** What staff reads of orders to know whom an order or a tool is with (beside OrderCompleted, ToolLostCharged…). */
export type OrdersHoldingsPublishedEvent =
  | { readonly type: 'OrderDispatched'; readonly data: OrderDispatchedV1 }
  | { readonly type: 'OrderReassigned'; readonly data: OrderReassignedV1 }
  | { readonly type: 'OrderClosed'; readonly data: OrderClosedV1 }
  | { readonly type: 'ToolLent'; readonly data: ToolLentV1 }
  | { readonly type: 'ToolReturned'; readonly data: ToolReturnedV1 };
