import { DomainError } from '@serviceops/kernel';

/** Stable codes of the staff member's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const MemberErrorCode = {
  STAFF_MEMBER_NOT_FOUND: 'STAFF.STAFF_MEMBER_NOT_FOUND',
  STAFF_MEMBER_EXISTS: 'STAFF.STAFF_MEMBER_EXISTS',
  /** Pay is a positive integer number of minor units in an ISO 4217 currency. */
  PAY_NOT_POSITIVE: 'STAFF.PAY_NOT_POSITIVE',
  PAY_CURRENCY_UNKNOWN: 'STAFF.PAY_CURRENCY_UNKNOWN',
  USERNAME_REJECTED: 'STAFF.USERNAME_REJECTED',
  /** Erasure: the person neither resigned nor was dismissed. */
  STILL_EMPLOYED: 'STAFF.STILL_EMPLOYED',
  /** Erasure: they are leaving, but the handover is not complete (no final settlement requested yet). */
  HANDOVER_INCOMPLETE: 'STAFF.HANDOVER_INCOMPLETE',
  /** Erasure: the handover is complete, but their last day is still ahead. */
  LAST_DAY_NOT_REACHED: 'STAFF.LAST_DAY_NOT_REACHED',
  /** Their personal data was erased already (a second erasure, or any change to the file after it). */
  STAFF_MEMBER_ERASED: 'STAFF.STAFF_MEMBER_ERASED',
  /** A role change for someone whose separation's last day has come (StaffMemberLeft). */
  STAFF_MEMBER_LEFT: 'STAFF.STAFF_MEMBER_LEFT',
  /** A role change citing an assessed period whose latest result did not decide a role change for the person. */
  ROLE_CHANGE_NOT_DECIDED: 'STAFF.ROLE_CHANGE_NOT_DECIDED',
  /** Skills name a request kind orders' vocabulary (REQUEST_KINDS) does not have. */
  SKILL_KIND_UNKNOWN: 'STAFF.SKILL_KIND_UNKNOWN',
} as const;

export type MemberErrorCode = (typeof MemberErrorCode)[keyof typeof MemberErrorCode];

export function memberError(
  code: MemberErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
