import { deciderSpec } from '@serviceops/testing';
import type { HireStaffMember, MemberCommand } from './member.commands';
import { memberDecider } from './member.decider';
import type { MemberEvent, StaffMemberHired } from './member.events';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const spec = (given: readonly MemberEvent[]) => deciderSpec(memberDecider, { now }).given(given);

const hireData: HireStaffMember['data'] = {
  staffId: STAFF,
  candidateId: '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69',
  postingId: '1c8d0b45-6c8f-4d2f-8b4b-2e3f4d5c6b7a',
  role: 'coach',
  branchId: '2d9e1c56-7d90-4e30-9c5c-3f405e6d7c8b',
  businessLine: 'driving_practice',
  payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
  name: 'Zhang Wei',
  phone: '+86 139 1234 5678',
};
const hired: StaffMemberHired = { type: 'StaffMemberHired', data: { ...hireData, hiredAt: at } };
const pay = (amount: number, currency = 'CNY'): MemberCommand => ({
  type: 'ChangePayTerms',
  data: { staffId: STAFF, payTerms: { dailyPay: { amount, currency } } },
});

describe('HireStaffMember', () => {
  it('records StaffMemberHired with role, branch, line and the daily pay in minor units', () => {
    spec([]).when({ type: 'HireStaffMember', data: hireData }).then([hired]);
  });

  it('asks tenancy for a login when a username is given, with the role of the posting', () => {
    spec([])
      .when({ type: 'HireStaffMember', data: { ...hireData, loginUsername: 'Zhang.Wei' } })
      .then([
        hired,
        {
          type: 'StaffLoginRequested',
          data: {
            staffId: STAFF,
            username: 'zhang.wei',
            roles: ['coach'],
            branchId: hireData.branchId,
            requestedAt: at,
          },
        },
      ]);
  });

  it.each([
    ['a second hire on the stream', [hired], hireData, 'STAFF.STAFF_MEMBER_EXISTS'],
    [
      'a daily pay of 0',
      [],
      { ...hireData, payTerms: { dailyPay: { amount: 0, currency: 'CNY' } } },
      'STAFF.PAY_NOT_POSITIVE',
    ],
    [
      'a fractional daily pay',
      [],
      { ...hireData, payTerms: { dailyPay: { amount: 10.5, currency: 'CNY' } } },
      'STAFF.PAY_NOT_POSITIVE',
    ],
    [
      'an unknown currency',
      [],
      { ...hireData, payTerms: { dailyPay: { amount: 100, currency: 'yuan' } } },
      'STAFF.PAY_CURRENCY_UNKNOWN',
    ],
    ['a malformed username', [], { ...hireData, loginUsername: 'a b' }, 'STAFF.USERNAME_REJECTED'],
  ] as const)('refuses %s', (_what, given, data, code) => {
    spec(given as readonly MemberEvent[])
      .when({ type: 'HireStaffMember', data })
      .thenThrows(code);
  });
});

describe('ChangePayTerms', () => {
  it('records PayTermsChanged (1 minor unit is the least pay)', () => {
    spec([hired])
      .when(pay(1))
      .then([
        {
          type: 'PayTermsChanged',
          data: { staffId: STAFF, payTerms: { dailyPay: { amount: 1, currency: 'CNY' } }, changedAt: at },
        },
      ]);
  });

  it('records nothing when the pay is the same', () => {
    spec([hired]).when(pay(30_000)).then([]);
  });

  it.each([
    ['nobody', [], pay(100), 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    ['a negative pay', [hired], pay(-1), 'STAFF.PAY_NOT_POSITIVE'],
  ] as const)('refuses %s', (_what, given, command, code) => {
    spec(given as readonly MemberEvent[])
      .when(command)
      .thenThrows(code);
  });
});
