import { ORDER_STATUSES } from '@serviceops/contracts';
import { type BusinessCalendar, type WorkingDay } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import type { OrderContext, RequestKind, WorkStage } from './order.state';
import { awaitsArrivalCheck, orderDecider, type OrderCommand } from './order.decider';
import type { OrderCancelled, OrderEvent, RequestRegistered } from './order.events';
import { furthest, type OrderStatus } from './order.state';
import { STAGE_OF_EVENT, workStageOf } from '../work-order/work-order.decider';

// The order's status through its whole lifecycle (issue 15): the order follows its work order's stage, moves
// only forward, and refuses what a closed (quote declined) or completed order forbids.

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
const K = 'contract-1';
/** Monday 2026-03-02 10:00 in Shanghai. */
const monday10 = new Date('2026-03-02T10:00+08:00');
const at = monday10.toISOString();
const base: OrderContext = { now: monday10, calendar: shanghai };
const spec = (given: readonly OrderEvent[], context: Partial<OrderContext> = {}) =>
  deciderSpec(orderDecider, { ...base, ...context }).given(given);

const registeredAs = (overrides: Partial<RequestRegistered['data']> = {}): OrderEvent => ({
  type: 'RequestRegistered',
  data: {
    orderId: O,
    customerId: 'cust-1',
    line: 'after_sales_repair',
    kind: 'repair',
    serviceType: 'paid',
    wantedAt: '2026-03-03T02:00:00.000Z',
    zone: 'town',
    address: '12 Nanjing Road',
    subject: 'Washer X200',
    problem: 'Drum does not turn',
    quoteRequired: true,
    receivedAt: at,
    responseDueAt: '2026-03-03T02:00:00.000Z',
    arrivalWithinBusinessHours: 6,
    arrivalDueAt: '2026-03-02T08:00:00.000Z',
    policyVersion: 0,
    ...overrides,
  },
});
const registered = registeredAs();
const slot = { start: '2026-03-03T01:00:00.000Z', end: '2026-03-03T03:00:00.000Z' };
const dispatched: OrderEvent = {
  type: 'OrderDispatched',
  data: { orderId: O, staffId: 's-1', slot, dispatchedAt: at },
};
const quoted: OrderEvent = { type: 'OrderQuoted', data: { orderId: O, at } };
const accepted: OrderEvent = { type: 'OrderQuoteAccepted', data: { orderId: O, at } };
const closed: OrderEvent = { type: 'OrderClosed', data: { orderId: O, reason: 'quote_declined', at } };
const started: OrderEvent = { type: 'OrderWorkStarted', data: { orderId: O, startedAt: at } };
const completed: OrderEvent = { type: 'OrderWorkCompleted', data: { orderId: O, completedAt: at } };
const cancelledFrom = (from: OrderCancelled['data']['from']): OrderEvent => ({
  type: 'OrderCancelled',
  data: { orderId: O, customerId: 'cust-1', from, reason: 'Customer moved away', cancelledAt: at },
});
const cancel: OrderCommand = { type: 'CancelOrder', data: { orderId: O, reason: '  Customer moved away ' } };
const stage = (s: WorkStage): OrderCommand => ({ type: 'RecordWorkStage', data: { orderId: O, stage: s } });
const dispatch: OrderCommand = { type: 'DispatchOrder', data: { orderId: O, staffId: 's-1', slot } };
const eligible = { staffId: 's-1', eligible: true, reasons: [] };
const statusAfter = (events: readonly OrderEvent[]): string =>
  events.reduce(orderDecider.evolve, orderDecider.initialState()).status;

describe('an order’s status through its lifecycle', () => {
  it('states the statuses in the lifecycle’s order, closed last (their rank)', () => {
    expect(ORDER_STATUSES).toEqual([
      'registered',
      'quoted',
      'quote_accepted',
      'dispatched',
      'in_progress',
      'completed',
      'closed',
      'cancelled',
    ]);
  });

  it.each<[OrderStatus, OrderStatus, OrderStatus]>([
    ['registered', 'quoted', 'quoted'],
    ['quoted', 'quote_accepted', 'quote_accepted'],
    ['quote_accepted', 'dispatched', 'dispatched'],
    ['dispatched', 'quoted', 'dispatched'],
    ['dispatched', 'quote_accepted', 'dispatched'],
    ['dispatched', 'in_progress', 'in_progress'],
    ['in_progress', 'completed', 'completed'],
    ['dispatched', 'closed', 'closed'],
    ['quoted', 'closed', 'closed'],
    ['completed', 'dispatched', 'completed'],
    ['quoted', 'quoted', 'quoted'],
    ['dispatched', 'cancelled', 'cancelled'],
    ['cancelled', 'in_progress', 'cancelled'],
    ['cancelled', 'closed', 'cancelled'],
  ])('from %s, reaching %s is %s (the furthest)', (current, next, expected) => {
    expect(furthest(current, next)).toBe(expected);
  });

  it.each<[string, OrderEvent[], string]>([
    ['registered', [registered], 'registered'],
    ['quoted', [registered, quoted], 'quoted'],
    ['quote accepted', [registered, quoted, accepted], 'quote_accepted'],
    ['declined: closed', [registered, quoted, closed], 'closed'],
    ['dispatched after the acceptance', [registered, quoted, accepted, dispatched], 'dispatched'],
    ['quoted after the dispatch', [registered, dispatched, quoted], 'dispatched'],
    ['closed after the dispatch', [registered, dispatched, quoted, closed], 'closed'],
    ['started', [registered, dispatched, started], 'in_progress'],
    ['completed', [registered, dispatched, started, completed], 'completed'],
    ['cancelled after the dispatch', [registered, dispatched, cancelledFrom('dispatched')], 'cancelled'],
  ])('folds its events to its status: %s', (_why, events, status) => {
    expect(statusAfter(events)).toBe(status);
  });

  describe('RecordWorkStage (the work order’s stage, in its transaction)', () => {
    it.each<[string, OrderEvent[], WorkStage, OrderEvent[]]>([
      ['quoted', [registered], 'quoted', [quoted]],
      ['accepted', [registered, quoted], 'quote_accepted', [accepted]],
      ['declined', [registered, quoted], 'closed', [closed]],
      ['declined after the dispatch', [registered, dispatched, quoted], 'closed', [closed]],
      ['started', [registered, dispatched], 'in_progress', [started]],
      ['completed', [registered, dispatched, started], 'completed', [completed]],
      ['quoted again', [registered, quoted], 'quoted', []],
      ['quoted after the dispatch', [registered, dispatched], 'quoted', []],
      ['accepted after the dispatch', [registered, dispatched], 'quote_accepted', []],
    ])('records the order’s stage: %s', (_why, given, reached, expected) => {
      spec(given).when(stage(reached)).then(expected);
    });

    it.each<[string, OrderEvent[], WorkStage, string]>([
      ['an unknown order', [], 'quoted', 'ORDERS.ORDER_NOT_FOUND'],
      ['a closed order started', [registered, quoted, closed], 'in_progress', 'ORDERS.ORDER_CLOSED'],
      [
        'a completed order quoted',
        [registered, dispatched, started, completed],
        'quoted',
        'ORDERS.ORDER_COMPLETED',
      ],
    ])('refuses %s', (_why, given, reached, code) => {
      spec(given).when(stage(reached)).thenThrows(code);
    });
  });

  describe('what a closed or completed order refuses', () => {
    it.each<[string, OrderEvent[], string]>([
      ['a declined quote (closed)', [registered, quoted, closed], 'ORDERS.ORDER_CLOSED'],
      ['completed', [registered, dispatched, started, completed], 'ORDERS.ORDER_COMPLETED'],
      ['started (dispatched already)', [registered, dispatched, started], 'ORDERS.ALREADY_DISPATCHED'],
    ])('refuses to dispatch an order %s', (_why, given, code) => {
      spec(given, { staff: eligible }).when(dispatch).thenThrows(code);
    });

    it('dispatches a quoted or accepted order', () => {
      spec([registered, quoted, accepted], { staff: eligible }).when(dispatch).then([dispatched]);
    });

    it.each<[string, OrderEvent[], string]>([
      ['closed', [registered, quoted, closed], 'ORDERS.ORDER_CLOSED'],
      ['completed', [registered, dispatched, started, completed], 'ORDERS.ORDER_COMPLETED'],
    ])('refuses a first response on a %s order', (_why, given, code) => {
      spec(given)
        .when({ type: 'RespondToRequest', data: { orderId: O } })
        .thenThrows(code);
    });

    it.each<[string, OrderEvent[]]>([
      ['closed', [registered, quoted, closed]],
      ['completed', [registered, dispatched, started, completed]],
    ])('escalates nothing on a %s order, past every deadline', (_why, given) => {
      const late = { now: new Date('2026-03-05T10:00+08:00') };
      spec(given, late)
        .when({ type: 'EscalateUnanswered', data: { orderId: O } })
        .then([]);
      spec(given, late)
        .when({ type: 'EscalateArrivalRisk', data: { orderId: O } })
        .then([]);
    });

    it('still escalates an open order past its deadlines', () => {
      const late = { now: new Date('2026-03-05T10:00+08:00') };
      expect(
        orderDecider
          .decide(
            { type: 'EscalateArrivalRisk', data: { orderId: O } },
            [registered, dispatched].reduce(orderDecider.evolve, orderDecider.initialState()),
            { ...base, ...late },
          )
          .map((e) => e.type),
      ).toEqual(['OrderArrivalAtRisk']);
    });

    it('does not escalate the arrival of an order whose work started on site in time', () => {
      const late = { now: new Date('2026-03-05T10:00+08:00') };
      spec([registered, dispatched, started], late)
        .when({ type: 'EscalateArrivalRisk', data: { orderId: O } })
        .then([]);
    });
  });

  describe('a maintenance visit under a contract, completed, is published for contracts', () => {
    it('counts a rental visit under its lease when the order names no contract', () => {
      const onLease = [
        registeredAs({ kind: 'rental_visit', line: 'equipment_rental', leaseContractId: 'L-1' }),
        dispatched,
        started,
      ];
      spec(onLease)
        .when(stage('completed'))
        .then([
          completed,
          {
            type: 'MaintenanceVisitCompleted',
            data: {
              orderId: O,
              contractId: 'L-1',
              customerId: 'cust-1',
              kind: 'rental_visit',
              staffId: 's-1',
              completedAt: at,
            },
          },
        ]);
      // A return is no visit: nothing for contracts.
      spec([registeredAs({ kind: 'rental_return', leaseContractId: 'L-1' }), dispatched, started])
        .when(stage('completed'))
        .then([completed]);
    });

    const visit = (kind: RequestKind, contractId?: string): OrderEvent[] => [
      registeredAs({
        kind,
        serviceType: 'under_contract',
        quoteRequired: false,
        ...(contractId === undefined ? {} : { contractId }),
      }),
      dispatched,
      started,
    ];
    it.each<[RequestKind, string | undefined, boolean]>([
      ['maintenance', K, true],
      ['rental_visit', K, true],
      ['maintenance', undefined, false],
      ['rental_visit', undefined, false],
      ['repair', K, false],
      ['installation', K, false],
      ['practice_session', K, false],
      ['rental_delivery', K, false],
    ])('%s, contract %s: published %s', (kind, contractId, published) => {
      const events = orderDecider.decide(
        stage('completed'),
        visit(kind, contractId).reduce(orderDecider.evolve, orderDecider.initialState()),
        base,
      );
      expect(events).toEqual([
        completed,
        ...(published
          ? [
              {
                type: 'MaintenanceVisitCompleted',
                data: {
                  orderId: O,
                  contractId: K,
                  customerId: 'cust-1',
                  kind,
                  staffId: 's-1',
                  completedAt: at,
                },
              },
            ]
          : []),
      ]);
    });
  });
});

describe('the work order’s stage the order follows', () => {
  it.each<[string, WorkStage | undefined]>([
    ['QuoteIssued', 'quoted'],
    ['QuoteAccepted', 'quote_accepted'],
    ['QuoteDeclined', 'closed'],
    ['WorkStarted', 'in_progress'],
    ['OrderCompleted', 'completed'],
    ['PartIssued', undefined],
    ['ExtraWorkStarted', undefined],
    ['WorkSummaryRecorded', undefined],
  ])('%s reaches %s', (type, reached) => {
    expect(workStageOf([{ type, data: {} } as never])).toBe(reached);
  });

  it('takes the last stage of a decision (the summary, then the completion)', () => {
    expect(
      workStageOf([
        { type: 'WorkSummaryRecorded', data: {} },
        { type: 'OrderCompleted', data: {} },
      ] as never),
    ).toBe('completed');
    expect(Object.keys(STAGE_OF_EVENT)).toHaveLength(5);
  });

  describe('CancelOrder (before work starts)', () => {
    it.each<[string, OrderEvent[], OrderCancelled['data']['from']]>([
      ['registered', [registered], 'registered'],
      ['quoted', [registered, quoted], 'quoted'],
      ['quote_accepted', [registered, quoted, accepted], 'quote_accepted'],
      ['dispatched', [registered, dispatched], 'dispatched'],
      ['dispatched, quoted after', [registered, dispatched, quoted], 'dispatched'],
    ])('cancels a %s order, the reason trimmed, naming the status it left', (_why, given, from) => {
      spec(given)
        .when(cancel)
        .then([cancelledFrom(from)]);
    });

    it.each<[string, OrderEvent[], string, OrderStatus]>([
      ['started', [registered, dispatched, started], 'ORDERS.WORK_ORDER_STARTED', 'in_progress'],
      ['completed', [registered, dispatched, started, completed], 'ORDERS.ORDER_COMPLETED', 'completed'],
      ['closed', [registered, quoted, closed], 'ORDERS.ORDER_CLOSED', 'closed'],
      ['cancelled', [registered, cancelledFrom('registered')], 'ORDERS.ORDER_CANCELLED', 'cancelled'],
    ])('refuses to cancel a %s order, naming its status', (_why, given, code, orderStatus) => {
      spec(given).when(cancel).thenThrows(code);
      const state = given.reduce(orderDecider.evolve, orderDecider.initialState());
      expect(() => orderDecider.decide(cancel, state, base)).toThrow(
        expect.objectContaining({ code, details: { orderStatus } }) as Error,
      );
    });

    it('names the contract the order was served under (published: billing settles it)', () => {
      spec([registeredAs({ serviceType: 'under_contract', contractId: K, quoteRequired: false })])
        .when(cancel)
        .then([
          {
            type: 'OrderCancelled',
            data: {
              orderId: O,
              customerId: 'cust-1',
              contractId: K,
              from: 'registered',
              reason: 'Customer moved away',
              cancelledAt: at,
            },
          },
        ]);
    });

    it('refuses an unknown order and a blank or over-long reason', () => {
      spec([]).when(cancel).thenThrows('ORDERS.ORDER_NOT_FOUND');
      spec([registered])
        .when({ type: 'CancelOrder', data: { orderId: O, reason: '   ' } })
        .thenThrows('ORDERS.INVALID_TEXT');
      spec([registered])
        .when({ type: 'CancelOrder', data: { orderId: O, reason: 'x'.repeat(501) } })
        .thenThrows('ORDERS.INVALID_TEXT');
      spec([registered])
        .when({ type: 'CancelOrder', data: { orderId: O, reason: 'x'.repeat(500) } })
        .then([
          {
            type: 'OrderCancelled',
            data: {
              orderId: O,
              customerId: 'cust-1',
              from: 'registered',
              reason: 'x'.repeat(500),
              cancelledAt: at,
            },
          },
        ]);
    });

    it.each<[string, OrderCommand, string]>([
      ['dispatched', dispatch, 'ORDERS.ORDER_CANCELLED'],
      ['answered', { type: 'RespondToRequest', data: { orderId: O } }, 'ORDERS.ORDER_CANCELLED'],
      ['quoted', stage('quoted'), 'ORDERS.ORDER_CANCELLED'],
      ['started', stage('in_progress'), 'ORDERS.ORDER_CANCELLED'],
    ])('a cancelled order is not %s any more', (_why, command, code) => {
      spec([registered, cancelledFrom('registered')], { staff: eligible })
        .when(command)
        .thenThrows(code);
    });

    it.each<[string, OrderEvent[], boolean]>([
      ['registered', [registered], true],
      ['dispatched', [registered, dispatched], true],
      ['started', [registered, dispatched, started], false],
      ['closed', [registered, quoted, closed], false],
      ['cancelled', [registered, dispatched, cancelledFrom('dispatched')], false],
      [
        'escalated',
        [
          registered,
          {
            type: 'OrderArrivalAtRisk',
            data: { orderId: O, arrivalDueAt: at, state: 'at_risk', escalatedAt: at },
          },
        ],
        false,
      ],
    ])('sets a next arrival check on a %s order: %s', (_why, given, expected) => {
      expect(awaitsArrivalCheck(given.reduce(orderDecider.evolve, orderDecider.initialState()))).toBe(
        expected,
      );
    });

    it('escalates nothing on a cancelled order, past every deadline', () => {
      const late = { now: new Date('2026-03-05T10:00+08:00') };
      const given = [registered, dispatched, cancelledFrom('dispatched')];
      spec(given, late)
        .when({ type: 'EscalateUnanswered', data: { orderId: O } })
        .then([]);
      spec(given, late)
        .when({ type: 'EscalateArrivalRisk', data: { orderId: O } })
        .then([]);
    });
  });
});
