import type { CustomerStatus } from '../inquiry/inquiry.commands';

/** Why a return visit (回访) is made. */
export const RETURN_VISIT_REASONS = ['after_service', 'periodic', 'on_demand'] as const;
export type ReturnVisitReason = (typeof RETURN_VISIT_REASONS)[number];

export const RETURN_VISIT_OUTCOMES = ['reached', 'unreachable', 'declined'] as const;
export type ReturnVisitOutcome = (typeof RETURN_VISIT_OUTCOMES)[number];

export const SATISFACTION_LEVELS = [
  'very_satisfied',
  'satisfied',
  'dissatisfied',
  'very_dissatisfied',
] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export interface FollowUp {
  readonly action: string;
  /** Local date 'YYYY-MM-DD'. */
  readonly dueOn?: string;
}

export interface ScheduleReturnVisit {
  readonly type: 'ScheduleReturnVisit';
  readonly data: {
    readonly visitId: string;
    readonly customerId: string;
    readonly reason: ReturnVisitReason;
    /** Local date 'YYYY-MM-DD', not before today; by default from the reason and the policy. */
    readonly dueOn?: string;
    /** The service (order, lease, …) the visit follows up. */
    readonly serviceRef?: string;
    readonly note?: string;
  };
}

export interface RecordReturnVisit {
  readonly type: 'RecordReturnVisit';
  readonly data: {
    readonly visitId: string;
    readonly outcome: ReturnVisitOutcome;
    /** Required when the customer was reached, refused otherwise. */
    readonly satisfaction?: SatisfactionLevel;
    readonly feedback?: string;
    readonly suggestions?: string;
    readonly followUp?: FollowUp;
  };
}

export interface CancelReturnVisit {
  readonly type: 'CancelReturnVisit';
  readonly data: { readonly visitId: string; readonly reason: string };
}

export type ReturnVisitCommand = ScheduleReturnVisit | RecordReturnVisit | CancelReturnVisit;

export interface ReturnVisitContext {
  readonly now: Date;
  /** ScheduleReturnVisit only: the tenant's local date at `now` (localDateOf(calendar.timeZone, now)). */
  readonly today?: string;
  /** ScheduleReturnVisit only: the customers policy in force (its version and returnVisits). */
  readonly policy?: {
    readonly version: number;
    readonly afterServiceDays: number;
    readonly everyDays: number | null;
  };
  /**
   * The status of the customer's file: ScheduleReturnVisit needs it active; RecordReturnVisit and
   * CancelReturnVisit need it not erased (whatever they record belongs to the customer, whose key is gone).
   */
  readonly customer?: CustomerStatus;
}
