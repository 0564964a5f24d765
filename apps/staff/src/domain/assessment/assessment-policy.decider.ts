import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { initialAssessmentPolicyState, type AssessmentPolicyState } from './assessment.policy';
import { changeAssessmentPolicy } from './change-assessment-policy';

export type { AssessmentPolicyChanged, ChangeAssessmentPolicy } from './change-assessment-policy';

/**
 * The tenant's assessment policy (weights, grades, outcomes), versioned (one stream per tenant; version 0 the
 * default). Its use cases, a file each beside this one; the unions and the decider follow from the list.
 */
export const ASSESSMENT_POLICY_USE_CASES = [changeAssessmentPolicy] as const;

export type AssessmentPolicyCommand = CommandOf<typeof ASSESSMENT_POLICY_USE_CASES>;
export type AssessmentPolicyEvent = EventOf<typeof ASSESSMENT_POLICY_USE_CASES>;

export const assessmentPolicyDecider = deciderOf<
  typeof ASSESSMENT_POLICY_USE_CASES,
  AssessmentPolicyState,
  { readonly now: Date }
>(initialAssessmentPolicyState, ASSESSMENT_POLICY_USE_CASES);

export const assessmentPolicyStreamId = (tenantId: string): string =>
  streamId('assessment-policy', tenantId, tenantId);
