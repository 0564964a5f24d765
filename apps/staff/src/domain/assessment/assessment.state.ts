import type { AssessmentPolicy } from './assessment.policy';
import type { StaffPeriodFacts } from './assessment.scoring';

/** A period's assessment (one stream per period): each run a new, versioned result. */
export interface AssessmentState {
  readonly resultVersion: number;
}

export const initialAssessmentState = (): AssessmentState => ({ resultVersion: 0 });

export interface AssessmentContext {
  readonly now: Date;
  /** The tenant's time zone (tenancy's calendar): a period is cut at its midnights. */
  readonly timeZone: string;
  readonly policy: { readonly version: number; readonly policy: AssessmentPolicy };
  readonly facts: readonly StaffPeriodFacts[];
}
