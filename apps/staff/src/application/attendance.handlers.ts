import { Injectable } from '@nestjs/common';
import { PERSONAL_TEXT, sealedPathsOf, STAFF_ATTENDANCE_SUPERVISORS } from '@serviceops/contracts';
import type { RecordedEvent } from '@serviceops/kernel';
import {
  DurableTimers,
  EventSourcingRuntime,
  execute,
  Handles,
  HandlesUseCase,
  handlesUseCases,
  isSealed,
  ProblemError,
  type CallContext,
  type DueTimer,
  uuidField,
} from '@serviceops/platform';
import { requestLeave, type RequestLeave } from '../domain/attendance/request-leave';
import { scheduleShift, type ScheduleShift } from '../domain/attendance/schedule-shift';
import { AttendanceErrorCode } from '../domain/attendance/attendance.errors';
import {
  ATTENDANCE_POLICY_USE_CASES,
  attendancePolicyDecider,
  attendancePolicyStreamId,
  type AttendancePolicyChanged,
  type AttendancePolicyCommand,
} from '../domain/attendance/attendance-policy.decider';
import {
  LEAVE_USE_CASES,
  leaveDecider,
  leaveStreamId,
  onApprovedLeave,
  type LeaveCommand,
  type LeaveContext,
  type LeaveEvent,
} from '../domain/attendance/leave.decider';
import {
  SHIFT_USE_CASES,
  shiftDecider,
  shiftStreamId,
  type ShiftCommand,
  type ShiftContext,
  type ShiftEvent,
} from '../domain/attendance/shift.decider';
import { staffFactsOf } from '../infrastructure/conduct-staff-facts.repository';
import { staffOfUser } from '../infrastructure/staff-logins.repository';
import { People } from './people';

export const SHIFT_END_TIMER = 'staff-shift-end';
const endTimerId = (shiftId: string): string => `${SHIFT_END_TIMER}:${shiftId}`;

/** Where personal free text sits (PERSONAL_TEXT in libs/contracts): sealed with the staff member's own key. */
export const SHIFT_SEALED_PATHS = sealedPathsOf(
  ['ShiftScheduled', 'ClockedIn', 'ClockedOut', 'ShiftClosed', 'ShiftCancelled', 'StaffAvailabilityChanged'],
  PERSONAL_TEXT.staffShift,
);
export const LEAVE_SEALED_PATHS = sealedPathsOf(
  ['LeaveRequested', 'LeaveDecided', 'LeaveCancelled', 'StaffAvailabilityChanged'],
  PERSONAL_TEXT.staffLeave,
);
/** A value left sealed (the person's key is gone: erased) is not shown: an empty text. */
const opened = (value: string): string => (isSealed(value) ? '' : value);

/** A shift folded from its events, as the proto's Shift says it. */
export function shiftViewOf(events: readonly RecordedEvent[]) {
  let view: Record<string, unknown> | undefined;
  for (const recorded of events) {
    const e = recorded as unknown as ShiftEvent;
    switch (e.type) {
      case 'ShiftScheduled': {
        const { shiftId, ...rest } = e.data;
        view = { id: shiftId, status: 'scheduled', ...rest };
        break;
      }
      case 'ClockedIn':
        Object.assign(view ?? {}, {
          status: 'in',
          clockedInAt: e.data.at,
          minutesLate: e.data.minutesLate,
          late: e.data.late,
          early: e.data.early,
        });
        break;
      case 'ClockedOut':
        Object.assign(view ?? {}, {
          status: 'out',
          clockedOutAt: e.data.at,
          leftEarly: e.data.leftEarly,
          minutesEarly: e.data.minutesEarly,
        });
        break;
      case 'ShiftClosed':
        Object.assign(view ?? {}, { status: 'closed', outcome: e.data.outcome });
        break;
      case 'ShiftCancelled':
        Object.assign(view ?? {}, {
          status: 'cancelled',
          cancellation: opened(e.data.reason),
          cancelledBy: e.data.cancelledBy,
          cancelledAt: e.data.cancelledAt,
        });
        break;
      case 'StaffAvailabilityChanged':
        break;
    }
  }
  if (!view) throw new ProblemError(AttendanceErrorCode.SHIFT_NOT_FOUND, 'no such shift');
  return { ...view, version: events.at(-1)?.streamVersion ?? 0 } as Record<string, unknown> & {
    version: number;
  };
}

/** A shift as its commands answer it. */
export type ShiftView = ReturnType<typeof shiftViewOf>;

/** A person's leave requests, as the proto's LeaveRecord says them. */
export function leaveRecordOf(staffId: string, events: readonly RecordedEvent[]) {
  if (events.length === 0)
    throw new ProblemError(AttendanceErrorCode.LEAVE_NOT_FOUND, 'no leave requests for this staff member');
  const requests = new Map<string, Record<string, unknown>>();
  for (const recorded of events) {
    const e = recorded as unknown as LeaveEvent;
    if (e.type === 'LeaveRequested') {
      const { staffId: _, ...rest } = e.data;
      requests.set(rest.leaveId, { ...rest, reason: opened(rest.reason), status: 'requested' });
    } else if (e.type === 'LeaveCancelled') {
      const r = requests.get(e.data.leaveId);
      if (r)
        Object.assign(r, {
          status: 'cancelled',
          cancellation: opened(e.data.reason),
          cancelledBy: e.data.cancelledBy,
          cancelledAt: e.data.cancelledAt,
        });
    } else if (e.type === 'LeaveDecided') {
      const r = requests.get(e.data.leaveId);
      if (r)
        Object.assign(r, {
          status: e.data.approved ? 'approved' : 'rejected',
          decision: opened(e.data.reason),
          decidedBy: e.data.decidedBy,
          decidedAt: e.data.decidedAt,
        });
    }
  }
  return { staffId, version: events.at(-1)?.streamVersion ?? 0, requests: [...requests.values()] };
}

/** A person's leave requests as their commands answer them. */
export type LeaveRecord = ReturnType<typeof leaveRecordOf>;

/**
 * Attendance: shifts with clock-in / clock-out (late and early against the shift), a durable timer at each
 * shift's end that marks it absent (or on leave), and leave requests with approval. A use case that is the whole
 * of its declared method (`handles`, in its file under domain/attendance/: clocking in and out, cancelling a
 * shift, deciding and cancelling a leave, changing the policy) is served by `actOnShift`, `leave` or
 * `actOnPolicy`, bound at the end of this file; the methods here are those that do more (the staff facts read
 * first, a timer set).
 */
@Injectable()
export class AttendanceHandlers {
  constructor(
    private readonly runtime: EventSourcingRuntime,
    private readonly timers: DurableTimers,
    private readonly people: People,
  ) {}

  @HandlesUseCase(scheduleShift)
  async scheduleShift(command: ScheduleShift, _request: object, call: CallContext) {
    const { shiftId, staffId } = command.data;
    uuidField(staffId, 'staffId');
    const { known } = await staffFactsOf(this.runtime.store, call.tenantId, staffId);
    await this.shift(call, shiftId, command, { staffKnown: known }, true);
    return this.getShift({ id: shiftId }, call);
  }

  async policy(tenantId: string) {
    const { state } = await this.runtime.store.aggregate(
      attendancePolicyStreamId(tenantId),
      (s, e) => attendancePolicyDecider.evolve(s, e as unknown as AttendancePolicyChanged),
      attendancePolicyDecider.initialState,
    );
    return state;
  }

  @Handles('staff.GetAttendancePolicy')
  async getPolicy(_request: object, call: CallContext) {
    const { version, policy } = await this.policy(call.tenantId);
    return { version, ...policy };
  }

  /** A change of how the tenant counts lateness: the next version; answers the policy now in force. */
  async actOnPolicy(call: CallContext, command: AttendancePolicyCommand, expectedVersion?: number) {
    await this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        attendancePolicyDecider,
        attendancePolicyStreamId(call.tenantId),
        command,
        { now: new Date() },
        call,
        expectedVersion !== undefined ? { expectedVersion } : {},
      ),
    );
    return this.getPolicy({}, call);
  }

  /**
   * A command on a scheduled shift (clock in or out, cancel): decided with the tenant's attendance policy in force
   * (its version recorded) and the clocker, as every such decision takes them; answers the shift as it now is.
   */
  async actOnShift(call: CallContext, command: ShiftCommand, expectedVersion?: number) {
    const { shiftId } = command.data;
    const [{ version, policy }, clocker] = await Promise.all([
      this.policy(call.tenantId),
      this.clocker(call),
    ]);
    await this.shift(
      call,
      shiftId,
      command,
      { latenessThresholdMinutes: policy.latenessThresholdMinutes, clocker },
      false,
      expectedVersion,
      version,
    );
    return this.getShift({ id: shiftId }, call);
  }

  /** Who clocks: the staff member the caller's login is linked to, and whether the caller supervises. */
  private async clocker(call: CallContext) {
    return {
      staffId: await staffOfUser(this.runtime.store.pool, call.tenantId, call.actorId),
      supervises: STAFF_ATTENDANCE_SUPERVISORS.some((role) => call.roles.includes(role)),
    };
  }

  @Handles('staff.GetShift')
  async getShift(request: { id: string }, call: CallContext) {
    const { events } = await this.runtime.store.readStream(shiftStreamId(call.tenantId, request.id));
    const staffId = (events[0]?.data as { staffId?: unknown } | undefined)?.staffId;
    if (typeof staffId !== 'string') return shiftViewOf(events);
    const codec = await this.people.forRead<ShiftEvent>(staffId, SHIFT_SEALED_PATHS);
    return shiftViewOf(events.map((e) => ({ ...e, data: codec.decode(e).data })));
  }

  /** The shift's end: absent unless clocked in, or on approved leave; once, however often the timer runs. */
  async shiftEnded(timer: DueTimer): Promise<void> {
    const shiftId = timer.payload['shiftId'];
    const staffId = timer.payload['staffId'];
    if (typeof shiftId !== 'string' || typeof staffId !== 'string')
      throw new Error(`timer ${timer.id} names no shift`);
    const call = {
      tenantId: timer.tenantId,
      actorId: 'system:attendance',
      roles: [],
      correlationId: timer.id,
    };
    const { state: leave } = await this.runtime.store.aggregate(
      leaveStreamId(timer.tenantId, staffId),
      (s, e) => leaveDecider.evolve(s, e as unknown as LeaveEvent),
      leaveDecider.initialState,
    );
    const { events } = await this.runtime.store.readStream(shiftStreamId(timer.tenantId, shiftId));
    const shift = shiftViewOf(events);
    await this.shift(
      call,
      shiftId,
      { type: 'CloseShift', data: { shiftId } },
      { onLeave: onApprovedLeave(leave, String(shift['startsAt']), String(shift['endsAt'])) },
    );
  }

  @HandlesUseCase(requestLeave)
  async requestLeave(command: RequestLeave, _request: object, call: CallContext) {
    const { staffId } = command.data;
    const { known } = await staffFactsOf(this.runtime.store, call.tenantId, staffId);
    return this.leave(call, staffId, command, { staffKnown: known });
  }

  @Handles('staff.GetLeaveRecord')
  async getLeave(request: { staffId: string }, call: CallContext) {
    const { events, decoded } = await this.people.read<LeaveEvent>(
      leaveStreamId(call.tenantId, request.staffId),
      request.staffId,
      LEAVE_SEALED_PATHS,
    );
    return leaveRecordOf(
      request.staffId,
      events.map((e, i) => ({ ...e, data: decoded[i]?.data ?? e.data })),
    );
  }

  /** One command on a person's leave requests; answers them as they now are. */
  async leave(
    call: CallContext,
    staffId: string,
    command: LeaveCommand,
    context: Omit<LeaveContext, 'now'> = {},
    expectedVersion?: number,
  ) {
    // Reasons are sealed with the person's own key (made on first use).
    const codec = await this.people.forWrite<LeaveEvent>(staffId, LEAVE_SEALED_PATHS);
    await this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        leaveDecider,
        leaveStreamId(call.tenantId, staffId),
        command,
        { now: new Date(), ...context },
        call,
        { codec, ...(expectedVersion !== undefined ? { expectedVersion } : {}) },
      ),
    );
    return this.getLeave({ staffId }, call);
  }

  private async shift(
    call: CallContext,
    shiftId: string,
    command: ShiftCommand,
    context: Omit<ShiftContext, 'now'> = {},
    newStream = false,
    expectedVersion?: number,
    policyVersion?: number,
  ) {
    // A cancellation's reason is sealed with the staff member's own key; the other events carry no free text.
    const codec = command.type === 'CancelShift' ? await this.shiftCodec(call.tenantId, shiftId) : undefined;
    return this.runtime.timed(command.type, () =>
      execute(
        this.runtime.store,
        shiftDecider,
        shiftStreamId(call.tenantId, shiftId),
        command,
        { now: new Date(), ...context },
        call,
        {
          ...(codec ? { codec } : {}),
          ...(newStream ? { newStream } : {}),
          ...(expectedVersion !== undefined ? { expectedVersion } : {}),
          ...(policyVersion !== undefined ? { policyVersion } : {}),
          ...(command.type === 'ScheduleShift'
            ? {
                inline: (tx) =>
                  this.timers.schedule(tx, {
                    id: endTimerId(shiftId),
                    tenantId: call.tenantId,
                    kind: SHIFT_END_TIMER,
                    dueAt: new Date(command.data.endsAt),
                    payload: { shiftId, staffId: command.data.staffId },
                  }),
              }
            : {}),
        },
      ),
    );
  }

  /** The codec of a shift's person (no shift: none, and the decider answers it is not found). */
  private async shiftCodec(tenantId: string, shiftId: string) {
    const { events } = await this.runtime.store.readStream(shiftStreamId(tenantId, shiftId));
    const staffId = (events[0]?.data as { staffId?: unknown } | undefined)?.staffId;
    return typeof staffId === 'string'
      ? this.people.forWrite<ShiftEvent>(staffId, SHIFT_SEALED_PATHS)
      : undefined;
  }
}

// Every use case with `handles`: request → command → the shift's, the person's leave or the policy's stream.
handlesUseCases(AttendanceHandlers, SHIFT_USE_CASES, function (command, request, call) {
  return this.actOnShift(call, command as ShiftCommand, request.expectedVersion);
});
handlesUseCases(AttendanceHandlers, LEAVE_USE_CASES, function (command, request, call) {
  // A leave request names no person: its stream is the person's of the route (`/staff-leave/{staffId}/…`).
  const { staffId } = request as { readonly staffId: string };
  return this.leave(call, staffId, command as LeaveCommand, {}, request.expectedVersion);
});
handlesUseCases(AttendanceHandlers, ATTENDANCE_POLICY_USE_CASES, function (command, request, call) {
  return this.actOnPolicy(call, command as AttendancePolicyCommand, request.expectedVersion);
});
