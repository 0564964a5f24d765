import { DomainError } from '@serviceops/kernel';

/** Stable codes of the care rules; the edge maps each to an HTTP/gRPC status by its shape. */
export const CareErrorCode = {
  INVALID_OCCASION: 'CUSTOMERS.INVALID_OCCASION',
  /** With `field`: 'on', 'birthDate', 'year', 'monthDay' or 'date'. */
  INVALID_DATE: 'CUSTOMERS.INVALID_DATE',
} as const;

export type CareErrorCode = (typeof CareErrorCode)[keyof typeof CareErrorCode];

export function careError(
  code: CareErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
