import { useCase, type Command, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { checkClocker, minutesBetween, scheduledShift } from './shift.rules';
import type { ShiftContext, ShiftState } from './shift.state';

export type ClockOut = Command<'ClockOut', { shiftId: string }>;

export type ClockedOut = Event<
  'ClockedOut',
  { shiftId: string; staffId: string; at: string; leftEarly: boolean; minutesEarly: number }
>;

/** Off post: before the shift's end is leaving early. */
export const clockOut = useCase<ClockOut, ClockedOut, ShiftState, ShiftContext>({
  command: 'ClockOut',
  handles: {
    rpc: 'staff.ClockOut',
    command: (request: { id: string }) => ({ type: 'ClockOut', data: { shiftId: request.id } }),
  },
  decide(_command, state, context) {
    const { now } = context;
    const { shiftId, staffId, endsAt, status } = scheduledShift(state);
    checkClocker(context, staffId);
    if (status === 'cancelled') throw attendanceError(E.SHIFT_CANCELLED, 'the shift was cancelled');
    if (status === 'scheduled') throw attendanceError(E.NOT_IN, 'not clocked in');
    if (status !== 'in') throw attendanceError(E.ALREADY_OUT, 'clocked out already');
    const minutesEarly = Math.max(0, minutesBetween(now.getTime(), Date.parse(endsAt)));
    return [
      {
        type: 'ClockedOut',
        data: { shiftId, staffId, at: now.toISOString(), leftEarly: minutesEarly > 0, minutesEarly },
      },
    ];
  },
  evolve: {
    ClockedOut: (state) => ({ ...state, status: 'out' }),
  },
});
