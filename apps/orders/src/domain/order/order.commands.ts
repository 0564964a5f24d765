import type { BusinessLine, RequestKind } from '@serviceops/contracts';
import type { BusinessCalendar } from '@serviceops/kernel';

// What the customer asks for (issue 15 item 1): the published vocabulary (staff records skills in it too).
export { REQUEST_KINDS, type RequestKind } from '@serviceops/contracts';

/** Who pays: the customer on a quote, a contract's entitlement, or the warranty. */
export const SERVICE_TYPES = ['paid', 'under_contract', 'under_warranty'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Where the job is: the arrival time depends on it (6 working hours in town, 7 in the suburbs). */
export const ZONES = ['town', 'suburb'] as const;
export type Zone = (typeof ZONES)[number];

export interface RegisterRequest {
  readonly type: 'RegisterRequest';
  readonly data: {
    readonly orderId: string;
    readonly customerId: string;
    readonly line: BusinessLine;
    readonly kind: RequestKind;
    readonly serviceType: ServiceType;
    /** When the customer wants the job done (ISO instant), not before the request. */
    readonly wantedAt: string;
    readonly zone: Zone;
    /** Free text, sealed: personal data. */
    readonly address: string;
    /** Product model, vehicle type or equipment. */
    readonly subject: string;
    /** Free text, sealed. */
    readonly problem: string;
    /**
     * Under contract: the contract whose entitlement is used. A rental visit or return: the lease it is for
     * (absent: the customer's only lease in force).
     */
    readonly contractId?: string;
  };
}

/** The first answer to the customer (due within 24 h of the request). */
export interface RespondToRequest {
  readonly type: 'RespondToRequest';
  readonly data: { readonly orderId: string };
}

/** Fired by the durable timer at the response deadline; harmless when fired again or too early. */
export interface EscalateUnanswered {
  readonly type: 'EscalateUnanswered';
  readonly data: { readonly orderId: string };
}

/** A slot of work: [start, end), ISO instants. */
export interface Slot {
  readonly start: string;
  readonly end: string;
}

export interface DispatchOrder {
  readonly type: 'DispatchOrder';
  readonly data: {
    readonly orderId: string;
    readonly staffId: string;
    readonly slot: Slot;
    /** A vehicle or equipment unit going with the person, booked for the same slot. */
    readonly resourceId?: string;
  };
}

/**
 * Move a dispatched order, before work starts, to another person and/or another slot or resource, with a reason
 * (sealed): the same checks as a dispatch (the slot within one day of the tenant's calendar and not begun, the
 * person eligible at it, skilled, available, the resource fit, nobody double-booked); the handler releases the
 * bookings that change and books the new ones in the same transaction. Without `slot` the slot stays, without
 * `resourceId` the resource stays (a new slot books it then).
 */
export interface ReassignOrder {
  readonly type: 'ReassignOrder';
  readonly data: {
    readonly orderId: string;
    readonly staffId: string;
    /** Free text, sealed: personal data. */
    readonly reason: string;
    readonly slot?: Slot;
    readonly resourceId?: string;
  };
}

/** Fired by the durable timer an hour (in business hours) before the arrival deadline; harmless when early or repeated. */
export interface EscalateArrivalRisk {
  readonly type: 'EscalateArrivalRisk';
  readonly data: { readonly orderId: string };
}

/** The stages of an order its work order reaches (quote, start, completion): the order's status follows them. */
export const WORK_STAGES = ['quoted', 'quote_accepted', 'closed', 'in_progress', 'completed'] as const;
export type WorkStage = (typeof WORK_STAGES)[number];

/**
 * The order follows its work order: decided with the work order's command, in the same transaction, on the order's
 * stream. Nothing when the stage does not advance the order's status (a quote issued after the dispatch).
 */
export interface RecordWorkStage {
  readonly type: 'RecordWorkStage';
  readonly data: { readonly orderId: string; readonly stage: WorkStage };
}

/**
 * Cancel the order before work starts (registered, quoted, quote_accepted, dispatched): its bookings are released
 * and its timers cancelled by the handler, in the same transaction.
 */
export interface CancelOrder {
  readonly type: 'CancelOrder';
  readonly data: {
    readonly orderId: string;
    /** Free text, sealed: personal data. */
    readonly reason: string;
  };
}

/**
 * The system found nobody to dispatch the order to (auto-dispatch, docs/orders-resources.md): why, recorded once
 * per attempt (the timer's id) so the dispatcher sees it; the order stays in the queue.
 */
export interface HoldAutoDispatch {
  readonly type: 'HoldAutoDispatch';
  readonly data: {
    readonly orderId: string;
    readonly attempt: string;
    readonly slot: Slot;
    /** The refusal's code, or 'no_candidate' with each person's reasons in `candidates`. */
    readonly reason: string;
    readonly candidates: readonly { readonly staffId: string; readonly reasons: readonly string[] }[];
  };
}

export type OrderCommand =
  | RegisterRequest
  | HoldAutoDispatch
  | CancelOrder
  | RespondToRequest
  | EscalateUnanswered
  | DispatchOrder
  | ReassignOrder
  | EscalateArrivalRisk
  | RecordWorkStage;

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
