import { RULES, streamId, type Decider, type Event } from '@serviceops/kernel';
import { AttendanceErrorCode as E, attendanceError } from './attendance.errors';
import { availabilityChanged, type StaffAvailabilityChanged } from './availability';

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

const MINUTE = 60_000;

export type ShiftCommand =
  | {
      type: 'ScheduleShift';
      data: { shiftId: string; staffId: string; startsAt: string; endsAt: string };
    }
  | { type: 'ClockIn'; data: { shiftId: string } }
  | { type: 'ClockOut'; data: { shiftId: string } }
  /** Before its start and before any clock-in: the working slot is withdrawn from dispatch. */
  | { type: 'CancelShift'; data: { shiftId: string; reason: string; cancelledBy: string } }
  /** The shift's end (its durable timer): whoever never clocked in was absent, unless on approved leave. */
  | { type: 'CloseShift'; data: { shiftId: string } };

export type ShiftEvent =
  | Event<'ShiftScheduled', { shiftId: string; staffId: string; startsAt: string; endsAt: string }>
  | Event<
      'ClockedIn',
      { shiftId: string; staffId: string; at: string; minutesLate: number; late: boolean; early: boolean }
    >
  | Event<
      'ClockedOut',
      { shiftId: string; staffId: string; at: string; leftEarly: boolean; minutesEarly: number }
    >
  | Event<
      'ShiftClosed',
      {
        shiftId: string;
        staffId: string;
        closedAt: string;
        outcome: 'attended' | 'late' | 'absent' | 'on_leave';
      }
    >
  | Event<
      'ShiftCancelled',
      { shiftId: string; staffId: string; reason: string; cancelledBy: string; cancelledAt: string }
    >
  /** The shift as a working slot, for dispatch (published with ShiftScheduled, withdrawn with ShiftCancelled). */
  | StaffAvailabilityChanged;

export interface ShiftState {
  readonly status: 'absent' | 'scheduled' | 'in' | 'out' | 'closed' | 'cancelled';
  readonly shiftId?: string;
  readonly staffId?: string;
  readonly startsAt?: string;
  readonly endsAt?: string;
  readonly late?: boolean;
}

export interface ShiftContext {
  readonly now: Date;
  /** Scheduling: whether the person is a staff member of the tenant. */
  readonly staffKnown?: boolean;
  /** Closing: whether an approved leave covers the shift. */
  readonly onLeave?: boolean;
  /** Clocking in: the tenant's lateness threshold (default ATTENDANCE_RULES'). */
  readonly latenessThresholdMinutes?: number;
  /**
   * Clocking in or out: who records it. The staff member themselves (the login tenancy linked to them) or a
   * supervisor; anyone else is refused. Absent: the platform itself (no caller to check).
   */
  readonly clocker?: { readonly staffId: string | null; readonly supervises: boolean };
}

/** Only the person on the shift, or a supervisor, records their clock-in or -out. */
function checkClocker(context: ShiftContext, staffId: string): void {
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

const minutesBetween = (from: number, to: number): number => Math.floor((to - from) / MINUTE);

function decide(command: ShiftCommand, state: ShiftState, context: ShiftContext): ShiftEvent[] {
  const { now } = context;
  if (command.type === 'ScheduleShift') {
    const { data } = command;
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
  }
  if (state.status === 'absent' || !state.shiftId || !state.staffId || !state.startsAt || !state.endsAt)
    throw attendanceError(E.SHIFT_NOT_FOUND, 'no such shift');
  const { shiftId, staffId } = state;
  const start = Date.parse(state.startsAt);
  const end = Date.parse(state.endsAt);
  switch (command.type) {
    case 'ClockIn': {
      checkClocker(context, staffId);
      if (state.status === 'cancelled') throw attendanceError(E.SHIFT_CANCELLED, 'the shift was cancelled');
      if (state.status === 'closed') throw attendanceError(E.CLOSED, 'the shift is over');
      if (state.status !== 'scheduled') throw attendanceError(E.ALREADY_IN, 'clocked in already');
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
            late:
              minutesLate > (context.latenessThresholdMinutes ?? ATTENDANCE_RULES.latenessThresholdMinutes),
            early: now.getTime() <= start - ATTENDANCE_RULES.earlyArrivalMinutes * MINUTE,
          },
        },
      ];
    }
    case 'ClockOut': {
      checkClocker(context, staffId);
      if (state.status === 'cancelled') throw attendanceError(E.SHIFT_CANCELLED, 'the shift was cancelled');
      if (state.status === 'scheduled') throw attendanceError(E.NOT_IN, 'not clocked in');
      if (state.status !== 'in') throw attendanceError(E.ALREADY_OUT, 'clocked out already');
      const minutesEarly = Math.max(0, minutesBetween(now.getTime(), end));
      return [
        {
          type: 'ClockedOut',
          data: { shiftId, staffId, at: now.toISOString(), leftEarly: minutesEarly > 0, minutesEarly },
        },
      ];
    }
    case 'CancelShift': {
      if (state.status === 'cancelled') return [];
      if (state.status === 'closed') throw attendanceError(E.CLOSED, 'the shift is over');
      if (state.status !== 'scheduled')
        throw attendanceError(E.ALREADY_IN, 'clocked in already: the shift cannot be cancelled');
      if (now.getTime() >= start)
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
          { intervalId: shiftId, staffId, from: state.startsAt, to: state.endsAt },
          false,
          now,
        ),
      ];
    }
    case 'CloseShift': {
      if (state.status === 'closed' || state.status === 'cancelled') return [];
      const outcome =
        state.status === 'scheduled'
          ? context.onLeave
            ? 'on_leave'
            : 'absent'
          : state.late
            ? 'late'
            : 'attended';
      return [{ type: 'ShiftClosed', data: { shiftId, staffId, closedAt: now.toISOString(), outcome } }];
    }
  }
}

function evolve(state: ShiftState, event: ShiftEvent): ShiftState {
  switch (event.type) {
    case 'ShiftScheduled':
      return { status: 'scheduled', ...event.data };
    case 'ClockedIn':
      return { ...state, status: 'in', late: event.data.late };
    case 'ClockedOut':
      return { ...state, status: 'out' };
    case 'ShiftClosed':
      return { ...state, status: 'closed' };
    case 'ShiftCancelled':
      return { ...state, status: 'cancelled' };
    case 'StaffAvailabilityChanged':
      return state;
  }
}

export const shiftDecider: Decider<ShiftCommand, ShiftEvent, ShiftState, ShiftContext> = {
  initialState: () => ({ status: 'absent' }),
  decide,
  evolve,
};

export const shiftStreamId = (tenantId: string, shiftId: string): string =>
  streamId('staff-shift', tenantId, shiftId);
