import type { OrderView } from '../src/application/order-view';
import type { WorkOrderView } from '../src/application/work-order-view';
import { randomUUID } from 'node:crypto';
import { PersonalDataCipher } from '@serviceops/platform';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { ordersConfigSpec } from '@serviceops/contracts';
import { ChatHandlers } from '../src/application/orders-field.chat.handlers';
import { OrderListQueries } from '../src/application/orders-field.list.handlers';
import { WorkOrderHandlers, WorkOrderQueries } from '../src/application/work-order.handlers';
import { customersProjection } from '../src/projections/customers.projection';
import { orderIndexProjection } from '../src/projections/order-index.projection';
import { codeOf, tomorrowOf, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';

// Customers' events in orders (issue 11, issue 15 item 1), on a database of its own: orders keeps who is active,
// merged or erased; a customer's erasure destroys the key orders sealed their orders with, so their addresses,
// subjects, problems, cancellation reasons and work orders' free text read as erased everywhere (no table keeps them in
// clear), and nothing personal of theirs is written again.

const { clock, tenantId, call, get, pool, delivered, feed, eligible, repair } =
  ordersDatabaseFor('orders_customers_int');
const orders = () => get(OrderHandlers);
const work = () => get(WorkOrderHandlers);
const technician = randomUUID();
const customers = () => customersProjection(get(PersonalDataCipher));

const { tomorrow } = tomorrowOf(clock);
const slot = { start: `${tomorrow}T02:00:00.000Z`, end: `${tomorrow}T03:00:00.000Z` };
const d = String(Date.now()).slice(-8);
const clear = {
  address: `${d} Garden Lane, Minhang`,
  subject: `Washer ${d} of Li Na`,
  problem: `Drum ${d} does not turn`,
  reason: `Moved ${d} to Hangzhou`,
  extra: `Worn ${d} drum seal`,
};

beforeAll(async () => {
  await eligible(technician);
});

const registered = (customerId: string) =>
  delivered('CustomerRegistered', {
    customerId,
    channel: 'phone',
    registeredAt: clock.now().toISOString(),
    name: 'enc:v1:x',
  });
const erased = (customerId: string) =>
  delivered('CustomerErased', { customerId, erasedAt: clock.now().toISOString() });

const register = (customerId: string) =>
  handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(
    repair(customerId, { address: clear.address, subject: clear.subject, problem: clear.problem }),
    call,
  );

/** A chat session queued for the customer (QueueChat names a customer too). */
const chat = (customerId: string) =>
  handlerOf(get(ChatHandlers), 'orders.QueueChat')({ customerId, line: 'companion_chat' }, call);

async function standing(customerId: string): Promise<string | undefined> {
  const { rows } = await pool().query<{ status: string }>(
    'SELECT status FROM known_customers WHERE customer_id = $1',
    [customerId],
  );
  return rows[0]?.status;
}

/** Every row of every table of the orders schema, as text: where a clear value could rest. */
async function everyRow(): Promise<string[]> {
  const { rows: tables } = await pool().query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'orders' AND table_type = 'BASE TABLE'`,
  );
  expect(tables.map((t) => t.table_name)).toEqual(
    expect.arrayContaining(['events', 'order_list', 'data_keys']),
  );
  const out: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await pool().query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM orders."${table_name}" t`,
    );
    out.push(...rows.map((r) => `${table_name}: ${r.row}`));
  }
  return out;
}

describe('customers as orders knows them', () => {
  it('keeps registrations, merges and their undoing, and an erasure that nothing moves back', async () => {
    const customerId = randomUUID();
    const survivorId = randomUUID();
    expect(await standing(customerId)).toBeUndefined();
    await feed(customers(), registered(customerId));
    await feed(customers(), registered(customerId)); // redelivered: one row
    expect(await standing(customerId)).toBe('active');
    await feed(customers(), delivered('CustomerMerged', { customerId, survivorId, mergedAt: '2026-01-02' }));
    expect(await standing(customerId)).toBe('merged');
    await feed(
      customers(),
      delivered('CustomerMergeUndone', { customerId, survivorId, undoneAt: '2026-01-03' }),
    );
    expect(await standing(customerId)).toBe('active');
    await feed(customers(), erased(customerId));
    await feed(customers(), registered(customerId));
    await feed(
      customers(),
      delivered('CustomerMergeUndone', { customerId, survivorId, undoneAt: '2026-01-04' }),
    );
    expect(await standing(customerId)).toBe('erased');
  });

  it('refuses an order for a customer it never heard of, or another tenant’s, after waiting for their event', async () => {
    const elsewhere = randomUUID();
    await feed(customers(), delivered('CustomerRegistered', { customerId: elsewhere }, randomUUID()));
    const started = Date.now();
    expect(await codeOf(register(elsewhere))).toBe('ORDERS.CUSTOMER_NOT_FOUND');
    expect(Date.now() - started).toBeGreaterThanOrEqual(ordersConfigSpec.CUSTOMER_ARRIVAL_WAIT_MS.default);
    expect(await codeOf(register(randomUUID()))).toBe('ORDERS.CUSTOMER_NOT_FOUND');
    expect(await codeOf(chat(randomUUID()))).toBe('ORDERS.CUSTOMER_NOT_FOUND');
    const { rowCount } = await pool().query('SELECT 1 FROM data_keys WHERE customer_id = $1', [elsewhere]);
    expect(rowCount).toBe(0);
  }, 40_000);

  it('takes an order for a customer whose registration arrives while it waits', async () => {
    const customerId = randomUUID();
    const order = register(customerId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await feed(customers(), registered(customerId));
    expect(await order).toMatchObject({ customerId, status: 'registered' });
  });
});

describe('a customer erased in customers', () => {
  it('leaves their orders unreadable in orders: reads, lists and every table, while others stay readable', async () => {
    const customerId = randomUUID();
    const other = randomUUID();
    await feed(customers(), registered(customerId));
    await feed(customers(), registered(other));

    // A cancelled order (its reason sealed) and one at work with extra work found (its description sealed).
    const first = await register(customerId);
    await handlerOf<OrderView>(orders(), 'orders.CancelOrder')(
      { id: first.id, reason: clear.reason, expectedVersion: first.version },
      call,
    );
    const second = await register(customerId);
    await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id: second.id, staffId: technician, slot, expectedVersion: second.version },
      call,
    );
    await handlerOf(work(), 'orders.IssueQuote')(
      {
        id: second.id,
        items: [{ description: 'Drum bearing', price: { amount: '30000', currency: 'CNY' } }],
        validUntil: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
      },
      call,
    );
    await handlerOf(work(), 'orders.AcceptQuote')({ id: second.id, expectedVersion: 1 }, call);
    await handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id: second.id, staffId: technician }, call);
    const proposed = await handlerOf<WorkOrderView>(work(), 'orders.ProposeExtraWork')(
      { id: second.id, description: clear.extra, estimatedPrice: { amount: '8000', currency: 'CNY' } },
      call,
    );
    expect(proposed.extras[0]).toMatchObject({ description: clear.extra });
    const others = await register(other);
    expect(await get(OrderQueries).get({ id: first.id }, call)).toMatchObject({
      address: clear.address,
      subject: clear.subject,
      problem: clear.problem,
      cancelReason: clear.reason,
    });

    await feed(customers(), erased(customerId));
    await feed(customers(), erased(customerId)); // redelivered: nothing more happens

    const orderIds = [first.id, second.id];
    for (const id of orderIds) {
      const seen = await get(OrderQueries).get({ id }, call);
      expect(seen).toMatchObject({ id, customerId, masked: false });
      for (const field of ['address', 'subject', 'problem', 'cancelReason'])
        expect(seen).not.toHaveProperty(field);
      expect(JSON.stringify(seen)).not.toContain('enc:v1:');
    }
    expect((await get(OrderQueries).get({ id: first.id }, call)).status).toBe('cancelled');
    const workOrder = await get(WorkOrderQueries).get({ id: second.id }, call);
    expect(workOrder.extras[0]).not.toHaveProperty('description');
    expect(workOrder.extras[0]?.estimatedPrice).toEqual({ amount: 8000, currency: 'CNY' });
    expect(JSON.stringify(workOrder)).not.toContain('enc:v1:');
    const listed = await get(OrderListQueries).list({}, call);
    expect(JSON.stringify(listed)).not.toContain('enc:v1:');
    const history = await get(OrderListQueries).history({ id: first.id }, call);
    for (const value of Object.values(clear)) expect(JSON.stringify(history)).not.toContain(value);

    // The other customer's order reads as before.
    expect(await get(OrderQueries).get({ id: others.id }, call)).toMatchObject({ address: clear.address });

    // The order index too (fed the orders log, as its consumer is).
    const { rows: log } = await pool().query<{
      type: string;
      data: object;
      stream_id: string;
      stream_version: number;
    }>('SELECT type, data, stream_id, stream_version FROM events ORDER BY global_position');
    for (const r of log)
      await feed(orderIndexProjection, {
        ...delivered(r.type, r.data),
        streamId: r.stream_id,
        streamVersion: r.stream_version,
      });

    // No key left, and no table holds the erased customer's text in clear (the other's order is sealed too).
    const { rowCount } = await pool().query('SELECT 1 FROM data_keys WHERE customer_id = $1', [customerId]);
    expect(rowCount).toBe(0);
    const rows = await everyRow();
    for (const value of Object.values(clear)) expect(rows.filter((r) => r.includes(value))).toEqual([]);
  });

  it('refuses their new orders (422 ORDERS.CUSTOMER_ERASED, nothing written, no key made again)', async () => {
    const customerId = randomUUID();
    await feed(customers(), registered(customerId));
    const before = await register(customerId);
    await feed(customers(), erased(customerId));
    const { rows: counted } = await pool().query<{ n: string }>('SELECT count(*) AS n FROM events');
    expect(await codeOf(register(customerId))).toBe('ORDERS.CUSTOMER_ERASED');
    expect(await codeOf(chat(customerId))).toBe('ORDERS.CUSTOMER_ERASED');
    const { rows: after } = await pool().query<{ n: string }>('SELECT count(*) AS n FROM events');
    expect(after[0]?.n).toBe(counted[0]?.n);
    const { rowCount } = await pool().query('SELECT 1 FROM data_keys WHERE customer_id = $1', [customerId]);
    expect(rowCount).toBe(0);

    // Their order still moves on: cancelled, its reason not recorded (nothing sealed under a new key).
    const cancelled = await handlerOf<OrderView>(orders(), 'orders.CancelOrder')(
      { id: before.id, reason: clear.reason, expectedVersion: before.version },
      call,
    );
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled).not.toHaveProperty('cancelReason');
    const { rows } = await pool().query<{ data: { reason: string } }>(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'OrderCancelled'`,
      [`order-${tenantId}-${before.id}`],
    );
    expect(rows[0]?.data.reason).toBe('');
    expect(
      (await pool().query('SELECT 1 FROM data_keys WHERE customer_id = $1', [customerId])).rowCount,
    ).toBe(0);
  });
});
