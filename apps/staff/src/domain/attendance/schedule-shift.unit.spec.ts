import { RULES, type Caller } from '@serviceops/kernel';
import { refusalOf } from '@serviceops/testing';
import { scheduleShift, type ScheduleShift } from './schedule-shift';
import { shiftDecider } from './shift.decider';
import { ATTENDANCE_RULES } from './shift.rules';
import type { ShiftContext } from './shift.state';

const now = new Date('2026-03-10T08:00:00.000Z');
const SHIFT = '5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const STAFF = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const caller: Caller = { actorId: '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b', newId: SHIFT };
const ctx: ShiftContext = { now, staffKnown: true };
const mapping = scheduleShift.handles?.command as (request: object, caller: Caller) => ScheduleShift;
const command = (data: Partial<ScheduleShift['data']> = {}): ScheduleShift => ({
  type: 'ScheduleShift',
  data: {
    shiftId: SHIFT,
    staffId: STAFF,
    startsAt: '2026-03-11T01:00:00Z',
    endsAt: '2026-03-11T09:00:00Z',
    ...data,
  },
});

function refusal(data: Partial<ScheduleShift['data']>, context = ctx) {
  return refusalOf(() => shiftDecider.decide(command(data), shiftDecider.initialState(), context));
}

describe('ScheduleShift: the request made the command', () => {
  it('serves staff.ScheduleShift', () => {
    expect(scheduleShift.handles?.rpc).toBe('staff.ScheduleShift');
  });

  it('names the shift by the id made for the call, lower-cases the staff id and passes the times on', () => {
    const request = {
      staffId: STAFF.toUpperCase(),
      startsAt: '2026-03-11T01:00:00Z',
      endsAt: '2026-03-11T09:00:00Z',
    };
    expect(mapping(request, caller)).toEqual(command());
  });

  it('makes what was not sent empty (proto3 leaves unset strings off)', () => {
    expect(mapping({}, caller)).toEqual({
      type: 'ScheduleShift',
      data: { shiftId: SHIFT, staffId: '', startsAt: '', endsAt: '' },
    });
  });
});

describe('ScheduleShift: what it records', () => {
  it('the shift in UTC, and a working slot for dispatch', () => {
    expect(
      shiftDecider.decide(
        command({ startsAt: '2026-03-11T09:00:00+08:00' }),
        shiftDecider.initialState(),
        ctx,
      ),
    ).toEqual([
      {
        type: 'ShiftScheduled',
        data: {
          shiftId: SHIFT,
          staffId: STAFF,
          startsAt: '2026-03-11T01:00:00.000Z',
          endsAt: '2026-03-11T09:00:00.000Z',
        },
      },
      {
        type: 'StaffAvailabilityChanged',
        data: {
          intervalId: SHIFT,
          staffId: STAFF,
          from: '2026-03-11T01:00:00.000Z',
          to: '2026-03-11T09:00:00.000Z',
          kind: 'working_slot',
          active: true,
          changedAt: now.toISOString(),
        },
      },
    ]);
  });

  it(`takes a shift of exactly ${ATTENDANCE_RULES.maxShiftHours} hours`, () => {
    const endsAt = new Date(Date.parse('2026-03-11T01:00:00Z') + ATTENDANCE_RULES.maxShiftHours * 3_600_000);
    expect(() => refusal({ endsAt: endsAt.toISOString() })).toThrow('not refused');
  });
});

describe('ScheduleShift: what each refusal says', () => {
  it.each<[string, ShiftContext]>([
    ['not a staff member', { now, staffKnown: false }],
    ['not known to be one', { now }],
  ])('someone %s, naming them and the field', (_why, context) => {
    expect(refusal({}, context)).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: `no staff member ${STAFF}`,
      details: { field: 'staffId' },
    });
  });

  it.each(['startsAt', 'endsAt'] as const)('a %s that is no instant, naming the field', (field) => {
    expect(refusal({ [field]: '' })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `${field} ${RULES.instant.message}`,
      details: { field },
    });
  });

  it('a shift ending when it starts', () => {
    expect(refusal({ endsAt: '2026-03-11T01:00:00Z' })).toEqual({
      code: 'STAFF.SHIFT_ENDS_BEFORE_START',
      message: 'a shift ends after it starts',
      details: { field: 'endsAt' },
    });
  });

  it('a shift a millisecond too long', () => {
    const endsAt = new Date(
      Date.parse('2026-03-11T01:00:00Z') + ATTENDANCE_RULES.maxShiftHours * 3_600_000 + 1,
    );
    expect(refusal({ endsAt: endsAt.toISOString() })).toEqual({
      code: 'STAFF.SHIFT_TOO_LONG',
      message: `a shift is at most ${ATTENDANCE_RULES.maxShiftHours} hours`,
      details: { field: 'endsAt' },
    });
  });
});
