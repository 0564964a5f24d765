import type { OrderView } from '../src/application/order-view';
import type { ResourceView } from '../src/application/resource-view';
import { randomUUID } from 'node:crypto';
import { eventually } from '@serviceops/testing';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { OrderListQueries } from '../src/application/orders-field.list.handlers';
import { ResourceHandlers } from '../src/application/resources.handlers';
import { eligibilityProjection } from '../src/projections/facts.projection';
import { codeOf, knownCustomers, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';

// The orders service on a database of its own: registration sealed and checked against contracts' entitlements,
// dispatch against staff's eligibility at the slot, no double booking under 50 concurrent dispatches, the
// first-response timer firing once across a restart. Other services' events are fed to the projections as
// recorded payloads of the shapes their branches declare (staff-people.events.ts, contracts.events.ts).

const { clock, tenantId, call, get, pool, db, delivered, feed, eligible, entitled, calendarSet } =
  ordersDatabaseFor('orders_int');
const handlers = () => get(OrderHandlers);
const queries = () => get(OrderQueries);

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const slot = { start: `${tomorrow}T02:00:00.000Z`, end: `${tomorrow}T04:00:00.000Z` };
const coach = randomUUID();
const lapsed = randomUUID();
const contractId = randomUUID();
const customerId = randomUUID();

const repair = (over: object = {}) => ({
  customerId,
  line: 'after_sales_repair',
  kind: 'repair',
  serviceType: 'paid',
  wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
  zone: 'suburb',
  address: '8 Garden Lane, Minhang',
  subject: 'Washer X200',
  problem: 'Drum does not turn',
  ...over,
});

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
  // Recorded StaffEligibilityChanged (StaffEligibilityChangedV1): one coach eligible since January; one whose
  // licence expires tomorrow at 01:00 UTC, between the booking (today) and the slot (tomorrow 02:00).
  await eligible(coach);
  await eligible(lapsed);
  const expiry = delivered('StaffEligibilityChanged', {
    staffId: lapsed,
    eligible: false,
    reasons: [{ qualificationId: randomUUID(), kind: 'coach_licence', reason: 'expired' }],
    since: `${tomorrow}T01:00:00.000Z`,
  });
  await feed(eligibilityProjection, expiry);
  await feed(eligibilityProjection, expiry); // redelivered: changes nothing
  // Recorded ContractEntitlementsPublished (ContractEntitlementsPublishedV1): a package with 2 sessions left.
  await entitled({
    contractId,
    customerId,
    kind: 'service_package',
    line: 'driving_practice',
    sessions: { total: 10, left: 2 },
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
  });
});

describe('registration', () => {
  it('registers a request with its subject, address and problem sealed in the store, clear to the caller', async () => {
    const order = await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(repair(), call);
    expect(order).toMatchObject({
      status: 'registered',
      zone: 'suburb',
      address: '8 Garden Lane, Minhang',
      subject: 'Washer X200',
      quoteRequired: true,
      slaState: 'on_time',
    });
    const { rows } = await pool().query<{ data: { address: string; problem: string; subject: string } }>(
      `SELECT data FROM events WHERE stream_id = $1`,
      [`order-${tenantId}-${order.id}`],
    );
    expect(rows[0]?.data.address).toMatch(/^enc:v1:/);
    expect(rows[0]?.data.problem).toMatch(/^enc:v1:/);
    expect(rows[0]?.data.subject).toMatch(/^enc:v1:/);
    const masked = await queries().get({ id: order.id }, { ...call, roles: ['auditor'] });
    expect(masked).toMatchObject({ masked: true });
    expect(masked.address).toBeUndefined();
    expect(masked.subject).toBeUndefined();
  });

  it('uses the package’s sessions from contracts’ entitlement: 2 left, the third refused', async () => {
    const session = repair({
      line: 'driving_practice',
      kind: 'practice_session',
      serviceType: 'under_contract',
      contractId,
      zone: 'town',
    });
    expect(await codeOf(handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(session, call))).toBe(
      'ok',
    );
    expect(await codeOf(handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(session, call))).toBe(
      'ok',
    );
    expect(await codeOf(handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(session, call))).toBe(
      'ORDERS.NO_ENTITLEMENT',
    );
    expect(
      await codeOf(
        handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(
          { ...session, contractId: randomUUID() },
          call,
        ),
      ),
    ).toBe('ORDERS.NO_ENTITLEMENT');
  });
});

describe('dispatch', () => {
  it('refuses a person whose qualification expires between the booking and the slot, and says why in the candidates', async () => {
    const order = await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(repair(), call);
    expect(
      await codeOf(
        handlerOf<OrderView>(handlers(), 'orders.DispatchOrder')(
          { id: order.id, staffId: lapsed, slot },
          call,
        ),
      ),
    ).toBe('ORDERS.STAFF_NOT_ELIGIBLE');
    const { items } = await queries().candidates({ id: order.id, ...slot }, call);
    expect(items.find((c) => c.staffId === lapsed)).toMatchObject({ inRunning: false, reasons: ['expired'] });
    expect(items.find((c) => c.staffId === coach)).toMatchObject({ inRunning: true });
  });

  it('lets exactly one of 50 concurrent dispatches of one person to one slot win', async () => {
    const orders = [];
    for (let i = 0; i < 50; i++)
      orders.push(await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(repair(), call));
    const outcomes = await Promise.all(
      orders.map((o) =>
        codeOf(
          handlerOf<OrderView>(handlers(), 'orders.DispatchOrder')({ id: o.id, staffId: coach, slot }, call),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(
      new Set(outcomes.filter((o) => o !== 'ok').map(() => 'ORDERS.DOUBLE_BOOKED')),
    );
    const { rows } = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM order_list WHERE staff_id = $1 AND status = 'dispatched'`,
      [coach],
    );
    expect(Number(rows[0]?.n)).toBe(1);
    const { items } = await queries().candidates({ id: orders[0]!.id, ...slot }, call);
    expect(items.find((c) => c.staffId === coach)).toMatchObject({ inRunning: false, reasons: ['booked'] });
  }, 120_000);

  it('lets exactly one of 50 concurrent dispatches of one vehicle to one slot win, each with its own coach', async () => {
    const { id: vehicle } = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'vehicle', name: 'Practice car 1', inspectionValidTo: '2099-12-31' },
      call,
    );
    const coaches = Array.from({ length: 50 }, () => randomUUID());
    for (const staffId of coaches) await eligible(staffId);
    const orders = [];
    for (let i = 0; i < 50; i++)
      orders.push(await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(repair(), call));
    const outcomes = await Promise.all(
      orders.map((o, i) =>
        codeOf(
          handlerOf<OrderView>(handlers(), 'orders.DispatchOrder')(
            { id: o.id, staffId: coaches[i], resourceId: vehicle, slot },
            call,
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok' && o !== 'ORDERS.DOUBLE_BOOKED')).toEqual([]);
    const winner = orders[outcomes.indexOf('ok')];
    expect(await queries().get({ id: winner!.id }, call)).toMatchObject({
      resourceId: vehicle,
      status: 'dispatched',
    });
  }, 120_000);
});

describe('the first response within 24 h', () => {
  it('escalates an unanswered request once, across a restart, and never one answered', async () => {
    const unanswered = await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(repair(), call);
    const answered = await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(repair(), call);
    await handlerOf(handlers(), 'orders.RespondToRequest')({ id: answered.id }, call);
    // The deadline passes while the service is down: 25 hours on its clock, and the timer's row due. Two
    // instances poll the timers.
    await db().restart(async () => {
      clock.advance(25 * 3_600_000);
      await pool().query(
        `UPDATE timers SET due_at = now() - interval '1 minute' WHERE kind = 'order-first-response'`,
      );
    }, 1);
    const escalations = async (orderId: string) => {
      const { rows } = await pool().query<{ n: string }>(
        `SELECT count(*) AS n FROM events WHERE stream_id = $1 AND type = 'RequestResponseOverdue'`,
        [`order-${tenantId}-${orderId}`],
      );
      return Number(rows[0]?.n);
    };
    await eventually('one escalation', async () =>
      (await escalations(unanswered.id)) === 1 ? true : undefined,
    );
    await db().restart();
    await new Promise((r) => setTimeout(r, 500));
    expect(await escalations(unanswered.id)).toBe(1);
    expect(await escalations(answered.id)).toBe(0);
    expect(await queries().get({ id: unanswered.id }, call)).toMatchObject({
      escalatedAt: expect.any(String) as string,
    });
  }, 60_000);
});

describe('the arrival SLA', () => {
  it('escalates an order about to miss its arrival time once, by its timer', async () => {
    const wantedAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const order = await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(
      repair({ zone: 'town', wantedAt }),
      call,
    );
    const count = async () => {
      const { rows } = await pool().query<{ n: string }>(
        `SELECT count(*) AS n FROM events WHERE stream_id = $1 AND type = 'OrderArrivalAtRisk'`,
        [`order-${tenantId}-${order.id}`],
      );
      return Number(rows[0]?.n);
    };
    // Past the deadline on the service's clock (7 days on); the timer's row due now.
    clock.advance(7 * 86_400_000);
    await pool().query(`UPDATE timers SET due_at = now() - interval '1 minute' WHERE timer_id LIKE $1`, [
      `order-arrival-risk:${order.id}:%`,
    ]);
    await eventually('one arrival escalation', async () => ((await count()) === 1 ? true : undefined));
    expect(await queries().get({ id: order.id }, call)).toMatchObject({
      slaState: 'missed',
      arrivalEscalatedAt: expect.any(String) as string,
    });
  }, 30_000);
});

describe('a calendar change', () => {
  // The SLA state is counted from the order's events with the calendar as it stands: no stored deadline to go
  // stale. Tenancy's BusinessCalendarSet (recorded) closes the days after the request, and the open order that
  // had missed its arrival time is on time again, in its view and in the list by SLA state.
  it('re-evaluates an open order: missed becomes on time when the days since the request become holidays', async () => {
    await calendarSet('Asia/Shanghai', '09:00', '18:00');
    const wantedAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const order = await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(
      repair({ zone: 'town', wantedAt }),
      call,
    );
    const received = clock.now();
    clock.advance(7 * 86_400_000);
    const listed = (slaState: string) =>
      get(OrderListQueries)
        .list({ slaState, limit: 200 }, call)
        .then((page) => page.items.map((i) => i.id));
    expect(await queries().get({ id: order.id }, call)).toMatchObject({ slaState: 'missed' });
    await eventually('the order listed as missed', async () =>
      (await listed('missed')).includes(order.id) ? true : undefined,
    );

    // Every day from the request's to ten days after it made a holiday (Shanghai's dates).
    const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
    const holidays = Array.from({ length: 11 }, (_, i) =>
      shanghaiDay.format(new Date(received.getTime() + i * 86_400_000)),
    );
    await calendarSet('Asia/Shanghai', '09:00', '18:00', tenantId, holidays);
    const view = await queries().get({ id: order.id }, call);
    expect(view).toMatchObject({ slaState: 'on_time' });
    expect(new Date(view.arrivalDueAt).getTime()).toBeGreaterThan(clock.now().getTime());
    expect(await listed('on_time')).toContain(order.id);
    expect(await listed('missed')).not.toContain(order.id);
  }, 30_000);
});

describe('the dispatch queue', () => {
  // Requests not dispatched on an earlier day (the tenant's) come first, then by arrival deadline: neither
  // first-come-first-served (Monday's suburb request came first) nor deadline alone (Tuesday's is due before it).
  it('puts yesterday’s requests first, then by deadline, through the service’s queue', async () => {
    await calendarSet('Asia/Shanghai', '09:00', '18:00');
    const at = async (instant: string, zone: 'town' | 'suburb') => {
      clock.set(new Date(instant));
      const wantedAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
      return (
        await handlerOf<OrderView>(handlers(), 'orders.RegisterRequest')(repair({ zone, wantedAt }), call)
      ).id;
    };
    const mondaySuburb = await at('2030-03-04T17:30:00+08:00', 'suburb'); // due Tuesday 15:30
    const mondayTown = await at('2030-03-04T17:50:00+08:00', 'town'); // due Tuesday 14:50
    const tuesdayTown = await at('2030-03-05T08:00:00+08:00', 'town'); // due Tuesday 15:00
    clock.set(new Date('2030-03-05T09:30:00+08:00'));
    const mine = new Set([mondaySuburb, mondayTown, tuesdayTown]);
    const queued = async () =>
      (await queries().queue({ limit: 200 }, call)).items.map((o) => o.id).filter((id) => mine.has(id));
    await eventually('the three queued', async () => ((await queued()).length === 3 ? true : undefined));
    expect(await queued()).toEqual([mondayTown, mondaySuburb, tuesdayTown]);
  }, 30_000);
});
