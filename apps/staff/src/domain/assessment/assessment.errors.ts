/** Stable codes of the assessment's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const AssessmentErrorCode = {
  /** A period is a month 'YYYY-MM' or a year 'YYYY'. */
  INVALID_PERIOD: 'STAFF.INVALID_ASSESSMENT_PERIOD',
  /** Weights or grade bounds a policy cannot have (422 naming the field). */
  POLICY_REFUSED: 'STAFF.ASSESSMENT_POLICY_REFUSED',
  /** A period is assessed once it is over (a preview any time). */
  PERIOD_NOT_OVER: 'STAFF.ASSESSMENT_PERIOD_NOT_OVER',
  /** No result recorded for the period (or not the version asked for). */
  NOT_FOUND: 'STAFF.ASSESSMENT_NOT_FOUND',
} as const;

export type AssessmentErrorCode = (typeof AssessmentErrorCode)[keyof typeof AssessmentErrorCode];
