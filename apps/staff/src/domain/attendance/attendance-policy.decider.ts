import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { initialAttendancePolicyState, type AttendancePolicyState } from './attendance.policy';
import { changeAttendancePolicy } from './change-attendance-policy';

export type { AttendancePolicyChanged, ChangeAttendancePolicy } from './change-attendance-policy';

/**
 * How the tenant counts lateness, versioned (one stream per tenant; version 0 the default). Its use cases, a file
 * each beside this one; the unions and the decider follow from the list.
 */
export const ATTENDANCE_POLICY_USE_CASES = [changeAttendancePolicy] as const;

export type AttendancePolicyCommand = CommandOf<typeof ATTENDANCE_POLICY_USE_CASES>;
export type AttendancePolicyEvent = EventOf<typeof ATTENDANCE_POLICY_USE_CASES>;

export const attendancePolicyDecider = deciderOf<
  typeof ATTENDANCE_POLICY_USE_CASES,
  AttendancePolicyState,
  { readonly now: Date }
>(initialAttendancePolicyState, ATTENDANCE_POLICY_USE_CASES);

export const attendancePolicyStreamId = (tenantId: string): string =>
  streamId('attendance-policy', tenantId, tenantId);
