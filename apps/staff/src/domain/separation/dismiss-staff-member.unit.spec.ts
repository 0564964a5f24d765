import { RULES } from '@serviceops/kernel';
import { refusalOf } from '@serviceops/testing';
import { dismissStaffMember, type DismissStaffMember } from './dismiss-staff-member';
import { separationDecider } from './separation.decider';
import type { SeparationContext, SeparationState } from './separation.state';
import { at, member, now, STAFF } from './separation.testing';

const ctx: SeparationContext = { now, timeZone: 'UTC', policy: { noticeDays: 7 }, member };
const mapping = dismissStaffMember.handles?.command as (request: object) => DismissStaffMember;
const dismiss = (reason: string): DismissStaffMember => ({
  type: 'DismissStaffMember',
  data: { staffId: STAFF, reason },
});

function refusal(
  command: DismissStaffMember,
  state: SeparationState = separationDecider.initialState(),
  context = ctx,
) {
  return refusalOf(() => separationDecider.decide(command, state, context));
}

describe('DismissStaffMember: the request made the command', () => {
  it('serves staff.DismissStaffMember', () => {
    expect(dismissStaffMember.handles?.rpc).toBe('staff.DismissStaffMember');
  });

  it('passes the staff member and the reason on', () => {
    expect(mapping({ id: STAFF, reason: 'theft' })).toEqual(dismiss('theft'));
  });

  it('makes an unset reason empty (proto3 leaves it off), which is refused naming the field', () => {
    const command = mapping({ id: STAFF });
    expect(command).toEqual(dismiss(''));
    expect(refusal(command)).toEqual({
      code: 'STAFF.REASON_REJECTED',
      message: `reason ${RULES.reason.message}`,
      details: { field: 'reason' },
    });
  });
});

describe('DismissStaffMember: what it records', () => {
  it('the trimmed reason, the last day today', () => {
    expect(separationDecider.decide(dismiss(' theft '), separationDecider.initialState(), ctx)).toEqual([
      {
        type: 'StaffMemberDismissed',
        data: { staffId: STAFF, reason: 'theft', lastDay: '2026-03-02', dismissedAt: at },
      },
    ]);
  });
});

describe('DismissStaffMember: what each refusal says', () => {
  it('a staff member unknown', () => {
    expect(refusal(dismiss('theft'), undefined, { ...ctx, member: { status: 'absent' } })).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: 'no such staff member',
      details: {},
    });
  });

  it('a separation on record already, naming its kind and last day', () => {
    const state = separationDecider
      .decide(dismiss('theft'), separationDecider.initialState(), ctx)
      .reduce(separationDecider.evolve, separationDecider.initialState());
    expect(refusal(dismiss('theft'), state)).toEqual({
      code: 'STAFF.SEPARATION_EXISTS',
      message: 'a dismissal is on record already (last day 2026-03-02)',
      details: {},
    });
  });

  it.each([' ', 'x'.repeat(501)])('a reason of %j, naming the field', (reason) => {
    expect(refusal(dismiss(reason))).toEqual({
      code: 'STAFF.REASON_REJECTED',
      message: `reason ${RULES.reason.message}`,
      details: { field: 'reason' },
    });
  });
});
