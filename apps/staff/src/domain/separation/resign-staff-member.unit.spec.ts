import { RULES } from '@serviceops/kernel';
import { refusalOf } from '@serviceops/testing';
import { separationDecider } from './separation.decider';
import type { SeparationContext, SeparationState } from './separation.state';
import { resignStaffMember, type ResignStaffMember } from './resign-staff-member';
import { at, member, now, STAFF } from './separation.testing';

const ctx: SeparationContext = { now, timeZone: 'UTC', policy: { noticeDays: 7 }, member };
const mapping = resignStaffMember.handles?.command as (request: object) => ResignStaffMember;
const resign = (reason?: string): ResignStaffMember => ({
  type: 'ResignStaffMember',
  data: { staffId: STAFF, ...(reason === undefined ? {} : { reason }) },
});

function refusal(
  command: ResignStaffMember,
  state: SeparationState = separationDecider.initialState(),
  context = ctx,
) {
  return refusalOf(() => separationDecider.decide(command, state, context));
}

describe('ResignStaffMember: the request made the command', () => {
  it('serves staff.ResignStaffMember', () => {
    expect(resignStaffMember.handles?.rpc).toBe('staff.ResignStaffMember');
  });

  it('passes the staff member and the reason on', () => {
    expect(mapping({ id: STAFF, reason: 'moving away' })).toEqual(resign('moving away'));
  });

  it('gives no reason when none was sent (proto3 leaves an unset string off)', () => {
    expect(mapping({ id: STAFF })).toEqual(resign());
  });
});

describe('ResignStaffMember: what it records', () => {
  it('the trimmed reason, the notice and the last day', () => {
    expect(separationDecider.decide(resign('  moving away '), separationDecider.initialState(), ctx)).toEqual(
      [
        {
          type: 'ResignationSubmitted',
          data: {
            staffId: STAFF,
            reason: 'moving away',
            noticeDays: 7,
            lastDay: '2026-03-09',
            submittedAt: at,
          },
        },
      ],
    );
  });
});

describe('ResignStaffMember: what each refusal says', () => {
  it.each<[string, SeparationContext]>([
    ['unknown', { ...ctx, member: { status: 'absent' } }],
    ['not at hand', { now, timeZone: 'UTC', policy: { noticeDays: 7 } }],
  ])('a staff member %s', (_why, context) => {
    expect(refusal(resign(), undefined, context)).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: 'no such staff member',
      details: {},
    });
  });

  it('a separation on record already, naming its kind and last day', () => {
    const state = separationDecider
      .decide(resign(), separationDecider.initialState(), ctx)
      .reduce(separationDecider.evolve, separationDecider.initialState());
    expect(refusal(resign(), state)).toEqual({
      code: 'STAFF.SEPARATION_EXISTS',
      message: 'a resignation is on record already (last day 2026-03-09)',
      details: {},
    });
  });

  it.each(['', ' ', 'x'.repeat(501)])('a reason of %j, naming the field', (reason) => {
    expect(refusal(resign(reason))).toEqual({
      code: 'STAFF.REASON_REJECTED',
      message: `reason ${RULES.reason.message}`,
      details: { field: 'reason' },
    });
  });
});
