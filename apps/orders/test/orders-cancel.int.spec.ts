import type { OrderView } from '../src/application/order-view';
import type { WorkOrderView } from '../src/application/work-order-view';
import type { ResourceView } from '../src/application/resource-view';
import { randomUUID } from 'node:crypto';
import type { CallContext } from '@serviceops/platform';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { OrderListQueries } from '../src/application/orders-field.list.handlers';
import { ResourceHandlers } from '../src/application/resources.handlers';
import { WorkOrderHandlers } from '../src/application/work-order.handlers';
import { orderIndexProjection } from '../src/projections/order-index.projection';
import { codeOf, knownCustomers, tomorrowOf, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';

// Cancelling an order (issue 15) on a database of its own: before work starts it is cancelled with a sealed
// reason, its bookings (person and resource) are free again, its timers are gone, the queue, the list and the SLA
// stop counting it; once work began, or ended, it is refused with the status named and nothing is written.

const { clock, tenantId, call, get, pool, delivered, feed, eligible, repair } =
  ordersDatabaseFor('orders_cancel_int');
const masked: CallContext = { ...call, roles: ['auditor'] };
const orders = () => get(OrderHandlers);
const work = () => get(WorkOrderHandlers);

const { slotAt } = tomorrowOf(clock);
const technician = randomUUID();
const customerId = randomUUID();

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
  await eligible(technician);
});

const register = () => handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(repair(customerId), call);
const reason = 'The customer moved to Hangzhou';
async function streamOf(id: string) {
  const { rows } = await pool().query<{ type: string; data: Record<string, unknown> }>(
    'SELECT type, data FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [`order-${tenantId}-${id}`],
  );
  return rows;
}
async function pendingTimersOf(id: string): Promise<string[]> {
  const { rows } = await pool().query<{ timer_id: string }>(
    `SELECT timer_id FROM timers WHERE fired_at IS NULL AND position($1 in timer_id) > 0 ORDER BY timer_id`,
    [id],
  );
  return rows.map((r) => r.timer_id);
}
/** The order's stream's events fed to the order index, as its consumer would. */
async function index(id: string) {
  const { rows } = await pool().query<{
    type: string;
    data: object;
    stream_id: string;
    stream_version: number;
  }>(
    'SELECT type, data, stream_id, stream_version FROM events WHERE stream_id = $1 ORDER BY stream_version',
    [`order-${tenantId}-${id}`],
  );
  for (const r of rows)
    await feed(orderIndexProjection, {
      ...delivered(r.type, r.data),
      streamId: r.stream_id,
      streamVersion: r.stream_version,
    });
}

describe('cancelling an order', () => {
  it('cancels a dispatched order: bookings released, timers gone, reason sealed, SLA stopped', async () => {
    const unit = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'equipment', name: 'Washer test rig', inspectionValidTo: '2030-12-31' },
      call,
    );
    const { id, version } = await register();
    expect(await pendingTimersOf(id)).toHaveLength(2); // the first response and the arrival check
    const dispatched = await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: technician, resourceId: unit.id, slot: slotAt(1), expectedVersion: version },
      call,
    );

    const cancelled = await handlerOf<OrderView>(orders(), 'orders.CancelOrder')(
      { id, reason: `  ${reason} `, expectedVersion: dispatched.version },
      call,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: reason,
      cancelledAt: clock.now().toISOString(),
      slaState: 'cancelled',
      version: dispatched.version + 1,
    });
    const seen = await get(OrderQueries).get({ id }, masked);
    expect(seen).toMatchObject({ status: 'cancelled', masked: true });
    expect(seen).not.toHaveProperty('cancelReason');

    // Sealed at rest: the reason is ciphertext on the stream, the rest of the published payload in clear.
    const last = (await streamOf(id)).at(-1);
    expect(last?.type).toBe('OrderCancelled');
    expect(last?.data).toMatchObject({ orderId: id, customerId, from: 'dispatched' });
    expect(String(last?.data['reason'])).toMatch(/^enc:/);
    expect(JSON.stringify(last?.data)).not.toContain('Hangzhou');

    expect(await pendingTimersOf(id)).toEqual([]);

    // The person and the resource are free in that slot again: another order books both.
    const other = await register();
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id: other.id, staffId: technician, resourceId: unit.id, slot: slotAt(1) },
          call,
        ),
      ),
    ).toBe('ok');

    const { rows } = await pool().query<{ status: string; cancelled_at: Date | null }>(
      'SELECT status, cancelled_at FROM order_list WHERE order_id = $1',
      [id],
    );
    expect(rows).toEqual([{ status: 'cancelled', cancelled_at: clock.now() }]);

    await index(id);
    const { items } = await get(OrderListQueries).list({ status: 'cancelled', limit: 200 }, call);
    expect(items.find((o) => o.id === id)).toMatchObject({ status: 'cancelled', slaState: 'cancelled' });
    const atRisk = await get(OrderListQueries).list({ slaState: 'missed', limit: 200 }, call);
    expect(atRisk.items.map((o) => o.id)).not.toContain(id);
  }, 60_000);

  it('takes a registered order out of the dispatch queue and refuses everything after', async () => {
    const { id } = await register();
    const queued = async () => (await get(OrderQueries).queue({ limit: 200 }, call)).items.map((o) => o.id);
    expect(await queued()).toContain(id);
    await handlerOf<OrderView>(orders(), 'orders.CancelOrder')({ id, reason }, call);
    expect(await queued()).not.toContain(id);

    const before = await streamOf(id);
    expect(await codeOf(handlerOf<OrderView>(orders(), 'orders.CancelOrder')({ id, reason }, call))).toBe(
      'ORDERS.ORDER_CANCELLED',
    );
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id, staffId: technician, slot: slotAt(3) },
          call,
        ),
      ),
    ).toBe('ORDERS.ORDER_CANCELLED');
    expect(await codeOf(handlerOf(orders(), 'orders.RespondToRequest')({ id }, call))).toBe(
      'ORDERS.ORDER_CANCELLED',
    );
    expect(await streamOf(id)).toEqual(before);
    // Nor is anything prepared for it.
    const rig = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'equipment', name: 'Washer test rig 2', inspectionValidTo: '2030-12-31' },
      call,
    );
    const items = ['cleaned', 'tested'].map((item) => ({ item, passed: true }));
    expect(
      await codeOf(
        handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RecordPreparationCheck')(
          { id: rig.id, orderId: id, items },
          call,
        ),
      ),
    ).toBe('ORDERS.ORDER_CANCELLED');
  }, 30_000);

  it('refuses once work began (ORDERS.WORK_ORDER_STARTED, the status named), nothing written', async () => {
    const { id } = await register();
    await handlerOf(work(), 'orders.IssueQuote')(
      {
        id,
        items: [{ description: 'Drum bearing', price: { amount: '30000', currency: 'CNY' } }],
        validUntil: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
      },
      call,
    );
    await handlerOf(work(), 'orders.AcceptQuote')({ id }, call);
    await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: technician, slot: slotAt(5) },
      call,
    );
    await handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call);
    const before = await streamOf(id);
    const refused = await handlerOf<OrderView>(orders(), 'orders.CancelOrder')({ id, reason }, call).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({
      code: 'ORDERS.WORK_ORDER_STARTED',
      details: { orderStatus: 'in_progress' },
    });
    expect(await streamOf(id)).toEqual(before);
  }, 30_000);

  it('refuses a stale If-Match and an unknown order', async () => {
    const { id, version } = await register();
    await handlerOf(orders(), 'orders.RespondToRequest')({ id }, call);
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.CancelOrder')({ id, reason, expectedVersion: version }, call),
      ),
    ).toBe('EVENTSTORE.WRONG_EXPECTED_VERSION');
    expect(
      await codeOf(handlerOf<OrderView>(orders(), 'orders.CancelOrder')({ id: randomUUID(), reason }, call)),
    ).toBe('ORDERS.ORDER_NOT_FOUND');
  }, 30_000);

  it('never leaves a cancelled order booked when a dispatch races the cancellation', async () => {
    const rounds = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const { id } = await register();
        const slot = slotAt(9 + i);
        const [dispatched, cancelled] = await Promise.all([
          codeOf(
            handlerOf<OrderView>(orders(), 'orders.DispatchOrder')({ id, staffId: technician, slot }, call),
          ),
          codeOf(handlerOf<OrderView>(orders(), 'orders.CancelOrder')({ id, reason }, call)),
        ]);
        return { id, dispatched, cancelled };
      }),
    );
    for (const { id, dispatched, cancelled } of rounds) {
      expect(cancelled).toBe('ok');
      expect(['ok', 'ORDERS.ORDER_CANCELLED']).toContain(dispatched);
      expect((await get(OrderQueries).get({ id }, call)).status).toBe('cancelled');
      // Booked and released, or never booked: the person's day holds nothing for the order.
      const { rows } = await pool().query<{ type: string }>(
        `SELECT type FROM events WHERE stream_id LIKE 'booking-%' AND data->>'orderId' = $1 ORDER BY stream_version`,
        [id],
      );
      expect(rows.map((r) => r.type)).toEqual(dispatched === 'ok' ? ['SlotBooked', 'SlotReleased'] : []);
    }
  }, 60_000);
});
