import type { BusinessCalendar, WorkingDay } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import { type ResourceCommand, resourceDecider, type ResourceEvent } from './resource.decider';
import { businessMorningOf, expiryReminderAt, toolOverdueAt } from './resource.timers';

// Resource timers fire at the start of the tenant's business day in its own time zone (issue 15 item 2), and a
// rental visit names the contract the lease is under (for contracts' review).

const weekdays = (timeZone: string, open: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  workingHours: ([1, 2, 3, 4, 5] as const).map((weekday): WorkingDay => ({ weekday, open, close: '18:00' })),
  holidays,
});
/** UTC+8, open 09:00. */
const shanghai = weekdays('Asia/Shanghai', '09:00', ['2026-10-01']);
/** UTC−8 in winter, open 08:30. */
const losAngeles = weekdays('America/Los_Angeles', '08:30');
/** UTC+14, open 08:00: noon UTC is already the next local day there. */
const kiritimati = weekdays('Pacific/Kiritimati', '08:00');

describe('the start of the tenant’s business day', () => {
  it.each<[string, BusinessCalendar, string, string]>([
    ['UTC+8 on a Wednesday: 09:00 local', shanghai, '2026-03-04', '2026-03-04T01:00:00.000Z'],
    ['UTC+8 on a Saturday: Monday 09:00 local', shanghai, '2026-03-07', '2026-03-09T01:00:00.000Z'],
    ['UTC+8 on a holiday (Thursday): Friday 09:00 local', shanghai, '2026-10-01', '2026-10-02T01:00:00.000Z'],
    ['UTC−8 on a Wednesday: 08:30 local', losAngeles, '2026-03-04', '2026-03-04T16:30:00.000Z'],
    [
      'UTC+14 on a Wednesday: 08:00 local, the UTC day before',
      kiritimati,
      '2026-03-04',
      '2026-03-03T18:00:00.000Z',
    ],
    [
      'no working day at all: local midnight',
      { timeZone: 'Asia/Shanghai', workingHours: [], holidays: [] },
      '2026-03-04',
      '2026-03-03T16:00:00.000Z',
    ],
  ])('%s', (_why, calendar, day, expected) => {
    expect(businessMorningOf(calendar, day).toISOString()).toBe(expected);
  });

  it('reminds a tenant at UTC+8 of a paper ending on 2026-06-30 on 2026-05-31 (30 days before)… at Monday 09:00 local', () => {
    // 2026-05-31 is a Sunday: the reminder is given at the next business morning, Monday 1 June 09:00 in Shanghai.
    expect(expiryReminderAt(shanghai, '2026-06-30').toISOString()).toBe('2026-06-01T01:00:00.000Z');
    expect(expiryReminderAt(shanghai, '2026-07-03').toISOString()).toBe('2026-06-03T01:00:00.000Z');
  });

  it('marks a tool due back on Tuesday overdue on Wednesday at the tenant’s opening', () => {
    expect(toolOverdueAt(shanghai, '2026-03-03').toISOString()).toBe('2026-03-04T01:00:00.000Z');
    expect(toolOverdueAt(losAngeles, '2026-03-03').toISOString()).toBe('2026-03-04T16:30:00.000Z');
  });
});

describe('a rental visit names the lease’s contract', () => {
  const R = 'res-1';
  const now = new Date('2026-03-02T02:00:00.000Z');
  const unit: ResourceEvent = {
    type: 'ResourceRegistered',
    data: { resourceId: R, kind: 'equipment', name: 'Generator', inspectionValidTo: '2026-12-31' },
  };
  const list = ['exterior', 'performance', 'accessories'].map((item) => ({ item, passed: true }));
  const deliveredUnder = (contractId?: string): ResourceEvent => ({
    type: 'RentalDelivered',
    data: {
      resourceId: R,
      orderId: 'o-1',
      customerId: 'c-1',
      ...(contractId === undefined ? {} : { contractId }),
      checklist: list,
      customerSigned: true,
      staffSignedBy: 's-1',
      deliveredAt: now.toISOString(),
    },
  });
  const visit = {
    type: 'RecordRentalVisit',
    data: { resourceId: R, orderId: 'o-2', work: ['checked'], note: 'ok' },
  } as ResourceCommand;

  it.each<[string, string | undefined, string | undefined, string | undefined]>([
    ['the lease’s contract', 'k-lease', undefined, 'k-lease'],
    ['the lease’s contract before the visit order’s', 'k-lease', 'k-other', 'k-lease'],
    ['the visit order’s when the lease names none', undefined, 'k-visit', 'k-visit'],
    ['none when neither names one', undefined, undefined, undefined],
  ])('%s', (_why, leaseContract, orderContract, expected) => {
    deciderSpec(resourceDecider, {
      now,
      today: '2026-03-02',
      order: {
        orderId: 'o-2',
        kind: 'rental_visit',
        customerId: 'c-1',
        ...(orderContract === undefined ? {} : { contractId: orderContract }),
      },
    })
      .given([unit, deliveredUnder(leaseContract)])
      .when(visit)
      .then([
        {
          type: 'RentalVisitRecorded',
          data: {
            resourceId: R,
            orderId: 'o-2',
            deliveryOrderId: 'o-1',
            ...(expected === undefined ? {} : { contractId: expected }),
            work: ['checked'],
            note: 'ok',
            at: now.toISOString(),
          },
        },
      ]);
  });
});

describe('records against a closed order (its quote declined)', () => {
  const R = 'res-1';
  const now = new Date('2026-03-02T02:00:00.000Z');
  const unit: ResourceEvent = {
    type: 'ResourceRegistered',
    data: { resourceId: R, kind: 'equipment', name: 'Generator', inspectionValidTo: '2026-12-31' },
  };
  const passed = (items: readonly string[]) => items.map((item) => ({ item, passed: true }));
  const context = (kind: string, closed: boolean, cancelled = false) => ({
    now,
    today: '2026-03-02',
    order: {
      orderId: 'o-1',
      kind,
      customerId: 'c-1',
      ...(closed ? { closed } : {}),
      ...(cancelled ? { cancelled } : {}),
    },
  });
  it.each<[string, string, object]>([
    ['a preparation check', 'repair', { orderId: 'o-1', items: passed(['cleaned', 'tested']) }],
    [
      'a rental delivery',
      'rental_delivery',
      {
        orderId: 'o-1',
        checklist: passed(['exterior', 'performance', 'accessories']),
        customerSigned: true,
        staffSignedBy: 's-1',
      },
    ],
  ])(
    'refuses %s (ORDERS.ORDER_CLOSED, ORDERS.ORDER_CANCELLED), accepts it on an open order',
    (what, kind, data) => {
      const type = what === 'a preparation check' ? 'RecordPreparationCheck' : 'DeliverRental';
      const command = { type, data: { resourceId: R, ...data } } as ResourceCommand;
      deciderSpec(resourceDecider, context(kind, true))
        .given([unit])
        .when(command)
        .thenThrows('ORDERS.ORDER_CLOSED');
      deciderSpec(resourceDecider, context(kind, false, true))
        .given([unit])
        .when(command)
        .thenThrows('ORDERS.ORDER_CANCELLED');
      expect(
        resourceDecider.decide(
          command,
          resourceDecider.evolve(resourceDecider.initialState(), unit),
          context(kind, false),
        ),
      ).toHaveLength(1);
    },
  );
});
