import { useCase, type Command, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { ATTENDANCE_RULES, checkClocker, MINUTE, minutesBetween, scheduledShift } from './shift.rules';
import type { ShiftContext, ShiftState } from './shift.state';

export type ClockIn = Command<'ClockIn', { shiftId: string }>;

export type ClockedIn = Event<
  'ClockedIn',
  { shiftId: string; staffId: string; at: string; minutesLate: number; late: boolean; early: boolean }
>;

/** On post: late past the tenant's threshold, early at the seeds' norm. */
export const clockIn = useCase<ClockIn, ClockedIn, ShiftState, ShiftContext>({
  command: 'ClockIn',
  handles: {
    rpc: 'staff.ClockIn',
    command: (request: { id: string }) => ({ type: 'ClockIn', data: { shiftId: request.id } }),
  },
  decide(_command, state, context) {
    const { now } = context;
    const { shiftId, staffId, startsAt, status } = scheduledShift(state);
    const start = Date.parse(startsAt);
    checkClocker(context, staffId);
    if (status === 'cancelled') throw attendanceError(E.SHIFT_CANCELLED, 'the shift was cancelled');
    if (status === 'closed') throw attendanceError(E.CLOSED, 'the shift is over');
    if (status !== 'scheduled') throw attendanceError(E.ALREADY_IN, 'clocked in already');
    if (now.getTime() < start - ATTENDANCE_RULES.clockInWindowMinutes * MINUTE)
      throw attendanceError(E.TOO_EARLY, 'too early to clock in for this shift');
    const minutesLate = Math.max(0, minutesBetween(start, now.getTime()));
    return [
      {
        type: 'ClockedIn',
        data: {
          shiftId,
          staffId,
          at: now.toISOString(),
          minutesLate,
          late: minutesLate > (context.latenessThresholdMinutes ?? ATTENDANCE_RULES.latenessThresholdMinutes),
          early: now.getTime() <= start - ATTENDANCE_RULES.earlyArrivalMinutes * MINUTE,
        },
      },
    ];
  },
  evolve: {
    ClockedIn: (state, event) => ({ ...state, status: 'in', late: event.data.late }),
  },
});
