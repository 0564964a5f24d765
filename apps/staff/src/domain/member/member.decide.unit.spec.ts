import { deciderSpec } from '@serviceops/testing';
import type { HireStaffMember, StaffMemberHired } from './hire-staff-member';
import type { AssessedOutcomes, SeparationOfMember } from './member.state';
import {
  DEFAULT_STAFF_RETENTION_DAYS,
  payTermsOfMessage,
  staffLeavesAt,
  staffRetentionEndsAt,
} from './member.rules';
import { memberDecider, type MemberCommand, type MemberEvent } from './member.decider';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const spec = (given: readonly MemberEvent[]) =>
  deciderSpec(memberDecider, { now, timeZone: 'UTC' }).given(given);

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

describe('EraseStaffMember: who may be erased, and when the retention timer is due', () => {
  const lastDay = '2026-03-02';
  const done: SeparationOfMember = { status: 'settlement_requested', lastDay };
  const when = (iso: string, separation?: SeparationOfMember, timeZone = 'UTC') =>
    deciderSpec(memberDecider, { now: new Date(iso), timeZone, ...(separation ? { separation } : {}) });
  const atRequest: MemberCommand = { type: 'EraseStaffMember', data: { staffId: STAFF } };
  const byTimer = (retentionDays = DEFAULT_STAFF_RETENTION_DAYS): MemberCommand => ({
    type: 'EraseStaffMember',
    data: { staffId: STAFF, retentionDays },
  });
  const erased = (erasedAt: string, by: 'request' | 'retention' = 'request'): MemberEvent => ({
    type: 'StaffMemberErased',
    data: { staffId: STAFF, by, lastDay, erasedAt },
  });

  it('keeps a leaver’s data two years (730 days) by default: PRC Labour Contract Law art. 50', () => {
    expect(DEFAULT_STAFF_RETENTION_DAYS).toBe(730);
  });

  it.each([
    // whole days after the last day: the retention ends at the tenant's midnight after the last one
    ['2026-03-02', 730, 'UTC', '2028-03-02T00:00:00.000Z'],
    ['2026-03-02', 0, 'UTC', '2026-03-03T00:00:00.000Z'],
    ['2026-03-02', 1, 'UTC', '2026-03-04T00:00:00.000Z'],
    ['2027-12-31', 1095, 'UTC', '2030-12-31T00:00:00.000Z'], // 2028 has 366 days,
    ['2026-03-02', 730, 'Asia/Shanghai', '2028-03-01T16:00:00.000Z'],
    ['2026-03-02', 0, 'America/New_York', '2026-03-03T05:00:00.000Z'],
    ['2026-03-07', 1, 'America/New_York', '2026-03-09T04:00:00.000Z'], // summer time began on 8 March
  ])('a last day of %s with %i days of retention in %s is erased at %s', (day, days, zone, due) => {
    expect(staffRetentionEndsAt(day, days, zone).toISOString()).toBe(due);
  });

  // 00:30 on 2 March 2028 in Shanghai is 16:30 UTC on 1 March: the retention is over there, not yet in UTC.
  it.each([
    ['Asia/Shanghai', '2028-03-01T16:30:00.000Z', [erased('2028-03-01T16:30:00.000Z', 'retention')]],
    ['Asia/Shanghai', '2028-03-01T15:59:59.999Z', []],
    ['UTC', '2028-03-01T16:30:00.000Z', []],
  ] as const)('by the timer, in %s at %s: %j', (timeZone, now, events) => {
    when(now, done, timeZone)
      .given([hired])
      .when(byTimer(730))
      .then(events as readonly MemberEvent[]);
  });

  it('erases a leaver at request from their last day on: their name, phone and ID number are gone', () => {
    const withId: MemberEvent = {
      type: 'StaffMemberHired',
      data: { ...hired.data, idNumber: '110101199003074514' },
    };
    when('2026-03-02T00:00:00.000Z', done)
      .given([withId])
      .when(atRequest)
      .then([erased('2026-03-02T00:00:00.000Z')]);
    const state = [withId, erased(at)].reduce(memberDecider.evolve, memberDecider.initialState());
    expect(state).toMatchObject({ status: 'erased', name: '', phone: '', erasedAt: at, staffId: STAFF });
    expect(state).not.toHaveProperty('idNumber');
    expect(state).toMatchObject({ payTerms: hired.data.payTerms, hiredAt: at, role: 'coach' });
  });

  it('forgets the username asked for their login too', () => {
    const login: MemberEvent = {
      type: 'StaffLoginRequested',
      data: {
        staffId: STAFF,
        username: 'zhang.wei',
        roles: ['coach'],
        branchId: hireData.branchId,
        requestedAt: at,
      },
    };
    const state = [hired, login, erased(at)].reduce(memberDecider.evolve, memberDecider.initialState());
    expect(state).not.toHaveProperty('loginRequested');
  });

  it.each([
    ['an active member (no resignation, no dismissal)', [hired], undefined, 'STAFF.STILL_EMPLOYED'],
    ['a member with a separation of status none', [hired], { status: 'none' }, 'STAFF.STILL_EMPLOYED'],
    [
      'a leaver whose handover is not complete',
      [hired],
      { status: 'separating', lastDay },
      'STAFF.HANDOVER_INCOMPLETE',
    ],
    [
      'a settlement on record without its last day',
      [hired],
      { status: 'settlement_requested' },
      'STAFF.HANDOVER_INCOMPLETE',
    ],
    ['nobody', [], done, 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    ['a member erased already', [hired, erased(at)], done, 'STAFF.STAFF_MEMBER_ERASED'],
  ] as const)('refuses to erase %s', (_what, given, separation, code) => {
    when('2026-06-01T00:00:00.000Z', separation)
      .given(given as readonly MemberEvent[])
      .when(atRequest)
      .thenThrows(code);
  });

  it('refuses the day before the last day, naming it (a resignation’s notice still running)', () => {
    when('2026-03-01T23:59:59.999Z', done)
      .given([hired])
      .when(atRequest)
      .thenThrows('STAFF.LAST_DAY_NOT_REACHED');
  });

  it('refuses pay changes once erased', () => {
    when(at, done)
      .given([hired, erased(at)])
      .when(pay(40_000))
      .thenThrows('STAFF.STAFF_MEMBER_ERASED');
  });

  it.each([
    ['a millisecond before the retention ends', '2028-03-01T23:59:59.999Z', 730, []],
    ['when it ends', '2028-03-02T00:00:00.000Z', 730, [erased('2028-03-02T00:00:00.000Z', 'retention')]],
    ['with a tenant’s three years, after two', '2028-03-02T00:00:00.000Z', 1095, []],
    [
      'with a tenant’s three years, after three',
      '2029-03-02T00:00:00.000Z',
      1095,
      [erased('2029-03-02T00:00:00.000Z', 'retention')],
    ],
  ] as const)('by the timer, %s: %j', (_what, now, days, events) => {
    when(now, done)
      .given([hired])
      .when(byTimer(days))
      .then(events as readonly MemberEvent[]);
  });

  it.each([
    ['already erased (a timer run twice)', [hired, erased(at)], done],
    ['not separated (never armed so; nothing happens)', [hired], { status: 'separating', lastDay } as const],
    ['still employed', [hired], undefined],
  ] as const)('by the timer, does nothing when %s', (_what, given, separation) => {
    when('2030-01-01T00:00:00.000Z', separation)
      .given(given as readonly MemberEvent[])
      .when(byTimer())
      .then([]);
  });
});

describe('RecordStaffMemberLeft: the leave timer, when the last day comes', () => {
  const lastDay = '2026-03-02';
  const resigning: SeparationOfMember = { status: 'separating', kind: 'resignation', lastDay };
  const when = (iso: string, separation?: SeparationOfMember, timeZone = 'UTC') =>
    deciderSpec(memberDecider, { now: new Date(iso), timeZone, ...(separation ? { separation } : {}) });
  const leave: MemberCommand = { type: 'RecordStaffMemberLeft', data: { staffId: STAFF } };
  const left = (leftAt: string, kind: 'resignation' | 'dismissal' = 'resignation'): MemberEvent => ({
    type: 'StaffMemberLeft',
    data: { staffId: STAFF, kind, lastDay, leftAt },
  });

  it.each([
    ['UTC', '2026-03-02T00:00:00.000Z'],
    ['Asia/Shanghai', '2026-03-01T16:00:00.000Z'],
  ])('is due at the start of the last day in the tenant’s zone (%s): %s', (timeZone, due) => {
    expect(staffLeavesAt(lastDay, timeZone).toISOString()).toBe(due);
  });

  // 00:30 on 2 March in Shanghai is 16:30 UTC on 1 March: the last day has come there, not in UTC.
  it.each([
    ['Asia/Shanghai', '2026-03-01T16:30:00.000Z', [left('2026-03-01T16:30:00.000Z')]],
    ['Asia/Shanghai', '2026-03-01T15:59:59.999Z', []],
    ['UTC', '2026-03-01T16:30:00.000Z', []],
  ] as const)('in %s at %s: %j', (timeZone, now, events) => {
    when(now, resigning, timeZone)
      .given([hired])
      .when(leave)
      .then(events as readonly MemberEvent[]);
  });

  it.each([
    ['a millisecond before the last day', '2026-03-01T23:59:59.999Z', []],
    ['at the start of the last day', '2026-03-02T00:00:00.000Z', [left('2026-03-02T00:00:00.000Z')]],
    ['days later (a timer run late)', '2026-03-09T08:00:00.000Z', [left('2026-03-09T08:00:00.000Z')]],
  ] as const)('%s: %j', (_what, now, events) => {
    when(now, resigning)
      .given([hired])
      .when(leave)
      .then(events as readonly MemberEvent[]);
  });

  it('records a leave with the handover still open, and a dismissal’s on its own day', () => {
    when('2026-03-02T10:00:00.000Z', { status: 'separating', kind: 'dismissal', lastDay })
      .given([hired])
      .when(leave)
      .then([left('2026-03-02T10:00:00.000Z', 'dismissal')]);
    when('2026-03-02T10:00:00.000Z', { ...resigning, status: 'settlement_requested' })
      .given([hired])
      .when(leave)
      .then([left('2026-03-02T10:00:00.000Z')]);
  });

  it.each([
    ['they left already (a timer run twice)', [hired, left(at)], resigning],
    ['there is no separation', [hired], undefined],
    ['the separation is none', [hired], { status: 'none' } as const],
    ['there is nobody', [], resigning],
  ] as const)('does nothing when %s', (_what, given, separation) => {
    when('2026-04-01T00:00:00.000Z', separation)
      .given(given as readonly MemberEvent[])
      .when(leave)
      .then([]);
  });

  it('records it on an erased file too, and shows when they left', () => {
    const erased: MemberEvent = {
      type: 'StaffMemberErased',
      data: { staffId: STAFF, by: 'request', lastDay, erasedAt: at },
    };
    when('2026-03-03T00:00:00.000Z', resigning)
      .given([hired, erased])
      .when(leave)
      .then([left('2026-03-03T00:00:00.000Z')]);
    const state = [hired, left('2026-03-03T00:00:00.000Z')].reduce(
      memberDecider.evolve,
      memberDecider.initialState(),
    );
    expect(state).toMatchObject({ status: 'active', leftAt: '2026-03-03T00:00:00.000Z' });
  });
});

describe('ChangeStaffRole', () => {
  const change = (role: HireStaffMember['data']['role'], assessmentPeriod?: string): MemberCommand => ({
    type: 'ChangeStaffRole',
    data: { staffId: STAFF, role, ...(assessmentPeriod ? { assessmentPeriod } : {}) },
  });
  const withAssessed = (outcomes: AssessedOutcomes['outcomes'], period = '2026-02') =>
    deciderSpec(memberDecider, { now, timeZone: 'UTC', assessed: { period, resultVersion: 3, outcomes } });
  const left: MemberEvent = {
    type: 'StaffMemberLeft',
    data: { staffId: STAFF, kind: 'resignation', lastDay: '2026-03-01', leftAt: at },
  };
  const erased: MemberEvent = {
    type: 'StaffMemberErased',
    data: { staffId: STAFF, by: 'request', lastDay: '2026-03-01', erasedAt: at },
  };

  it('records StaffRoleChanged from the current role to the new one, in their branch', () => {
    spec([hired])
      .when(change('technician'))
      .then([
        {
          type: 'StaffRoleChanged',
          data: {
            staffId: STAFF,
            from: 'coach',
            to: 'technician',
            branchId: hireData.branchId,
            changedAt: at,
          },
        },
      ]);
  });

  it('changes from the role the last change gave; the same role again records nothing', () => {
    const first = memberDecider.decide(
      change('technician'),
      memberDecider.evolve(memberDecider.initialState(), hired),
      {
        now,
        timeZone: 'UTC',
      },
    );
    spec([hired, ...first])
      .when(change('technician'))
      .then([]);
    spec([hired, ...first])
      .when(change('companion'))
      .then([
        {
          type: 'StaffRoleChanged',
          data: {
            staffId: STAFF,
            from: 'technician',
            to: 'companion',
            branchId: hireData.branchId,
            changedAt: at,
          },
        },
      ]);
  });

  it('names the assessment whose role_change outcome it carries out', () => {
    withAssessed(['training_plan', 'role_change'])
      .given([hired])
      .when(change('companion', '2026-02'))
      .then([
        {
          type: 'StaffRoleChanged',
          data: {
            staffId: STAFF,
            from: 'coach',
            to: 'companion',
            branchId: hireData.branchId,
            assessment: { period: '2026-02', resultVersion: 3 },
            changedAt: at,
          },
        },
      ]);
  });

  it.each([
    ['no such staff member', [], spec, 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    ['a leaver whose last day came', [hired, left], spec, 'STAFF.STAFF_MEMBER_LEFT'],
    ['an erased leaver', [hired, left, erased], spec, 'STAFF.STAFF_MEMBER_ERASED'],
  ] as const)('refuses %s', (_what, given, make, code) => {
    make(given).when(change('technician')).thenThrows(code);
  });

  it.each([
    ['the period was not assessed for them', undefined],
    ['its latest result decided other outcomes', withAssessed(['warning', 'training_plan'])],
    ['another period’s result decided it', withAssessed(['role_change'], '2026-01')],
  ])('refuses citing an assessment when %s', (_what, context) => {
    (context ?? deciderSpec(memberDecider, { now, timeZone: 'UTC' }))
      .given([hired])
      .when(change('companion', '2026-02'))
      .thenThrows('STAFF.ROLE_CHANGE_NOT_DECIDED');
  });
});

describe('SetStaffSkills', () => {
  const MANAGER = '5f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  const set = (kinds: readonly string[]): MemberCommand => ({
    type: 'SetStaffSkills',
    data: { staffId: STAFF, kinds, setBy: MANAGER },
  });
  const skillsSet = (kinds: readonly string[]): MemberEvent =>
    ({ type: 'StaffSkillsSet', data: { staffId: STAFF, kinds, setBy: MANAGER, setAt: at } }) as MemberEvent;
  const left: MemberEvent = {
    type: 'StaffMemberLeft',
    data: { staffId: STAFF, kind: 'dismissal', lastDay: '2026-03-01', leftAt: at },
  };
  const erased: MemberEvent = {
    type: 'StaffMemberErased',
    data: { staffId: STAFF, by: 'request', lastDay: '2026-03-01', erasedAt: at },
  };

  it.each([
    ['a first list', [hired], ['repair'], [skillsSet(['repair'])]],
    [
      'kinds in the vocabulary’s order, each once',
      [hired],
      ['rental_visit', 'repair', 'repair', 'practice_session'],
      [skillsSet(['repair', 'practice_session', 'rental_visit'])],
    ],
    [
      'a list replacing the one before',
      [hired, skillsSet(['repair'])],
      ['maintenance'],
      [skillsSet(['maintenance'])],
    ],
    ['an empty list clearing the one before', [hired, skillsSet(['repair'])], [], [skillsSet([])]],
    ['the same list again: nothing', [hired, skillsSet(['repair', 'chat'])], ['chat', 'repair'], []],
    ['an empty list when none was set: nothing', [hired], [], []],
    [
      'the list after a role change',
      [
        hired,
        {
          type: 'StaffRoleChanged',
          data: {
            staffId: STAFF,
            from: 'coach',
            to: 'technician',
            branchId: hireData.branchId,
            changedAt: at,
          },
        },
      ],
      ['chat'],
      [skillsSet(['chat'])],
    ],
  ] as const)('records %s', (_what, given, kinds, events) => {
    spec(given)
      .when(set(kinds))
      .then(events as readonly MemberEvent[]);
  });

  it.each([
    ['no staff member', [], ['repair'], 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    ['a leaver', [hired, left], ['repair'], 'STAFF.STAFF_MEMBER_LEFT'],
    ['a leaver clearing the list', [hired, left], [], 'STAFF.STAFF_MEMBER_LEFT'],
    ['an erased file', [hired, left, erased], ['repair'], 'STAFF.STAFF_MEMBER_ERASED'],
    ['a kind orders does not have', [hired], ['repair', 'plumbing'], 'STAFF.SKILL_KIND_UNKNOWN'],
    ['a kind in another case', [hired], ['Repair'], 'STAFF.SKILL_KIND_UNKNOWN'],
  ] as const)('refuses %s', (_what, given, kinds, code) => {
    spec(given as readonly MemberEvent[])
      .when(set(kinds))
      .thenThrows(code);
  });

  it('keeps the list, who set it and when on the staff member', () => {
    const state = [hired, skillsSet(['repair'])].reduce(memberDecider.evolve, memberDecider.initialState());
    expect(state).toMatchObject({
      skills: { kinds: ['repair'], setBy: MANAGER, setAt: at },
      updatedAt: at,
    });
  });
});

describe('RecordStaffLoginNotCreated: tenancy made no login for the hire (issue 13)', () => {
  const USER = '4e0f2d67-8ea1-4f41-8d6d-40516f7e8d9d';
  const answer = { staffId: STAFF, userId: USER, reason: 'already-linked', answeredAt: at } as const;
  const record: MemberCommand = { type: 'RecordStaffLoginNotCreated', data: answer };
  const recorded: MemberEvent = { type: 'StaffLoginNotCreated', data: answer };

  it('records why on the file, naming the user linked first', () => {
    spec([hired]).when(record).then([recorded]);
  });

  it('records it once: an answer delivered again adds nothing', () => {
    spec([hired, recorded]).when(record).then([]);
  });

  it('adds nothing for a staff member this service does not know', () => {
    spec([]).when(record).then([]);
  });
});

describe('payTermsOfMessage: the pay terms a request gives (a hire, a pay change)', () => {
  it('reads the int64 amount the proto decodes as a string, and a number alike', () => {
    expect(payTermsOfMessage({ dailyPay: { amount: '30000', currency: 'CNY' } })).toEqual({
      dailyPay: { amount: 30_000, currency: 'CNY' },
    });
    expect(payTermsOfMessage({ dailyPay: { amount: 1, currency: 'USD' } })).toEqual({
      dailyPay: { amount: 1, currency: 'USD' },
    });
  });

  it.each([undefined, {}, { dailyPay: {} }])(
    'makes %j no pay: 0 and no currency, which the rule refuses',
    (message) => {
      expect(payTermsOfMessage(message)).toEqual({ dailyPay: { amount: 0, currency: '' } });
      spec([])
        .when({ type: 'HireStaffMember', data: { ...hireData, payTerms: payTermsOfMessage(message) } })
        .thenThrows('STAFF.PAY_NOT_POSITIVE');
    },
  );
});
