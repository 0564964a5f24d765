import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { availabilityChanged, availabilityLeftAside, type StaffAvailabilityChanged } from './availability';
import { requestedLeave, text, withStatus } from './leave.rules';
import type { LeaveContext, LeaveState } from './leave.state';

/** Withdraw a request, or cancel an approved leave (its interval is given back to dispatch). */
export type CancelLeave = Command<'CancelLeave', { leaveId: string; reason: string; cancelledBy: string }>;

export type LeaveCancelled = Event<
  'LeaveCancelled',
  { leaveId: string; staffId: string; reason: string; cancelledBy: string; cancelledAt: string }
>;

export const cancelLeave = useCase<
  CancelLeave,
  LeaveCancelled | StaffAvailabilityChanged,
  LeaveState,
  LeaveContext
>({
  command: 'CancelLeave',
  handles: {
    rpc: 'staff.CancelLeave',
    command: (request: { leaveId: string; reason?: string }, { actorId }: Caller) => ({
      type: 'CancelLeave',
      data: { leaveId: request.leaveId, reason: request.reason ?? '', cancelledBy: actorId },
    }),
  },
  decide({ data }, state, { now }) {
    const { leave, staffId, interval } = requestedLeave(state, data.leaveId);
    if (leave.status === 'cancelled') return [];
    if (leave.status === 'rejected')
      throw attendanceError(E.LEAVE_DECIDED, 'the request was rejected: nothing to cancel');
    if (Date.parse(leave.to) <= now.getTime())
      throw attendanceError(E.LEAVE_OVER, 'the leave is over: it cannot be cancelled');
    const cancelled: LeaveCancelled = {
      type: 'LeaveCancelled',
      data: {
        leaveId: leave.leaveId,
        staffId,
        reason: text(data.reason, 'reason'),
        cancelledBy: data.cancelledBy,
        cancelledAt: now.toISOString(),
      },
    };
    return leave.status === 'approved'
      ? [cancelled, availabilityChanged('leave', interval, false, now)]
      : [cancelled];
  },
  evolve: availabilityLeftAside({
    LeaveCancelled: (state, event) => withStatus(state, event.data.leaveId, 'cancelled'),
  }),
});
