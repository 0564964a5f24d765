import type { OrderView } from '../src/application/order-view';
import type { WorkOrderView } from '../src/application/work-order-view';
import type { ResourceView } from '../src/application/resource-view';
import { randomUUID } from 'node:crypto';
import type { CallContext } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { OrderListQueries } from '../src/application/orders-field.list.handlers';
import { ResourceHandlers } from '../src/application/resources.handlers';
import { WorkOrderHandlers } from '../src/application/work-order.handlers';
import { codeOf, knownCustomers, tomorrowOf, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';

// Reassigning a dispatched order (issue 15 item 3) on a database of its own: the previous person's booking is
// released and the new one's booked in one transaction, the reason sealed, the list and the candidates follow;
// the new person is judged as for a dispatch (never double-booked, even under concurrent commands); an order not
// dispatched or started is refused with its status and nothing is written.

const { clock, tenantId, call, get, pool, eligible, repair } = ordersDatabaseFor('orders_reassign_int');
const masked: CallContext = { ...call, roles: ['auditor'] };
const orders = () => get(OrderHandlers);

const { tomorrow, slotAt } = tomorrowOf(clock);
const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
const customerId = randomUUID();
const reason = 'Ill today, the customer was told';

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
  for (const staffId of [first, second, third]) await eligible(staffId);
});

const register = async () =>
  (await handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(repair(customerId), call)).id;
const dispatchedTo = async (staffId: string, hour: number) => {
  const id = await register();
  await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')({ id, staffId, slot: slotAt(hour) }, call);
  return id;
};
async function streamOf(id: string) {
  const { rows } = await pool().query<{ type: string; data: Record<string, unknown> }>(
    'SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [`order-${tenantId}-${id}`],
  );
  return rows;
}
async function bookingsOf(staffId: string, holder = `staff:${staffId}`): Promise<string[]> {
  const { rows } = await pool().query<{ type: string; order_id: string }>(
    `SELECT type, data->>'orderId' AS order_id FROM events WHERE stream_id = $1 ORDER BY stream_version`,
    [`booking-${tenantId}-${holder}:${tomorrow}`],
  );
  return rows.map((r) => `${r.type} ${r.order_id}`);
}
const reasonsOf = async (id: string, hour: number, staffId: string) => {
  const { items } = await get(OrderQueries).candidates({ id, ...slotAt(hour) }, call);
  return items.find((c) => c.staffId === staffId)?.reasons;
};

describe('reassigning a dispatched order', () => {
  it('moves it to another person: the old booking released, the new one booked, the reason sealed', async () => {
    const id = await dispatchedTo(first, 1);
    const { version } = await get(OrderQueries).get({ id }, call);
    const moved = await handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
      { id, staffId: second, reason: `  ${reason} `, expectedVersion: version },
      call,
    );
    expect(moved).toMatchObject({
      status: 'dispatched',
      staffId: second,
      slot: slotAt(1),
      reassignReason: reason,
      version: version + 1,
    });
    expect(moved.reassignedAt).toBe(clock.now().toISOString());
    expect(await get(OrderQueries).get({ id }, masked)).not.toHaveProperty('reassignReason');
    const [event] = (await streamOf(id)).filter((e) => e.type === 'OrderReassigned');
    expect(event?.data).toMatchObject({ fromStaffId: first, staffId: second, slot: slotAt(1) });
    expect(String(event?.data['reason'])).toMatch(/^enc:/);
    expect(await bookingsOf(first)).toEqual([`SlotBooked ${id}`, `SlotReleased ${id}`]);
    expect(await bookingsOf(second)).toEqual([`SlotBooked ${id}`]);
    // The list follows: the slot is free for the first person and booked for the second.
    expect(await reasonsOf(id, 1, first)).toEqual(['least_loaded']);
    expect(await reasonsOf(id, 1, second)).toContain('booked');
    const { rows } = await pool().query<{ staff_id: string }>(
      'SELECT staff_id FROM orders.order_list WHERE order_id = $1',
      [id],
    );
    expect(rows[0]?.staff_id).toBe(second);
    // The first person's slot takes another order now.
    expect(await codeOf(dispatchedTo(first, 1))).toBe('ok');
  });

  it('refuses a person booked in an overlapping slot, and writes nothing', async () => {
    const id = await dispatchedTo(first, 3);
    await dispatchedTo(third, 3);
    const before = await streamOf(id);
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.ReassignOrder')({ id, staffId: third, reason }, call),
      ),
    ).toBe('ORDERS.DOUBLE_BOOKED');
    expect(await streamOf(id)).toEqual(before);
    expect(await bookingsOf(first)).toContain(`SlotBooked ${id}`);
    expect(await bookingsOf(first)).not.toContain(`SlotReleased ${id}`);
  });

  it('gives one of two concurrent reassignments into one person’s slot, the other DOUBLE_BOOKED', async () => {
    const [a, b] = [await dispatchedTo(first, 5), await dispatchedTo(third, 5)];
    const outcomes = await Promise.all([
      codeOf(
        handlerOf<OrderView>(orders(), 'orders.ReassignOrder')({ id: a, staffId: second, reason }, call),
      ),
      codeOf(
        handlerOf<OrderView>(orders(), 'orders.ReassignOrder')({ id: b, staffId: second, reason }, call),
      ),
    ]);
    expect([...outcomes].sort()).toEqual(['ORDERS.DOUBLE_BOOKED', 'ok']);
    const booked = (await bookingsOf(second)).filter((e) => e.endsWith(a) || e.endsWith(b));
    expect(booked).toHaveLength(1);
  });

  it.each<[string, (id: string) => Promise<unknown>, string, string]>([
    ['not dispatched', () => Promise.resolve(), 'ORDERS.ORDER_NOT_DISPATCHED', 'registered'],
    [
      'started',
      async (id) => {
        const work = get(WorkOrderHandlers);
        await handlerOf(work, 'orders.IssueQuote')(
          {
            id,
            items: [{ description: 'Drum bearing', price: { amount: '30000', currency: 'CNY' } }],
            validUntil: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
          },
          call,
        );
        await handlerOf(work, 'orders.AcceptQuote')({ id }, call);
        await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id, staffId: first, slot: slotAt(7) },
          call,
        );
        await handlerOf<WorkOrderView>(work, 'orders.StartWork')({ id, staffId: first }, call);
      },
      'ORDERS.WORK_ORDER_STARTED',
      'in_progress',
    ],
  ])('refuses a %s order with its status, writing nothing', async (_why, given, code, orderStatus) => {
    const id = await register();
    await given(id);
    const before = await streamOf(id);
    const refused = await handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
      { id, staffId: second, reason },
      call,
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code, details: { orderStatus } });
    expect(await streamOf(id)).toEqual(before);
  });

  it('refuses a person not eligible at the slot', async () => {
    const id = await dispatchedTo(first, 9);
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.ReassignOrder')({ id, staffId: randomUUID(), reason }, call),
      ),
    ).toBe('ORDERS.STAFF_NOT_ELIGIBLE');
  });
});

describe('reassigning to another time or resource', () => {
  const ofOrder = (id: string) => (events: string[]) => events.filter((e) => e.endsWith(id));
  const van = async (name: string) =>
    (
      await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
        { kind: 'vehicle', name, inspectionValidTo: '2030-12-31', insuranceValidTo: '2030-12-31' },
        call,
      )
    ).id;

  it('moves the same person to a new slot: released and booked in their day, the list, view and event follow', async () => {
    const id = await dispatchedTo(first, 11);
    const moved = await handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
      { id, staffId: first, reason, slot: slotAt(13) },
      call,
    );
    expect(moved).toMatchObject({ status: 'dispatched', staffId: first, slot: slotAt(13) });
    expect(ofOrder(id)(await bookingsOf(first))).toEqual([
      `SlotBooked ${id}`,
      `SlotReleased ${id}`,
      `SlotBooked ${id}`,
    ]);
    const [event] = (await streamOf(id)).filter((e) => e.type === 'OrderReassigned');
    expect(event?.data).toMatchObject({
      fromStaffId: first,
      staffId: first,
      slot: slotAt(13),
      fromSlot: slotAt(11),
    });
    expect(event?.data).not.toHaveProperty('fromResourceId');
    const { rows } = await pool().query<{ slot_start: Date }>(
      'SELECT slot_start FROM orders.order_list WHERE order_id = $1',
      [id],
    );
    expect(rows[0]?.slot_start.toISOString()).toBe(slotAt(13).start);
    // The old slot is free for them again, the new one taken.
    expect(await reasonsOf(id, 11, first)).toEqual([expect.stringMatching(/^(least_loaded|load:\d+)$/)]);
    expect(await reasonsOf(id, 13, first)).toContain('booked');
    expect(await codeOf(dispatchedTo(first, 11))).toBe('ok');
    expect(await codeOf(dispatchedTo(first, 13))).toBe('ORDERS.DOUBLE_BOOKED');
  });

  it('moves the resource with the slot, or to another resource: each booking released and booked once, the list by resource follows', async () => {
    const [vanA, vanB] = [await van('Van A'), await van('Van B')];
    const id = await register();
    await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: second, resourceId: vanA, slot: slotAt(19) },
      call,
    );
    await handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
      { id, staffId: second, reason, slot: slotAt(20) },
      call,
    );
    expect(ofOrder(id)(await bookingsOf('', `resource:${vanA}`))).toEqual([
      `SlotBooked ${id}`,
      `SlotReleased ${id}`,
      `SlotBooked ${id}`,
    ]);
    const swapped = await handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
      { id, staffId: second, reason, resourceId: vanB },
      call,
    );
    expect(swapped).toMatchObject({ staffId: second, resourceId: vanB, slot: slotAt(20) });
    expect(ofOrder(id)(await bookingsOf('', `resource:${vanA}`))).toHaveLength(4);
    expect(ofOrder(id)(await bookingsOf('', `resource:${vanB}`))).toEqual([`SlotBooked ${id}`]);
    // The person was not moved by the resource's change.
    expect(ofOrder(id)(await bookingsOf(second))).toEqual([
      `SlotBooked ${id}`,
      `SlotReleased ${id}`,
      `SlotBooked ${id}`,
    ]);
    const [, last] = (await streamOf(id)).filter((e) => e.type === 'OrderReassigned');
    expect(last?.data).toMatchObject({ resourceId: vanB, fromResourceId: vanA, slot: slotAt(20) });
    expect(last?.data).not.toHaveProperty('fromSlot');
    // Van A is free at 20:00 again; van B is not.
    const other = await register();
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id: other, staffId: third, resourceId: vanA, slot: slotAt(20) },
          call,
        ),
      ),
    ).toBe('ok');
    const another = await register();
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id: another, staffId: first, resourceId: vanB, slot: slotAt(20) },
          call,
        ),
      ),
    ).toBe('ORDERS.DOUBLE_BOOKED');
    // The list by resource follows: the reassigned order under van B, the one dispatched after it under van A.
    const onResource = async (resourceId: string) =>
      (await get(OrderListQueries).list({ resourceId, limit: 200 }, call)).items.map((o) => o.id);
    await eventually('the list by resource caught up', async () => {
      const [a, b] = [await onResource(vanA), await onResource(vanB)];
      return a.length === 1 && b.length === 1 ? true : undefined;
    });
    expect(await onResource(vanA)).toEqual([other]);
    expect(await onResource(vanB)).toEqual([id]);
    expect(await codeOf(get(OrderListQueries).list({ resourceId: 'van-a' }, call))).toBe('VALIDATION');
  });

  it('gives one of two concurrent reassignments to one new slot, the other DOUBLE_BOOKED and nothing written', async () => {
    const [a, b] = [await dispatchedTo(first, 15), await dispatchedTo(third, 16)];
    const [beforeA, beforeB] = [await streamOf(a), await streamOf(b)];
    const outcomes = await Promise.all([
      codeOf(
        handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
          { id: a, staffId: second, reason, slot: slotAt(17) },
          call,
        ),
      ),
      codeOf(
        handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
          { id: b, staffId: second, reason, slot: slotAt(17) },
          call,
        ),
      ),
    ]);
    expect([...outcomes].sort()).toEqual(['ORDERS.DOUBLE_BOOKED', 'ok']);
    const booked = (await bookingsOf(second)).filter((e) => e.endsWith(a) || e.endsWith(b));
    expect(booked).toHaveLength(1);
    // The loser keeps its person, slot and booking.
    const loser = outcomes[0] === 'ok' ? b : a;
    const [loserStaff, loserHour] = loser === a ? [first, 15] : [third, 16];
    expect(await streamOf(loser)).toEqual(loser === a ? beforeA : beforeB);
    expect(await get(OrderQueries).get({ id: loser }, call)).toMatchObject({
      staffId: loserStaff,
      slot: slotAt(loserHour),
    });
    expect(ofOrder(loser)(await bookingsOf(loserStaff))).toEqual([`SlotBooked ${loser}`]);
  });

  it.each<[string, number, object, string]>([
    [
      'a slot begun already',
      21,
      { start: '2020-01-01T01:00:00.000Z', end: '2020-01-01T02:00:00.000Z' },
      'ORDERS.SLOT_IN_PAST',
    ],
    ['a reversed slot', 22, { start: slotAt(21).end, end: slotAt(21).start }, 'ORDERS.SLOT_REVERSED'],
    ['a slot that is not instants', 23, { start: 'soon', end: 'later' }, 'ORDERS.INVALID_SLOT'],
  ])('refuses %s, writing nothing', async (_why, hour, slot, code) => {
    const id = await dispatchedTo(first, hour);
    const before = await streamOf(id);
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
          { id, staffId: second, reason, slot: slot },
          call,
        ),
      ),
    ).toBe(code);
    expect(await streamOf(id)).toEqual(before);
    expect(ofOrder(id)(await bookingsOf(first))).toEqual([`SlotBooked ${id}`]);
  });
});
