import type { CustomerStatus } from '../customer/active-customer';

import type {
  ReturnVisitOutcome,
  ReturnVisitReason,
  ReturnVisitStatus,
  SatisfactionLevel,
} from '@serviceops/contracts';

// The vocabulary is the contracts' (customers.vocabulary.ts), which the gateway states in OpenAPI.
export {
  RETURN_VISIT_OUTCOMES,
  RETURN_VISIT_REASONS,
  SATISFACTION_LEVELS,
  type ReturnVisitOutcome,
  type ReturnVisitReason,
  type SatisfactionLevel,
} from '@serviceops/contracts';

export interface AbsentReturnVisit {
  readonly status: 'absent';
}

export interface ReturnVisit {
  /** scheduled → done (recorded) or cancelled. */
  readonly status: ReturnVisitStatus;
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
