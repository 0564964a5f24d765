import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import type { ShiftContext, ShiftState } from './shift.state';

// What the shift's use cases share: the rules' figures, the shift as scheduled, who may clock it.

/**
 * Shifts and clocking (issue 13 item 6): late / early / absent against the shift. Arriving 10 minutes early is the
 * seeds' norm (seeds/001 三、1, line 29); lateness counts past the tenant's threshold (default below).
 */
export const ATTENDANCE_RULES = {
  /** Minutes after the start a clock-in is still on time (the default of the tenant's attendance policy). */
  latenessThresholdMinutes: 5,
  /** The seeds' norm: on post 10 minutes before the start (recorded as `early`). */
  earlyArrivalMinutes: 10,
  /** A clock-in more than this before the start is refused (a mistaken shift). */
  clockInWindowMinutes: 120,
  /** The longest shift. */
  maxShiftHours: 16,
} as const;

export const MINUTE = 60_000;

export const minutesBetween = (from: number, to: number): number => Math.floor((to - from) / MINUTE);

/** A shift that was scheduled, whatever became of it since. */
export interface ScheduledShift extends ShiftState {
  readonly shiftId: string;
  readonly staffId: string;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** The shift the command acts on; none scheduled: not found. */
export function scheduledShift(state: ShiftState): ScheduledShift {
  if (state.status === 'absent' || !state.shiftId || !state.staffId || !state.startsAt || !state.endsAt)
    throw attendanceError(E.SHIFT_NOT_FOUND, 'no such shift');
  return state as ScheduledShift;
}

/** Only the person on the shift, or a supervisor, records their clock-in or -out. */
export function checkClocker(context: ShiftContext, staffId: string): void {
  const { clocker } = context;
  if (!clocker || clocker.supervises || clocker.staffId === staffId) return;
  throw attendanceError(
    E.CLOCKING_FORBIDDEN,
    'only the staff member on the shift or a supervisor clocks it',
    {
      staffId,
    },
  );
}
