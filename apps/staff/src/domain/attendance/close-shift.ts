import { useCase, type Command, type Event } from '@serviceops/kernel';
import { scheduledShift } from './shift.rules';
import type { ShiftContext, ShiftState } from './shift.state';

/** The shift's end (its durable timer): whoever never clocked in was absent, unless on approved leave. */
export type CloseShift = Command<'CloseShift', { shiftId: string }>;

export type ShiftClosed = Event<
  'ShiftClosed',
  {
    shiftId: string;
    staffId: string;
    closedAt: string;
    outcome: 'attended' | 'late' | 'absent' | 'on_leave';
  }
>;

/** Given by the shift's end timer, not over the API: no `handles`. */
export const closeShift = useCase<CloseShift, ShiftClosed, ShiftState, ShiftContext>({
  command: 'CloseShift',
  decide(_command, state, context) {
    const { shiftId, staffId, status, late } = scheduledShift(state);
    if (status === 'closed' || status === 'cancelled') return [];
    const outcome =
      status === 'scheduled' ? (context.onLeave ? 'on_leave' : 'absent') : late ? 'late' : 'attended';
    return [
      { type: 'ShiftClosed', data: { shiftId, staffId, closedAt: context.now.toISOString(), outcome } },
    ];
  },
  evolve: {
    ShiftClosed: (state) => ({ ...state, status: 'closed' }),
  },
});
