import { DomainError } from '@serviceops/kernel';
import { FreeTextErrorCode } from '../free-text.errors';
import { PostingErrorCode } from './posting.errors';
import { RECRUITMENT_STEPS, type RecruitmentStep } from './candidate.state';

/** Stable codes of the candidate's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const CandidateErrorCode = {
  CANDIDATE_NOT_FOUND: 'STAFF.CANDIDATE_NOT_FOUND',
  CANDIDATE_EXISTS: 'STAFF.CANDIDATE_EXISTS',
  POSTING_NOT_FOUND: PostingErrorCode.POSTING_NOT_FOUND,
  CANDIDATE_REJECTED: 'STAFF.CANDIDATE_REJECTED',
  CANDIDATE_HIRED: 'STAFF.CANDIDATE_ALREADY_HIRED',
  CANDIDATE_ERASED: 'STAFF.CANDIDATE_ERASED',
  /** A step other than screening needs its result. */
  STEP_RESULT_MISSING: 'STAFF.STEP_RESULT_MISSING',
  REJECTION_REASON_MISSING: 'STAFF.REJECTION_REASON_MISSING',
  INTERVIEW_MODE_MISSING: 'STAFF.INTERVIEW_MODE_MISSING',
  PRACTICAL_TEST_MISSING: 'STAFF.PRACTICAL_TEST_MISSING',
  RATING_OUT_OF_RANGE: 'STAFF.RATING_OUT_OF_RANGE',
  SCORE_OUT_OF_RANGE: 'STAFF.SCORE_OUT_OF_RANGE',
  DETAIL_OF_ANOTHER_STEP: 'STAFF.DETAIL_OF_ANOTHER_STEP',
  NAME_REJECTED: 'STAFF.NAME_REJECTED',
  PHONE_REJECTED: 'STAFF.PHONE_REJECTED',
  ID_NUMBER_REJECTED: 'STAFF.ID_NUMBER_REJECTED',
  REASON_REJECTED: FreeTextErrorCode.REASON_REJECTED,
} as const;

export type CandidateErrorCode = (typeof CandidateErrorCode)[keyof typeof CandidateErrorCode];

/**
 * The code of a step recorded out of order names the step that is due: 'STAFF.INTERVIEW_EXPECTED',
 * 'STAFF.HIRE_EXPECTED' (one per step of RECRUITMENT_STEPS, and the hiring after them).
 */
export const ExpectedStepErrorCode = Object.fromEntries(
  [...RECRUITMENT_STEPS, 'hire'].map((step) => [step, `STAFF.${step.toUpperCase()}_EXPECTED`]),
) as Readonly<Record<RecruitmentStep | 'hire', string>>;

export function expectedStepCode(step: RecruitmentStep | 'hire'): string {
  return ExpectedStepErrorCode[step];
}

export function candidateError(
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
