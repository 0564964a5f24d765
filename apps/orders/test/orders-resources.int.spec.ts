import type { OrderView } from '../src/application/order-view';
import type { ResourceView } from '../src/application/resource-view';
import { randomUUID } from 'node:crypto';
import { addDays, defaultBusinessCalendar, localDateOf } from '@serviceops/kernel';
import { eventually } from '@serviceops/testing';
import { OrderHandlers } from '../src/application/order.handlers';
import { OrderStore } from '../src/application/order-store';
import { ResourceHandlers, ResourceQueries } from '../src/application/resources.handlers';
import { expiryReminderAt } from '../src/domain/resource/resource.timers';
import { codeOf, knownCustomers, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';

// Resources on a database of their own: the expiry reminder's durable timer fires once across a restart and
// moves with a renewal; a lost tool's charge is in the service's log (what the relay publishes); an unfit
// vehicle is refused at dispatch; a rental's records.

const { clock, tenantId, call, get, pool, db, eligible, entitled } = ordersDatabaseFor('orders_res_int');
const resources = () => get(ResourceHandlers);
const queries = () => get(ResourceQueries);
const orders = () => get(OrderHandlers);
// The tenant's local day (no calendar published: the default one's zone).
const today = () => localDateOf(defaultBusinessCalendar.timeZone, clock.now());
const eventsOf = async (type: string, resourceId: string) => {
  const { rows } = await pool().query<{ data: Record<string, unknown> }>(
    `SELECT data FROM events WHERE stream_id = $1 AND type = $2 ORDER BY stream_version`,
    [`resource-${tenantId}-${resourceId}`, type],
  );
  return rows.map((r) => r.data);
};
const customerId = randomUUID();
const request = (
  kind: string,
  line = 'equipment_rental',
  more: { customerId?: string; contractId?: string } = {},
) =>
  handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(
    {
      customerId,
      ...more,
      line,
      kind,
      serviceType: 'paid',
      wantedAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
      zone: 'town',
      address: '1 Dock Road',
      subject: 'Generator G5',
      problem: 'lease',
    },
    call,
  );

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
});

describe('the expiry reminder', () => {
  it('fires once across a restart, 30 days before the last day, and again only for a renewed date', async () => {
    const validTo = addDays(today(), 40);
    const car = await handlerOf<ResourceView>(resources(), 'orders.RegisterResource')(
      { kind: 'vehicle', name: 'Practice car 3', inspectionValidTo: validTo },
      call,
    );
    const { rows } = await pool().query<{ due_at: Date }>(`SELECT due_at FROM timers WHERE timer_id = $1`, [
      `resource-expiry-reminder:${car.id}:inspection`,
    ]);
    // 30 days before the last day, at the tenant's business morning (no calendar published: the default one).
    expect(rows[0]?.due_at.toISOString()).toBe(
      expiryReminderAt(defaultBusinessCalendar, validTo).toISOString(),
    );
    // Ten days on while the service is down: the reminder is due. Two instances poll the timers.
    await db().restart(async () => {
      clock.advance(10 * 86_400_000);
      await pool().query(
        `UPDATE timers SET due_at = now() - interval '1 minute' WHERE kind = 'resource-expiry-reminder'`,
      );
    }, 1);
    await eventually('one reminder', async () =>
      (await eventsOf('ResourceExpiryReminded', car.id)).length === 1 ? true : undefined,
    );
    await db().restart();
    await new Promise((r) => setTimeout(r, 500));
    expect(await eventsOf('ResourceExpiryReminded', car.id)).toEqual([
      expect.objectContaining({ paper: 'inspection', validTo, kind: 'vehicle' }),
    ]);
    // Renewed: the timer moves to 30 days before the new date, and fires for it once.
    const renewed = addDays(today(), 20);
    await handlerOf(resources(), 'orders.UpdateResourcePapers')(
      { id: car.id, inspectionValidTo: renewed },
      call,
    );
    await pool().query(`UPDATE timers SET due_at = now() - interval '1 minute' WHERE timer_id = $1`, [
      `resource-expiry-reminder:${car.id}:inspection`,
    ]);
    await eventually('the renewed date reminded', async () =>
      (await eventsOf('ResourceExpiryReminded', car.id)).length === 2 ? true : undefined,
    );
    expect((await eventsOf('ResourceExpiryReminded', car.id)).map((e) => e['validTo'])).toEqual([
      validTo,
      renewed,
    ]);
  }, 60_000);
});

describe('the tool register', () => {
  it('charges a lost tool to its borrower at its price, in the log the relay publishes', async () => {
    const borrower = randomUUID();
    const tool = await handlerOf<ResourceView>(resources(), 'orders.RegisterResource')(
      { kind: 'tool', name: 'Torque wrench', price: { amount: '128000', currency: 'CNY' } },
      call,
    );
    await handlerOf<ResourceView>(resources(), 'orders.LendTool')(
      { id: tool.id, borrowerId: borrower, dueBack: addDays(today(), 2) },
      call,
    );
    expect(
      await codeOf(
        handlerOf<ResourceView>(resources(), 'orders.LendTool')(
          { id: tool.id, borrowerId: borrower, dueBack: today() },
          call,
        ),
      ),
    ).toBe('ORDERS.TOOL_NOT_AVAILABLE');
    const lost = await handlerOf(resources(), 'orders.ReportToolLost')({ id: tool.id }, call);
    expect(lost).toMatchObject({ state: 'retired', fit: false });
    expect(await eventsOf('ToolLostCharged', tool.id)).toEqual([
      expect.objectContaining({ borrowerId: borrower, charge: { amount: 128000, currency: 'CNY' } }),
    ]);
    const { rows } = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM timers WHERE timer_id = $1 AND fired_at IS NULL`,
      [`tool-overdue:${tool.id}`],
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('marks a tool not back by its due day overdue, once, by its timer', async () => {
    const tool = await handlerOf<ResourceView>(resources(), 'orders.RegisterResource')(
      { kind: 'tool', name: 'Puller', price: { amount: 9900, currency: 'CNY' } },
      call,
    );
    await handlerOf<ResourceView>(resources(), 'orders.LendTool')(
      { id: tool.id, borrowerId: randomUUID(), dueBack: today() },
      call,
    );
    clock.advance(86_400_000);
    await pool().query(`UPDATE timers SET due_at = now() - interval '1 minute' WHERE timer_id = $1`, [
      `tool-overdue:${tool.id}`,
    ]);
    await eventually('overdue', async () =>
      (await eventsOf('ToolWentOverdue', tool.id)).length === 1 ? true : undefined,
    );
    expect(await queries().get({ id: tool.id }, call)).toMatchObject({ loan: { overdue: true } });
  }, 30_000);
});

describe('fitness at dispatch', () => {
  it('refuses a vehicle whose inspection ends before the slot, one that failed its check, until repaired', async () => {
    const coach = randomUUID();
    await eligible(coach);
    const day = addDays(today(), 2);
    const slot = { start: `${day}T02:00:00.000Z`, end: `${day}T03:00:00.000Z` };
    const car = await handlerOf<ResourceView>(resources(), 'orders.RegisterResource')(
      { kind: 'vehicle', name: 'Practice car 9', inspectionValidTo: addDays(today(), 1) },
      call,
    );
    const order = await request('practice_session', 'driving_practice');
    const dispatch = () =>
      handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
        { id: order.id, staffId: coach, resourceId: car.id, slot },
        call,
      );
    expect(await codeOf(dispatch())).toBe('ORDERS.RESOURCE_UNFIT');
    await handlerOf(resources(), 'orders.UpdateResourcePapers')(
      { id: car.id, inspectionValidTo: addDays(today(), 365) },
      call,
    );
    const failed = await handlerOf<ResourceView>(resources(), 'orders.RecordPreparationCheck')(
      {
        id: car.id,
        orderId: order.id,
        items: ['brakes', 'lights', 'tyres', 'steering', 'seatbelts'].map((item) => ({
          item,
          passed: item !== 'brakes',
        })),
      },
      call,
    );
    expect(failed).toMatchObject({ fit: false, unfitReasons: ['failed_check'] });
    expect(await codeOf(dispatch())).toBe('ORDERS.RESOURCE_UNFIT');
    await handlerOf(resources(), 'orders.RecordMaintenance')(
      { id: car.id, action: 'repaired', note: 'brake pads replaced' },
      call,
    );
    expect(await codeOf(dispatch())).toBe('ok');
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id: order.id, staffId: coach, resourceId: randomUUID(), slot },
          call,
        ),
      ),
    ).toBe('ORDERS.RESOURCE_NOT_FOUND');
  });
});

describe('fitness under the resource’s lock', () => {
  it('refuses a dispatch whose resource changed while it was being booked, nothing booked', async () => {
    const coach = randomUUID();
    await eligible(coach);
    const day = addDays(today(), 3);
    const slot = { start: `${day}T02:00:00.000Z`, end: `${day}T03:00:00.000Z` };
    const car = await handlerOf<ResourceView>(resources(), 'orders.RegisterResource')(
      { kind: 'vehicle', name: 'Practice car 11', inspectionValidTo: addDays(today(), 365) },
      call,
    );
    const order = await request('practice_session', 'driving_practice');
    const { store } = get(OrderStore).runtime;
    // A keeper's change in flight, written as ResourceHandlers writes one: the event, then the resource's row.
    const keeper = await pool().connect();
    let dispatching: Promise<string> | undefined;
    try {
      await keeper.query('BEGIN');
      await store.appendWith(
        keeper,
        `resource-${tenantId}-${car.id}`,
        [
          {
            type: 'ResourceStateSet',
            data: { resourceId: car.id, state: 'maintenance', at: clock.now().toISOString() },
          },
        ],
        { expectedVersion: 1 },
      );
      await keeper.query(
        `UPDATE resource_list SET state = 'maintenance', version = 2 WHERE resource_id = $1`,
        [car.id],
      );
      // The dispatch reads the resource fit (the change is not committed) and books, then waits for the lock.
      dispatching = codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id: order.id, staffId: coach, resourceId: car.id, slot },
          call,
        ),
      );
      await eventually('the dispatch waits for the resource’s lock', async () => {
        const { rows } = await pool().query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%resource_list%FOR SHARE%'`,
        );
        return Number(rows[0]?.n) > 0 ? true : undefined;
      });
      await keeper.query('COMMIT');
    } finally {
      await keeper.query('ROLLBACK').catch(() => undefined);
      keeper.release();
    }
    expect(await dispatching).toBe('ORDERS.RESOURCE_UNFIT');
    const { rows } = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id LIKE 'booking-%' AND data->>'orderId' = $1`,
      [order.id],
    );
    expect(Number(rows[0]?.n)).toBe(0);
    // Back in service: the same dispatch goes through.
    await handlerOf(resources(), 'orders.ChangeResourceState')({ id: car.id, state: 'available' }, call);
    expect(
      await codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id: order.id, staffId: coach, resourceId: car.id, slot },
          call,
        ),
      ),
    ).toBe('ok');
  }, 30_000);
});

/** A rental lease of the customer's, as contracts publishes its entitlements. */
const leaseOf = (customer: string, contractId = randomUUID(), endDate = addDays(today(), 300)) =>
  entitled({
    contractId,
    customerId: customer,
    kind: 'rental_lease',
    line: 'equipment_rental',
    effectiveFrom: addDays(today(), -30),
    endDate,
    publishedAt: new Date(clock.now().getTime() - 1_000).toISOString(),
  }).then(() => contractId);
const leaseRow = async (orderId: string) =>
  (
    await pool().query<{ lease_contract_id: string | null }>(
      'SELECT lease_contract_id FROM order_list WHERE order_id = $1',
      [orderId],
    )
  ).rows[0]?.lease_contract_id;

describe('the lease of a rental visit or return', () => {
  it('is the customer’s only lease in force, or the one named; none or several unnamed: refused', async () => {
    const someone = randomUUID();
    await knownCustomers(pool(), tenantId, someone);
    expect(await codeOf(request('rental_visit', 'equipment_rental', { customerId: someone }))).toBe(
      'ORDERS.NO_ACTIVE_LEASE',
    );
    await leaseOf(someone, randomUUID(), addDays(today(), -2)); // ended two days ago
    expect(await codeOf(request('rental_return', 'equipment_rental', { customerId: someone }))).toBe(
      'ORDERS.NO_ACTIVE_LEASE',
    );
    const lease = await leaseOf(someone);
    const visit = await request('rental_visit', 'equipment_rental', { customerId: someone });
    expect(visit).toMatchObject({ leaseContractId: lease });
    expect(await leaseRow(visit.id)).toBe(lease);

    const second = await leaseOf(someone);
    expect(await codeOf(request('rental_visit', 'equipment_rental', { customerId: someone }))).toBe(
      'ORDERS.LEASE_AMBIGUOUS',
    );
    const named = await request('rental_return', 'equipment_rental', {
      customerId: someone,
      contractId: second,
    });
    expect(await leaseRow(named.id)).toBe(second);
    expect(
      await codeOf(
        request('rental_visit', 'equipment_rental', { customerId: someone, contractId: randomUUID() }),
      ),
    ).toBe('ORDERS.NOT_A_LEASE');
    // A delivery starts a lease's use and refers to none.
    const delivery = await request('rental_delivery', 'equipment_rental', { customerId: someone });
    expect(await leaseRow(delivery.id)).toBeNull();
  });
});

describe('a rental', () => {
  it('is delivered signed by both sides, visited, and returned with its damage published', async () => {
    const lease = await leaseOf(customerId);
    const unit = await handlerOf<ResourceView>(resources(), 'orders.RegisterResource')(
      { kind: 'equipment', name: 'Generator G5', inspectionValidTo: addDays(today(), 200) },
      call,
    );
    const delivery = await request('rental_delivery');
    const visit = await request('rental_visit');
    const giveBack = await request('rental_return');
    const checklist = ['exterior', 'performance', 'accessories'].map((item) => ({ item, passed: true }));
    const staff = randomUUID();
    expect(
      await codeOf(
        handlerOf<ResourceView>(resources(), 'orders.DeliverRental')(
          { id: unit.id, orderId: visit.id, checklist, customerSigned: true, staffSignedBy: staff },
          call,
        ),
      ),
    ).toBe('ORDERS.WRONG_ORDER_KIND');
    expect(
      await codeOf(
        handlerOf<ResourceView>(resources(), 'orders.DeliverRental')(
          { id: unit.id, orderId: delivery.id, checklist, customerSigned: false, staffSignedBy: staff },
          call,
        ),
      ),
    ).toBe('ORDERS.DELIVERY_NOT_SIGNED');
    const out = await handlerOf<ResourceView>(resources(), 'orders.DeliverRental')(
      { id: unit.id, orderId: delivery.id, checklist, customerSigned: true, staffSignedBy: staff },
      call,
    );
    expect(out).toMatchObject({ state: 'out', rental: { deliveryOrderId: delivery.id, customerId } });
    await handlerOf<ResourceView>(resources(), 'orders.RecordRentalVisit')(
      { id: unit.id, orderId: visit.id, work: ['lubricated', 'checked'], note: 'belt ok' },
      call,
    );
    const back = await handlerOf<ResourceView>(resources(), 'orders.InspectRentalReturn')(
      {
        id: unit.id,
        orderId: giveBack.id,
        findings: [{ item: 'front panel', note: 'dented' }],
        damage: { amount: '50000', currency: 'CNY' },
      },
      call,
    );
    expect(back).toMatchObject({ state: 'in_maintenance' });
    expect(back.rentalRecords.map((r) => r.type)).toEqual(['delivery', 'visit', 'return']);
    // The visit names the lease its order refers to.
    expect(await eventsOf('RentalVisitRecorded', unit.id)).toEqual([
      expect.objectContaining({ orderId: visit.id, contractId: lease }),
    ]);
    expect(await eventsOf('RentalReturnInspected', unit.id)).toEqual([
      expect.objectContaining({
        orderId: giveBack.id,
        deliveryOrderId: delivery.id,
        customerId,
        damage: { amount: 50000, currency: 'CNY' },
      }),
    ]);
  });

  it('lists by kind and papers ending before a day, a page at a time', async () => {
    const first = await queries().list({ kind: 'vehicle', limit: 1 }, call);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = await queries().list({ kind: 'vehicle', limit: 1, cursor: first.nextCursor }, call);
    expect(next.items[0]?.id).not.toBe(first.items[0]?.id);
    const expiring = await queries().list({ expiringBefore: addDays(today(), 100) }, call);
    expect(expiring.items.every((r) => r.kind !== 'tool')).toBe(true);
    const history = await queries().history({ id: first.items[0]!.id }, call);
    expect(history.entries[0]).toMatchObject({ type: 'ResourceRegistered', version: 1 });
  });
});
