import type { BusinessCalendar, WorkingDay } from '@serviceops/kernel';
import { rankCandidates, type StaffFacts } from './candidates';
import { type EligibilityChange, eligibilityAt, withChange } from './eligibility';
import { arrivalSla, dispatchQueue, type SlaFacts } from '../order/order.sla';

const shanghai: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  workingHours: ([1, 2, 3, 4, 5] as const).map((weekday): WorkingDay => ({
    weekday,
    open: '09:00',
    close: '18:00',
  })),
  holidays: [],
};
const local = (s: string) => new Date(`${s}+08:00`).toISOString();

// Recorded StaffEligibilityChanged payloads (staff-people.events.ts on the staff branch), as staff publishes them.
const hired: EligibilityChange = {
  staffId: 's-1',
  eligible: true,
  reasons: [],
  since: '2026-01-05T00:00:00.000Z',
};
const expires: EligibilityChange = {
  staffId: 's-1',
  eligible: false,
  reasons: [
    {
      qualificationId: 'q-1',
      kind: 'coach_licence',
      reason: 'expired',
    },
  ],
  since: '2026-03-10T00:00:00.000Z',
};
const renewed: EligibilityChange = {
  staffId: 's-1',
  eligible: true,
  reasons: [],
  since: '2026-03-12T00:00:00.000Z',
};

describe('eligibility at an instant', () => {
  const history = [hired, expires, renewed].reduce<EligibilityChange[]>(withChange, []);
  it.each<[string, string, boolean, string[]]>([
    ['before any change: not eligible', '2026-01-04T23:59:59.999Z', false, ['no_eligibility_on_record']],
    ['from the hire', '2026-01-05T00:00:00.000Z', true, []],
    [
      'booked before the qualification expires, for a slot after: not eligible',
      '2026-03-10T01:00:00.000Z',
      false,
      ['expired'],
    ],
    ['the instant before expiry: eligible', '2026-03-09T23:59:59.999Z', true, []],
    ['after renewal: eligible', '2026-03-12T00:00:00.000Z', true, []],
  ])('%s', (_why, at, eligible, reasons) => {
    expect(eligibilityAt(history, new Date(at))).toEqual({ eligible, reasons });
  });

  it('keeps changes in order of `since`, whatever the delivery order, and a redelivery once', () => {
    const shuffled = [renewed, hired, expires, expires].reduce<EligibilityChange[]>(withChange, []);
    expect(shuffled).toEqual([hired, expires, renewed]);
  });
});

describe('candidates for a slot, with the reason each is in or out', () => {
  const slot = { start: '2026-03-10T02:00:00.000Z', end: '2026-03-10T04:00:00.000Z' };
  const person = (staffId: string, over: Partial<StaffFacts> = {}): StaffFacts => ({
    staffId,
    eligibility: [{ ...hired, staffId }],
    booked: [],
    load: 0,
    ...over,
  });
  it('ranks the eligible and free by load, then the others with their reasons', () => {
    const ranked = rankCandidates(
      [
        person('busy', { load: 1 }),
        person('expired', { eligibility: [hired, expires] }),
        person('booked', {
          booked: [{ start: '2026-03-10T03:00:00.000Z', end: '2026-03-10T05:00:00.000Z' }],
        }),
        person('free', { load: 0 }),
        person('new', { eligibility: [] }),
        person('adjacent', {
          load: 3,
          booked: [{ start: '2026-03-10T04:00:00.000Z', end: '2026-03-10T05:00:00.000Z' }],
        }),
      ],
      slot,
    );
    expect(ranked.map((c) => [c.staffId, c.inRunning, c.reasons])).toEqual([
      ['free', true, ['least_loaded']],
      ['busy', true, ['load:1']],
      ['adjacent', true, ['load:3']],
      ['booked', false, ['booked']],
      ['expired', false, ['expired']],
      ['new', false, ['no_eligibility_on_record']],
    ]);
  });
});

describe('arrival SLA in business hours', () => {
  const facts = (receivedAt: string, hours: number, more: Partial<SlaFacts> = {}): SlaFacts => ({
    orderId: 'o',
    receivedAt: local(receivedAt),
    arrivalWithinBusinessHours: hours,
    ...more,
  });
  // Friday 2026-04-03; Monday 2026-04-06 a public holiday.
  const holiday = { ...shanghai, holidays: ['2026-04-06'] };
  it.each<[string, BusinessCalendar, SlaFacts, string]>([
    [
      'a suburb request at 16:40 on a Friday before a public holiday: Tuesday 14:40',
      holiday,
      facts('2026-04-03T16:40', 7),
      '2026-04-07T14:40',
    ],
    ['the same in town (6 h): Tuesday 13:40', holiday, facts('2026-04-03T16:40', 6), '2026-04-07T13:40'],
    [
      'the same suburb request without the holiday: Monday 14:40',
      shanghai,
      facts('2026-04-03T16:40', 7),
      '2026-04-06T14:40',
    ],
    [
      'a town request at 08:00: counted from 09:00, 15:00',
      shanghai,
      facts('2026-03-02T08:00', 6),
      '2026-03-02T15:00',
    ],
    ['a suburb request at 08:00: 16:00', shanghai, facts('2026-03-02T08:00', 7), '2026-03-02T16:00'],
    [
      'a calendar change (Tuesday made a holiday too) moves it to Wednesday 14:40',
      { ...shanghai, holidays: ['2026-04-06', '2026-04-07'] },
      facts('2026-04-03T16:40', 7),
      '2026-04-08T14:40',
    ],
  ])('%s', (_why, calendar, f, due) => {
    expect(arrivalSla(f, calendar, new Date(f.receivedAt)).dueAt).toBe(local(due));
  });

  const f = facts('2026-03-02T08:00', 6); // due 15:00
  it.each<[string, string, Partial<SlaFacts>, string]>([
    ['two hours before: on time', '2026-03-02T13:00', {}, 'on_time'],
    ['a minute before the last hour: on time', '2026-03-02T13:59', {}, 'on_time'],
    ['within the last business hour: at risk', '2026-03-02T14:00', {}, 'at_risk'],
    ['at the deadline: at risk', '2026-03-02T15:00', {}, 'at_risk'],
    ['after the deadline: missed', '2026-03-02T15:01', {}, 'missed'],
    ['arrived on time', '2026-03-03T10:00', { arrivedAt: local('2026-03-02T15:00') }, 'met'],
    ['arrived late', '2026-03-03T10:00', { arrivedAt: local('2026-03-02T15:00:01') }, 'met_late'],
    [
      'cancelled before: stopped',
      '2026-03-02T15:01',
      { cancelledAt: local('2026-03-02T14:30') },
      'cancelled',
    ],
    [
      'cancelled at that instant: stopped',
      '2026-03-02T15:01',
      { cancelledAt: local('2026-03-02T15:01') },
      'cancelled',
    ],
    [
      'cancelled later: counted as then',
      '2026-03-02T15:01',
      { cancelledAt: local('2026-03-02T15:02') },
      'missed',
    ],
    [
      'cancelled later, at risk then',
      '2026-03-02T14:00',
      { cancelledAt: local('2026-03-02T14:01') },
      'at_risk',
    ],
  ])('%s', (_why, now, more, state) => {
    expect(arrivalSla({ ...f, ...more }, shanghai, new Date(local(now))).state).toBe(state);
  });

  it('re-evaluates an open order when the calendar changes: missed becomes on time', () => {
    const open = facts('2026-04-03T16:40', 7);
    const now = new Date(local('2026-04-07T15:00'));
    expect(arrivalSla(open, holiday, now).state).toBe('missed');
    expect(arrivalSla(open, { ...holiday, holidays: ['2026-04-06', '2026-04-07'] }, now).state).toBe(
      'on_time',
    );
  });
});

describe('the dispatch queue: yesterday’s requests first', () => {
  it('puts requests not dispatched yesterday ahead of today’s, then by deadline', () => {
    const o = (
      orderId: string,
      receivedAt: string,
      hours: number,
      more: Partial<SlaFacts> = {},
    ): SlaFacts => ({
      orderId,
      receivedAt: local(receivedAt),
      arrivalWithinBusinessHours: hours,
      ...more,
    });
    const queue = dispatchQueue(
      [
        o('today-town', '2026-03-03T09:00', 6),
        o('yesterday-suburb', '2026-03-02T17:30', 7),
        o('today-early', '2026-03-03T08:00', 6),
        o('dispatched', '2026-03-02T10:00', 6, { dispatchedAt: local('2026-03-02T11:00') }),
        o('cancelled', '2026-03-02T09:00', 6, { cancelledAt: local('2026-03-02T11:00') }),
        o('yesterday-town', '2026-03-02T17:50', 6),
      ],
      shanghai,
      new Date(local('2026-03-03T09:30')),
    );
    expect(queue.map((q) => q.orderId)).toEqual([
      'yesterday-town',
      'yesterday-suburb',
      'today-early',
      'today-town',
    ]);
  });
});
