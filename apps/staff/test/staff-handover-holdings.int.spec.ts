import { PostgresEventStore, withTransaction } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import type { DeliveredEvent } from '@serviceops/messaging';
import { EventSourcingRuntime } from '@serviceops/platform';
import { handlerOf } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { ordersHoldingsProcess } from '../src/application/orders-holdings.process';
import { SeparationHandlers, type SeparationView } from '../src/application/separation.handlers';
import { separationStreamId } from '../src/domain/separation/separation.decider';
import { holdingsOf } from '../src/infrastructure/holdings.read-model';
import { storedEvents } from './at-rest';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Issue 13 item 8: "open orders" and "borrowed tools" of a separating member ticked from orders' published events
// (real PostgreSQL, the log transport reading orders' events table), as `system:orders`, exactly once.

const kit = staffOnOwnDatabase('staffholdings');
const { app, tenantId, manager } = kit;
const runtime = () => app().get(EventSourcingRuntime);
const separation = () => app().get(SeparationHandlers);

/** A technician in after-sales repair, hired; their staff id. */
const hired = async () => (await kit.hired({ role: 'technician', idNumber: '110105199001010011' })).staffId;

/** An event on orders' log, as the orders service appends it (its relay or the log transport delivers it). */
async function inOrders(stream: string, type: string, data: object): Promise<void> {
  const log = new PostgresEventStore({ pool: runtime().store.pool, schema: 'orders' });
  await log.migrate();
  await log.append(stream, [{ type, data }], { metadata: { tenantId, correlationId: newId() } });
}

const at = () => new Date().toISOString();
const dispatched = (orderId: string, staffId: string) =>
  inOrders(`order-${tenantId}-${orderId}`, 'OrderDispatched', {
    orderId,
    staffId,
    slot: { start: at(), end: at() },
    dispatchedAt: at(),
  });
const completed = (orderId: string, staffId: string) =>
  inOrders(`work-order-${tenantId}-${orderId}`, 'OrderCompleted', {
    orderId,
    staffId,
    startedAt: at(),
    completedAt: at(),
    durationMinutes: 30,
    hours: 1,
    parts: [],
    signature: 'W',
  });
const lent = (resourceId: string, borrowerId: string) =>
  inOrders(`resource-${tenantId}-${resourceId}`, 'ToolLent', {
    resourceId,
    borrowerId,
    dueBack: '2099-01-01',
    lentAt: at(),
  });
const returned = (resourceId: string, borrowerId: string) =>
  inOrders(`resource-${tenantId}-${resourceId}`, 'ToolReturned', {
    resourceId,
    borrowerId,
    returnedAt: at(),
    late: false,
  });

const holdings = (staffId: string) => holdingsOf(runtime().store.pool, tenantId, staffId);
const ticked = (view: SeparationView) => view.handover.filter((h) => h.ticked).map((h) => h.item);
const events = async (staffId: string) => storedEvents(runtime(), separationStreamId(tenantId, staffId));

function holdsSoon(staffId: string, want: { openOrders: number; toolsOut: number }) {
  return eventually(`holdings ${JSON.stringify(want)}`, async () => {
    const h = await holdings(staffId);
    return h.openOrders === want.openOrders && h.toolsOut === want.toolsOut ? h : undefined;
  });
}

function tickedSoon(staffId: string, items: string[]) {
  return eventually(`ticked ${items.join(', ')}`, async () => {
    const view = await separation().get({ id: staffId }, manager);
    return items.every((i) => ticked(view).includes(i)) ? view : undefined;
  });
}

it('ticks open orders and borrowed tools when the leaver holds none any more, then settles with the rest', async () => {
  const staffId = await hired();
  const [orderId, toolId] = [newId(), newId()];
  await dispatched(orderId, staffId);
  await lent(toolId, staffId);
  await holdsSoon(staffId, { openOrders: 1, toolsOut: 1 });

  const resigned = await handlerOf<SeparationView>(separation(), 'staff.ResignStaffMember')(
    { id: staffId },
    manager,
  );
  expect(ticked(resigned)).toEqual([]);

  await completed(orderId, staffId);
  await tickedSoon(staffId, ['open_orders']);
  await returned(toolId, staffId);
  const view = await tickedSoon(staffId, ['open_orders', 'borrowed_tools']);
  expect(view.status).toBe('separating');

  for (const item of ['customers', 'materials'] as const)
    await handlerOf(separation(), 'staff.TickHandoverItem')({ id: staffId, item }, manager);
  const stored = await events(staffId);
  const ticks = stored.filter((e) => e.type === 'HandoverItemTicked');
  expect(ticks.map((e) => [(e.data as { item: string }).item, e.metadata.actorId])).toEqual([
    ['open_orders', 'system:orders'],
    ['borrowed_tools', 'system:orders'],
    ['customers', manager.actorId],
    ['materials', manager.actorId],
  ]);
  expect(stored.filter((e) => e.type === 'FinalSettlementRequested')).toHaveLength(1);
});

it('ticks both at once when the separation starts and the person holds nothing', async () => {
  const staffId = await hired();
  const [orderId, toolId] = [newId(), newId()];
  await dispatched(orderId, staffId);
  await lent(toolId, staffId);
  await holdsSoon(staffId, { openOrders: 1, toolsOut: 1 });
  await completed(orderId, staffId);
  await returned(toolId, staffId);
  await holdsSoon(staffId, { openOrders: 0, toolsOut: 0 });

  const dismissed = await handlerOf<SeparationView>(separation(), 'staff.DismissStaffMember')(
    { id: staffId, reason: 'absent without leave' },
    manager,
  );
  expect(ticked(dismissed)).toEqual(['open_orders', 'borrowed_tools']);
  const ticks = (await events(staffId)).filter((e) => e.type === 'HandoverItemTicked');
  expect(ticks.map((e) => e.metadata.actorId)).toEqual(['system:orders', 'system:orders']);
});

it('does not tick again what a manager ticked, and a redelivered event adds nothing', async () => {
  const staffId = await hired();
  const orderId = newId();
  await dispatched(orderId, staffId);
  await holdsSoon(staffId, { openOrders: 1, toolsOut: 0 });
  await handlerOf<SeparationView>(separation(), 'staff.ResignStaffMember')({ id: staffId }, manager); // borrowed_tools at once: no tool out
  await handlerOf(separation(), 'staff.TickHandoverItem')({ id: staffId, item: 'open_orders' }, manager);
  await completed(orderId, staffId);
  await holdsSoon(staffId, { openOrders: 0, toolsOut: 0 });
  await eventually('the completion applied', async () => {
    const { rows } = await runtime().store.pool.query(
      `SELECT 1 FROM staff.held_orders WHERE order_id = $1 AND NOT open`,
      [orderId],
    );
    return rows.length === 1 ? true : undefined;
  });

  // The same completion handed to the consumer's handler again (a redelivery past the inbox: a replay).
  const [delivered] = (
    await new PostgresEventStore({ pool: runtime().store.pool, schema: 'orders' }).readStream(
      `work-order-${tenantId}-${orderId}`,
    )
  ).events;
  const handle = ordersHoldingsProcess(separation());
  for (let i = 0; i < 2; i++)
    await withTransaction(runtime().store.pool, (tx) =>
      handle({ ...delivered!, topic: 'orders.events.v1' }, tx),
    );

  const ticks = (await events(staffId)).filter((e) => e.type === 'HandoverItemTicked');
  expect(ticks.map((e) => [(e.data as { item: string }).item, e.metadata.actorId])).toEqual([
    ['borrowed_tools', 'system:orders'],
    ['open_orders', manager.actorId],
  ]);
});

it('keeps an order ended when its completion arrives before its dispatch (another stream, another partition)', async () => {
  const staffId = await hired();
  await handlerOf<SeparationView>(separation(), 'staff.ResignStaffMember')({ id: staffId }, manager);
  const orderId = newId();
  const handle = ordersHoldingsProcess(separation());
  const envelope = (type: string, data: object): DeliveredEvent =>
    ({
      eventId: newId(),
      streamId: `order-${tenantId}-${orderId}`,
      streamVersion: 1,
      globalPosition: '0',
      type,
      data,
      metadata: { tenantId },
      recordedAt: new Date(),
      topic: 'orders.events.v1',
    }) as unknown as DeliveredEvent;
  await withTransaction(runtime().store.pool, (tx) =>
    handle(
      envelope('OrderCancelled', { orderId, customerId: newId(), from: 'dispatched', cancelledAt: at() }),
      tx,
    ),
  );
  await withTransaction(runtime().store.pool, (tx) =>
    handle(envelope('OrderDispatched', { orderId, staffId, slot: { start: at(), end: at() } }), tx),
  );
  expect(await holdings(staffId)).toEqual({ openOrders: 0, toolsOut: 0 });
  const view = await separation().get({ id: staffId }, manager);
  expect(ticked(view)).toEqual(['open_orders', 'borrowed_tools']);
});

it('takes an order off its first holder when it is dispatched to someone else', async () => {
  const [first, second] = [await hired(), await hired()];
  const orderId = newId();
  await dispatched(orderId, first);
  await holdsSoon(first, { openOrders: 1, toolsOut: 0 });
  await handlerOf<SeparationView>(separation(), 'staff.ResignStaffMember')({ id: first }, manager);
  await dispatched(orderId, second);
  await tickedSoon(first, ['open_orders', 'borrowed_tools']);
  // The second holder's row is written by the same delivery, which the tick does not wait for.
  await holdsSoon(second, { openOrders: 1, toolsOut: 0 });
});

it('moves an order to its new holder when orders reassigns it, and ticks the leaver it left', async () => {
  const [first, second] = [await hired(), await hired()];
  const orderId = newId();
  await dispatched(orderId, first);
  await holdsSoon(first, { openOrders: 1, toolsOut: 0 });
  await handlerOf<SeparationView>(separation(), 'staff.ResignStaffMember')({ id: first }, manager);
  await inOrders(`order-${tenantId}-${orderId}`, 'OrderReassigned', {
    orderId,
    fromStaffId: first,
    staffId: second,
    slot: { start: at(), end: at() },
    reassignedAt: at(),
    reason: 'enc:v1:sealed',
  });
  await tickedSoon(first, ['open_orders', 'borrowed_tools']);
  await holdsSoon(second, { openOrders: 1, toolsOut: 0 });
  expect(await holdings(first)).toEqual({ openOrders: 0, toolsOut: 0 });
});
