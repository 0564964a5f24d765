import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { cancelLeave } from './cancel-leave';
import { decideLeave } from './decide-leave';
import { initialLeaveState, type LeaveContext, type LeaveState } from './leave.state';
import { requestLeave } from './request-leave';

export { onApprovedLeave } from './leave.rules';
export type { LeaveContext, LeaveEntry, LeaveState } from './leave.state';

/**
 * A person's leave requests (one stream each): the list of its use cases, a file each beside this one (command,
 * decision, the events it records and how they change the state). A new command is its file and its line here;
 * the unions below, the decider and the service's generic handler (application/attendance.handlers.ts) follow.
 */
export const LEAVE_USE_CASES = [requestLeave, decideLeave, cancelLeave] as const;

export type LeaveCommand = CommandOf<typeof LEAVE_USE_CASES>;
export type LeaveEvent = EventOf<typeof LEAVE_USE_CASES>;

export const leaveDecider = deciderOf<typeof LEAVE_USE_CASES, LeaveState, LeaveContext>(
  initialLeaveState,
  LEAVE_USE_CASES,
);

export const leaveStreamId = (tenantId: string, staffId: string): string =>
  streamId('staff-leave', tenantId, staffId);
