import { DomainError } from '@serviceops/kernel';
import { FreeTextErrorCode } from '../free-text.errors';
import { MemberErrorCode } from '../member/member.errors';

/** Stable codes of the qualifications' rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const QualificationErrorCode = {
  STAFF_MEMBER_NOT_FOUND: MemberErrorCode.STAFF_MEMBER_NOT_FOUND,
  STAFF_MEMBER_ERASED: MemberErrorCode.STAFF_MEMBER_ERASED,
  QUALIFICATION_NOT_FOUND: 'STAFF.QUALIFICATION_NOT_FOUND',
  QUALIFICATION_EXISTS: 'STAFF.QUALIFICATION_EXISTS',
  ISSUED_IN_FUTURE: 'STAFF.QUALIFICATION_ISSUED_IN_FUTURE',
  EXPIRY_NOT_AFTER_ISSUE: 'STAFF.QUALIFICATION_EXPIRY_NOT_AFTER_ISSUE',
  ALREADY_EXPIRED: 'STAFF.QUALIFICATION_ALREADY_EXPIRED',
  REVERIFICATION_NOT_AHEAD: 'STAFF.REVERIFICATION_NOT_AHEAD',
  NOT_SUSPENDABLE: 'STAFF.QUALIFICATION_NOT_SUSPENDABLE',
  NOT_SUSPENDED: 'STAFF.QUALIFICATION_NOT_SUSPENDED',
  EXPIRED: 'STAFF.QUALIFICATION_EXPIRED',
  KIND_REJECTED: 'STAFF.QUALIFICATION_KIND_REJECTED',
  NUMBER_REJECTED: 'STAFF.QUALIFICATION_NUMBER_REJECTED',
  REASON_REJECTED: FreeTextErrorCode.REASON_REJECTED,
} as const;

export type QualificationErrorCode = (typeof QualificationErrorCode)[keyof typeof QualificationErrorCode];

export function qualificationError(
  code: QualificationErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
