import { defaultBusinessCalendar } from '@serviceops/kernel';
import type { OrderEvent } from '../order/order.events';
import { orderDecider } from '../order/order.decider';
import { type AvailabilityInterval, availabilityAt, withAvailabilityChange } from './availability';
import { rankCandidates, type StaffFacts } from './candidates';

// Recorded StaffAvailabilityChanged payloads (libs/contracts staff-people.events.ts), as staff publishes them.
const shift = (intervalId: string, from: string, to: string, over: Partial<AvailabilityInterval> = {}) =>
  ({
    kind: 'working_slot',
    intervalId,
    from: `2026-03-10T${from}:00.000Z`,
    to: `2026-03-10T${to}:00.000Z`,
    active: true,
    changedAt: '2026-03-01T00:00:00.000Z',
    ...over,
  }) as const satisfies AvailabilityInterval;
const leave = (from: string, to: string, over: Partial<AvailabilityInterval> = {}): AvailabilityInterval =>
  shift('leave-1', from, to, { kind: 'leave', ...over });
const slot = (start: string, end: string) => ({
  start: `2026-03-10T${start}:00.000Z`,
  end: `2026-03-10T${end}:00.000Z`,
});

describe('availability at a slot (issue 15 item 3)', () => {
  const day = shift('s-1', '01:00', '09:00');
  it.each<[string, AvailabilityInterval[], ReturnType<typeof slot>, string[]]>([
    ['no schedule on record: not restricted', [], slot('02:00', '04:00'), []],
    ['inside the shift', [day], slot('02:00', '04:00'), []],
    ['exactly the shift', [day], slot('01:00', '09:00'), []],
    ['starting a minute before the shift', [day], slot('00:59', '04:00'), ['not_working']],
    ['ending a minute after the shift', [day], slot('06:00', '09:01'), ['not_working']],
    ['wholly outside the shift', [day], slot('10:00', '11:00'), ['not_working']],
    [
      'across two back-to-back shifts',
      [shift('s-a', '01:00', '05:00'), shift('s-b', '05:00', '09:00')],
      slot('04:00', '06:00'),
      [],
    ],
    [
      'across two shifts with a gap between',
      [shift('s-a', '01:00', '05:00'), shift('s-b', '05:01', '09:00')],
      slot('04:00', '06:00'),
      ['not_working'],
    ],
    [
      'a shift on record but inactive: not working',
      [shift('s-1', '01:00', '09:00', { active: false })],
      slot('02:00', '03:00'),
      ['not_working'],
    ],
    ['on approved leave over the slot', [day, leave('00:00', '23:59')], slot('02:00', '04:00'), ['on_leave']],
    [
      'leave overlapping the slot by a minute',
      [day, leave('03:59', '05:00')],
      slot('02:00', '04:00'),
      ['on_leave'],
    ],
    ['leave ending as the slot starts', [day, leave('00:00', '02:00')], slot('02:00', '04:00'), []],
    ['leave starting as the slot ends', [day, leave('04:00', '05:00')], slot('02:00', '04:00'), []],
    ['a cancelled leave', [day, leave('00:00', '23:59', { active: false })], slot('02:00', '04:00'), []],
    ['on leave, no schedule on record', [leave('00:00', '23:59')], slot('02:00', '04:00'), ['on_leave']],
    [
      'on leave and outside the shift',
      [day, leave('00:00', '23:59')],
      slot('10:00', '11:00'),
      ['not_working', 'on_leave'],
    ],
  ])('%s', (_why, intervals, s, reasons) => {
    expect(availabilityAt(intervals, s)).toEqual({ available: reasons.length === 0, reasons });
  });

  it('keeps the latest change of an interval: a redelivery or a late older change changes nothing', () => {
    const approved = leave('00:00', '23:59', { changedAt: '2026-03-02T00:00:00.000Z' });
    const cancelled = { ...approved, active: false, changedAt: '2026-03-03T00:00:00.000Z' };
    const once = [approved, cancelled].reduce<AvailabilityInterval[]>(withAvailabilityChange, []);
    expect(once).toEqual([cancelled]);
    expect(
      [cancelled, approved, cancelled].reduce<AvailabilityInterval[]>(withAvailabilityChange, []),
    ).toEqual([cancelled]);
  });
});

describe('candidates with availability and load', () => {
  const eligibleFrom = (staffId: string) => [
    { staffId, eligible: true, reasons: [], since: '2026-01-01T00:00:00.000Z' },
  ];
  const person = (staffId: string, over: Partial<StaffFacts> = {}): StaffFacts => ({
    staffId,
    eligibility: eligibleFrom(staffId),
    booked: [],
    load: 0,
    availability: [shift(`shift-${staffId}`, '01:00', '09:00')],
    ...over,
  });
  it('ranks those working, not on leave and free by load; the others out with why', () => {
    const ranked = rankCandidates(
      [
        person('a-busy', { load: 2 }),
        person('b-on-leave', { availability: [shift('x', '01:00', '09:00'), leave('00:00', '23:59')] }),
        person('c-off-shift', { availability: [shift('y', '10:00', '18:00')] }),
        person('d-no-schedule', { availability: [], load: 1 }),
        person('e-least'),
        person('f-booked', { booked: [slot('03:00', '05:00')] }),
        person('g-ineligible', {
          eligibility: [
            {
              staffId: 'g-ineligible',
              eligible: false,
              reasons: [{ reason: 'suspended', kind: 'driving_licence' }],
              since: '2026-01-01T00:00:00.000Z',
            },
          ],
          availability: [leave('00:00', '23:59')],
        }),
      ],
      slot('02:00', '04:00'),
    );
    expect(ranked.map((c) => [c.staffId, c.inRunning, c.reasons])).toEqual([
      ['e-least', true, ['least_loaded']],
      ['d-no-schedule', true, ['load:1']],
      ['a-busy', true, ['load:2']],
      ['b-on-leave', false, ['on_leave']],
      ['c-off-shift', false, ['not_working']],
      ['f-booked', false, ['booked']],
      ['g-ineligible', false, ['suspended', 'on_leave']],
    ]);
  });
});

describe('dispatch to an unavailable person', () => {
  const now = new Date('2026-03-02T02:00:00.000Z');
  const registered = {
    type: 'RequestRegistered',
    data: {
      orderId: 'o-1',
      customerId: 'c-1',
      line: 'after_sales_repair',
      kind: 'repair',
      serviceType: 'paid',
      wantedAt: '2026-03-10T02:00:00.000Z',
      zone: 'town',
      address: 'a',
      subject: 's',
      problem: 'p',
      quoteRequired: true,
      receivedAt: now.toISOString(),
      responseDueAt: '2026-03-03T02:00:00.000Z',
      arrivalWithinBusinessHours: 6,
      arrivalDueAt: '2026-03-02T08:00:00.000Z',
      policyVersion: 1,
    },
  } as OrderEvent;
  const state = orderDecider.evolve(orderDecider.initialState(), registered);
  const command = {
    type: 'DispatchOrder',
    data: { orderId: 'o-1', staffId: 's-1', slot: slot('02:00', '04:00') },
  } as const;
  const staff = { staffId: 's-1', eligible: true, reasons: [] };
  it.each<[string, { available: boolean; reasons: string[] }, string | null]>([
    ['on leave: refused', { available: false, reasons: ['on_leave'] }, 'ORDERS.STAFF_UNAVAILABLE'],
    ['not working then: refused', { available: false, reasons: ['not_working'] }, 'ORDERS.STAFF_UNAVAILABLE'],
    ['available: dispatched', { available: true, reasons: [] }, null],
  ])('%s', (_why, availability, code) => {
    const decide = () =>
      orderDecider.decide(command, state, {
        now,
        calendar: defaultBusinessCalendar,
        staff,
        availability,
      });
    if (code === null) expect(decide()[0]?.type).toBe('OrderDispatched');
    else
      expect(decide).toThrow(
        expect.objectContaining({
          code,
          details: expect.objectContaining({ reasons: availability.reasons }) as object,
        }) as Error,
      );
  });
});
