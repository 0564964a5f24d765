import { RULES, streamId, type Decider, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { availabilityChanged, type StaffAvailabilityChanged } from './availability';

/** Leave requests of one person (one stream each), approved or rejected by a manager. */
export type LeaveCommand =
  | {
      type: 'RequestLeave';
      data: { leaveId: string; staffId: string; from: string; to: string; reason: string };
    }
  | { type: 'DecideLeave'; data: { leaveId: string; approved: boolean; reason: string; decidedBy: string } }
  /** Withdraw a request, or cancel an approved leave (its interval is given back to dispatch). */
  | { type: 'CancelLeave'; data: { leaveId: string; reason: string; cancelledBy: string } };

export type LeaveEvent =
  | Event<
      'LeaveRequested',
      { leaveId: string; staffId: string; from: string; to: string; reason: string; requestedAt: string }
    >
  | Event<
      'LeaveDecided',
      {
        leaveId: string;
        staffId: string;
        approved: boolean;
        reason: string;
        decidedBy: string;
        decidedAt: string;
      }
    >
  | Event<
      'LeaveCancelled',
      { leaveId: string; staffId: string; reason: string; cancelledBy: string; cancelledAt: string }
    >
  /** An approved leave as an interval off, or its cancellation, for dispatch (published with the decision). */
  | StaffAvailabilityChanged;

export interface LeaveEntry {
  readonly leaveId: string;
  readonly from: string;
  readonly to: string;
  readonly status: 'requested' | 'approved' | 'rejected' | 'cancelled';
}

export interface LeaveState {
  readonly staffId: string | null;
  readonly leaves: readonly LeaveEntry[];
}

export interface LeaveContext {
  readonly now: Date;
  readonly staffKnown?: boolean;
}

const text = (v: string, field: string): string => {
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

export const leaveDecider: Decider<LeaveCommand, LeaveEvent, LeaveState, LeaveContext> = {
  initialState: () => ({ staffId: null, leaves: [] }),
  decide: (command, state, { now, staffKnown }) => {
    if (command.type === 'RequestLeave') {
      const { data } = command;
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
    }
    const leave = state.leaves.find((l) => l.leaveId === command.data.leaveId);
    if (!leave || state.staffId === null) throw attendanceError(E.LEAVE_NOT_FOUND, 'no such leave request');
    const interval = { intervalId: leave.leaveId, staffId: state.staffId, from: leave.from, to: leave.to };
    if (command.type === 'CancelLeave') {
      if (leave.status === 'cancelled') return [];
      if (leave.status === 'rejected')
        throw attendanceError(E.LEAVE_DECIDED, 'the request was rejected: nothing to cancel');
      if (Date.parse(leave.to) <= now.getTime())
        throw attendanceError(E.LEAVE_OVER, 'the leave is over: it cannot be cancelled');
      const cancelled: LeaveEvent = {
        type: 'LeaveCancelled',
        data: {
          leaveId: leave.leaveId,
          staffId: state.staffId,
          reason: text(command.data.reason, 'reason'),
          cancelledBy: command.data.cancelledBy,
          cancelledAt: now.toISOString(),
        },
      };
      return leave.status === 'approved'
        ? [cancelled, availabilityChanged('leave', interval, false, now)]
        : [cancelled];
    }
    if (leave.status !== 'requested')
      throw attendanceError(E.LEAVE_DECIDED, `the request was ${leave.status} already`);
    const decided: LeaveEvent = {
      type: 'LeaveDecided',
      data: {
        leaveId: leave.leaveId,
        staffId: state.staffId,
        approved: command.data.approved,
        reason: text(command.data.reason, 'reason'),
        decidedBy: command.data.decidedBy,
        decidedAt: now.toISOString(),
      },
    };
    return command.data.approved ? [decided, availabilityChanged('leave', interval, true, now)] : [decided];
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'LeaveRequested':
        return {
          staffId: event.data.staffId,
          leaves: [
            ...state.leaves,
            { leaveId: event.data.leaveId, from: event.data.from, to: event.data.to, status: 'requested' },
          ],
        };
      case 'LeaveDecided':
      case 'LeaveCancelled': {
        const status =
          event.type === 'LeaveCancelled' ? 'cancelled' : event.data.approved ? 'approved' : 'rejected';
        const { leaveId } = event.data;
        return { ...state, leaves: state.leaves.map((l) => (l.leaveId === leaveId ? { ...l, status } : l)) };
      }
      case 'StaffAvailabilityChanged':
        return state;
    }
  },
};

export const leaveStreamId = (tenantId: string, staffId: string): string =>
  streamId('staff-leave', tenantId, staffId);
