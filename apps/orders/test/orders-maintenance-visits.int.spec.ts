import { randomUUID } from 'node:crypto';
import { handlerOf } from '@serviceops/platform/testing';
import type { OrderView } from '../src/application/order-view';
import type { ResourceView } from '../src/application/resource-view';
import type { ContractEntitlementsPublishedV1 } from '@serviceops/contracts';
import { addDays, defaultBusinessCalendar, localDateOf } from '@serviceops/kernel';
import { eventually } from '@serviceops/testing';
import { MaintenanceVisitQueries } from '../src/application/maintenance-visits.queries';
import { OrderHandlers } from '../src/application/order.handlers';
import { ResourceHandlers } from '../src/application/resources.handlers';
import { entitlementsProjection } from '../src/projections/facts.projection';
import { maintenanceVisitsProjection } from '../src/projections/maintenance-visits.projection';
import { codeOf, knownCustomers, ordersDatabaseFor } from './orders-on-own-database';

// A lease's scheduled maintenance visits (issue 15 item 7) on a database of their own: kept from contracts'
// ContractEntitlementsPublished (the latest version only, an amendment moving them, a late or repeated event
// changing nothing), done by the rental visits recorded under the contract (earliest first, through orders' own
// subscription), listed by contract, status (overdue counted on the tenant's day) and due day, a page at a time.

const { clock, tenantId, call, get, pool, delivered, feed } = ordersDatabaseFor('orders_mvisits_int');
const queries = () => get(MaintenanceVisitQueries);
// The tenant's local day (no calendar published: the default one's zone).
const today = () => localDateOf(defaultBusinessCalendar.timeZone, clock.now());
const customerId = randomUUID();
const otherCustomer = randomUUID();
const lease = randomUUID();
const otherLease = randomUUID();

/** Contracts' ContractEntitlementsPublished of a lease at `version`, its visits due on `due` (days from today). */
const published = (
  contractId: string,
  customer: string,
  version: number,
  due: readonly number[],
  effectiveFrom = -30,
) =>
  delivered('ContractEntitlementsPublished', {
    contractId,
    customerId: customer,
    kind: 'rental_lease',
    line: 'equipment_rental',
    version,
    effectiveFrom: addDays(today(), effectiveFrom),
    endDate: addDays(today(), 300),
    sessions: null,
    maintenanceVisitsDue: due.map((d) => addDays(today(), d)),
    equipment: [{ description: 'Generator G5', quantity: 1 }],
    warranty: null,
    publishedAt: new Date(clock.now().getTime() - 1_000).toISOString(),
  } satisfies ContractEntitlementsPublishedV1);

/** The contract's schedule as kept: each due day (days from today) and the order that did it. */
const scheduleOf = async (contractId: string) => {
  const { rows } = await pool().query<{ due_on: string; visit_order_id: string | null }>(
    `SELECT to_char(due_on, 'YYYY-MM-DD') AS due_on, visit_order_id FROM maintenance_visits
      WHERE tenant_id = $1 AND contract_id = $2 ORDER BY due_on`,
    [tenantId, contractId],
  );
  return rows.map((r) => [r.due_on, r.visit_order_id]);
};
const day = (d: number) => addDays(today(), d);
/** The first rental visit recorded under the lease, and when (the list answers them). */
let firstVisit: { orderId: string; at: string } | undefined;

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId, otherCustomer);
});

describe('a lease’s maintenance schedule', () => {
  it('keeps the latest version’s visits: an amendment moves them, a late or repeated version changes nothing', async () => {
    const v1 = published(lease, customerId, 1, [-10, 20, 50]);
    await feed(entitlementsProjection, v1);
    expect(await scheduleOf(lease)).toEqual([
      [day(-10), null],
      [day(20), null],
      [day(50), null],
    ]);
    // The amendment moves the second visit five days on and drops the third.
    const v2 = published(lease, customerId, 2, [-10, 25]);
    await feed(entitlementsProjection, v2);
    const amended = [
      [day(-10), null],
      [day(25), null],
    ];
    expect(await scheduleOf(lease)).toEqual(amended);
    // Version 1 again, delivered late: nothing changes.
    await feed(entitlementsProjection, published(lease, customerId, 1, [-10, 20, 50]));
    expect(await scheduleOf(lease)).toEqual(amended);
    // The same event twice: nothing doubled.
    await feed(entitlementsProjection, v2);
    expect(await scheduleOf(lease)).toEqual(amended);
    // A contract with no visits due has no rows.
    const bare = randomUUID();
    await feed(entitlementsProjection, published(bare, otherCustomer, 1, []));
    expect(await scheduleOf(bare)).toEqual([]);
    await feed(entitlementsProjection, published(otherLease, otherCustomer, 1, [-5, 40]));
  });

  it('is done by the rental visits recorded under the contract, earliest first; a visit beyond it changes nothing', async () => {
    const orders = get(OrderHandlers);
    const resources = get(ResourceHandlers);
    const request = (kind: string) =>
      handlerOf<OrderView>(orders, 'orders.RegisterRequest')(
        {
          customerId,
          line: 'equipment_rental',
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
    const unit = await handlerOf<ResourceView>(resources, 'orders.RegisterResource')(
      { kind: 'equipment', name: 'Generator G5', inspectionValidTo: day(200) },
      call,
    );
    const delivery = await request('rental_delivery');
    const checklist = ['exterior', 'performance', 'accessories'].map((item) => ({ item, passed: true }));
    await handlerOf<ResourceView>(resources, 'orders.DeliverRental')(
      { id: unit.id, orderId: delivery.id, checklist, customerSigned: true, staffSignedBy: randomUUID() },
      call,
    );
    const visit = async () => {
      const order = await request('rental_visit');
      await handlerOf<ResourceView>(resources, 'orders.RecordRentalVisit')(
        { id: unit.id, orderId: order.id, work: ['checked'], note: 'ok' },
        call,
      );
      return order.id;
    };

    const first = await visit();
    firstVisit = { orderId: first, at: clock.now().toISOString() };
    await eventually('the overdue visit done', async () =>
      (await scheduleOf(lease))[0]?.[1] === first ? true : undefined,
    );
    expect(await scheduleOf(lease)).toEqual([
      [day(-10), first],
      [day(25), null],
    ]);
    const second = await visit();
    await eventually('the next visit done', async () =>
      (await scheduleOf(lease))[1]?.[1] === second ? true : undefined,
    );
    // A third: beyond the schedule, nothing changes (delivered again too).
    const third = await visit();
    const { rows } = await pool().query<{ data: Record<string, unknown> }>(
      `SELECT data FROM events WHERE stream_id = $1 AND type = 'RentalVisitRecorded' ORDER BY stream_version`,
      [`resource-${tenantId}-${unit.id}`],
    );
    expect(rows.map((r) => r.data['orderId'])).toEqual([first, second, third]);
    expect(rows.map((r) => r.data['contractId'])).toEqual([lease, lease, lease]);
    await feed(maintenanceVisitsProjection, delivered('RentalVisitRecorded', rows[2]!.data));
    expect(await scheduleOf(lease)).toEqual([
      [day(-10), first],
      [day(25), second],
    ]);
    // An amendment after the visits keeps those done and replaces only what is left (nothing left here, one added).
    await feed(entitlementsProjection, published(lease, customerId, 3, [25, 60]));
    expect(await scheduleOf(lease)).toEqual([
      [day(-10), first],
      [day(25), second],
      [day(60), null],
    ]);
    // The first visit delivered again, with a visit open now: it marks nothing more.
    await feed(maintenanceVisitsProjection, delivered('RentalVisitRecorded', rows[0]!.data));
    expect((await scheduleOf(lease))[2]).toEqual([day(60), null]);
    // A visit under no contract, or under another tenant's same contract id, marks none of this lease's.
    const { contractId: _lease, ...noContract } = rows[0]!.data;
    await feed(
      maintenanceVisitsProjection,
      delivered('RentalVisitRecorded', { ...noContract, orderId: randomUUID() }),
    );
    await feed(
      maintenanceVisitsProjection,
      delivered('RentalVisitRecorded', { ...rows[0]!.data, orderId: randomUUID() }, randomUUID()),
    );
    expect((await scheduleOf(lease))[2]).toEqual([day(60), null]);
  }, 30_000);

  it('lists by contract, status (overdue on the tenant’s day) and due day, a page at a time', async () => {
    const all = await queries().list({}, call);
    expect(all.items.map((v) => [v.contractId, v.dueOn, v.status])).toEqual([
      [lease, day(-10), 'done'],
      [otherLease, day(-5), 'overdue'],
      [lease, day(25), 'done'],
      [otherLease, day(40), 'due'],
      [lease, day(60), 'due'],
    ]);
    expect(all.nextCursor).toBeUndefined();
    expect(all.items[0]).toEqual({
      contractId: lease,
      customerId,
      dueOn: day(-10),
      status: 'done',
      orderId: firstVisit?.orderId,
      recordedAt: firstVisit?.at,
    });
    expect(all.items[1]).toEqual({
      contractId: otherLease,
      customerId: otherCustomer,
      dueOn: day(-5),
      status: 'overdue',
    });

    const dues = async (filter: object) =>
      (await queries().list(filter, call)).items.map((v) => [v.contractId, v.dueOn]);
    expect(await dues({ contractId: otherLease })).toEqual([
      [otherLease, day(-5)],
      [otherLease, day(40)],
    ]);
    expect(await dues({ status: 'overdue' })).toEqual([[otherLease, day(-5)]]);
    expect(await dues({ status: 'due' })).toEqual([
      [otherLease, day(40)],
      [lease, day(60)],
    ]);
    expect(await dues({ status: 'done', contractId: lease })).toEqual([
      [lease, day(-10)],
      [lease, day(25)],
    ]);
    expect(await dues({ dueBefore: day(25) })).toEqual([
      [lease, day(-10)],
      [otherLease, day(-5)],
    ]);
    expect(await dues({ status: 'due', dueBefore: day(60) })).toEqual([[otherLease, day(40)]]);

    // Two at a time: three pages, in order, none repeated.
    const seen: string[][] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 3; page += 1) {
      const { items, nextCursor } = await queries().list({ limit: 2, ...(cursor ? { cursor } : {}) }, call);
      seen.push(...items.map((v) => [v.contractId, v.dueOn]));
      cursor = nextCursor;
    }
    expect(cursor).toBeUndefined();
    expect(seen).toEqual(all.items.map((v) => [v.contractId, v.dueOn]));

    // 45 days on: the visit that was due in 40 days is overdue too (counted on the day, never stored).
    clock.advance(45 * 86_400_000);
    expect(await dues({ status: 'overdue' })).toEqual([
      [otherLease, day(-50)],
      [otherLease, day(-5)],
    ]);

    expect(await codeOf(queries().list({ status: 'late' }, call))).toBe('VALIDATION');
    expect(await codeOf(queries().list({ dueBefore: '2026-02-30' }, call))).toBe('VALIDATION');
    expect(await codeOf(queries().list({ contractId: 'nope' }, call))).toBe('VALIDATION');
    // Another tenant sees none of them.
    expect((await queries().list({}, { ...call, tenantId: randomUUID() })).items).toEqual([]);
  });
  it('keeps a visit due before an amendment took effect: the amendment speaks of the days from its own on', async () => {
    const amendedToday = randomUUID();
    await feed(entitlementsProjection, published(amendedToday, otherCustomer, 1, [-10, 20]));
    await feed(entitlementsProjection, published(amendedToday, otherCustomer, 2, [30], 0));
    expect(await scheduleOf(amendedToday)).toEqual([
      [day(-10), null],
      [day(30), null],
    ]);
  });
});
