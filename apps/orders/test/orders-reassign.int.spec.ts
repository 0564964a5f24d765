import { randomUUID } from 'node:crypto';
import { FixedClock } from '@serviceops/kernel';
import type { CallContext, RunningService } from '@serviceops/platform';
import { Pool } from 'pg';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { WorkOrderHandlers } from '../src/application/work-order.handlers';
import { ordersServiceOn } from '../src/orders.service-definition';
import {
  codeOf,
  knownCustomers,
  ordersOnOwnDatabase,
  recordedEvents,
  tomorrowOf,
  type OrdersOnOwnDatabase,
} from './orders-on-own-database';

// Reassigning a dispatched order (issue 15 item 3) on a database of its own: the previous person's booking is
// released and the new one's booked in one transaction, the reason sealed, the list and the candidates follow;
// the new person is judged as for a dispatch (never double-booked, even under concurrent commands); an order not
// dispatched or started is refused with its status and nothing is written.

const clock = new FixedClock(new Date());
let db: OrdersOnOwnDatabase | undefined;
let running: RunningService;
let pool: Pool;
const tenantId = randomUUID();
const call: CallContext = { tenantId, actorId: randomUUID(), roles: ['admin'], correlationId: randomUUID() };
const masked: CallContext = { ...call, roles: ['auditor'] };
const get = <T>(type: new (...args: never[]) => T): T => running.app.get(type);
const orders = () => get(OrderHandlers);

const { tomorrow, slotAt } = tomorrowOf(clock);
const [first, second, third] = [randomUUID(), randomUUID(), randomUUID()];
const customerId = randomUUID();
const { eligible } = recordedEvents(tenantId, () => pool);
const reason = 'Ill today, the customer was told';

beforeAll(async () => {
  db = await ordersOnOwnDatabase('orders_reassign_int', ordersServiceOn(clock));
  ({ running } = db.booted);
  pool = db.pool;
  await knownCustomers(pool, tenantId, customerId);
  for (const staffId of [first, second, third]) await eligible(staffId);
}, 60_000);

afterAll(async () => {
  await db?.stop();
});

const register = async () =>
  (
    await orders().register(
      {
        customerId,
        line: 'after_sales_repair',
        kind: 'repair',
        serviceType: 'paid',
        wantedAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
        zone: 'town',
        address: '8 Garden Lane, Minhang',
        subject: 'Washer X200',
        problem: 'Drum does not turn',
      },
      call,
    )
  ).id;
const dispatchedTo = async (staffId: string, hour: number) => {
  const id = await register();
  await orders().dispatch({ id, staffId, slot: slotAt(hour) }, call);
  return id;
};
async function streamOf(id: string) {
  const { rows } = await pool.query<{ type: string; data: Record<string, unknown> }>(
    'SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [`order-${tenantId}-${id}`],
  );
  return rows;
}
async function bookingsOf(staffId: string): Promise<string[]> {
  const { rows } = await pool.query<{ type: string; order_id: string }>(
    `SELECT type, data->>'orderId' AS order_id FROM events WHERE stream_id = $1 ORDER BY stream_version`,
    [`booking-${tenantId}-staff:${staffId}:${tomorrow}`],
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
    const moved = await orders().reassign(
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
    const { rows } = await pool.query<{ staff_id: string }>(
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
    expect(await codeOf(orders().reassign({ id, staffId: third, reason }, call))).toBe(
      'ORDERS.DOUBLE_BOOKED',
    );
    expect(await streamOf(id)).toEqual(before);
    expect(await bookingsOf(first)).toContain(`SlotBooked ${id}`);
    expect(await bookingsOf(first)).not.toContain(`SlotReleased ${id}`);
  });

  it('gives one of two concurrent reassignments into one person’s slot, the other DOUBLE_BOOKED', async () => {
    const [a, b] = [await dispatchedTo(first, 5), await dispatchedTo(third, 5)];
    const outcomes = await Promise.all([
      codeOf(orders().reassign({ id: a, staffId: second, reason }, call)),
      codeOf(orders().reassign({ id: b, staffId: second, reason }, call)),
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
        await work.issueQuote(
          {
            id,
            items: [{ description: 'Drum bearing', price: { amount: '30000', currency: 'CNY' } }],
            validUntil: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
          },
          call,
        );
        await work.acceptQuote({ id }, call);
        await orders().dispatch({ id, staffId: first, slot: slotAt(7) }, call);
        await work.startWork({ id, staffId: first }, call);
      },
      'ORDERS.WORK_ORDER_STARTED',
      'in_progress',
    ],
  ])('refuses a %s order with its status, writing nothing', async (_why, given, code, orderStatus) => {
    const id = await register();
    await given(id);
    const before = await streamOf(id);
    const refused = await orders()
      .reassign({ id, staffId: second, reason }, call)
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code, details: { orderStatus } });
    expect(await streamOf(id)).toEqual(before);
  });

  it('refuses a person not eligible at the slot', async () => {
    const id = await dispatchedTo(first, 9);
    expect(await codeOf(orders().reassign({ id, staffId: randomUUID(), reason }, call))).toBe(
      'ORDERS.STAFF_NOT_ELIGIBLE',
    );
  });
});
