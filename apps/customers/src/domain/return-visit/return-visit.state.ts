import type { CustomerStatus } from '../customer/active-customer';

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

export interface AbsentReturnVisit {
  readonly status: 'absent';
}

export interface ReturnVisit {
  /** scheduled → done (recorded) or cancelled. */
  readonly status: 'scheduled' | 'done' | 'cancelled';
  readonly visitId: string;
  readonly customerId: string;
  readonly reason: ReturnVisitReason;
  readonly dueOn: string;
  readonly serviceRef?: string;
  readonly scheduledAt: string;
  readonly policyVersion: number;
  readonly outcome?: ReturnVisitOutcome;
  readonly satisfaction?: SatisfactionLevel;
  readonly recordedAt?: string;
  readonly cancelledAt?: string;
}

export type ReturnVisitState = AbsentReturnVisit | ReturnVisit;

export const initialReturnVisitState = (): ReturnVisitState => ({ status: 'absent' });

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
