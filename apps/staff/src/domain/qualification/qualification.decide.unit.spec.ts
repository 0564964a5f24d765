import { deciderSpec } from '@serviceops/testing';
import type { MemberState } from '../member/member.state';
import type { QualificationRecorded } from './record-qualification';
import {
  qualificationDecider,
  type QualificationCommand,
  type QualificationEvent,
} from './qualification.decider';
import { DEFAULT_EXPIRY_REMINDER_DAYS, eligibilityAt, eligibilityOf } from './qualification.rules';
import type { QualificationContext } from './qualification.state';

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const STAFF = '3eaf2d67-8ea1-4f41-8d6d-40516f7e8d9c';
const Q = '4fb03e78-9fb2-4052-8e7e-516270809eaf';
const member: MemberState = {
  status: 'active',
  staffId: STAFF,
  candidateId: STAFF,
  postingId: STAFF,
  role: 'coach',
  branchId: STAFF,
  businessLine: 'driving_practice',
  payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
  name: 'Li',
  phone: '+86 139 0000 0000',
  hiredAt: at,
  updatedAt: at,
};
const ctx = (over: Partial<QualificationContext> = {}): QualificationContext => ({
  now,
  timeZone: 'Asia/Shanghai',
  policy: { expiryReminderDays: DEFAULT_EXPIRY_REMINDER_DAYS },
  member,
  ...over,
});
const spec = (given: readonly QualificationEvent[], context = ctx()) =>
  deciderSpec(qualificationDecider, context).given(given);
const later = (ms: number) => ctx({ now: new Date(now.getTime() + ms) });
const DAY = 86_400_000;

const recordCommand = (extra: object = {}): QualificationCommand => ({
  type: 'RecordQualification',
  data: {
    staffId: STAFF,
    qualificationId: Q,
    kind: 'driving_licence',
    number: ' DL-1 ',
    issuedOn: '2020-01-01',
    expiresAt: '2026-06-01T00:00:00Z',
    ...extra,
  },
});
const recorded: QualificationRecorded = {
  type: 'QualificationRecorded',
  data: {
    staffId: STAFF,
    qualificationId: Q,
    kind: 'driving_licence',
    number: 'DL-1',
    issuedOn: '2020-01-01',
    expiresAt: '2026-06-01T00:00:00.000Z',
    remindAt: '2026-05-02T00:00:00.000Z',
    recordedAt: at,
  },
};
const eligible = (since = at): QualificationEvent => ({
  type: 'StaffEligibilityChanged',
  data: { staffId: STAFF, eligible: true, reasons: [], since },
});
const ineligible = (
  reason: 'expired' | 'suspended' | 'reverification_overdue',
  since: string,
): QualificationEvent => ({
  type: 'StaffEligibilityChanged',
  data: {
    staffId: STAFF,
    eligible: false,
    reasons: [{ qualificationId: Q, kind: 'driving_licence', reason }],
    since,
  },
});
const on = (type: QualificationCommand['type'], extra: object = {}) =>
  ({ type, data: { staffId: STAFF, qualificationId: Q, ...extra } }) as QualificationCommand;

describe('RecordQualification', () => {
  it('records it with the reminder 30 days (the default policy) before expiry, and makes the person eligible', () => {
    expect(DEFAULT_EXPIRY_REMINDER_DAYS).toBe(30);
    spec([]).when(recordCommand()).then([recorded, eligible()]);
  });

  it('takes the tenant’s reminder days', () => {
    spec([], ctx({ policy: { expiryReminderDays: 7 } }))
      .when(recordCommand())
      .then([{ ...recorded, data: { ...recorded.data, remindAt: '2026-05-25T00:00:00.000Z' } }, eligible()]);
  });

  // Issue 13 item 3: "driving licence, service-qualification certificate, others per tenant".
  it.each(['forklift_licence', 'first_aid'])('takes a kind of the tenant’s own: %s', (kind) => {
    spec([])
      .when(recordCommand({ kind }))
      .then([{ ...recorded, data: { ...recorded.data, kind } }, eligible()]);
  });

  it.each([
    ['nobody', recordCommand(), ctx({ member: { status: 'absent' } }), 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    ['nobody at hand', recordCommand(), { ...ctx(), member: undefined }, 'STAFF.STAFF_MEMBER_NOT_FOUND'],
    [
      'a leaver whose data was erased',
      recordCommand(),
      ctx({ member: { ...member, status: 'erased', name: '', phone: '' } }),
      'STAFF.STAFF_MEMBER_ERASED',
    ],
    [
      'issued tomorrow',
      recordCommand({ issuedOn: '2026-03-03' }),
      ctx(),
      'STAFF.QUALIFICATION_ISSUED_IN_FUTURE',
    ],
    [
      'expiring the day it was issued',
      recordCommand({ issuedOn: '2026-03-01', expiresAt: '2026-03-01T00:00:00Z' }),
      ctx(),
      'STAFF.QUALIFICATION_EXPIRY_NOT_AFTER_ISSUE',
    ],
    ['expired already (now)', recordCommand({ expiresAt: at }), ctx(), 'STAFF.QUALIFICATION_ALREADY_EXPIRED'],
    ['re-verification due now', recordCommand({ reverifyBy: at }), ctx(), 'STAFF.REVERIFICATION_NOT_AHEAD'],
    [
      'a kind with spaces',
      recordCommand({ kind: 'forklift licence' }),
      ctx(),
      'STAFF.QUALIFICATION_KIND_REJECTED',
    ],
    ['a blank number', recordCommand({ number: ' ' }), ctx(), 'STAFF.QUALIFICATION_NUMBER_REJECTED'],
  ] as const)('refuses one for %s', (_what, command, context, code) => {
    spec([], context).when(command).thenThrows(code);
  });

  // 00:30 in Shanghai on 3 March is 16:30 UTC on 2 March: "today" is the tenant's calendar day, not UTC's.
  const shanghaiHalfPastMidnight = new Date('2026-03-02T16:30:00.000Z');
  it.each([
    ['Asia/Shanghai', '2026-03-03', 'accepts'],
    ['Asia/Shanghai', '2026-03-04', 'STAFF.QUALIFICATION_ISSUED_IN_FUTURE'],
    ['UTC', '2026-03-02', 'accepts'],
    ['UTC', '2026-03-03', 'STAFF.QUALIFICATION_ISSUED_IN_FUTURE'],
  ] as const)('in %s at 16:30 UTC on 2 March, one issued on %s: %s', (timeZone, issuedOn, outcome) => {
    const decide = () =>
      qualificationDecider.decide(
        recordCommand({ issuedOn }),
        qualificationDecider.initialState(),
        ctx({ now: shanghaiHalfPastMidnight, timeZone }),
      );
    if (outcome === 'accepts')
      expect(decide()[0]).toMatchObject({ type: 'QualificationRecorded', data: { issuedOn } });
    else expect(decide).toThrow(expect.objectContaining({ code: outcome }) as Error);
  });

  it('accepts one issued today and expiring a millisecond from now', () => {
    expect(() =>
      qualificationDecider.decide(
        recordCommand({ issuedOn: '2026-03-02', expiresAt: new Date(now.getTime() + 1).toISOString() }),
        qualificationDecider.initialState(),
        ctx(),
      ),
    ).not.toThrow();
  });

  it('refuses the same kind and number twice', () => {
    spec([recorded, eligible()])
      .when(recordCommand({ qualificationId: STAFF }))
      .thenThrows('STAFF.QUALIFICATION_EXISTS');
  });

  it('publishes no eligibility change when a second valid one is recorded', () => {
    spec([recorded, eligible()])
      .when(recordCommand({ qualificationId: STAFF, kind: 'service_qualification' }))
      .then([
        {
          type: 'QualificationRecorded',
          data: { ...recorded.data, qualificationId: STAFF, kind: 'service_qualification' },
        },
      ]);
  });
});

describe('timers: the reminder, the expiry, the missed re-verification (each at most once)', () => {
  const history = [recorded, eligible()];

  it.each([
    ['a millisecond before it is due', -1, []],
    ['when it is due', 0, 'due'],
  ] as const)('reminds %s', (_what, offset, outcome) => {
    const when = new Date(Date.parse(recorded.data.remindAt) + offset);
    spec(history, ctx({ now: when }))
      .when(on('RemindQualificationExpiry'))
      .then(
        outcome === 'due'
          ? [
              {
                type: 'QualificationExpiryReminderDue',
                data: {
                  staffId: STAFF,
                  qualificationId: Q,
                  kind: 'driving_licence',
                  expiresAt: recorded.data.expiresAt,
                  remindedAt: when.toISOString(),
                },
              },
            ]
          : [],
      );
  });

  it('never reminds twice', () => {
    const reminded: QualificationEvent = {
      type: 'QualificationExpiryReminderDue',
      data: {
        staffId: STAFF,
        qualificationId: Q,
        kind: 'driving_licence',
        expiresAt: recorded.data.expiresAt,
        remindedAt: at,
      },
    };
    spec([...history, reminded], later(90 * DAY))
      .when(on('RemindQualificationExpiry'))
      .then([]);
  });

  it('expires it at its expiry and makes the person ineligible from then on', () => {
    const when = new Date(recorded.data.expiresAt);
    spec(history, ctx({ now: when }))
      .when(on('ExpireQualification'))
      .then([
        {
          type: 'QualificationExpired',
          data: {
            staffId: STAFF,
            qualificationId: Q,
            kind: 'driving_licence',
            expiredAt: when.toISOString(),
          },
        },
        ineligible('expired', when.toISOString()),
      ]);
  });

  it('does not expire it a millisecond early, nor twice', () => {
    spec(history, ctx({ now: new Date(Date.parse(recorded.data.expiresAt) - 1) }))
      .when(on('ExpireQualification'))
      .then([]);
    const expired: QualificationEvent = {
      type: 'QualificationExpired',
      data: {
        staffId: STAFF,
        qualificationId: Q,
        kind: 'driving_licence',
        expiredAt: recorded.data.expiresAt,
      },
    };
    spec([...history, expired], later(200 * DAY))
      .when(on('ExpireQualification'))
      .then([]);
  });

  it('marks a re-verification overdue when its day passes unverified, and not once re-verified', () => {
    const withReverify: QualificationEvent = {
      ...recorded,
      data: { ...recorded.data, reverifyBy: '2026-04-01T00:00:00.000Z' },
    };
    const due = new Date('2026-04-01T00:00:00.000Z');
    spec([withReverify, eligible()], ctx({ now: due }))
      .when(on('MarkReverificationOverdue'))
      .then([
        {
          type: 'QualificationReverificationOverdue',
          data: {
            staffId: STAFF,
            qualificationId: Q,
            kind: 'driving_licence',
            dueAt: '2026-04-01T00:00:00.000Z',
            markedAt: due.toISOString(),
          },
        },
        ineligible('reverification_overdue', due.toISOString()),
      ]);
    const reverified: QualificationEvent = {
      type: 'QualificationReverified',
      data: { staffId: STAFF, qualificationId: Q, reverifiedAt: at, reverifyBy: '2027-04-01T00:00:00.000Z' },
    };
    spec([withReverify, eligible(), reverified], ctx({ now: due }))
      .when(on('MarkReverificationOverdue'))
      .then([]);
  });
});

describe('suspension', () => {
  const history = [recorded, eligible()];
  const suspended: QualificationEvent = {
    type: 'QualificationSuspended',
    data: { staffId: STAFF, qualificationId: Q, reason: 'complaint', suspendedAt: at },
  };

  it('suspends with the reason and makes the person ineligible; reinstating makes them eligible again', () => {
    spec(history)
      .when(on('SuspendQualification', { reason: ' complaint ' }))
      .then([suspended, ineligible('suspended', at)]);
    spec([...history, suspended, ineligible('suspended', at)])
      .when(on('ReinstateQualification'))
      .then([
        { type: 'QualificationReinstated', data: { staffId: STAFF, qualificationId: Q, reinstatedAt: at } },
        eligible(),
      ]);
  });

  it.each([
    [
      'suspend twice',
      [...history, suspended],
      on('SuspendQualification', { reason: 'again' }),
      'STAFF.QUALIFICATION_NOT_SUSPENDABLE',
    ],
    [
      'suspend without a reason',
      history,
      on('SuspendQualification', { reason: '' }),
      'STAFF.REASON_REJECTED',
    ],
    [
      'reinstate one not suspended',
      history,
      on('ReinstateQualification'),
      'STAFF.QUALIFICATION_NOT_SUSPENDED',
    ],
    [
      'suspend an unknown one',
      history,
      { type: 'SuspendQualification', data: { staffId: STAFF, qualificationId: STAFF, reason: 'x' } },
      'STAFF.QUALIFICATION_NOT_FOUND',
    ],
  ] as const)('refuses to %s', (_what, given, command, code) => {
    spec(given as readonly QualificationEvent[])
      .when(command)
      .thenThrows(code);
  });
});

describe('eligibility', () => {
  it('is refused with no qualification on record', () => {
    expect(eligibilityOf(qualificationDecider.initialState())).toEqual({
      eligible: false,
      reasons: [{ reason: 'no_qualification' }],
    });
  });

  it('answers "was X eligible at T" from the changes, not the current state', () => {
    const changes = [
      { eligible: true, reasons: [], since: '2026-03-01T00:00:00.000Z' },
      { eligible: false, reasons: [{ reason: 'expired' as const }], since: '2026-06-01T00:00:00.000Z' },
    ];
    expect(eligibilityAt(changes, new Date('2026-02-28T23:59:59.999Z')).eligible).toBe(false);
    expect(eligibilityAt(changes, new Date('2026-03-01T00:00:00.000Z'))).toEqual(changes[0]);
    expect(eligibilityAt(changes, new Date('2026-05-31T23:59:59.999Z')).eligible).toBe(true);
    expect(eligibilityAt(changes, new Date('2026-06-01T00:00:00.000Z'))).toEqual(changes[1]);
  });
});
