import { RULES, type Caller } from '@serviceops/kernel';
import { refusalOf } from '@serviceops/testing';
import { leaveDecider } from './leave.decider';
import type { LeaveContext, LeaveState } from './leave.state';
import { requestLeave, type RequestLeave } from './request-leave';

const now = new Date('2026-03-10T08:00:00.000Z');
const LEAVE = '5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f';
const STAFF = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const caller: Caller = { actorId: STAFF, newId: LEAVE };
const ctx: LeaveContext = { now, staffKnown: true };
const mapping = requestLeave.handles?.command as (request: object, caller: Caller) => RequestLeave;
const command = (data: Partial<RequestLeave['data']> = {}): RequestLeave => ({
  type: 'RequestLeave',
  data: {
    leaveId: LEAVE,
    staffId: STAFF,
    from: '2026-03-12T00:00:00Z',
    to: '2026-03-13T00:00:00Z',
    reason: 'family',
    ...data,
  },
});

function refusal(data: Partial<RequestLeave['data']>, context = ctx) {
  return refusalOf(() => leaveDecider.decide(command(data), leaveDecider.initialState(), context));
}

describe('RequestLeave: the request made the command', () => {
  it('serves staff.RequestLeave', () => {
    expect(requestLeave.handles?.rpc).toBe('staff.RequestLeave');
  });

  it('names the leave by the id made for the call and passes every field on', () => {
    const request = {
      staffId: STAFF,
      from: '2026-03-12T00:00:00Z',
      to: '2026-03-13T00:00:00Z',
      reason: 'family',
    };
    expect(mapping(request, caller)).toEqual(command());
  });

  it('makes what was not sent empty (proto3 leaves unset strings off)', () => {
    expect(mapping({ staffId: STAFF }, caller)).toEqual(command({ from: '', to: '', reason: '' }));
  });
});

describe('RequestLeave: what it records', () => {
  it('the interval in UTC and the trimmed reason; the same leave id again adds nothing', () => {
    const events = leaveDecider.decide(
      command({ from: '2026-03-12T08:00:00+08:00', reason: ' family ' }),
      leaveDecider.initialState(),
      ctx,
    );
    expect(events).toEqual([
      {
        type: 'LeaveRequested',
        data: {
          leaveId: LEAVE,
          staffId: STAFF,
          from: '2026-03-12T00:00:00.000Z',
          to: '2026-03-13T00:00:00.000Z',
          reason: 'family',
          requestedAt: now.toISOString(),
        },
      },
    ]);
    const state: LeaveState = events.reduce(leaveDecider.evolve, leaveDecider.initialState());
    expect(leaveDecider.decide(command(), state, ctx)).toEqual([]);
  });
});

describe('RequestLeave: what each refusal says', () => {
  it.each<[string, LeaveContext]>([
    ['not a staff member', { now, staffKnown: false }],
    ['not known to be one', { now }],
  ])('someone %s, naming them and the field', (_why, context) => {
    expect(refusal({}, context)).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: `no staff member ${STAFF}`,
      details: { field: 'staffId' },
    });
  });

  it.each(['from', 'to'] as const)('a %s that is no instant, naming the field', (field) => {
    expect(refusal({ [field]: 'tomorrow' })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `${field} ${RULES.instant.message}`,
      details: { field },
    });
  });

  it('a leave ending when it starts', () => {
    expect(refusal({ to: '2026-03-12T00:00:00Z' })).toEqual({
      code: 'STAFF.LEAVE_ENDS_BEFORE_START',
      message: 'leave ends after it starts',
      details: { field: 'to' },
    });
  });

  it('a blank reason, naming the field', () => {
    expect(refusal({ reason: ' ' })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `reason ${RULES.reason.message}`,
      details: { field: 'reason' },
    });
  });
});
