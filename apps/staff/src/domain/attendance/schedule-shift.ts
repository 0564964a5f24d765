import { RULES, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { availabilityChanged, availabilityLeftAside, type StaffAvailabilityChanged } from './availability';
import { ATTENDANCE_RULES, MINUTE } from './shift.rules';
import type { ShiftContext, ShiftState } from './shift.state';

export type ScheduleShift = Command<
  'ScheduleShift',
  { shiftId: string; staffId: string; startsAt: string; endsAt: string }
>;

export type ShiftScheduled = Event<
  'ShiftScheduled',
  { shiftId: string; staffId: string; startsAt: string; endsAt: string }
>;

/**
 * A shift for a staff member, published as a working slot for dispatch; its id made for the call. The method checks
 * the staff id (the body's) is a UUID, reads the staff facts and sets the timer at the shift's end
 * (application/attendance.handlers.ts).
 */
export const scheduleShift = useCase<
  ScheduleShift,
  ShiftScheduled | StaffAvailabilityChanged,
  ShiftState,
  ShiftContext
>({
  command: 'ScheduleShift',
  handles: {
    rpc: 'staff.ScheduleShift',
    command: (request: { staffId?: string; startsAt?: string; endsAt?: string }, { newId }: Caller) => ({
      type: 'ScheduleShift',
      data: {
        shiftId: newId,
        staffId: (request.staffId ?? '').toLowerCase(),
        startsAt: request.startsAt ?? '',
        endsAt: request.endsAt ?? '',
      },
    }),
  },
  decide({ data }, _state, context) {
    const { now } = context;
    if (context.staffKnown !== true)
      throw attendanceError(E.STAFF_NOT_FOUND, `no staff member ${data.staffId}`, { field: 'staffId' });
    for (const field of ['startsAt', 'endsAt'] as const)
      if (!RULES.instant.accepts(data[field]))
        throw attendanceError(E.TEXT_REFUSED, `${field} ${RULES.instant.message}`, { field });
    const [start, end] = [Date.parse(data.startsAt), Date.parse(data.endsAt)];
    if (end <= start)
      throw attendanceError(E.ENDS_BEFORE_START, 'a shift ends after it starts', { field: 'endsAt' });
    if (end - start > ATTENDANCE_RULES.maxShiftHours * 60 * MINUTE)
      throw attendanceError(E.TOO_LONG, `a shift is at most ${ATTENDANCE_RULES.maxShiftHours} hours`, {
        field: 'endsAt',
      });
    const [startsAt, endsAt] = [new Date(start).toISOString(), new Date(end).toISOString()];
    return [
      { type: 'ShiftScheduled', data: { shiftId: data.shiftId, staffId: data.staffId, startsAt, endsAt } },
      availabilityChanged(
        'working_slot',
        { intervalId: data.shiftId, staffId: data.staffId, from: startsAt, to: endsAt },
        true,
        now,
      ),
    ];
  },
  evolve: availabilityLeftAside({
    ShiftScheduled: (_state, event) => ({ status: 'scheduled', ...event.data }),
  }),
});
