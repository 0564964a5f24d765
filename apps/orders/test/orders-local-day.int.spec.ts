import type { OrderView } from '../src/application/order-view';
import { handlerOf } from '@serviceops/platform/testing';
import type { ResourceView } from '../src/application/resource-view';
import { randomUUID } from 'node:crypto';
import { addDays } from '@serviceops/kernel';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { ResourceHandlers } from '../src/application/resources.handlers';
import { codeOf, knownCustomers, tomorrowOf, ordersDatabaseFor } from './orders-on-own-database';

// A slot lies within one day of the tenant's calendar (issue 15 item 3), on a database of its own: for a tenant in
// Asia/Shanghai (UTC+8) UTC midnight is 08:00, so a 07:30–08:30 practice session is one working day. Bookings stay
// keyed by UTC day, so such a slot is booked, checked and released in both UTC days' streams of the person, in one
// transaction: a slot overlapping it on either side of UTC midnight is DOUBLE_BOOKED, even under concurrency.

const { clock, tenantId, call, get, pool, eligible, calendarSet, repair } =
  ordersDatabaseFor('orders_local_day_int');
const orders = () => get(OrderHandlers);

/** The UTC day after the clock's, and the one after it: 23:30 UTC on the first is 07:30 on the second in Shanghai. */
const { tomorrow: before } = tomorrowOf(clock);
const after = addDays(before, 1);
/** A slot given in Shanghai wall time ('HH:MM', UTC+8, no summer time) on the local day `after`. */
const local = (start: string, end: string) => {
  const at = (hhmm: string) => new Date(`${after}T${hhmm}:00.000+08:00`).toISOString();
  return { start: at(start), end: at(end) };
};
const customerId = randomUUID();

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
  // The tenant's calendar as tenancy publishes it.
  await calendarSet('Asia/Shanghai', '09:00', '18:00');
});

const person = async () => {
  const staffId = randomUUID();
  await eligible(staffId);
  return staffId;
};
const register = async () =>
  (await handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(repair(customerId), call)).id;
const dispatch = (id: string, staffId: string, slot: { start: string; end: string }) =>
  codeOf(handlerOf<OrderView>(orders(), 'orders.DispatchOrder')({ id, staffId, slot }, call));
/** The holder's booking stream of a UTC day, as '<event> <order>' (a person by default, or 'resource'). */
async function bookingsOf(id: string, day: string, holder = 'staff'): Promise<string[]> {
  const { rows } = await pool().query<{ type: string; order_id: string }>(
    `SELECT type, data->>'orderId' AS order_id FROM events WHERE stream_id = $1 ORDER BY stream_version`,
    [`booking-${tenantId}-${holder}:${id}:${day}`],
  );
  return rows.map((r) => `${r.type} ${r.order_id}`);
}

describe('a slot within one day of the tenant’s calendar, across UTC midnight', () => {
  it('books 07:30–08:30 in Shanghai in both UTC days’ streams; overlaps on either side are DOUBLE_BOOKED; a cancellation frees both', async () => {
    const coach = await person();
    const session = local('07:30', '08:30');
    expect(session).toEqual({ start: `${before}T23:30:00.000Z`, end: `${after}T00:30:00.000Z` });
    const first = await register();
    expect(await dispatch(first, coach, session)).toBe('ok');
    expect(await bookingsOf(coach, before)).toEqual([`SlotBooked ${first}`]);
    expect(await bookingsOf(coach, after)).toEqual([`SlotBooked ${first}`]);

    const [inside, later, earlier] = [await register(), await register(), await register()];
    // Across UTC midnight as well; then wholly on the later UTC day; then wholly on the earlier one.
    expect(await dispatch(inside, coach, local('07:45', '08:15'))).toBe('ORDERS.DOUBLE_BOOKED');
    expect(await dispatch(later, coach, local('08:15', '09:00'))).toBe('ORDERS.DOUBLE_BOOKED');
    expect(await dispatch(earlier, coach, local('07:00', '07:45'))).toBe('ORDERS.DOUBLE_BOOKED');
    // The candidates see the booking from the later UTC day too.
    const { items } = await get(OrderQueries).candidates({ id: later, ...local('08:15', '09:00') }, call);
    expect(items.find((c) => c.staffId === coach)?.reasons).toContain('booked');

    await handlerOf<OrderView>(orders(), 'orders.CancelOrder')(
      { id: first, reason: 'The learner is ill' },
      call,
    );
    expect(await bookingsOf(coach, before)).toEqual([`SlotBooked ${first}`, `SlotReleased ${first}`]);
    expect(await bookingsOf(coach, after)).toEqual([`SlotBooked ${first}`, `SlotReleased ${first}`]);
    expect(await dispatch(inside, coach, local('07:45', '08:15'))).toBe('ok');
    expect(await dispatch(later, coach, local('08:15', '09:00'))).toBe('ok');
    expect(await bookingsOf(coach, after)).toEqual([
      `SlotBooked ${first}`,
      `SlotReleased ${first}`,
      `SlotBooked ${inside}`,
      `SlotBooked ${later}`,
    ]);
  }, 30_000);

  it('refuses a slot across midnight in Shanghai although it lies within one UTC day, nothing written', async () => {
    const coach = await person();
    const id = await register();
    // 23:30–00:30 in Shanghai is 15:30–16:30 UTC.
    const start = new Date(`${after}T23:30:00.000+08:00`);
    const slot = { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() };
    expect(slot).toEqual({ start: `${after}T15:30:00.000Z`, end: `${after}T16:30:00.000Z` });
    expect(await dispatch(id, coach, slot)).toBe('ORDERS.SLOT_ACROSS_DAYS');
    const { rows } = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id LIKE 'booking-%' AND data->>'orderId' = $1`,
      [id],
    );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('moves such a slot on reassignment: both days released for the one, both booked for the other', async () => {
    const [from, to] = [await person(), await person()];
    const id = await register();
    expect(await dispatch(id, from, local('07:30', '08:30'))).toBe('ok');
    await handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
      { id, staffId: to, reason: 'The coach is ill today' },
      call,
    );
    for (const day of [before, after]) {
      expect(await bookingsOf(from, day)).toEqual([`SlotBooked ${id}`, `SlotReleased ${id}`]);
      expect(await bookingsOf(to, day)).toEqual([`SlotBooked ${id}`]);
    }
  }, 30_000);

  it('reassigns to a slot across UTC midnight: the old day released, both new days booked, overlaps on either side refused', async () => {
    const coach = await person();
    const id = await register();
    expect(await dispatch(id, coach, local('10:00', '11:00'))).toBe('ok');
    expect(await bookingsOf(coach, after)).toEqual([`SlotBooked ${id}`]);
    const moved = await handlerOf<OrderView>(orders(), 'orders.ReassignOrder')(
      { id, staffId: coach, reason: 'The learner asked for early', slot: local('07:30', '08:30') },
      call,
    );
    expect(moved).toMatchObject({ staffId: coach, slot: local('07:30', '08:30') });
    // The later UTC day's stream releases 10:00 and books 07:30 (its part after midnight) in one append.
    expect(await bookingsOf(coach, after)).toEqual([
      `SlotBooked ${id}`,
      `SlotReleased ${id}`,
      `SlotBooked ${id}`,
    ]);
    expect(await bookingsOf(coach, before)).toEqual([`SlotBooked ${id}`]);
    const [earlier, later, free] = [await register(), await register(), await register()];
    expect(await dispatch(earlier, coach, local('07:00', '07:45'))).toBe('ORDERS.DOUBLE_BOOKED');
    expect(await dispatch(later, coach, local('08:15', '09:00'))).toBe('ORDERS.DOUBLE_BOOKED');
    expect(await dispatch(free, coach, local('10:00', '11:00'))).toBe('ok');
  }, 30_000);

  it('books a vehicle going along in both UTC days’ streams too, and releases both on cancellation', async () => {
    const [coach, other] = [await person(), await person()];
    const car = await handlerOf<ResourceView>(get(ResourceHandlers), 'orders.RegisterResource')(
      { kind: 'vehicle', name: 'Practice car 8', inspectionValidTo: addDays(after, 365) },
      call,
    );
    const [first, second] = [await register(), await register()];
    const withCar = (id: string, staffId: string, slot: { start: string; end: string }) =>
      codeOf(
        handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
          { id, staffId, resourceId: car.id, slot },
          call,
        ),
      );
    expect(await withCar(first, coach, local('07:30', '08:30'))).toBe('ok');
    for (const day of [before, after])
      expect(await bookingsOf(car.id, day, 'resource')).toEqual([`SlotBooked ${first}`]);
    // Another coach, the same car, overlapping only on the later UTC day.
    expect(await withCar(second, other, local('08:15', '09:00'))).toBe('ORDERS.DOUBLE_BOOKED');
    await handlerOf<OrderView>(orders(), 'orders.CancelOrder')(
      { id: first, reason: 'The car is needed elsewhere' },
      call,
    );
    for (const day of [before, after])
      expect(await bookingsOf(car.id, day, 'resource')).toEqual([
        `SlotBooked ${first}`,
        `SlotReleased ${first}`,
      ]);
    expect(await withCar(second, other, local('08:15', '09:00'))).toBe('ok');
  }, 30_000);

  it('gives one of two concurrent dispatches overlapping only on the later UTC day, the other DOUBLE_BOOKED', async () => {
    for (let round = 0; round < 3; round++) {
      const coach = await person();
      const [a, b] = [await register(), await register()];
      const outcomes = await Promise.all([
        dispatch(a, coach, local('07:30', '08:30')),
        dispatch(b, coach, local('08:15', '09:00')),
      ]);
      expect([...outcomes].sort()).toEqual(['ORDERS.DOUBLE_BOOKED', 'ok']);
    }
  }, 60_000);
});
