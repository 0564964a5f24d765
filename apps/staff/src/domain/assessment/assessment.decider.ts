import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { assessPeriod } from './assess-period';
import { initialAssessmentState, type AssessmentContext, type AssessmentState } from './assessment.state';

export type { AssessmentOutcomesDecided, AssessPeriod, PeriodAssessed } from './assess-period';
export type { AssessmentContext, AssessmentState } from './assessment.state';

/**
 * A period's assessment (one stream per period): the list of its use cases, a file each beside this one (command,
 * decision, the events it records and how they change the state). The tenant's assessment policy is its own
 * stream (assessment.policy.ts).
 */
export const ASSESSMENT_USE_CASES = [assessPeriod] as const;

export type AssessmentCommand = CommandOf<typeof ASSESSMENT_USE_CASES>;
export type AssessmentEvent = EventOf<typeof ASSESSMENT_USE_CASES>;

export const assessmentDecider = deciderOf<typeof ASSESSMENT_USE_CASES, AssessmentState, AssessmentContext>(
  initialAssessmentState,
  ASSESSMENT_USE_CASES,
);

export const assessmentStreamId = (tenantId: string, period: string): string =>
  streamId('staff-assessment', tenantId, period);
