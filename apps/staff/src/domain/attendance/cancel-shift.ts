import { RULES, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { availabilityChanged, availabilityLeftAside, type StaffAvailabilityChanged } from './availability';
import { scheduledShift } from './shift.rules';
import type { ShiftContext, ShiftState } from './shift.state';

/** Before its start and before any clock-in: the working slot is withdrawn from dispatch. */
export type CancelShift = Command<'CancelShift', { shiftId: string; reason: string; cancelledBy: string }>;

export type ShiftCancelled = Event<
  'ShiftCancelled',
  { shiftId: string; staffId: string; reason: string; cancelledBy: string; cancelledAt: string }
>;

export const cancelShift = useCase<
  CancelShift,
  ShiftCancelled | StaffAvailabilityChanged,
  ShiftState,
  ShiftContext
>({
  command: 'CancelShift',
  handles: {
    rpc: 'staff.CancelShift',
    command: (request: { id: string; reason?: string }, { actorId }: Caller) => ({
      type: 'CancelShift',
      data: { shiftId: request.id, reason: request.reason ?? '', cancelledBy: actorId },
    }),
  },
  decide(command, state, { now }) {
    const { shiftId, staffId, startsAt, endsAt, status } = scheduledShift(state);
    if (status === 'cancelled') return [];
    if (status === 'closed') throw attendanceError(E.CLOSED, 'the shift is over');
    if (status !== 'scheduled')
      throw attendanceError(E.ALREADY_IN, 'clocked in already: the shift cannot be cancelled');
    if (now.getTime() >= Date.parse(startsAt))
      throw attendanceError(E.SHIFT_STARTED, 'the shift has started: it cannot be cancelled');
    const { reason, cancelledBy } = command.data;
    if (!RULES.reason.accepts(reason))
      throw attendanceError(E.TEXT_REFUSED, `reason ${RULES.reason.message}`, { field: 'reason' });
    return [
      {
        type: 'ShiftCancelled',
        data: { shiftId, staffId, reason, cancelledBy, cancelledAt: now.toISOString() },
      },
      availabilityChanged(
        'working_slot',
        { intervalId: shiftId, staffId, from: startsAt, to: endsAt },
        false,
        now,
      ),
    ];
  },
  evolve: availabilityLeftAside({
    ShiftCancelled: (state) => ({ ...state, status: 'cancelled' }),
  }),
});
