import { DomainError } from '@serviceops/kernel';

/** Stable codes of the staff member's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const MemberErrorCode = {
  STAFF_MEMBER_NOT_FOUND: 'STAFF.STAFF_MEMBER_NOT_FOUND',
  STAFF_MEMBER_EXISTS: 'STAFF.STAFF_MEMBER_EXISTS',
  /** Pay is a positive integer number of minor units in an ISO 4217 currency. */
  PAY_NOT_POSITIVE: 'STAFF.PAY_NOT_POSITIVE',
  PAY_CURRENCY_UNKNOWN: 'STAFF.PAY_CURRENCY_UNKNOWN',
  USERNAME_REJECTED: 'STAFF.USERNAME_REJECTED',
} as const;

export type MemberErrorCode = (typeof MemberErrorCode)[keyof typeof MemberErrorCode];

export function memberError(
  code: MemberErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
