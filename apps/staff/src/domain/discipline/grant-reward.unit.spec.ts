import { RULES, type Caller, type Money } from '@serviceops/kernel';
import { refusalOf } from '@serviceops/testing';
import { disciplineDecider } from './discipline.decider';
import type { DisciplineContext, DisciplineState } from './discipline.state';
import { grantReward, type GrantReward } from './grant-reward';

const newId = 'a1b2c3d4-0000-4000-8000-000000000001';
const STAFF = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';
const MANAGER = '7e1d2c3b-4a59-4876-8b9a-0c1d2e3f4a5b';
const caller: Caller = { actorId: MANAGER, newId };
const CNY = (minor: number): Money => ({ amount: minor, currency: 'CNY' });
const ctx: DisciplineContext = {
  now: new Date('2026-03-20T10:00:00.000Z'),
  staff: { known: true, dailyPay: CNY(24_000), businessLine: 'after_sales_repair' },
};
const mapping = grantReward.handles?.command as (request: object, caller: Caller) => GrantReward;

/** The refusal `decide` throws for `data`, as a plain object (code, message, details). */
function refusal(data: Partial<GrantReward['data']>, context = ctx) {
  const command: GrantReward = {
    type: 'GrantReward',
    data: {
      rewardId: newId,
      staffId: STAFF,
      amount: CNY(30_000),
      reason: 'top of March',
      grantedBy: MANAGER,
      ...data,
    },
  };
  const state: DisciplineState = disciplineDecider.initialState();
  return refusalOf(() => disciplineDecider.decide(command, state, context));
}

describe('GrantReward: the request made the command', () => {
  it('serves staff.GrantReward', () => {
    expect(grantReward.handles?.rpc).toBe('staff.GrantReward');
  });

  it('names the reward by the id made for the call and the caller as granter, passing every field on', () => {
    const request = { staffId: STAFF, amount: { amount: '30000', currency: 'CNY' }, reason: 'top of March' };
    expect(mapping(request, caller)).toEqual({
      type: 'GrantReward',
      data: {
        rewardId: newId,
        staffId: STAFF,
        amount: CNY(30_000),
        reason: 'top of March',
        grantedBy: MANAGER,
      },
    });
  });

  it('makes an unset amount no amount (refused later) and an unset reason empty (proto3 leaves them off)', () => {
    expect(mapping({ staffId: STAFF }, caller)).toEqual({
      type: 'GrantReward',
      data: {
        rewardId: newId,
        staffId: STAFF,
        amount: { amount: Number.NaN, currency: '' },
        reason: '',
        grantedBy: MANAGER,
      },
    });
  });
});

describe('GrantReward: what each refusal says', () => {
  it('someone who is not a staff member of the tenant, naming them and the field', () => {
    expect(refusal({}, { ...ctx, staff: { known: false, dailyPay: null, businessLine: null } })).toEqual({
      code: 'STAFF.STAFF_MEMBER_NOT_FOUND',
      message: `no staff member ${STAFF}`,
      details: { field: 'staffId' },
    });
  });

  it.each([CNY(0), CNY(-1), { amount: 0.5, currency: 'CNY' }, { amount: Number.NaN, currency: '' }])(
    'an amount of %j, naming the field',
    (amount) => {
      expect(refusal({ amount })).toEqual({
        code: 'STAFF.REWARD_NOT_POSITIVE',
        message: 'a reward is a positive amount',
        details: { field: 'amount.amount' },
      });
    },
  );

  it('grants the smallest positive amount', () => {
    expect(() => refusal({ amount: CNY(1) })).toThrow('not refused');
  });

  it.each(['', '   ', 'x'.repeat(501)])('a reason of %j, naming the field', (reason) => {
    expect(refusal({ reason })).toEqual({
      code: 'STAFF.INVALID_TEXT',
      message: `reason ${RULES.reason.message}`,
      details: { field: 'reason' },
    });
  });

  it('is a programming error without the staff facts', () => {
    expect(refusal({}, { now: ctx.now })).toMatchObject({
      code: undefined,
      message: 'GrantReward needs the staff facts in its context',
    });
  });

  it('keeps the reason trimmed', () => {
    const [event] = disciplineDecider.decide(
      {
        type: 'GrantReward',
        data: {
          rewardId: newId,
          staffId: STAFF,
          amount: CNY(100),
          reason: '  on time  ',
          grantedBy: MANAGER,
        },
      },
      disciplineDecider.initialState(),
      ctx,
    );
    expect(event?.data).toMatchObject({ reason: 'on time' });
  });
});
