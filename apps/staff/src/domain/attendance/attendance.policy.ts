import { STAFF_LIMITS } from '@serviceops/contracts';
import { DomainError } from '@serviceops/kernel';
import { AttendanceErrorCode } from './attendance.errors';
import { ATTENDANCE_RULES } from './shift.rules';

/** How a tenant counts lateness: data, versioned (version 0: the default). */
export interface AttendancePolicy {
  /** Minutes after a shift's start a clock-in is still on time: a whole number 0–120. */
  readonly latenessThresholdMinutes: number;
}

export const DEFAULT_ATTENDANCE_POLICY: AttendancePolicy = Object.freeze({
  latenessThresholdMinutes: ATTENDANCE_RULES.latenessThresholdMinutes,
});
export const MAX_LATENESS_THRESHOLD_MINUTES = STAFF_LIMITS.latenessThresholdMinutes;

export function validateAttendancePolicy(value: unknown): AttendancePolicy {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const minutes = v['latenessThresholdMinutes'];
  if (
    typeof minutes !== 'number' ||
    !Number.isInteger(minutes) ||
    minutes < 0 ||
    minutes > MAX_LATENESS_THRESHOLD_MINUTES
  )
    throw new DomainError(
      AttendanceErrorCode.POLICY_REFUSED,
      `latenessThresholdMinutes: a whole number 0–${MAX_LATENESS_THRESHOLD_MINUTES}`,
      { field: 'latenessThresholdMinutes' },
    );
  return { latenessThresholdMinutes: minutes };
}

export interface AttendancePolicyState {
  readonly version: number;
  readonly policy: AttendancePolicy;
}

export const initialAttendancePolicyState = (): AttendancePolicyState => ({
  version: 0,
  policy: DEFAULT_ATTENDANCE_POLICY,
});
