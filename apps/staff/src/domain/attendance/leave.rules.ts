import { RULES } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import type { LeaveEntry, LeaveState } from './leave.state';

// What the leave's use cases share: a reason's check, the request a command names, its interval.

export const text = (v: string, field: string): string => {
  if (!RULES.reason.accepts(v))
    throw attendanceError(E.TEXT_REFUSED, `${field} ${RULES.reason.message}`, { field });
  return v.trim();
};

/** Whether an approved leave covers the whole of [startsAt, endsAt). */
export function onApprovedLeave(state: LeaveState, startsAt: string, endsAt: string): boolean {
  const [s, e] = [Date.parse(startsAt), Date.parse(endsAt)];
  return state.leaves.some(
    (l) => l.status === 'approved' && Date.parse(l.from) <= s && Date.parse(l.to) >= e,
  );
}

/** The request a command names, with its person and its interval (as dispatch sees it); none: not found. */
export function requestedLeave(
  state: LeaveState,
  leaveId: string,
): {
  readonly leave: LeaveEntry;
  readonly staffId: string;
  readonly interval: { intervalId: string; staffId: string; from: string; to: string };
} {
  const leave = state.leaves.find((l) => l.leaveId === leaveId);
  if (!leave || state.staffId === null) throw attendanceError(E.LEAVE_NOT_FOUND, 'no such leave request');
  const { staffId } = state;
  return { leave, staffId, interval: { intervalId: leave.leaveId, staffId, from: leave.from, to: leave.to } };
}

/** A request's new status, as a decision or a cancellation records it. */
export function withStatus(state: LeaveState, leaveId: string, status: LeaveEntry['status']): LeaveState {
  return { ...state, leaves: state.leaves.map((l) => (l.leaveId === leaveId ? { ...l, status } : l)) };
}
