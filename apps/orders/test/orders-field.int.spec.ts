import type { OrderView } from '../src/application/order-view';
import { randomUUID } from 'node:crypto';
import { withTransaction } from '@serviceops/eventstore';
import type { DeliveredEvent } from '@serviceops/messaging';
import { type CallContext } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { OrderHandlers, OrderQueries } from '../src/application/order.handlers';
import { ChatHandlers, type ChatSessionView } from '../src/application/orders-field.chat.handlers';
import {
  SafetyIncidentHandlers,
  type SafetyIncidentView,
} from '../src/application/orders-field.incident.handlers';
import { DailyReportQueries, OrderListQueries } from '../src/application/orders-field.list.handlers';
import { orderIndexProjection } from '../src/projections/order-index.projection';
import { codeOf, knownCustomers, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';

// Companion chat, safety incidents, the order index, lists and daily reports on a database of their own:
// allocation under concurrency (a companion never holds more chats than their capacity), sampling from an injected
// random source, the order index from orders' own events, completion fed as a recorded OrderCompleted of the shape
// libs/contracts declares (OrderCompletedV1; another branch makes completion publish it).

// Every draw 0: every ended chat whose policy samples at all is sampled.
const { clock, tenantId, call, get, pool, eligible, repair } = ordersDatabaseFor('orders_field_int', {
  random: () => 0,
});
/** The customer of the orders registered here (orders knows them from customers' events). */
const customerId = randomUUID();

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
});

/** A staff member made known to orders by staff's eligibility event (StaffEligibilityChangedV1). */
async function knownToOrders(staffId: string, as: CallContext = call): Promise<void> {
  await eligible(staffId, as.tenantId);
}

/** A companion known to orders, put on duty. */
async function onDuty(
  request: { id: string; line?: string; branchId?: string; capacity?: number },
  as: CallContext = call,
) {
  await knownToOrders(request.id, as);
  return setCapacity(request, as);
}

/** A companion put on duty, as the gRPC controller calls it. */
const setCapacity = (request: object, as: CallContext) =>
  handlerOf<Awaited<ReturnType<ChatHandlers['setCapacity']>>>(
    get(ChatHandlers),
    'orders.SetCompanionCapacity',
  )(request, as);

const queueOf = async (n: number, line = 'companion_chat', branchId?: string) => {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await handlerOf<ChatSessionView>(get(ChatHandlers), 'orders.QueueChat')(
      { customerId, line, ...(branchId ? { branchId } : {}) },
      call,
    );
    ids.push(s.id);
    clock.advance(1); // one after the other, as the queue is told them
  }
  return ids;
};

describe('allocation under concurrency', () => {
  it('puts on duty only a staff member this tenant’s staff service made known', async () => {
    expect(await codeOf(setCapacity({ id: randomUUID(), line: 'companion_chat', capacity: 1 }, call))).toBe(
      'ORDERS.STAFF_NOT_FOUND',
    );
  });

  it('gives one companion of capacity 1 exactly one of 10 simultaneous allocations', async () => {
    const branchId = randomUUID();
    const companion = randomUUID();
    await onDuty({ id: companion, line: 'companion_chat', branchId, capacity: 1 }, call);
    await queueOf(10, 'companion_chat', branchId);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        codeOf(get(ChatHandlers).allocate({ line: 'companion_chat', branchId }, call)),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    for (const o of outcomes.filter((x) => x !== 'ok'))
      expect([
        'ORDERS.NO_COMPANION_FREE',
        'ORDERS.COMPANION_AT_CAPACITY',
        'EVENTSTORE.WRONG_EXPECTED_VERSION',
      ]).toContain(o);
    const { rows } = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id = $1 AND type = 'CompanionChatAssigned'`,
      [`chat-companion-${tenantId}-${companion}`],
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });

  it('fills three companions of capacity 2 with 6 of 20 customers racing, never over capacity, first come first served', async () => {
    const branchId = randomUUID();
    const companions = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of companions) await onDuty({ id, line: 'companion_chat', branchId, capacity: 2 }, call);
    const waiting = await queueOf(20, 'companion_chat', branchId);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        codeOf(get(ChatHandlers).allocate({ line: 'companion_chat', branchId }, call)),
      ),
    );
    // Whatever lost a race is retried one at a time until nobody is free.
    while ((await codeOf(get(ChatHandlers).allocate({ line: 'companion_chat', branchId }, call))) === 'ok');
    expect(await codeOf(get(ChatHandlers).allocate({ line: 'companion_chat', branchId }, call))).toBe(
      'ORDERS.NO_COMPANION_FREE',
    );
    const { rows } = await pool().query<{ stream_id: string; n: string }>(
      `SELECT stream_id, count(*) AS n FROM events WHERE stream_id = ANY($1) AND type = 'CompanionChatAssigned'
        GROUP BY stream_id`,
      [companions.map((c) => `chat-companion-${tenantId}-${c}`)],
    );
    expect(rows.map((r) => Number(r.n))).toEqual([2, 2, 2]);
    const sessions = await Promise.all(waiting.map((id) => get(ChatHandlers).get({ id }, call)));
    // Simultaneous allocations may finish in any order, but only the first six in the queue were served.
    expect(sessions.slice(0, 6).every((s) => s.status === 'allocated')).toBe(true);
    expect(sessions.slice(6).every((s) => s.status === 'waiting')).toBe(true);
    const queue = await get(ChatHandlers).waiting({ line: 'companion_chat', branchId }, call);
    expect(queue.items.map((i) => i.id)).toEqual(waiting.slice(6));
  });
});

describe('a chat from the queue to its score', () => {
  it('allocates the least loaded, counts the duration, samples from the injected source, publishes the score', async () => {
    const branchId = randomUUID();
    const [busy, free] = [randomUUID(), randomUUID()];
    await handlerOf(get(ChatHandlers), 'orders.SetChatPolicy')(
      { samplePercent: 50, scoreMin: 1, scoreMax: 5 },
      call,
    );
    await onDuty({ id: busy, line: 'companion_chat', branchId, capacity: 3 }, call);
    await queueOf(1, 'companion_chat', branchId);
    expect((await get(ChatHandlers).allocate({ line: 'companion_chat', branchId }, call)).companionId).toBe(
      busy,
    );
    await onDuty({ id: free, line: 'companion_chat', branchId, capacity: 1 }, call);
    const [id] = await queueOf(1, 'companion_chat', branchId);
    const allocated = await get(ChatHandlers).allocate({ line: 'companion_chat', branchId }, call);
    expect(allocated).toMatchObject({ id, status: 'allocated', companionId: free });
    await handlerOf(get(ChatHandlers), 'orders.StartChat')({ id: id as string }, call);
    clock.advance(12 * 60_000 + 5_000);
    const ended = await handlerOf<ChatSessionView>(get(ChatHandlers), 'orders.EndChat')(
      { id: id as string },
      call,
    );
    expect(ended).toMatchObject({ status: 'ended', durationSeconds: 725, sampled: true, policyVersion: 1 });
    expect(
      await codeOf(handlerOf(get(ChatHandlers), 'orders.ScoreChat')({ id: id as string, score: 6 }, call)),
    ).toBe('ORDERS.SCORE_OUT_OF_RANGE');
    const scored = await handlerOf(get(ChatHandlers), 'orders.ScoreChat')(
      { id: id as string, score: 4 },
      call,
    );
    expect(scored).toMatchObject({ score: 4, inspectorId: call.actorId });
    const { rows } = await pool().query<{ data: object }>(
      `SELECT data FROM events WHERE type = 'ChatQualityScored'`,
    );
    expect(rows[0]?.data).toMatchObject({
      sessionId: id,
      companionId: free,
      score: 4,
      scoreMin: 1,
      scoreMax: 5,
    });
    // The companion's place is free again.
    const desk = await onDuty({ id: free, line: 'companion_chat', branchId, capacity: 1 }, call);
    expect(desk.active).toBe(0);
  });
});

describe('safety incidents', () => {
  it('seals the emergency steps, shows them to the roles that see personal data only', async () => {
    const staffId = randomUUID();
    const incident = await handlerOf<SafetyIncidentView>(
      get(SafetyIncidentHandlers),
      'orders.RecordSafetyIncident',
    )(
      {
        staffId,
        kind: 'accident',
        occurredAt: new Date(clock.now().getTime() - 3_600_000).toISOString(),
        emergencySteps: 'Hazard lights on, first aid to the learner, police called',
      },
      call,
    );
    expect(incident).toMatchObject({
      kind: 'accident',
      emergencySteps: 'Hazard lights on, first aid to the learner, police called',
    });
    const { rows } = await pool().query<{ data: { emergencySteps: string } }>(
      `SELECT data FROM events WHERE type = 'SafetyIncidentRecorded' AND data->>'incidentId' = $1`,
      [incident.id],
    );
    expect(rows[0]?.data.emergencySteps).toMatch(/^enc:v1:/);
    const masked = await get(SafetyIncidentHandlers).get(
      { id: incident.id },
      { ...call, roles: ['auditor'] },
    );
    expect(masked).toMatchObject({ masked: true, staffId });
    expect(masked.emergencySteps).toBeUndefined();
  });
});

describe('the order index, lists and daily reports', () => {
  it('lists from orders’ own events, pages, filters, and reports completed work and jobs at risk', async () => {
    const register = (over: object = {}) =>
      handlerOf<OrderView>(get(OrderHandlers), 'orders.RegisterRequest')(
        repair(customerId, { address: '8 Garden Lane', ...over }),
        call,
      );
    const first = await register();
    clock.advance(1_000);
    const second = await register({ kind: 'maintenance' });
    clock.advance(1_000);
    const third = await register({ kind: 'installation' });
    await eventually('the index has all three', async () => {
      const { items } = await get(OrderListQueries).list({ limit: 10 }, call);
      return items.length === 3 ? items : undefined;
    });
    const page1 = await get(OrderListQueries).list({ limit: 2 }, call);
    expect(page1.items.map((o) => o.id)).toEqual([third.id, second.id]);
    const page2 = await get(OrderListQueries).list({ limit: 2, cursor: page1.nextCursor }, call);
    expect(page2).toEqual({ items: [expect.objectContaining({ id: first.id, slaState: 'on_time' })] });

    // Recorded OrderCompleted (OrderCompletedV1) of the first: completed, its arrival met, its hours reported.
    const technician = randomUUID();
    const startedAt = new Date(clock.now().getTime() + 60_000).toISOString();
    const completedAt = new Date(clock.now().getTime() + 2 * 3_600_000).toISOString();
    const completed = {
      type: 'OrderCompleted',
      data: {
        orderId: first.id,
        staffId: technician,
        startedAt,
        completedAt,
        durationMinutes: 119,
        hours: 1.5,
        parts: [],
        signature: 'enc:v1:signed',
      },
      metadata: { tenantId },
      eventId: randomUUID(),
      streamId: `work-order-${tenantId}-${randomUUID()}`,
      streamVersion: 4,
      globalPosition: 1n,
      recordedAt: new Date(),
      topic: 'orders.events.v1',
    } as unknown as DeliveredEvent;
    await withTransaction(pool(), (tx) => orderIndexProjection(completed, tx));
    await withTransaction(pool(), (tx) => orderIndexProjection(completed, tx)); // redelivered: changes nothing

    const done = await get(OrderListQueries).list({ status: 'completed' }, call);
    expect(done.items).toEqual([
      expect.objectContaining({ id: first.id, staffId: technician, slaState: 'met' }),
    ]);
    expect((await get(OrderListQueries).list({ staffId: technician }, call)).items.map((o) => o.id)).toEqual([
      first.id,
    ]);
    expect((await get(OrderListQueries).list({ slaState: 'met' }, call)).items.map((o) => o.id)).toEqual([
      first.id,
    ]);
    expect((await get(OrderListQueries).list({ slaState: 'missed' }, call)).items).toEqual([]);
    expect(await codeOf(get(OrderListQueries).list({ slaState: 'late' }, call))).toBe('VALIDATION');
    expect(await codeOf(get(OrderListQueries).list({ day: '2026-02-30' }, call))).toBe('VALIDATION');

    // The day: the tenant's calendar (Asia/Shanghai by default) day of the time wanted.
    const facts = await pool().query<{ d: string }>(
      `SELECT to_char(wanted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d FROM order_index WHERE order_id = $1`,
      [first.id],
    );
    const day = facts.rows[0]?.d as string;
    expect((await get(OrderListQueries).list({ day }, call)).items.map((o) => o.id)).toEqual(
      expect.arrayContaining([first.id]),
    );

    const completedDay = (
      await pool().query<{ d: string }>(
        `SELECT to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`,
        [completedAt],
      )
    ).rows[0]?.d as string;
    expect(await codeOf(get(DailyReportQueries).staff({ id: technician, day: completedDay }, call))).toBe(
      'ORDERS.STAFF_NOT_FOUND',
    );
    await knownToOrders(technician);
    const report = await get(DailyReportQueries).staff({ id: technician, day: completedDay }, call);
    expect(report).toMatchObject({
      orders: 1,
      hours: 1.5,
      byKind: [{ kind: 'repair', orders: 1, hours: 1.5 }],
    });
    const rollup = await get(DailyReportQueries).rollup({ day: completedDay }, call);
    expect(rollup).toMatchObject({ orders: 1, hours: 1.5, staff: [{ staffId: technician, orders: 1 }] });

    // Two weeks on (past any weekend or holiday run of the calendar, whatever day the test starts on), the other
    // two are past their arrival time, counted in working hours: they show in the roll-up as missed.
    clock.advance(14 * 86_400_000);
    const later = (
      await pool().query<{ d: string }>(
        `SELECT to_char($1::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d`,
        [clock.now()],
      )
    ).rows[0]?.d as string;
    const late = await get(DailyReportQueries).rollup({ day: later }, call);
    expect(late.atRisk.map((o) => [o.orderId, o.slaState]).sort()).toEqual(
      [
        [second.id, 'missed'],
        [third.id, 'missed'],
      ].sort(),
    );
  });

  it('answers an order as it was (asOf) and its history', async () => {
    const order = await handlerOf<OrderView>(get(OrderHandlers), 'orders.RegisterRequest')(
      repair(customerId, { zone: 'suburb', address: '8 Garden Lane' }),
      call,
    );
    const before = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await handlerOf(get(OrderHandlers), 'orders.RespondToRequest')({ id: order.id }, call);
    const then = await get(OrderQueries).get({ id: order.id, asOf: before.toISOString() }, call);
    expect(then.version).toBe(1);
    expect(then.respondedAt).toBeUndefined();
    expect((await get(OrderQueries).get({ id: order.id }, call)).version).toBe(2);
    expect(await codeOf(get(OrderQueries).get({ id: order.id, asOf: '2000-01-01T00:00:00Z' }, call))).toBe(
      'ORDERS.ORDER_NOT_FOUND',
    );
    const history = await get(OrderListQueries).history({ id: order.id }, call);
    expect(history.entries.map((e) => e.type)).toEqual(['RequestRegistered', 'RequestResponded']);
    expect(history.entries[0]?.fields).not.toContain('orderId');
  });
});
