import { deciderSpec } from '@serviceops/testing';
import { defaultBusinessCalendar } from '@serviceops/kernel';
import type { OrderContext } from './order.state';
import { orderDecider, type OrderCommand } from './order.decider';
import type { OrderEvent } from './order.events';
import type { OrderStatus } from './order.state';

// Reassignment (issue 15 item 3): a dispatched order, before work starts, moves to another person fit for its
// slot, with a reason, or to another slot or resource, judged as a dispatch. The bookings are the handler's (the
// booking streams).

const O = 'order-1';
const now = new Date('2026-03-02T02:00:00.000Z');
const at = now.toISOString();
const slot = { start: '2026-03-03T01:00:00.000Z', end: '2026-03-03T03:00:00.000Z' };
const registered: OrderEvent = {
  type: 'RequestRegistered',
  data: {
    orderId: O,
    customerId: 'cust-1',
    line: 'after_sales_repair',
    kind: 'repair',
    serviceType: 'paid',
    wantedAt: slot.start,
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
  },
};
const quoted: OrderEvent = { type: 'OrderQuoted', data: { orderId: O, at } };
const dispatched: OrderEvent = {
  type: 'OrderDispatched',
  data: { orderId: O, staffId: 's-1', resourceId: 'van-1', slot, dispatchedAt: at },
};
const started: OrderEvent = { type: 'OrderWorkStarted', data: { orderId: O, startedAt: at } };
const completed: OrderEvent = { type: 'OrderWorkCompleted', data: { orderId: O, completedAt: at } };
const cancelled: OrderEvent = {
  type: 'OrderCancelled',
  data: { orderId: O, customerId: 'cust-1', from: 'registered', reason: 'Moved', cancelledAt: at },
};
const reassignedTo = (staffId: string, from = 's-1'): OrderEvent => ({
  type: 'OrderReassigned',
  data: {
    orderId: O,
    fromStaffId: from,
    staffId,
    resourceId: 'van-1',
    slot,
    reassignedAt: at,
    reason: 'Ill today',
  },
});
const reassign = (staffId: string, reason = '  Ill today '): OrderCommand => ({
  type: 'ReassignOrder',
  data: { orderId: O, staffId, reason },
});
const fit = (staffId: string): Partial<OrderContext> => ({
  staff: { staffId, eligible: true, reasons: [] },
  skill: { skilled: true, reasons: [] },
  availability: { available: true, reasons: [] },
});
const spec = (given: readonly OrderEvent[], context: Partial<OrderContext> = fit('s-2')) =>
  deciderSpec(orderDecider, { now, ...context }).given(given);
const stateAfter = (events: readonly OrderEvent[]) =>
  events.reduce(orderDecider.evolve, orderDecider.initialState());

describe('ReassignOrder (a dispatched order to another person, before work starts)', () => {
  it('moves the order to the new person for the same slot and resource, the reason trimmed', () => {
    spec([registered, dispatched])
      .when(reassign('s-2'))
      .then([reassignedTo('s-2')]);
  });

  it('moves it again from whoever has it now, and the order follows (status dispatched)', () => {
    spec([registered, dispatched, reassignedTo('s-2')], fit('s-3'))
      .when(reassign('s-3'))
      .then([reassignedTo('s-3', 's-2')]);
    const state = stateAfter([registered, dispatched, reassignedTo('s-2')]);
    expect(state).toMatchObject({
      status: 'dispatched',
      dispatch: { staffId: 's-2', slot, resourceId: 'van-1' },
    });
  });

  it('takes a slot that has begun (nobody arrived: someone else goes)', () => {
    spec([registered, dispatched], { ...fit('s-2'), now: new Date('2026-03-03T02:00:00.000Z') })
      .when(reassign('s-2'))
      .then([
        {
          ...reassignedTo('s-2'),
          data: { ...reassignedTo('s-2').data, reassignedAt: '2026-03-03T02:00:00.000Z' },
        } as OrderEvent,
      ]);
  });

  it.each<[string, OrderEvent[], string, OrderStatus]>([
    ['registered', [registered], 'ORDERS.ORDER_NOT_DISPATCHED', 'registered'],
    ['quoted', [registered, quoted], 'ORDERS.ORDER_NOT_DISPATCHED', 'quoted'],
    ['started', [registered, dispatched, started], 'ORDERS.WORK_ORDER_STARTED', 'in_progress'],
    ['completed', [registered, dispatched, started, completed], 'ORDERS.ORDER_COMPLETED', 'completed'],
    ['cancelled', [registered, cancelled], 'ORDERS.ORDER_CANCELLED', 'cancelled'],
  ])('refuses to reassign a %s order with 422, naming its status', (_why, given, code, orderStatus) => {
    expect(() => orderDecider.decide(reassign('s-2'), stateAfter(given), { now, ...fit('s-2') })).toThrow(
      expect.objectContaining({ code, details: { orderStatus } }) as Error,
    );
  });

  it.each<[string, Partial<OrderContext>, string]>([
    [
      'not eligible at the slot',
      { ...fit('s-2'), staff: { staffId: 's-2', eligible: false, reasons: ['expired'] } },
      'ORDERS.STAFF_NOT_ELIGIBLE',
    ],
    [
      'not skilled for the kind',
      { ...fit('s-2'), skill: { skilled: false, reasons: ['not_skilled_for:repair'] } },
      'ORDERS.STAFF_NOT_SKILLED',
    ],
    [
      'on leave in the slot',
      { ...fit('s-2'), availability: { available: false, reasons: ['on_leave'] } },
      'ORDERS.STAFF_UNAVAILABLE',
    ],
  ])('refuses a person %s, as a dispatch does', (_why, context, code) => {
    spec([registered, dispatched], context).when(reassign('s-2')).thenThrows(code);
  });

  it('refuses the person the order is with already', () => {
    spec([registered, dispatched], fit('s-1')).when(reassign('s-1')).thenThrows('ORDERS.SAME_STAFF');
  });

  it('refuses a blank reason', () => {
    spec([registered, dispatched]).when(reassign('s-2', '   ')).thenThrows('ORDERS.INVALID_TEXT');
  });
});

describe('ReassignOrder to another time or resource (judged as a dispatch)', () => {
  const shanghai = { ...defaultBusinessCalendar, timeZone: 'Asia/Shanghai' };
  const later = { start: '2026-03-04T01:00:00.000Z', end: '2026-03-04T02:30:00.000Z' };
  const fitResource = (resourceId: string, fitNow = true): Partial<OrderContext> => ({
    resource: { resourceId, fit: fitNow, reasons: fitNow ? [] : ['inspection_expired'] },
  });
  const move = (
    staffId: string,
    over: { slot?: { start: string; end: string }; resourceId?: string },
  ): OrderCommand => ({
    type: 'ReassignOrder',
    data: { orderId: O, staffId, reason: 'Customer asked', ...over },
  });
  const reassigned = (
    data: Partial<Extract<OrderEvent, { type: 'OrderReassigned' }>['data']>,
  ): OrderEvent => ({
    type: 'OrderReassigned',
    data: {
      orderId: O,
      fromStaffId: 's-1',
      staffId: 's-1',
      resourceId: 'van-1',
      slot,
      reassignedAt: at,
      reason: 'Customer asked',
      ...data,
    },
  });

  it.each<[string, OrderCommand, Partial<OrderContext>, OrderEvent]>([
    [
      'the same person at a new slot, the resource going along (judged there)',
      move('s-1', { slot: later }),
      { ...fit('s-1'), ...fitResource('van-1') },
      reassigned({ slot: later, fromSlot: slot }),
    ],
    [
      'another person at a new slot, written as UTC instants',
      move('s-2', { slot: { start: '2026-03-04T09:00:00+08:00', end: '2026-03-04T10:30:00+08:00' } }),
      { ...fit('s-2'), ...fitResource('van-1') },
      reassigned({ staffId: 's-2', slot: later, fromSlot: slot }),
    ],
    [
      'the same person and slot with another resource',
      move('s-1', { resourceId: 'van-2' }),
      { ...fit('s-1'), ...fitResource('van-2') },
      reassigned({ resourceId: 'van-2', fromResourceId: 'van-1' }),
    ],
    [
      'the slot given as it is, with another person: only the person moves',
      move('s-2', { slot }),
      fit('s-2'),
      reassigned({ staffId: 's-2' }),
    ],
  ])('moves %s', (_why, command, context, event) => {
    spec([registered, dispatched], { calendar: shanghai, ...context })
      .when(command)
      .then([event]);
  });

  it('leaves the order at the new slot and resource', () => {
    const state = stateAfter([
      registered,
      dispatched,
      reassigned({
        staffId: 's-2',
        slot: later,
        fromSlot: slot,
        resourceId: 'van-2',
        fromResourceId: 'van-1',
      }),
    ]);
    expect(state).toMatchObject({
      status: 'dispatched',
      dispatch: { staffId: 's-2', slot: later, resourceId: 'van-2' },
    });
  });

  it.each<[string, OrderCommand, Partial<OrderContext>, string]>([
    [
      'nothing changing: the same person, the same slot written otherwise, the same resource',
      move('s-1', {
        slot: { start: '2026-03-03T09:00:00+08:00', end: '2026-03-03T11:00:00+08:00' },
        resourceId: 'van-1',
      }),
      fit('s-1'),
      'ORDERS.SAME_STAFF',
    ],
    [
      'a slot across two days of the tenant’s calendar',
      move('s-1', { slot: { start: '2026-03-04T15:00:00.000Z', end: '2026-03-04T17:00:00.000Z' } }),
      { ...fit('s-1'), ...fitResource('van-1') },
      'ORDERS.SLOT_ACROSS_DAYS',
    ],
    [
      'a slot begun already',
      move('s-1', { slot: { start: '2026-03-02T01:00:00.000Z', end: '2026-03-02T03:00:00.000Z' } }),
      { ...fit('s-1'), ...fitResource('van-1') },
      'ORDERS.SLOT_IN_PAST',
    ],
    [
      'a reversed slot',
      move('s-1', { slot: { start: later.end, end: later.start } }),
      { ...fit('s-1'), ...fitResource('van-1') },
      'ORDERS.SLOT_REVERSED',
    ],
    [
      'a person not eligible at the new slot',
      move('s-1', { slot: later }),
      {
        ...fit('s-1'),
        staff: { staffId: 's-1', eligible: false, reasons: ['expired'] },
        ...fitResource('van-1'),
      },
      'ORDERS.STAFF_NOT_ELIGIBLE',
    ],
    [
      'a person off shift at the new slot',
      move('s-1', { slot: later }),
      {
        ...fit('s-1'),
        availability: { available: false, reasons: ['not_working'] },
        ...fitResource('van-1'),
      },
      'ORDERS.STAFF_UNAVAILABLE',
    ],
    [
      'the resource unfit at the new slot',
      move('s-1', { slot: later }),
      { ...fit('s-1'), ...fitResource('van-1', false) },
      'ORDERS.RESOURCE_UNFIT',
    ],
    [
      'another resource unfit',
      move('s-1', { resourceId: 'van-2' }),
      { ...fit('s-1'), ...fitResource('van-2', false) },
      'ORDERS.RESOURCE_UNFIT',
    ],
  ])('refuses %s', (_why, command, context, code) => {
    spec([registered, dispatched], { calendar: shanghai, ...context })
      .when(command)
      .thenThrows(code);
  });
});
