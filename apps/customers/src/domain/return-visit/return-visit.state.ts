import type { ReturnVisitOutcome, ReturnVisitReason, SatisfactionLevel } from './return-visit.commands';

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
