import { ORDER_STATUSES, type OrderStatusName, type RequestKind } from '@serviceops/contracts';
import type { BusinessCalendar } from '@serviceops/kernel';

// The order's state, the vocabulary its use cases share and the context they decide in. Each command and the events
// it records are declared with its use case (register-request.ts, …); the unions are derived in order.decider.ts.

// What the customer asks for (issue 15 item 1): the published vocabulary (staff records skills in it too).
export { REQUEST_KINDS, type RequestKind } from '@serviceops/contracts';

/** Who pays: the customer on a quote, a contract's entitlement, or the warranty. */
export const SERVICE_TYPES = ['paid', 'under_contract', 'under_warranty'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Where the job is: the arrival time depends on it (6 working hours in town, 7 in the suburbs). */
export const ZONES = ['town', 'suburb'] as const;
export type Zone = (typeof ZONES)[number];

/** A slot of work: [start, end), ISO instants. */
export interface Slot {
  readonly start: string;
  readonly end: string;
}

/** The stages of an order its work order reaches (quote, start, completion): the order's status follows them. */
export const WORK_STAGES = ['quoted', 'quote_accepted', 'closed', 'in_progress', 'completed'] as const;
export type WorkStage = (typeof WORK_STAGES)[number];

/** registered → quoted → quote_accepted → dispatched → in_progress → completed; closed (quote declined); cancelled. */
export type OrderStatus = OrderStatusName;

/** The status after reaching `next`: the furthest of the two in the lifecycle (closed ends it). */
export function furthest(current: OrderStatus, next: OrderStatus): OrderStatus {
  return ORDER_STATUSES.indexOf(next) > ORDER_STATUSES.indexOf(current) ? next : current;
}

export interface Order {
  readonly status: OrderStatus;
  readonly orderId: string;
  readonly customerId: string;
  readonly kind: RequestKind;
  readonly serviceType: ServiceType;
  /** The contract the order is served under, when it names one. */
  readonly contractId?: string;
  /** A rental visit or return: the lease it is for. */
  readonly leaseContractId?: string;
  readonly zone: Zone;
  readonly receivedAt: string;
  readonly responseDueAt: string;
  readonly respondedAt?: string;
  readonly escalatedAt?: string;
  readonly arrivalWithinBusinessHours: number;
  readonly arrivalEscalatedAt?: string;
  readonly dispatch?: { readonly staffId: string; readonly slot: Slot; readonly resourceId?: string };
  /** Work started on site (the work order's start). */
  readonly startedAt?: string;
  /** Auto-dispatch attempts that found nobody (OrderAutoDispatchHeld), the latest last. */
  readonly autoDispatchHeld?: readonly string[];
  /** Cancelled (CancelOrder): the SLA stops here. */
  readonly cancelledAt?: string;
}

export type OrderState = { readonly status: 'absent' } | Order;

export const initialOrderState = (): OrderState => ({ status: 'absent' });

/** The orders policy in force (versioned per tenant). */
export interface OrdersPolicy {
  readonly version: number;
  /** Working hours from the request to arrival, per zone. */
  readonly arrivalWithinBusinessHours: Readonly<Record<Zone, number>>;
  /** Wall-clock hours within which every request gets a first response. */
  readonly firstResponseWithinHours: number;
}

/** The entitlement read model's answer for (customer, contract) at `now` (from contracts' events). */
export interface EntitlementFacts {
  readonly contractId: string;
  readonly customerId: string;
  readonly line: string;
  readonly effectiveFrom: string;
  readonly endDate: string;
  /** A package's sessions left, after the sessions orders already used; null when not a package. */
  readonly sessionsLeft: number | null;
  /** Warranty coverage, null when the contract is not a warranty. */
  readonly warranty: {
    readonly products: readonly string[];
    readonly from: string;
    readonly to: string;
  } | null;
}

/** Whether a person may be dispatched at the slot, from staff's eligibility events (see dispatch/eligibility). */
export interface StaffVerdict {
  readonly staffId: string;
  readonly eligible: boolean;
  readonly reasons: readonly string[];
}

/** A rental lease of a customer's (contracts' entitlement of kind rental_lease), as orders keeps it. */
export interface LeaseFacts {
  readonly contractId: string;
  readonly customerId: string;
  readonly effectiveFrom: string;
  readonly endDate: string;
}

export interface OrderContext {
  readonly now: Date;
  /** RegisterRequest of a rental visit or return: the customer's rental leases (the decider keeps those in force). */
  readonly leases?: readonly LeaseFacts[];
  /**
   * RegisterRequest: the tenant's calendar and policy. EscalateArrivalRisk: the calendar as it stands (the
   * deadline is recounted in it). DispatchOrder, ReassignOrder to a new slot: the calendar whose day the slot must
   * lie in.
   */
  readonly calendar?: BusinessCalendar;
  readonly policy?: OrdersPolicy;
  /** RegisterRequest under contract or warranty: the contract's facts (undefined when none is known). */
  readonly entitlement?: EntitlementFacts;
  /** DispatchOrder, ReassignOrder: the person's eligibility at the slot's start. */
  readonly staff?: StaffVerdict;
  /** DispatchOrder: whether the slot is in the person's working time and clear of leave (dispatch/availability). */
  readonly availability?: { readonly available: boolean; readonly reasons: readonly string[] };
  /** DispatchOrder: whether the person is skilled for the order's kind (dispatch/skills, the tenant's table). */
  readonly skill?: { readonly skilled: boolean; readonly reasons: readonly string[] };
  /**
   * DispatchOrder with a resource, ReassignOrder booking one anew (another resource, or the same at a new slot):
   * its fitness on the slot's day (see domain/resource `dispatchable`).
   */
  readonly resource?: ResourceVerdict;
}

/** Whether a resource may go along in the slot: available, papers in force that day, no failed check unrepaired. */
export interface ResourceVerdict {
  readonly resourceId: string;
  readonly fit: boolean;
  readonly reasons: readonly string[];
}
