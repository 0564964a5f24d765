import { type BusinessCalendar, type WorkingDay } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import type { EntitlementFacts, LeaseFacts, OrderContext, RequestKind } from './order.state';
import { assertSlot, orderDecider, type OrderCommand } from './order.decider';
import type { RegisterRequest } from './register-request';
import type { OrderEvent } from './order.events';

/** Asia/Shanghai, open 09:00–18:00 Monday to Friday. */
const shanghai: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  workingHours: ([1, 2, 3, 4, 5] as const).map((weekday): WorkingDay => ({
    weekday,
    open: '09:00',
    close: '18:00',
  })),
  holidays: [],
};
const O = 'order-1';
const C = 'cust-1';
/** Monday 2026-03-02 10:00 in Shanghai. */
const monday10 = new Date('2026-03-02T10:00+08:00');
const policy = {
  version: 2,
  arrivalWithinBusinessHours: { town: 6, suburb: 7 },
  firstResponseWithinHours: 24,
};
const base: OrderContext = { now: monday10, calendar: shanghai, policy };
const spec = (given: readonly OrderEvent[], context: Partial<OrderContext> = {}) =>
  deciderSpec(orderDecider, { ...base, ...context }).given(given);

const register = (overrides: Partial<RegisterRequest['data']> = {}): OrderCommand => ({
  type: 'RegisterRequest',
  data: {
    orderId: O,
    customerId: C,
    line: 'after_sales_repair',
    kind: 'repair',
    serviceType: 'paid',
    wantedAt: '2026-03-03T02:00:00.000Z',
    zone: 'town',
    address: ' 12 Nanjing Road ',
    subject: 'Washer X200',
    problem: ' Drum does not turn ',
    ...overrides,
  },
});
const registered: OrderEvent = {
  type: 'RequestRegistered',
  data: {
    orderId: O,
    customerId: C,
    line: 'after_sales_repair',
    kind: 'repair',
    serviceType: 'paid',
    wantedAt: '2026-03-03T02:00:00.000Z',
    zone: 'town',
    address: '12 Nanjing Road',
    subject: 'Washer X200',
    problem: 'Drum does not turn',
    quoteRequired: true,
    receivedAt: monday10.toISOString(),
    responseDueAt: '2026-03-03T02:00:00.000Z',
    arrivalWithinBusinessHours: 6,
    arrivalDueAt: '2026-03-02T08:00:00.000Z',
    policyVersion: 2,
  },
};
const package10: EntitlementFacts = {
  contractId: 'k-1',
  customerId: C,
  line: 'driving_practice',
  effectiveFrom: '2026-01-01',
  endDate: '2026-12-31',
  sessionsLeft: 10,
  warranty: null,
};
const warranty: EntitlementFacts = {
  contractId: 'w-1',
  customerId: C,
  line: 'after_sales_repair',
  effectiveFrom: '2025-06-01',
  endDate: '2027-05-31',
  sessionsLeft: null,
  warranty: { products: ['Washer X200'], from: '2025-06-01', to: '2027-05-31' },
};
const responded = (at: string, late: boolean): OrderEvent => ({
  type: 'RequestResponded',
  data: { orderId: O, respondedAt: at, late },
});
const slot = { start: '2026-03-03T01:00:00.000Z', end: '2026-03-03T03:00:00.000Z' };
const dispatched: OrderEvent = {
  type: 'OrderDispatched',
  data: { orderId: O, staffId: 's-1', slot, dispatchedAt: monday10.toISOString() },
};
const eligible = { staffId: 's-1', eligible: true, reasons: [] };

describe('order decider', () => {
  describe('RegisterRequest', () => {
    it('registers a paid request: trimmed text, a quote to wait for, 24 h to respond, 6 working hours to arrive', () => {
      spec([]).when(register()).then([registered]);
    });

    it.each<[string, Partial<RegisterRequest['data']>, number, string]>([
      ['town: 6 working hours', { zone: 'town' }, 6, '2026-03-02T16:00+08:00'],
      ['suburb: 7 working hours', { zone: 'suburb' }, 7, '2026-03-02T17:00+08:00'],
    ])('counts the arrival deadline in business hours, %s', (_why, overrides, hours, due) => {
      const [e] = orderDecider.decide(register(overrides), orderDecider.initialState(), base);
      expect(
        e?.type === 'RequestRegistered' && [e.data.arrivalWithinBusinessHours, e.data.arrivalDueAt],
      ).toEqual([hours, new Date(due).toISOString()]);
    });

    it.each<[string, Partial<RegisterRequest['data']>, EntitlementFacts | undefined, boolean]>([
      [
        'a package session with sessions left',
        {
          line: 'driving_practice',
          kind: 'practice_session',
          serviceType: 'under_contract',
          contractId: 'k-1',
        },
        package10,
        false,
      ],
      [
        'a package session with one left',
        { line: 'driving_practice', kind: 'practice_session', serviceType: 'under_contract' },
        { ...package10, sessionsLeft: 1 },
        false,
      ],
      ['a repair under warranty', { serviceType: 'under_warranty' }, warranty, false],
      ['a paid repair', { serviceType: 'paid' }, undefined, true],
    ])('accepts %s (quote required: %s)', (_why, overrides, entitlement, quote) => {
      const [e] = orderDecider.decide(register(overrides), orderDecider.initialState(), {
        ...base,
        ...(entitlement ? { entitlement } : {}),
      });
      expect(e?.type === 'RequestRegistered' && e.data.quoteRequired).toBe(quote);
    });

    const session = {
      line: 'driving_practice',
      kind: 'practice_session',
      serviceType: 'under_contract',
    } as const;
    it.each<[string, OrderEvent[], Partial<OrderContext>, Partial<RegisterRequest['data']>, string]>([
      ['the order exists', [registered], {}, {}, 'ORDERS.ORDER_EXISTS'],
      ['the line is unknown', [], {}, { line: 'cooking' as 'driving_practice' }, 'ORDERS.INVALID_LINE'],
      ['the kind is unknown', [], {}, { kind: 'magic' as 'repair' }, 'ORDERS.INVALID_KIND'],
      [
        'the service type is unknown',
        [],
        {},
        { serviceType: 'free' as 'paid' },
        'ORDERS.INVALID_SERVICE_TYPE',
      ],
      ['the zone is unknown', [], {}, { zone: 'moon' as 'town' }, 'ORDERS.INVALID_ZONE'],
      ['the wanted time is not an instant', [], {}, { wantedAt: 'tomorrow' }, 'ORDERS.INVALID_WANTED_AT'],
      [
        'the wanted time is before the request',
        [],
        {},
        { wantedAt: '2026-03-02T01:59:59.999Z' },
        'ORDERS.WANTED_IN_PAST',
      ],
      ['the address is blank', [], {}, { address: ' ' }, 'ORDERS.INVALID_TEXT'],
      ['the address is too long', [], {}, { address: 'a'.repeat(501) }, 'ORDERS.INVALID_TEXT'],
      ['the subject is too long', [], {}, { subject: 's'.repeat(201) }, 'ORDERS.INVALID_TEXT'],
      ['the problem is empty', [], {}, { problem: '' }, 'ORDERS.INVALID_TEXT'],
      ['under contract with no entitlement known', [], {}, session, 'ORDERS.NO_ENTITLEMENT'],
      [
        'under contract, the 11th of 10 sessions',
        [],
        { entitlement: { ...package10, sessionsLeft: 0 } },
        session,
        'ORDERS.NO_ENTITLEMENT',
      ],
      [
        'under contract, another customer’s contract',
        [],
        { entitlement: { ...package10, customerId: 'cust-2' } },
        session,
        'ORDERS.NO_ENTITLEMENT',
      ],
      [
        'under contract, another contract than named',
        [],
        { entitlement: package10 },
        { ...session, contractId: 'k-2' },
        'ORDERS.NO_ENTITLEMENT',
      ],
      [
        'under contract, another line',
        [],
        { entitlement: package10 },
        { ...session, line: 'after_sales_repair' },
        'ORDERS.NO_ENTITLEMENT',
      ],
      [
        'under contract, before it takes effect',
        [],
        { entitlement: { ...package10, effectiveFrom: '2026-03-03' } },
        session,
        'ORDERS.NO_ENTITLEMENT',
      ],
      [
        'under contract, after it ended',
        [],
        { entitlement: { ...package10, endDate: '2026-03-01' } },
        session,
        'ORDERS.NO_ENTITLEMENT',
      ],
      [
        'under warranty with no coverage known',
        [],
        {},
        { serviceType: 'under_warranty' },
        'ORDERS.NOT_UNDER_WARRANTY',
      ],
      [
        'under warranty, another product',
        [],
        { entitlement: warranty },
        { serviceType: 'under_warranty', subject: 'Dryer D1' },
        'ORDERS.NOT_UNDER_WARRANTY',
      ],
      [
        'under warranty, the coverage ended',
        [],
        {
          entitlement: {
            ...warranty,
            warranty: { products: ['Washer X200'], from: '2025-01-01', to: '2026-03-01' },
          },
        },
        { serviceType: 'under_warranty' },
        'ORDERS.NOT_UNDER_WARRANTY',
      ],
      [
        'under warranty, the coverage not begun',
        [],
        {
          entitlement: {
            ...warranty,
            warranty: { products: ['Washer X200'], from: '2026-03-03', to: '2027-03-01' },
          },
        },
        { serviceType: 'under_warranty' },
        'ORDERS.NOT_UNDER_WARRANTY',
      ],
      [
        'under warranty, a package contract',
        [],
        { entitlement: package10 },
        { serviceType: 'under_warranty' },
        'ORDERS.NOT_UNDER_WARRANTY',
      ],
    ])('refuses when %s', (_why, given, context, overrides, code) => {
      spec(given, context).when(register(overrides)).thenThrows(code);
    });

    it.each<[string, string]>([
      ['the last day of the contract', '2026-12-31T10:00:00.000Z'],
      ['its first day', '2026-01-01T01:00:00.000Z'],
    ])('accepts a session on %s', (_why, now) => {
      const events = orderDecider.decide(
        register({ ...session, wantedAt: now }),
        orderDecider.initialState(),
        {
          ...base,
          now: new Date(now),
          entitlement: package10,
        },
      );
      expect(events).toHaveLength(1);
    });

    it('is a wiring error to leave the calendar out', () => {
      expect(() =>
        orderDecider.decide(register(), orderDecider.initialState(), { now: monday10, policy }),
      ).toThrow(/calendar/);
    });
  });

  describe('first response within 24 h', () => {
    it.each<[string, string, boolean]>([
      ['before the deadline: on time', '2026-03-02T05:00:00.000Z', false],
      ['at the deadline exactly: on time', '2026-03-03T02:00:00.000Z', false],
      ['a millisecond after: late', '2026-03-03T02:00:00.001Z', true],
    ])('responds %s', (_why, now, late) => {
      spec([registered], { now: new Date(now) })
        .when({ type: 'RespondToRequest', data: { orderId: O } })
        .then([responded(now, late)]);
    });

    it.each<[string, OrderEvent[], string]>([
      ['twice', [registered, responded('2026-03-02T05:00:00.000Z', false)], 'ORDERS.ALREADY_RESPONDED'],
      ['to an order not there', [], 'ORDERS.ORDER_NOT_FOUND'],
    ])('refuses to respond %s', (_why, given, code) => {
      spec(given)
        .when({ type: 'RespondToRequest', data: { orderId: O } })
        .thenThrows(code);
    });

    it.each<[string, string]>([
      ['at the deadline', '2026-03-03T02:00:00.000Z'],
      ['after it', '2026-03-03T09:00:00.000Z'],
    ])('escalates an unanswered request %s', (_why, now) => {
      spec([registered], { now: new Date(now) })
        .when({ type: 'EscalateUnanswered', data: { orderId: O } })
        .then([
          {
            type: 'RequestResponseOverdue',
            data: { orderId: O, customerId: C, responseDueAt: '2026-03-03T02:00:00.000Z', escalatedAt: now },
          },
        ]);
    });

    const overdue: OrderEvent = {
      type: 'RequestResponseOverdue',
      data: {
        orderId: O,
        customerId: C,
        responseDueAt: '2026-03-03T02:00:00.000Z',
        escalatedAt: '2026-03-03T02:00:00.000Z',
      },
    };
    it.each<[string, OrderEvent[], string, string]>([
      ['before the deadline', [registered], '2026-03-03T01:59:59.999Z', O],
      [
        'once answered',
        [registered, responded('2026-03-02T05:00:00.000Z', false)],
        '2026-03-04T00:00:00.000Z',
        O,
      ],
      ['a second time (fires once)', [registered, overdue], '2026-03-04T00:00:00.000Z', O],
      ['for an order not there', [], '2026-03-04T00:00:00.000Z', O],
      ['for another order', [registered], '2026-03-04T00:00:00.000Z', 'order-2'],
    ])('does not escalate %s', (_why, given, now, orderId) => {
      spec(given, { now: new Date(now) })
        .when({ type: 'EscalateUnanswered', data: { orderId } })
        .then([]);
    });
  });

  describe('EscalateArrivalRisk (the arrival deadline, recounted in the calendar as it stands)', () => {
    // Registered Monday 10:00 in town: due 16:00, at risk from 15:00.
    const risk = (state: 'at_risk' | 'missed', now: string): OrderEvent => ({
      type: 'OrderArrivalAtRisk',
      data: {
        orderId: O,
        arrivalDueAt: '2026-03-02T08:00:00.000Z',
        state,
        escalatedAt: new Date(now).toISOString(),
      },
    });
    it.each<[string, string, OrderEvent[]]>([
      ['14:59: nothing yet', '2026-03-02T14:59+08:00', []],
      [
        '15:00, an hour before: at risk',
        '2026-03-02T15:00+08:00',
        [risk('at_risk', '2026-03-02T15:00+08:00')],
      ],
      [
        '16:00, at the deadline: at risk',
        '2026-03-02T16:00+08:00',
        [risk('at_risk', '2026-03-02T16:00+08:00')],
      ],
      ['16:01: missed', '2026-03-02T16:01+08:00', [risk('missed', '2026-03-02T16:01+08:00')]],
    ])('at %s', (_why, now, expected) => {
      spec([registered], { now: new Date(now) })
        .when({ type: 'EscalateArrivalRisk', data: { orderId: O } })
        .then(expected);
    });

    it('escalates once', () => {
      spec([registered, risk('at_risk', '2026-03-02T15:00+08:00')], {
        now: new Date('2026-03-02T17:00+08:00'),
      })
        .when({ type: 'EscalateArrivalRisk', data: { orderId: O } })
        .then([]);
    });

    it('does nothing when a calendar change moved the deadline (Monday afternoon made a holiday)', () => {
      const shorter = {
        ...shanghai,
        workingHours: shanghai.workingHours.map((d) => (d.weekday === 1 ? { ...d, close: '12:00' } : d)),
      };
      spec([registered], { now: new Date('2026-03-02T15:30+08:00'), calendar: shorter })
        .when({ type: 'EscalateArrivalRisk', data: { orderId: O } })
        .then([]);
    });
  });

  describe('DispatchOrder', () => {
    const dispatch = (s = slot, staffId = 's-1'): OrderCommand => ({
      type: 'DispatchOrder',
      data: { orderId: O, staffId, slot: s },
    });

    it('dispatches to an eligible person', () => {
      spec([registered], { staff: eligible }).when(dispatch()).then([dispatched]);
    });

    const withVan: OrderCommand = {
      type: 'DispatchOrder',
      data: { orderId: O, staffId: 's-1', slot, resourceId: 'van-1' },
    };
    it('dispatches with a vehicle going along, fit at the slot', () => {
      spec([registered], { staff: eligible, resource: { resourceId: 'van-1', fit: true, reasons: [] } })
        .when(withVan)
        .then([{ ...dispatched, data: { ...dispatched.data, resourceId: 'van-1' } }]);
    });

    it.each<[string, string[]]>([
      ['an expired inspection', ['inspection_expired']],
      ['an expired insurance', ['insurance_expired']],
      ['in maintenance', ['in_maintenance']],
      ['a failed preparation check', ['failed_check']],
    ])('refuses a vehicle unfit at the slot: %s', (_why, reasons) => {
      spec([registered], { staff: eligible, resource: { resourceId: 'van-1', fit: false, reasons } })
        .when(withVan)
        .thenThrows('ORDERS.RESOURCE_UNFIT');
    });

    it.each<[string, OrderEvent[], Partial<OrderContext>, OrderCommand, string]>([
      ['the order is not there', [], { staff: eligible }, dispatch(), 'ORDERS.ORDER_NOT_FOUND'],
      [
        'it is dispatched already',
        [registered, dispatched],
        { staff: eligible },
        dispatch(),
        'ORDERS.ALREADY_DISPATCHED',
      ],
      [
        'the person is not eligible at the slot',
        [registered],
        { staff: { staffId: 's-1', eligible: false, reasons: ['expired'] } },
        dispatch(),
        'ORDERS.STAFF_NOT_ELIGIBLE',
      ],
      [
        'the slot ends at its start',
        [registered],
        { staff: eligible },
        dispatch({ start: slot.start, end: slot.start }),
        'ORDERS.SLOT_REVERSED',
      ],
      [
        'the slot ends before it starts',
        [registered],
        { staff: eligible },
        dispatch({ start: slot.end, end: slot.start }),
        'ORDERS.SLOT_REVERSED',
      ],
      [
        'the slot starts in the past',
        [registered],
        { staff: eligible },
        dispatch({ start: '2026-03-02T01:59:59.999Z', end: slot.end }),
        'ORDERS.SLOT_IN_PAST',
      ],
      [
        'the slot crosses midnight in the tenant’s calendar (23:30–00:30 in Shanghai, one UTC day)',
        [registered],
        { staff: eligible },
        dispatch({ start: '2026-03-03T15:30:00.000Z', end: '2026-03-03T16:30:00.000Z' }),
        'ORDERS.SLOT_ACROSS_DAYS',
      ],
      [
        'the slot is not instants',
        [registered],
        { staff: eligible },
        dispatch({ start: 'soon', end: 'later' }),
        'ORDERS.INVALID_SLOT',
      ],
    ])('refuses when %s', (_why, given, context, command, code) => {
      spec(given, context).when(command).thenThrows(code);
    });

    it('accepts a slot ending at local midnight exactly, one across UTC midnight, and one starting now', () => {
      for (const s of [
        { start: '2026-03-03T15:00:00.000Z', end: '2026-03-03T16:00:00.000Z' },
        { start: '2026-03-03T23:30:00.000Z', end: '2026-03-04T00:30:00.000Z' },
        { start: monday10.toISOString(), end: '2026-03-02T03:00:00.000Z' },
      ])
        expect(
          orderDecider.decide(dispatch(s), orderDecider.evolve(orderDecider.initialState(), registered), {
            ...base,
            staff: eligible,
          }),
        ).toHaveLength(1);
    });

    it('is a wiring error to pass another person’s verdict', () => {
      expect(() =>
        orderDecider.decide(dispatch(), orderDecider.evolve(orderDecider.initialState(), registered), {
          ...base,
          staff: { ...eligible, staffId: 's-2' },
        }),
      ).toThrow(/eligibility/);
    });

    it('is a wiring error to dispatch without the tenant’s calendar', () => {
      expect(() =>
        orderDecider.decide(dispatch(), orderDecider.evolve(orderDecider.initialState(), registered), {
          now: monday10,
          staff: eligible,
        }),
      ).toThrow(/calendar/);
    });
  });
});

describe('assertSlot: a slot lies within one day of the tenant’s calendar', () => {
  const before = new Date('2026-03-01T00:00:00.000Z');
  const verdictOf = (zone: string, start: string, end: string): string => {
    try {
      assertSlot({ start, end }, before, { timeZone: zone });
      return 'accepted';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  };
  const ACROSS = 'ORDERS.SLOT_ACROSS_DAYS';
  const OK = 'accepted';
  it.each<[string, string, string, string, string]>([
    // Shanghai is UTC+8: its midnight is 16:00 UTC, and UTC midnight is 08:00 there.
    ['Asia/Shanghai', '07:30–08:30, across UTC midnight', '2026-03-03T23:30:00Z', '2026-03-04T00:30:00Z', OK],
    ['Asia/Shanghai', '09:00–18:00, a working day', '2026-03-04T01:00:00Z', '2026-03-04T10:00:00Z', OK],
    [
      'Asia/Shanghai',
      '23:00–24:00, ending at local midnight',
      '2026-03-03T15:00:00Z',
      '2026-03-03T16:00:00Z',
      OK,
    ],
    [
      'Asia/Shanghai',
      '23:30–00:30, across local midnight',
      '2026-03-03T15:30:00Z',
      '2026-03-03T16:30:00Z',
      ACROSS,
    ],
    ['UTC', '22:00–24:00, ending at midnight', '2026-03-03T22:00:00Z', '2026-03-04T00:00:00Z', OK],
    ['UTC', '23:30–00:30, across midnight', '2026-03-03T23:30:00Z', '2026-03-04T00:30:00Z', ACROSS],
    // New York is UTC−5 in early March: its midnight is 05:00 UTC.
    [
      'America/New_York',
      '18:30–19:30, across UTC midnight',
      '2026-03-03T23:30:00Z',
      '2026-03-04T00:30:00Z',
      OK,
    ],
    [
      'America/New_York',
      '23:30–00:30, across local midnight',
      '2026-03-04T04:30:00Z',
      '2026-03-04T05:30:00Z',
      ACROSS,
    ],
    [
      'America/New_York',
      '23:00–24:00, ending at local midnight',
      '2026-03-04T04:00:00Z',
      '2026-03-04T05:00:00Z',
      OK,
    ],
  ])('%s %s: %s', (zone, _why, start, end, verdict) => {
    expect(verdictOf(zone, start, end)).toBe(verdict);
  });
});

describe('a rental visit or return refers to its lease', () => {
  const lease = (contractId: string, more: Partial<LeaseFacts> = {}): LeaseFacts => ({
    contractId,
    customerId: C,
    effectiveFrom: '2026-01-01',
    endDate: '2026-12-31',
    ...more,
  });
  const rental = (kind: RequestKind, more: Partial<RegisterRequest['data']> = {}) =>
    register({ kind, line: 'equipment_rental', ...more });
  const registeredFor = (kind: RequestKind, leaseContractId?: string): OrderEvent => ({
    ...registered,
    data: {
      ...registered.data,
      kind,
      line: 'equipment_rental',
      ...(leaseContractId === undefined ? {} : { leaseContractId }),
    },
  });

  it.each<[string, RequestKind, LeaseFacts[], Partial<RegisterRequest['data']>, string]>([
    ['the customer’s only lease in force', 'rental_visit', [lease('L-1')], {}, 'L-1'],
    ['… for a return too', 'rental_return', [lease('L-1')], {}, 'L-1'],
    [
      'the only one in force (another ended yesterday, another starts tomorrow)',
      'rental_visit',
      [
        lease('L-old', { endDate: '2026-03-01' }),
        lease('L-1'),
        lease('L-next', { effectiveFrom: '2026-03-03' }),
      ],
      {},
      'L-1',
    ],
    ['ending today: still in force', 'rental_visit', [lease('L-1', { endDate: '2026-03-02' })], {}, 'L-1'],
    [
      'the one the request names, among several',
      'rental_visit',
      [lease('L-1'), lease('L-2')],
      { contractId: 'L-2' },
      'L-2',
    ],
  ])('takes %s', (_why, kind, leases, more, leaseContractId) => {
    spec([], { leases })
      .when(rental(kind, more))
      .then([
        {
          ...registeredFor(kind, leaseContractId),
          data: { ...registeredFor(kind, leaseContractId).data, ...more },
        } as OrderEvent,
      ]);
  });

  it.each<[string, LeaseFacts[], Partial<RegisterRequest['data']>, string]>([
    ['no lease at all', [], {}, 'ORDERS.NO_ACTIVE_LEASE'],
    ['only another customer’s', [lease('L-1', { customerId: 'cust-2' })], {}, 'ORDERS.NO_ACTIVE_LEASE'],
    ['only an ended one', [lease('L-1', { endDate: '2026-03-01' })], {}, 'ORDERS.NO_ACTIVE_LEASE'],
    ['only one not yet begun', [lease('L-1', { effectiveFrom: '2026-03-03' })], {}, 'ORDERS.NO_ACTIVE_LEASE'],
    ['two in force, none named', [lease('L-1'), lease('L-2')], {}, 'ORDERS.LEASE_AMBIGUOUS'],
    [
      'a named contract that is no lease of theirs',
      [lease('L-1')],
      { contractId: 'K-9' },
      'ORDERS.NOT_A_LEASE',
    ],
    [
      'a named lease that ended',
      [lease('L-1', { endDate: '2026-03-01' })],
      { contractId: 'L-1' },
      'ORDERS.NOT_A_LEASE',
    ],
  ])('refuses a visit when the customer has %s', (_why, leases, more, code) => {
    spec([], { leases }).when(rental('rental_visit', more)).thenThrows(code);
  });

  describe('in force on the tenant’s day, not the UTC one', () => {
    // 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai.
    const pastMidnight = { now: new Date('2026-03-31T16:30:00Z') };
    const wantedAt = '2026-04-02T02:00:00.000Z';
    const decide = (leases: LeaseFacts[]) =>
      orderDecider.decide(rental('rental_visit', { wantedAt }), orderDecider.initialState(), {
        ...base,
        ...pastMidnight,
        leases,
      });

    it('a lease that ended on the 31st no longer holds', () => {
      spec([], { ...pastMidnight, leases: [lease('L-1', { endDate: '2026-03-31' })] })
        .when(rental('rental_visit', { wantedAt }))
        .thenThrows('ORDERS.NO_ACTIVE_LEASE');
    });

    it('a lease from the 1st already holds', () => {
      const [event] = decide([lease('L-1', { effectiveFrom: '2026-04-01' })]);
      expect(event?.type === 'RequestRegistered' && event.data.leaseContractId).toBe('L-1');
    });

    it('a package that ended on the 31st entitles nothing', () => {
      spec([], { ...pastMidnight, entitlement: { ...package10, endDate: '2026-03-31' } })
        .when(
          register({
            line: 'driving_practice',
            kind: 'practice_session',
            serviceType: 'under_contract',
            wantedAt,
          }),
        )
        .thenThrows('ORDERS.NO_ENTITLEMENT');
    });
  });

  it('gives no lease to other kinds, a delivery included', () => {
    spec([], { leases: [] })
      .when(rental('rental_delivery'))
      .then([registeredFor('rental_delivery')]);
  });
});
