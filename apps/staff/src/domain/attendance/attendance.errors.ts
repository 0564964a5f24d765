import { DomainError } from '@serviceops/kernel';
import { FreeTextErrorCode } from '../free-text.errors';
import { MemberErrorCode } from '../member/member.errors';

export const AttendanceErrorCode = {
  SHIFT_NOT_FOUND: 'STAFF.SHIFT_NOT_FOUND',
  LEAVE_NOT_FOUND: 'STAFF.LEAVE_REQUEST_NOT_FOUND',
  STAFF_NOT_FOUND: MemberErrorCode.STAFF_MEMBER_NOT_FOUND,
  TEXT_REFUSED: FreeTextErrorCode.INVALID_TEXT,
  ENDS_BEFORE_START: 'STAFF.SHIFT_ENDS_BEFORE_START',
  TOO_LONG: 'STAFF.SHIFT_TOO_LONG',
  CLOSED: 'STAFF.SHIFT_CLOSED',
  ALREADY_IN: 'STAFF.ALREADY_CLOCKED_IN',
  NOT_IN: 'STAFF.NOT_CLOCKED_IN',
  ALREADY_OUT: 'STAFF.ALREADY_CLOCKED_OUT',
  TOO_EARLY: 'STAFF.CLOCK_IN_TOO_EARLY',
  LEAVE_REVERSED: 'STAFF.LEAVE_ENDS_BEFORE_START',
  LEAVE_DECIDED: 'STAFF.LEAVE_ALREADY_DECIDED',
  LEAVE_OVER: 'STAFF.LEAVE_OVER',
  /** A shift is cancelled only before its start and before anyone clocked in. */
  SHIFT_STARTED: 'STAFF.SHIFT_STARTED',
  SHIFT_CANCELLED: 'STAFF.SHIFT_CANCELLED',
  /** Clocking in or out for someone else without a supervisor's role (403). */
  CLOCKING_FORBIDDEN: 'STAFF.CLOCKING_FORBIDDEN',
  /** A lateness threshold outside 0–STAFF_LIMITS.latenessThresholdMinutes. */
  POLICY_REFUSED: 'STAFF.ATTENDANCE_POLICY_REFUSED',
} as const;

export type AttendanceErrorCode = (typeof AttendanceErrorCode)[keyof typeof AttendanceErrorCode];

export function attendanceError(
  code: AttendanceErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
