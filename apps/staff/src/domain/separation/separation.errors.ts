import { DomainError } from '@serviceops/kernel';
import { FreeTextErrorCode } from '../free-text.errors';
import { MemberErrorCode } from '../member/member.errors';

/** Stable codes of the separation's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const SeparationErrorCode = {
  STAFF_MEMBER_NOT_FOUND: MemberErrorCode.STAFF_MEMBER_NOT_FOUND,
  SEPARATION_EXISTS: 'STAFF.SEPARATION_EXISTS',
  NOT_SEPARATING: 'STAFF.NOT_SEPARATING',
  REASON_MISSING: 'STAFF.DISMISSAL_REASON_MISSING',
  REASON_REJECTED: FreeTextErrorCode.REASON_REJECTED,
  NOTE_REJECTED: 'STAFF.NOTE_REJECTED',
} as const;

export type SeparationErrorCode = (typeof SeparationErrorCode)[keyof typeof SeparationErrorCode];

export function separationError(
  code: SeparationErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
