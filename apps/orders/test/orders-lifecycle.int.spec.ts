import type { OrderView } from '../src/application/order-view';
import type { WorkOrderView } from '../src/application/work-order-view';
import type { ResourceView } from '../src/application/resource-view';
import { randomUUID } from 'node:crypto';
import type { DeliveredEvent } from '@serviceops/messaging';
import { eventually } from '@serviceops/testing';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { OrderListQueries } from '../src/application/orders-field.list.handlers';
import { ResourceHandlers } from '../src/application/resources.handlers';
import { WorkOrderHandlers } from '../src/application/work-order.handlers';
import { codeOf, knownCustomers, tomorrowOf, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';
import { orderIndexProjection } from '../src/projections/order-index.projection';

// An order's status through its whole lifecycle on a database of its own (issue 15): GET one, the list's status
// filter, /history and ?asOf= tell the same stage (registered → quoted → quote_accepted → dispatched →
// in_progress → completed; closed on a declined quote); a closed or completed order refuses dispatch with its
// state's code and nothing is written; a maintenance visit under a contract completed puts
// MaintenanceVisitCompleted (with the contract) in orders' log; resource timers are due at the tenant's business
// morning in its own time zone.

const { clock, tenantId, call, get, pool, delivered, feed, eligible, entitled, calendarSet, repair } =
  ordersDatabaseFor('orders_lifecycle_int');
const orders = () => get(OrderHandlers);
const work = () => get(WorkOrderHandlers);

const { slotAt } = tomorrowOf(clock);
const technician = randomUUID();
const customerId = randomUUID();
const contractId = randomUUID();

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
  await eligible(technician);
  // A maintenance contract of the customer's (contracts' declared payload).
  await entitled({
    contractId,
    customerId,
    kind: 'maintenance',
    line: 'after_sales_repair',
    publishedAt: new Date(clock.now().getTime() - 1_000).toISOString(),
  });
});

const register = (overrides: Record<string, string> = {}) =>
  handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(repair(customerId, overrides), call);
const quote = (id: string) =>
  handlerOf(work(), 'orders.IssueQuote')(
    {
      id,
      items: [{ description: 'Drum bearing', price: { amount: '30000', currency: 'CNY' } }],
      validUntil: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
    },
    call,
  );
const statusOf = async (id: string, asOf?: string) =>
  (await get(OrderQueries).get({ id, ...(asOf ? { asOf } : {}) }, call)).status;
/** The order's status as the list filtered by it answers it (the order index, a projection: eventually). */
const listedAs = (id: string, status: string) =>
  eventually(`order listed as ${status}`, async () => {
    const { items } = await get(OrderListQueries).list({ status, limit: 200 }, call);
    const item = items.find((o) => o.id === id);
    if (!item) throw new Error(`not listed as ${status}`);
    return item;
  });
async function streamOf(streamId: string) {
  const { rows } = await pool().query<{ type: string; data: Record<string, unknown> }>(
    'SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [streamId],
  );
  return rows;
}

describe('an order’s status through its lifecycle', () => {
  it('follows a paid repair from registration to completion in GET, the list, /history and ?asOf=', async () => {
    const { id } = await register();
    expect(await statusOf(id)).toBe('registered');
    await listedAs(id, 'registered');

    await quote(id);
    expect(await statusOf(id)).toBe('quoted');
    await listedAs(id, 'quoted');

    await handlerOf(work(), 'orders.AcceptQuote')({ id }, call);
    expect(await statusOf(id)).toBe('quote_accepted');
    await listedAs(id, 'quote_accepted');

    const dispatched = await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: technician, slot: slotAt(1) },
      call,
    );
    expect(dispatched.status).toBe('dispatched');
    await listedAs(id, 'dispatched');

    await handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call);
    const started = await get(OrderQueries).get({ id }, call);
    expect(started).toMatchObject({ status: 'in_progress', slaState: 'met' });
    expect(await listedAs(id, 'in_progress')).toMatchObject({ slaState: 'met' });

    await handlerOf(work(), 'orders.RecordSelfCheck')({ id, passed: true }, call);
    await handlerOf(work(), 'orders.RecordInspection')({ id, passed: true }, call);
    await handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')(
      { id, signature: 'voucher:V-1', hours: 1, summary: 'Bearing replaced' },
      call,
    );
    expect(await statusOf(id)).toBe('completed');
    expect(await listedAs(id, 'completed')).toMatchObject({ slaState: 'met' });

    const { entries } = await get(OrderListQueries).history({ id }, call);
    expect(entries.map((e) => e.type)).toEqual([
      'RequestRegistered',
      'OrderQuoted',
      'OrderQuoteAccepted',
      'OrderDispatched',
      'OrderWorkStarted',
      'OrderWorkCompleted',
    ]);
    // As it was when each entry was recorded (its instant is given to the millisecond, the store keeps
    // microseconds: a millisecond later): the status that entry reached.
    const asOf = await Promise.all(
      entries.map((e) => statusOf(id, new Date(Date.parse(e.at) + 1).toISOString())),
    );
    expect(asOf).toEqual([
      'registered',
      'quoted',
      'quote_accepted',
      'dispatched',
      'in_progress',
      'completed',
    ]);
    // Work order commands that reach no new stage leave the order's stream (and its ETag) alone.
    expect(entries.at(-1)?.version).toBe(6);
  }, 60_000);

  it('keeps a repair quoted after its dispatch dispatched (the furthest stage)', async () => {
    const { id } = await register();
    await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: technician, slot: slotAt(3) },
      call,
    );
    await quote(id);
    await handlerOf(work(), 'orders.AcceptQuote')({ id }, call);
    expect(await statusOf(id)).toBe('dispatched');
    const { entries } = await get(OrderListQueries).history({ id }, call);
    expect(entries.map((e) => e.type)).toEqual(['RequestRegistered', 'OrderDispatched']);
  }, 30_000);

  it('closes the order on a declined quote: closed everywhere, dispatch and answers refused, nothing written', async () => {
    const { id } = await register();
    await quote(id);
    await handlerOf(work(), 'orders.DeclineQuote')({ id }, call);
    expect(await statusOf(id)).toBe('closed');
    await listedAs(id, 'closed');
    const before = await streamOf(`order-${tenantId}-${id}`);
    expect(before.map((e) => e.type)).toEqual(['RequestRegistered', 'OrderQuoted', 'OrderClosed']);

    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id, staffId: technician, slot: slotAt(5) },
          call,
        ),
      ),
    ).toBe('ORDERS.ORDER_CLOSED');
    expect(await codeOf(handlerOf(orders(), 'orders.RespondToRequest')({ id }, call))).toBe(
      'ORDERS.ORDER_CLOSED',
    );
    expect(
      await codeOf(handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call)),
    ).toBe('ORDERS.ORDER_CLOSED');
    expect(await codeOf(handlerOf(work(), 'orders.AcceptQuote')({ id }, call))).toBe('ORDERS.ORDER_CLOSED');
    const unit = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'equipment', name: 'Washer test rig', inspectionValidTo: '2030-12-31' },
      call,
    );
    const items = [
      { item: 'cleaned', passed: true },
      { item: 'tested', passed: true },
    ];
    expect(
      await codeOf(
        handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RecordPreparationCheck')(
          { id: unit.id, orderId: id, items },
          call,
        ),
      ),
    ).toBe('ORDERS.ORDER_CLOSED');
    expect(await streamOf(`order-${tenantId}-${id}`)).toEqual(before);
    const { rows } = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id LIKE 'booking-%' AND data->>'orderId' = $1`,
      [id],
    );
    expect(Number(rows[0]?.n)).toBe(0);
  }, 30_000);

  it('refuses to dispatch a completed order again (ORDERS.ORDER_COMPLETED), nothing written', async () => {
    const { id } = await register({ serviceType: 'under_contract', contractId, kind: 'installation' });
    await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: technician, slot: slotAt(7) },
      call,
    );
    await handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call);
    await handlerOf(work(), 'orders.RecordSelfCheck')({ id, passed: true }, call);
    await handlerOf(work(), 'orders.RecordInspection')({ id, passed: true }, call);
    await handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')(
      { id, signature: 'voucher:V-2', hours: 2, summary: 'Installed' },
      call,
    );
    const before = await streamOf(`order-${tenantId}-${id}`);
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id, staffId: technician, slot: slotAt(9) },
          call,
        ),
      ),
    ).toBe('ORDERS.ORDER_COMPLETED');
    expect(await streamOf(`order-${tenantId}-${id}`)).toEqual(before);
    // An installation is no maintenance visit: nothing for contracts' review.
    expect(before.map((e) => e.type)).not.toContain('MaintenanceVisitCompleted');
  }, 30_000);
});

describe('the order index’s status', () => {
  it('ends in the furthest status whatever order the two streams’ events arrive in, redelivered or late', async () => {
    const { id } = await register({ serviceType: 'under_contract', contractId, kind: 'installation' });
    const row = () => listedAs(id, 'registered');
    await row();
    const ofStream = (type: string, streamId: string, version: number, data: object): DeliveredEvent => ({
      ...delivered(type, { orderId: id, ...data }),
      streamId,
      streamVersion: version,
    });
    const order = `order-${tenantId}-${id}`;
    const completion = ofStream('OrderCompleted', `work-order-${tenantId}-${id}`, 3, {
      staffId: technician,
      startedAt: clock.now().toISOString(),
      completedAt: clock.now().toISOString(),
      durationMinutes: 30,
      hours: 0.5,
      parts: [],
      signature: 'voucher:V-9',
    });
    const indexed = async () =>
      (
        await pool().query<{ status: string; version: number }>(
          'SELECT status, version FROM order_index WHERE order_id = $1',
          [id],
        )
      ).rows;
    // The work order's completion first, then the order's start: still completed.
    await feed(orderIndexProjection, completion);
    await feed(
      orderIndexProjection,
      ofStream('OrderWorkStarted', order, 3, { startedAt: clock.now().toISOString() }),
    );
    expect(await indexed()).toEqual([{ status: 'completed', version: 3 }]);
    // The dispatch late, the order's completion, the start and the work order's completion again.
    for (const e of [
      ofStream('OrderDispatched', order, 2, {
        staffId: technician,
        slot: slotAt(13),
        dispatchedAt: clock.now().toISOString(),
      }),
      ofStream('OrderWorkCompleted', order, 4, { completedAt: clock.now().toISOString() }),
      ofStream('OrderWorkStarted', order, 3, { startedAt: clock.now().toISOString() }),
      completion,
    ])
      await feed(orderIndexProjection, e);
    const rows = await indexed();
    expect(rows).toEqual([{ status: 'completed', version: 4 }]);
  }, 30_000);
});

describe('a maintenance visit under a contract', () => {
  it('puts MaintenanceVisitCompleted with the contract in orders’ log when the order completes', async () => {
    const { id } = await register({ serviceType: 'under_contract', contractId, kind: 'maintenance' });
    await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: technician, slot: slotAt(11) },
      call,
    );
    await handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call);
    await handlerOf(work(), 'orders.RecordSelfCheck')({ id, passed: true }, call);
    await handlerOf(work(), 'orders.RecordInspection')({ id, passed: true }, call);
    expect(
      (await streamOf(`order-${tenantId}-${id}`)).filter((e) => e.type === 'MaintenanceVisitCompleted'),
    ).toEqual([]);
    await handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')(
      { id, signature: 'voucher:V-3', hours: 1.5, summary: 'Serviced' },
      call,
    );
    const visits = (await streamOf(`order-${tenantId}-${id}`)).filter(
      (e) => e.type === 'MaintenanceVisitCompleted',
    );
    expect(visits.map((e) => e.data)).toEqual([
      {
        orderId: id,
        contractId,
        customerId,
        kind: 'maintenance',
        staffId: technician,
        completedAt: expect.any(String) as string,
      },
    ]);
    expect(await statusOf(id)).toBe('completed');
  }, 30_000);
});

describe('resource timers in the tenant’s calendar', () => {
  async function dueAt(timerId: string): Promise<string | undefined> {
    const { rows } = await pool().query<{ due_at: Date }>('SELECT due_at FROM timers WHERE timer_id = $1', [
      timerId,
    ]);
    return rows[0]?.due_at.toISOString();
  }

  it('gives a tenant at UTC+8 its inspection reminder at 09:00 its own time, 30 days before the last day', async () => {
    // The tenant's calendar as tenancy publishes it (UTC+8, open 09:00).
    await calendarSet('Asia/Shanghai', '09:00', '18:00');
    const van = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'vehicle', name: 'Practice car 9', inspectionValidTo: '2027-07-15' },
      call,
    );
    // 2027-06-15 (a Tuesday) 09:00 in Shanghai.
    expect(await dueAt(`resource-expiry-reminder:${van.id}:inspection`)).toBe('2027-06-15T01:00:00.000Z');
  }, 30_000);

  it('gives a tenant at UTC−7 (summer) its reminder and a tool’s overdue notice at its own opening', async () => {
    const west = randomUUID();
    const westCall = { ...call, tenantId: west };
    await calendarSet('America/Los_Angeles', '08:30', '17:00', west);
    const van = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'vehicle', name: 'Van 3', insuranceValidTo: '2027-07-15' },
      westCall,
    );
    expect(await dueAt(`resource-expiry-reminder:${van.id}:insurance`)).toBe('2027-06-15T15:30:00.000Z');
    const wrench = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'tool', name: 'Torque wrench', price: { amount: '12800', currency: 'USD' } },
      westCall,
    );
    // Due back Friday 2027-06-18: overdue from the next business morning, Monday 08:30 in Los Angeles.
    await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.LendTool')(
      { id: wrench.id, borrowerId: technician, dueBack: '2027-06-18' },
      westCall,
    );
    expect(await dueAt(`tool-overdue:${wrench.id}`)).toBe('2027-06-21T15:30:00.000Z');
  }, 30_000);
});
