import { DomainError } from '@serviceops/kernel';

/** Stable codes of the inquiry rules; the edge maps each to an HTTP/gRPC status by its shape. */
export const InquiryErrorCode = {
  INQUIRY_NOT_FOUND: 'CUSTOMERS.INQUIRY_NOT_FOUND',
  INQUIRY_EXISTS: 'CUSTOMERS.INQUIRY_EXISTS',
  INQUIRY_CLOSED: 'CUSTOMERS.INQUIRY_CLOSED',
  INQUIRY_HANDED_OFF: 'CUSTOMERS.INQUIRY_HANDED_OFF',
  CUSTOMER_NOT_FOUND: 'CUSTOMERS.CUSTOMER_NOT_FOUND',
  CUSTOMER_MERGED: 'CUSTOMERS.CUSTOMER_MERGED',
  CUSTOMER_ERASED: 'CUSTOMERS.CUSTOMER_ERASED',
  INVALID_CHANNEL: 'CUSTOMERS.INVALID_CHANNEL',
  INVALID_SUBJECT: 'CUSTOMERS.INVALID_SUBJECT',
  INVALID_CONTENT: 'CUSTOMERS.INVALID_CONTENT',
  INVALID_ANSWER: 'CUSTOMERS.INVALID_ANSWER',
  /** With `field`: 'need.kind', 'need.period.to', … */
  INVALID_NEED: 'CUSTOMERS.INVALID_NEED',
  /** A rule across two well-formed dates, which no request schema states: refused (422). */
  NEED_PERIOD_REVERSED: 'CUSTOMERS.NEED_PERIOD_REVERSED',
} as const;

export type InquiryErrorCode = (typeof InquiryErrorCode)[keyof typeof InquiryErrorCode];

export function inquiryError(
  code: InquiryErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
