import { DomainError } from '@serviceops/kernel';

/** Stable codes of the return-visit rules; the edge maps each to an HTTP/gRPC status by its shape. */
export const ReturnVisitErrorCode = {
  VISIT_NOT_FOUND: 'CUSTOMERS.VISIT_NOT_FOUND',
  VISIT_EXISTS: 'CUSTOMERS.VISIT_EXISTS',
  VISIT_CLOSED: 'CUSTOMERS.VISIT_CLOSED',
  CUSTOMER_NOT_FOUND: 'CUSTOMERS.CUSTOMER_NOT_FOUND',
  CUSTOMER_MERGED: 'CUSTOMERS.CUSTOMER_MERGED',
  CUSTOMER_ERASED: 'CUSTOMERS.CUSTOMER_ERASED',
  NO_PERIODIC_VISITS: 'CUSTOMERS.NO_PERIODIC_VISITS',
  INVALID_DUE_DATE: 'CUSTOMERS.INVALID_DUE_DATE',
  /** With `field`: 'reason' (the visit's, or a cancellation's). */
  INVALID_REASON: 'CUSTOMERS.INVALID_REASON',
  INVALID_SERVICE_REF: 'CUSTOMERS.INVALID_SERVICE_REF',
  INVALID_NOTE: 'CUSTOMERS.INVALID_NOTE',
  INVALID_OUTCOME: 'CUSTOMERS.INVALID_OUTCOME',
  INVALID_SATISFACTION: 'CUSTOMERS.INVALID_SATISFACTION',
  // Rules across fields or against today, which no request schema states: refused (422), not malformed (400).
  SATISFACTION_REQUIRED: 'CUSTOMERS.SATISFACTION_REQUIRED',
  SATISFACTION_NOT_EXPECTED: 'CUSTOMERS.SATISFACTION_NOT_EXPECTED',
  DUE_DATE_PAST: 'CUSTOMERS.DUE_DATE_PAST',
  INVALID_FEEDBACK: 'CUSTOMERS.INVALID_FEEDBACK',
  INVALID_SUGGESTIONS: 'CUSTOMERS.INVALID_SUGGESTIONS',
  /** With `field`: 'followUp', 'followUp.action' or 'followUp.dueOn'. */
  INVALID_FOLLOW_UP: 'CUSTOMERS.INVALID_FOLLOW_UP',
} as const;

export type ReturnVisitErrorCode = (typeof ReturnVisitErrorCode)[keyof typeof ReturnVisitErrorCode];

export function returnVisitError(
  code: ReturnVisitErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
