import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { availabilityChanged, availabilityLeftAside, type StaffAvailabilityChanged } from './availability';
import { requestedLeave, text, withStatus } from './leave.rules';
import type { LeaveContext, LeaveState } from './leave.state';

export type DecideLeave = Command<
  'DecideLeave',
  { leaveId: string; approved: boolean; reason: string; decidedBy: string }
>;

export type LeaveDecided = Event<
  'LeaveDecided',
  {
    leaveId: string;
    staffId: string;
    approved: boolean;
    reason: string;
    decidedBy: string;
    decidedAt: string;
  }
>;

/** A request approved (its interval off for dispatch, published) or rejected, with a reason. */
export const decideLeave = useCase<
  DecideLeave,
  LeaveDecided | StaffAvailabilityChanged,
  LeaveState,
  LeaveContext
>({
  command: 'DecideLeave',
  handles: {
    rpc: 'staff.DecideLeave',
    command: (request: { leaveId: string; approved?: boolean; reason?: string }, { actorId }: Caller) => ({
      type: 'DecideLeave',
      data: {
        leaveId: request.leaveId,
        approved: request.approved ?? false,
        reason: request.reason ?? '',
        decidedBy: actorId,
      },
    }),
  },
  decide({ data }, state, { now }) {
    const { leave, staffId, interval } = requestedLeave(state, data.leaveId);
    if (leave.status !== 'requested')
      throw attendanceError(E.LEAVE_DECIDED, `the request was ${leave.status} already`);
    const decided: LeaveDecided = {
      type: 'LeaveDecided',
      data: {
        leaveId: leave.leaveId,
        staffId,
        approved: data.approved,
        reason: text(data.reason, 'reason'),
        decidedBy: data.decidedBy,
        decidedAt: now.toISOString(),
      },
    };
    return data.approved ? [decided, availabilityChanged('leave', interval, true, now)] : [decided];
  },
  evolve: availabilityLeftAside({
    LeaveDecided: (state, event) =>
      withStatus(state, event.data.leaveId, event.data.approved ? 'approved' : 'rejected'),
  }),
});
