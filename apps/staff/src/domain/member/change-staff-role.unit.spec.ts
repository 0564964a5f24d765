import type { Caller } from '@serviceops/kernel';
import { refusalOf } from '@serviceops/testing';
import { changeStaffRole, type ChangeStaffRole } from './change-staff-role';
import type { StaffMemberHired } from './hire-staff-member';
import { memberDecider, type MemberEvent } from './member.decider';
import type { MemberContext } from './member.state';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const caller: Caller = { actorId: '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b', newId: STAFF };
const ctx: MemberContext = { now, timeZone: 'UTC' };
const mapping = changeStaffRole.handles?.command as (request: object, caller: Caller) => ChangeStaffRole;
const hired: StaffMemberHired = {
  type: 'StaffMemberHired',
  data: {
    staffId: STAFF,
    candidateId: '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69',
    postingId: '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a',
    role: 'coach',
    branchId: '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b',
    businessLine: 'driving_practice',
    payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
    name: 'Zhang Wei',
    phone: '+86 139 1234 5678',
    hiredAt: at,
  },
};

/** The refusal `decide` throws on the state `given` makes, as a plain object (code, message, details). */
function refusal(
  data: Partial<ChangeStaffRole['data']>,
  given: readonly MemberEvent[] = [hired],
  context = ctx,
) {
  const state = given.reduce(memberDecider.evolve, memberDecider.initialState());
  return refusalOf(() =>
    memberDecider.decide(
      { type: 'ChangeStaffRole', data: { staffId: STAFF, role: 'technician', ...data } },
      state,
      context,
    ),
  );
}

describe('ChangeStaffRole: the request made the command', () => {
  it('serves staff.ChangeStaffRole', () => {
    expect(changeStaffRole.handles?.rpc).toBe('staff.ChangeStaffRole');
  });

  it('passes the staff member, the role and the assessed period on', () => {
    expect(mapping({ id: STAFF, role: 'technician', assessmentPeriod: '2026-02' }, caller)).toEqual({
      type: 'ChangeStaffRole',
      data: { staffId: STAFF, role: 'technician', assessmentPeriod: '2026-02' },
    });
  });

  it('cites no assessment when none was sent (proto3 leaves unset strings off)', () => {
    expect(mapping({ id: STAFF, role: 'technician' }, caller)).toEqual({
      type: 'ChangeStaffRole',
      data: { staffId: STAFF, role: 'technician' },
    });
  });
});

describe('ChangeStaffRole: what each refusal says', () => {
  it('no such staff member', () => {
    expect(refusal({}, [])).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: 'no such staff member',
      details: {},
    });
  });

  it('a leaver, naming when they left', () => {
    const left: MemberEvent = {
      type: 'StaffMemberLeft',
      data: { staffId: STAFF, kind: 'resignation', lastDay: '2026-03-01', leftAt: at },
    };
    expect(refusal({}, [hired, left])).toEqual({
      code: 'STAFF.STAFF_MEMBER_LEFT',
      message: 'the staff member has left',
      details: { leftAt: at },
    });
  });

  it.each<[string, MemberContext]>([
    ['the period was not assessed for them', ctx],
    [
      'its latest result decided other outcomes',
      { ...ctx, assessed: { period: '2026-02', resultVersion: 3, outcomes: ['warning'] } },
    ],
    [
      'another period’s result decided it',
      { ...ctx, assessed: { period: '2026-01', resultVersion: 3, outcomes: ['role_change'] } },
    ],
  ])('citing an assessment when %s, naming the period and the field', (_why, context) => {
    expect(refusal({ assessmentPeriod: '2026-02' }, [hired], context)).toEqual({
      code: 'STAFF.ROLE_CHANGE_NOT_DECIDED',
      message: 'the latest assessment of 2026-02 decided no role change for this staff member',
      details: { field: 'assessmentPeriod' },
    });
  });

  it('leaves out the assessment when none is cited, even one that decided a role change', () => {
    const context: MemberContext = {
      ...ctx,
      assessed: { period: '2026-02', resultVersion: 3, outcomes: ['role_change'] },
    };
    const [event] = memberDecider.decide(
      { type: 'ChangeStaffRole', data: { staffId: STAFF, role: 'technician' } },
      memberDecider.evolve(memberDecider.initialState(), hired),
      context,
    );
    expect(event?.data).not.toHaveProperty('assessment');
  });
});
