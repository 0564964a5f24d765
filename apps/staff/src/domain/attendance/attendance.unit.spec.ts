import { deciderSpec } from '@serviceops/testing';
import { attendancePolicyDecider } from './attendance-policy.decider';
import { validateAttendancePolicy } from './attendance.policy';
import { leaveDecider, onApprovedLeave, type LeaveEvent } from './leave.decider';
import { ATTENDANCE_RULES, shiftDecider, type ShiftEvent } from './shift.decider';

const SHIFT = '5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const ANNA = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const START = '2026-03-10T01:00:00.000Z';
const END = '2026-03-10T09:00:00.000Z';
const at = (minutesFromStart: number) => new Date(Date.parse(START) + minutesFromStart * 60_000);
const scheduled: ShiftEvent = {
  type: 'ShiftScheduled',
  data: { shiftId: SHIFT, staffId: ANNA, startsAt: START, endsAt: END },
};
const clockedIn = (minutes: number): ShiftEvent[] =>
  shiftDecider.decide(
    { type: 'ClockIn', data: { shiftId: SHIFT } },
    shiftDecider.evolve(shiftDecider.initialState(), scheduled),
    {
      now: at(minutes),
    },
  ) as ShiftEvent[];
const fold = (events: readonly ShiftEvent[]) =>
  events.reduce(shiftDecider.evolve, shiftDecider.initialState());

describe('shifts: late / early / absent against the shift', () => {
  it('states the seeds’ norm and the default lateness threshold', () => {
    expect(ATTENDANCE_RULES).toEqual({
      latenessThresholdMinutes: 5,
      earlyArrivalMinutes: 10,
      clockInWindowMinutes: 120,
      maxShiftHours: 16,
    });
  });

  it.each<[string, number, { minutesLate: number; late: boolean; early: boolean }]>([
    ['10 minutes early: the norm', -10, { minutesLate: 0, late: false, early: true }],
    ['9 minutes early: on time, not early', -9, { minutesLate: 0, late: false, early: false }],
    ['on the minute', 0, { minutesLate: 0, late: false, early: false }],
    ['5 minutes late: within the threshold', 5, { minutesLate: 5, late: false, early: false }],
    ['6 minutes late: late', 6, { minutesLate: 6, late: true, early: false }],
  ])('clocks in %s', (_why, minutes, expected) => {
    expect(clockedIn(minutes)[0]?.data).toMatchObject(expected);
  });

  it.each<[string, number, boolean, number]>([
    ['at the end', 480, false, 0],
    ['after the end', 490, false, 0],
    ['a minute before the end: early', 479, true, 1],
  ])('clocks out %s', (_why, minutes, leftEarly, minutesEarly) => {
    const events = shiftDecider.decide(
      { type: 'ClockOut', data: { shiftId: SHIFT } },
      fold([scheduled, ...clockedIn(0)]),
      {
        now: at(minutes),
      },
    );
    expect(events[0]?.data).toMatchObject({ leftEarly, minutesEarly });
  });

  it.each<[string, ShiftEvent[], boolean, string]>([
    ['never clocked in: absent', [scheduled], false, 'absent'],
    ['never clocked in, on approved leave', [scheduled], true, 'on_leave'],
    ['clocked in on time', [scheduled, ...clockedIn(0)], false, 'attended'],
    ['clocked in late', [scheduled, ...clockedIn(30)], false, 'late'],
  ])('closes a shift %s', (_why, given, onLeave, outcome) => {
    const events = shiftDecider.decide({ type: 'CloseShift', data: { shiftId: SHIFT } }, fold(given), {
      now: at(480),
      onLeave,
    });
    expect(events[0]?.data).toMatchObject({ outcome });
    expect(
      shiftDecider.decide({ type: 'CloseShift', data: { shiftId: SHIFT } }, fold([...given, ...events]), {
        now: at(481),
      }),
    ).toEqual([]);
  });

  const spec = (given: ShiftEvent[], minutes = 0, staffKnown = true) =>
    deciderSpec(shiftDecider, { now: at(minutes), staffKnown }).given(given);
  const schedule = (over: Partial<{ startsAt: string; endsAt: string }> = {}) =>
    ({
      type: 'ScheduleShift',
      data: { shiftId: SHIFT, staffId: ANNA, startsAt: START, endsAt: END, ...over },
    }) as const;

  it('schedules a shift, published as a working slot for dispatch', () => {
    spec([])
      .when(schedule({ startsAt: '2026-03-10T09:00:00+08:00' }))
      .then([
        scheduled,
        {
          type: 'StaffAvailabilityChanged',
          data: {
            staffId: ANNA,
            kind: 'working_slot',
            intervalId: SHIFT,
            from: START,
            to: END,
            active: true,
            changedAt: at(0).toISOString(),
          },
        },
      ]);
  });

  it.each<[string, ReturnType<typeof schedule>, boolean, string]>([
    ['for someone not on the staff', schedule(), false, 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    ['ending at its start', schedule({ endsAt: START }), true, 'STAFF.SHIFT_ENDS_BEFORE_START'],
    [
      'of 16 hours and a minute',
      schedule({ endsAt: '2026-03-10T17:01:00.000Z' }),
      true,
      'STAFF.SHIFT_TOO_LONG',
    ],
    ['starting at no instant', schedule({ startsAt: 'today' }), true, 'STAFF.INVALID_TEXT'],
  ])('refuses a shift %s', (_why, command, known, code) => {
    spec([], 0, known).when(command).thenThrows(code);
  });

  it('takes a shift of exactly 16 hours', () => {
    expect(
      shiftDecider.decide(schedule({ endsAt: '2026-03-10T17:00:00.000Z' }), shiftDecider.initialState(), {
        now: at(0),
        staffKnown: true,
      }),
    ).toHaveLength(2);
  });

  it.each<[string, ShiftEvent[], 'ClockIn' | 'ClockOut', number, string]>([
    ['clocking in to no shift', [], 'ClockIn', 0, 'STAFF.SHIFT_NOT_FOUND'],
    ['clocking in twice', [scheduled, ...clockedIn(0)], 'ClockIn', 1, 'STAFF.ALREADY_CLOCKED_IN'],
    ['clocking in more than two hours early', [scheduled], 'ClockIn', -121, 'STAFF.CLOCK_IN_TOO_EARLY'],
    ['clocking out before clocking in', [scheduled], 'ClockOut', 10, 'STAFF.NOT_CLOCKED_IN'],
  ])('refuses %s', (_why, given, type, minutes, code) => {
    spec(given, minutes)
      .when({ type, data: { shiftId: SHIFT } })
      .thenThrows(code);
  });

  it('takes a clock-in exactly two hours early', () => {
    expect(clockedIn(-120)).toHaveLength(1);
  });
});

describe('the attendance policy', () => {
  it.each([
    [0, 1, true],
    [15, 15, false],
    [15, 16, true],
  ])('with a threshold of %d minutes, %d minutes late is late: %p', (threshold, minutes, late) => {
    const events = shiftDecider.decide({ type: 'ClockIn', data: { shiftId: SHIFT } }, fold([scheduled]), {
      now: at(minutes),
      latenessThresholdMinutes: threshold,
    });
    expect(events[0]?.data).toMatchObject({ late });
  });

  it('starts at 5 minutes, and numbers each change', () => {
    expect(attendancePolicyDecider.initialState()).toEqual({
      version: 0,
      policy: { latenessThresholdMinutes: 5 },
    });
    const now = new Date('2026-03-01T00:00:00.000Z');
    const changed = attendancePolicyDecider.decide(
      { type: 'ChangeAttendancePolicy', data: { policy: { latenessThresholdMinutes: 10 } } },
      attendancePolicyDecider.initialState(),
      { now },
    );
    expect(changed).toEqual([
      {
        type: 'AttendancePolicyChanged',
        data: { version: 1, policy: { latenessThresholdMinutes: 10 }, changedAt: now.toISOString() },
      },
    ]);
    const state = changed.reduce(attendancePolicyDecider.evolve, attendancePolicyDecider.initialState());
    expect(
      attendancePolicyDecider.decide(
        { type: 'ChangeAttendancePolicy', data: { policy: { latenessThresholdMinutes: 10 } } },
        state,
        { now },
      ),
    ).toEqual([]);
  });

  it.each([-1, 121, 2.5, '5', undefined])('refuses a threshold of %p', (minutes) => {
    expect(() => validateAttendancePolicy({ latenessThresholdMinutes: minutes })).toThrow(
      expect.objectContaining({ code: 'STAFF.ATTENDANCE_POLICY_REFUSED' }) as Error,
    );
  });

  it.each([0, 120])('takes a threshold of %d', (minutes) => {
    expect(validateAttendancePolicy({ latenessThresholdMinutes: minutes })).toEqual({
      latenessThresholdMinutes: minutes,
    });
  });
});

describe('leave requests with approval', () => {
  const LEAVE = 'a1b2c3d4-0000-4000-8000-000000000001';
  const now = new Date('2026-03-01T00:00:00.000Z');
  const request = {
    type: 'RequestLeave',
    data: {
      leaveId: LEAVE,
      staffId: ANNA,
      from: '2026-03-10T00:00:00Z',
      to: '2026-03-11T00:00:00Z',
      reason: 'family',
    },
  } as const;
  const requested: LeaveEvent = {
    type: 'LeaveRequested',
    data: {
      leaveId: LEAVE,
      staffId: ANNA,
      from: '2026-03-10T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
      reason: 'family',
      requestedAt: now.toISOString(),
    },
  };
  const decide = (approved: boolean) =>
    ({ type: 'DecideLeave', data: { leaveId: LEAVE, approved, reason: 'ok', decidedBy: 'm' } }) as const;
  const spec = (given: LeaveEvent[], staffKnown = true) =>
    deciderSpec(leaveDecider, { now, staffKnown }).given(given);

  it('records a request once', () => {
    spec([]).when(request).then([requested]);
    spec([requested]).when(request).then([]);
  });

  it.each<[string, LeaveEvent[], Parameters<typeof leaveDecider.decide>[0], boolean, string]>([
    ['a request for a stranger', [], request, false, 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    [
      'a request ending at its start',
      [],
      { ...request, data: { ...request.data, to: request.data.from } },
      true,
      'STAFF.LEAVE_ENDS_BEFORE_START',
    ],
    ['a decision on no request', [], decide(true), true, 'STAFF.LEAVE_REQUEST_NOT_FOUND'],
  ])('refuses %s', (_why, given, command, known, code) => {
    spec(given, known).when(command).thenThrows(code);
  });

  it.each([
    [true, true],
    [false, false],
  ])('approved %s: covers the shift %s', (approved, covers) => {
    const decided = leaveDecider.decide(
      decide(approved),
      leaveDecider.evolve(leaveDecider.initialState(), requested),
      { now },
    );
    const state = [requested, ...decided].reduce(leaveDecider.evolve, leaveDecider.initialState());
    expect(onApprovedLeave(state, START, END)).toBe(covers);
    expect(() => leaveDecider.decide(decide(true), state, { now })).toThrow(
      expect.objectContaining({ code: 'STAFF.LEAVE_ALREADY_DECIDED' }) as Error,
    );
  });

  it('does not count a leave that covers only part of the shift', () => {
    const state = [requested].reduce(leaveDecider.evolve, leaveDecider.initialState());
    const approved = leaveDecider.decide(decide(true), state, { now }).reduce(leaveDecider.evolve, state);
    expect(onApprovedLeave(approved, '2026-03-10T20:00:00.000Z', '2026-03-11T04:00:00.000Z')).toBe(false);
  });
});

describe('leave as availability for dispatch (issue 13 item 7)', () => {
  const LEAVE = 'a1b2c3d4-0000-4000-8000-000000000002';
  const now = new Date('2026-03-01T00:00:00.000Z');
  const requested: LeaveEvent = {
    type: 'LeaveRequested',
    data: {
      leaveId: LEAVE,
      staffId: ANNA,
      from: '2026-03-10T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
      reason: 'family',
      requestedAt: now.toISOString(),
    },
  };
  const interval = {
    staffId: ANNA,
    kind: 'leave',
    intervalId: LEAVE,
    from: '2026-03-10T00:00:00.000Z',
    to: '2026-03-11T00:00:00.000Z',
  } as const;
  const decide = (approved: boolean) =>
    ({ type: 'DecideLeave', data: { leaveId: LEAVE, approved, reason: 'ok', decidedBy: 'm' } }) as const;
  const cancel = {
    type: 'CancelLeave',
    data: { leaveId: LEAVE, reason: 'back early', cancelledBy: 'm' },
  } as const;
  const fold = (events: readonly LeaveEvent[]) =>
    events.reduce(leaveDecider.evolve, leaveDecider.initialState());
  const approved = leaveDecider.decide(decide(true), fold([requested]), { now });
  const cancelled = (when: Date): LeaveEvent => ({
    type: 'LeaveCancelled',
    data: {
      leaveId: LEAVE,
      staffId: ANNA,
      reason: 'back early',
      cancelledBy: 'm',
      cancelledAt: when.toISOString(),
    },
  });

  it.each<[string, boolean, number]>([
    ['an approved leave is published as an interval off', true, 2],
    ['a rejected one is not', false, 1],
  ])('%s', (_why, yes, count) => {
    const events = leaveDecider.decide(decide(yes), fold([requested]), { now });
    expect(events).toHaveLength(count);
    if (yes)
      expect(events[1]).toEqual({
        type: 'StaffAvailabilityChanged',
        data: { ...interval, active: true, changedAt: now.toISOString() },
      });
  });

  it('cancelling an approved leave withdraws its interval, once', () => {
    const later = new Date('2026-03-10T12:00:00.000Z');
    const events = leaveDecider.decide(cancel, fold([requested, ...approved]), { now: later });
    expect(events).toEqual([
      cancelled(later),
      {
        type: 'StaffAvailabilityChanged',
        data: { ...interval, active: false, changedAt: later.toISOString() },
      },
    ]);
    const state = fold([requested, ...approved, ...events]);
    expect(onApprovedLeave(state, '2026-03-10T01:00:00.000Z', '2026-03-10T02:00:00.000Z')).toBe(false);
    expect(leaveDecider.decide(cancel, state, { now: later })).toEqual([]);
  });

  it('withdrawing a request not yet decided publishes no interval', () => {
    expect(leaveDecider.decide(cancel, fold([requested]), { now })).toEqual([cancelled(now)]);
  });

  it.each<[string, LeaveEvent[], Date, string]>([
    [
      'a rejected request',
      [requested, ...leaveDecider.decide(decide(false), fold([requested]), { now })],
      now,
      'STAFF.LEAVE_ALREADY_DECIDED',
    ],
    [
      'a leave that ended (at its end)',
      [requested, ...approved],
      new Date('2026-03-11T00:00:00.000Z'),
      'STAFF.LEAVE_OVER',
    ],
    ['no such request', [], now, 'STAFF.LEAVE_REQUEST_NOT_FOUND'],
  ])('refuses to cancel %s', (_why, given, when, code) => {
    expect(() => leaveDecider.decide(cancel, fold(given), { now: when })).toThrow(
      expect.objectContaining({ code }) as Error,
    );
  });

  it('cancels a leave a millisecond before its end', () => {
    expect(
      leaveDecider.decide(cancel, fold([requested, ...approved]), {
        now: new Date('2026-03-10T23:59:59.999Z'),
      }),
    ).toHaveLength(2);
  });
});

describe('cancelling a shift (its working slot withdrawn from dispatch)', () => {
  const cancel = {
    type: 'CancelShift',
    data: { shiftId: SHIFT, reason: 'branch closed', cancelledBy: 'manager' },
  } as const;
  it('a minute before its start: cancelled, and the working slot published inactive, once', () => {
    const now = at(-1);
    const events = shiftDecider.decide(cancel, fold([scheduled]), { now });
    expect(events).toEqual([
      {
        type: 'ShiftCancelled',
        data: {
          shiftId: SHIFT,
          staffId: ANNA,
          reason: 'branch closed',
          cancelledBy: 'manager',
          cancelledAt: now.toISOString(),
        },
      },
      {
        type: 'StaffAvailabilityChanged',
        data: {
          staffId: ANNA,
          kind: 'working_slot',
          intervalId: SHIFT,
          from: START,
          to: END,
          active: false,
          changedAt: now.toISOString(),
        },
      },
    ]);
    const state = fold([scheduled, ...events]);
    expect(shiftDecider.decide(cancel, state, { now })).toEqual([]);
    // Its end timer closes nothing.
    expect(
      shiftDecider.decide({ type: 'CloseShift', data: { shiftId: SHIFT } }, state, { now: at(480) }),
    ).toEqual([]);
  });
  it.each<[string, ShiftEvent[], number, string]>([
    ['at its start', [scheduled], 0, 'STAFF.SHIFT_STARTED'],
    ['after its start', [scheduled], 30, 'STAFF.SHIFT_STARTED'],
    ['clocked in (early, before the start)', [scheduled, ...clockedIn(-10)], -5, 'STAFF.ALREADY_CLOCKED_IN'],
    ['clocked in and out', [scheduled, ...clockedIn(-10)], -5, 'STAFF.ALREADY_CLOCKED_IN'],
    ['no such shift (another tenant’s)', [], -60, 'STAFF.SHIFT_NOT_FOUND'],
  ])('refuses to cancel a shift %s', (_why, given, minutes, code) => {
    expect(() => shiftDecider.decide(cancel, fold(given), { now: at(minutes) })).toThrow(
      expect.objectContaining({ code }) as Error,
    );
  });
  it('refuses to cancel a closed shift', () => {
    const closed = shiftDecider.decide({ type: 'CloseShift', data: { shiftId: SHIFT } }, fold([scheduled]), {
      now: at(480),
    });
    expect(() => shiftDecider.decide(cancel, fold([scheduled, ...closed]), { now: at(-1) })).toThrow(
      expect.objectContaining({ code: 'STAFF.SHIFT_CLOSED' }) as Error,
    );
  });
  it.each(['', ' ', 'x'.repeat(501)])('refuses a reason of %p', (reason) => {
    expect(() =>
      shiftDecider.decide({ ...cancel, data: { ...cancel.data, reason } }, fold([scheduled]), {
        now: at(-1),
      }),
    ).toThrow(expect.objectContaining({ code: 'STAFF.INVALID_TEXT' }) as Error);
  });
  it.each<['ClockIn' | 'ClockOut']>([['ClockIn'], ['ClockOut']])(
    'refuses %s on a cancelled shift',
    (type) => {
      const state = fold([scheduled, ...shiftDecider.decide(cancel, fold([scheduled]), { now: at(-1) })]);
      expect(() => shiftDecider.decide({ type, data: { shiftId: SHIFT } }, state, { now: at(0) })).toThrow(
        expect.objectContaining({ code: 'STAFF.SHIFT_CANCELLED' }) as Error,
      );
    },
  );
});

describe('clocking by the right person', () => {
  const OTHER = '9f1e2d3c-4b5a-4968-8776-655443322110';
  const clockIn = { type: 'ClockIn', data: { shiftId: SHIFT } } as const;
  const clockOut = { type: 'ClockOut', data: { shiftId: SHIFT } } as const;
  it.each<[string, { staffId: string | null; supervises: boolean }, boolean]>([
    ['the staff member on the shift', { staffId: ANNA, supervises: false }, true],
    ['a supervisor, for them', { staffId: null, supervises: true }, true],
    ['a supervisor who is another staff member', { staffId: OTHER, supervises: true }, true],
    ['another staff member', { staffId: OTHER, supervises: false }, false],
    ['a user linked to no staff member', { staffId: null, supervises: false }, false],
  ])('%s: may clock in and out %p', (_why, clocker, allowed) => {
    const inState = fold([scheduled, ...clockedIn(0)]);
    for (const [command, state] of [
      [clockIn, fold([scheduled])],
      [clockOut, inState],
    ] as const) {
      const decide = () => shiftDecider.decide(command, state, { now: at(1), clocker });
      if (allowed) expect(decide()).toHaveLength(1);
      else expect(decide).toThrow(expect.objectContaining({ code: 'STAFF.CLOCKING_FORBIDDEN' }) as Error);
    }
  });
});
