import { RULES, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { text } from './leave.rules';
import type { LeaveContext, LeaveState } from './leave.state';

export type RequestLeave = Command<
  'RequestLeave',
  { leaveId: string; staffId: string; from: string; to: string; reason: string }
>;

export type LeaveRequested = Event<
  'LeaveRequested',
  { leaveId: string; staffId: string; from: string; to: string; reason: string; requestedAt: string }
>;

/**
 * A leave asked for, its id made for the call; `staffId` is the path's. The method reads the staff facts first
 * (application/attendance.handlers.ts).
 */
export const requestLeave = useCase<RequestLeave, LeaveRequested, LeaveState, LeaveContext>({
  command: 'RequestLeave',
  handles: {
    rpc: 'staff.RequestLeave',
    command: (
      request: { staffId: string; from?: string; to?: string; reason?: string },
      { newId }: Caller,
    ) => ({
      type: 'RequestLeave',
      data: {
        leaveId: newId,
        staffId: request.staffId,
        from: request.from ?? '',
        to: request.to ?? '',
        reason: request.reason ?? '',
      },
    }),
  },
  decide({ data }, state, { now, staffKnown }) {
    if (state.leaves.some((l) => l.leaveId === data.leaveId)) return [];
    if (staffKnown !== true)
      throw attendanceError(E.STAFF_NOT_FOUND, `no staff member ${data.staffId}`, { field: 'staffId' });
    for (const field of ['from', 'to'] as const)
      if (!RULES.instant.accepts(data[field]))
        throw attendanceError(E.TEXT_REFUSED, `${field} ${RULES.instant.message}`, { field });
    if (Date.parse(data.to) <= Date.parse(data.from))
      throw attendanceError(E.LEAVE_REVERSED, 'leave ends after it starts', { field: 'to' });
    return [
      {
        type: 'LeaveRequested',
        data: {
          leaveId: data.leaveId,
          staffId: data.staffId,
          from: new Date(data.from).toISOString(),
          to: new Date(data.to).toISOString(),
          reason: text(data.reason, 'reason'),
          requestedAt: now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    LeaveRequested: (state, event) => ({
      staffId: event.data.staffId,
      leaves: [
        ...state.leaves,
        { leaveId: event.data.leaveId, from: event.data.from, to: event.data.to, status: 'requested' },
      ],
    }),
  },
});
