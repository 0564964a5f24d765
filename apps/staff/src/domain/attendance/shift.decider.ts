import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { cancelShift } from './cancel-shift';
import { clockIn } from './clock-in';
import { clockOut } from './clock-out';
import { closeShift } from './close-shift';
import { scheduleShift } from './schedule-shift';
import { initialShiftState, type ShiftContext, type ShiftState } from './shift.state';

export { ATTENDANCE_RULES } from './shift.rules';
export type { ShiftContext, ShiftState } from './shift.state';

/**
 * A shift and its clocking: the list of its use cases, a file each beside this one (command, decision, the events
 * it records and how they change the state). A new command is its file and its line here; the unions below, the
 * decider and the service's generic handler (application/attendance.handlers.ts) follow from the list.
 */
export const SHIFT_USE_CASES = [scheduleShift, clockIn, clockOut, cancelShift, closeShift] as const;

export type ShiftCommand = CommandOf<typeof SHIFT_USE_CASES>;
export type ShiftEvent = EventOf<typeof SHIFT_USE_CASES>;

export const shiftDecider = deciderOf<typeof SHIFT_USE_CASES, ShiftState, ShiftContext>(
  initialShiftState,
  SHIFT_USE_CASES,
);

export const shiftStreamId = (tenantId: string, shiftId: string): string =>
  streamId('staff-shift', tenantId, shiftId);
