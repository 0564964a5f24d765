import type { OrderView } from '../src/application/order-view';
import type { WorkOrderView } from '../src/application/work-order-view';
import { randomUUID } from 'node:crypto';
import { OrderHandlers } from '../src/application/order.handlers';
import { WorkOrderHandlers, WorkOrderQueries } from '../src/application/work-order.handlers';
import { codeOf, knownCustomers, tomorrowOf, ordersDatabaseFor } from './orders-on-own-database';
import { handlerOf } from '@serviceops/platform/testing';

// Orders' work orders on a database of their own (issue 15 items 1, 5, 6): a paid repair quoted, accepted,
// started by the person dispatched, extra work only with approval and consent, parts only against a started
// work order, completion with self-check, inspection and signature publishing `OrderCompleted` through the
// outbox (the service's log, which the relay puts on the `orders` topic); a 10-session package completed by
// 11 concurrent completions → exactly 10. Staff's and contracts' events are fed to the projections as recorded
// payloads of their declared shapes (StaffEligibilityChangedV1, ContractEntitlementsPublishedV1).

const { clock, tenantId, call, get, pool, eligible, entitled, repair } = ordersDatabaseFor('orders_work_int');
const orders = () => get(OrderHandlers);
const work = () => get(WorkOrderHandlers);
const workQueries = () => get(WorkOrderQueries);

const { slotAt } = tomorrowOf(clock);
const technician = randomUUID();
const coach = randomUUID();
const customerId = randomUUID();
const contractId = randomUUID();

beforeAll(async () => {
  await knownCustomers(pool(), tenantId, customerId);
  for (const staffId of [technician, coach]) await eligible(staffId);
  // A 10-session package, published after the registrations' (fixed) time: the registration's early check of
  // the read model counts none of them, so the 11th registers and only the write path stands in its way.
  await entitled({
    contractId,
    customerId,
    kind: 'service_package',
    line: 'driving_practice',
    sessions: { total: 10, left: 10 },
    publishedAt: new Date(clock.now().getTime() + 1_000).toISOString(),
  });
});

async function logged(type: string, streamId: string) {
  const { rows } = await pool().query<{ data: Record<string, unknown> }>(
    'SELECT data FROM events WHERE type = $1 AND stream_id = $2 ORDER BY global_position',
    [type, streamId],
  );
  return rows.map((r) => r.data);
}

describe('a paid repair', () => {
  it('is quoted, accepted, started by the person dispatched, extended with consent, supplied, signed off and published', async () => {
    const order = await handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(repair(customerId), call);
    const id = order.id;
    // Nothing before dispatch; no part without a started work order.
    expect(
      await codeOf(handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call)),
    ).toBe('ORDERS.ORDER_NOT_DISPATCHED');
    expect(
      await codeOf(handlerOf(work(), 'orders.IssuePart')({ id, partId: 'BRG-6205', quantity: 1 }, call)),
    ).toBe('ORDERS.WORK_ORDER_NOT_STARTED');
    await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
      { id, staffId: technician, slot: slotAt(2) },
      call,
    );
    expect(
      await codeOf(handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call)),
    ).toBe('ORDERS.QUOTE_NOT_ACCEPTED');

    const quoted = await handlerOf(work(), 'orders.IssueQuote')(
      {
        id,
        items: [
          { description: 'Drum bearing', price: { amount: '30000', currency: 'CNY' } },
          { description: 'Labour 2 h', price: { amount: 20_000, currency: 'CNY' } },
        ],
        validUntil: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
      },
      call,
    );
    expect(quoted).toMatchObject({
      version: 1,
      quoteRequired: true,
      quote: { status: 'offered', total: { amount: 50_000, currency: 'CNY' } },
    });
    expect(await codeOf(handlerOf(work(), 'orders.AcceptQuote')({ id, expectedVersion: 0 }, call))).toBe(
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
    );
    await handlerOf(work(), 'orders.AcceptQuote')({ id, expectedVersion: 1 }, call);
    expect(
      await codeOf(handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: coach }, call)),
    ).toBe('ORDERS.NOT_DISPATCHED_TO_STAFF');
    expect(
      await handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id, staffId: technician }, call),
    ).toMatchObject({
      status: 'started',
      staffId: technician,
    });

    const proposed = await handlerOf<WorkOrderView>(work(), 'orders.ProposeExtraWork')(
      { id, description: 'Worn drum seal', estimatedPrice: { amount: '8000', currency: 'CNY' } },
      call,
    );
    const extraId = proposed.extras[0]!.id;
    expect(proposed.extras[0]).toMatchObject({ description: 'Worn drum seal', approved: false });
    const [sealed] = await logged('ExtraWorkProposed', `work-order-${tenantId}-${id}`);
    expect(sealed?.['description']).toMatch(/^enc:v1:/);
    expect(await codeOf(handlerOf(work(), 'orders.StartExtraWork')({ id, extraId }, call))).toBe(
      'ORDERS.EXTRA_WORK_NOT_APPROVED',
    );
    await handlerOf(work(), 'orders.ApproveExtraWork')({ id, extraId }, call);
    expect(await codeOf(handlerOf(work(), 'orders.StartExtraWork')({ id, extraId }, call))).toBe(
      'ORDERS.EXTRA_WORK_NO_CONSENT',
    );
    await handlerOf(work(), 'orders.RecordExtraWorkConsent')({ id, extraId }, call);
    await handlerOf(work(), 'orders.StartExtraWork')({ id, extraId }, call);

    // Taken back to the workshop under the customer's receipt.
    await handlerOf(work(), 'orders.LogItemIn')({ id, receipt: 'R-2026-0042' }, call);
    await handlerOf(work(), 'orders.IssuePart')({ id, partId: 'BRG-6205', quantity: 2 }, call);
    await handlerOf(work(), 'orders.UsePart')({ id, partId: 'BRG-6205', quantity: 1 }, call);
    await handlerOf(work(), 'orders.ReturnUnusedPart')({ id, partId: 'BRG-6205', quantity: 1 }, call);
    expect(
      await codeOf(
        handlerOf(work(), 'orders.ReturnUnusedPart')({ id, partId: 'BRG-6205', quantity: 1 }, call),
      ),
    ).toBe('ORDERS.PART_USED');

    const finish = { id, signature: 'voucher:V-0042', hours: 2.5, summary: 'Bearing and seal replaced' };
    expect(await codeOf(handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')(finish, call))).toBe(
      'ORDERS.SELF_CHECK_MISSING',
    );
    await handlerOf(work(), 'orders.RecordSelfCheck')({ id, passed: true }, call);
    await handlerOf(work(), 'orders.RecordInspection')({ id, passed: true }, call);
    expect(
      await codeOf(
        handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')({ ...finish, signature: '' }, call),
      ),
    ).toBe('ORDERS.SIGNATURE_MISSING');
    expect(await codeOf(handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')(finish, call))).toBe(
      'ORDERS.ITEM_STILL_IN',
    );
    await handlerOf(work(), 'orders.LogItemOut')({ id }, call);
    clock.advance(90 * 60_000);
    const done = await handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')(finish, call);
    clock.advance(-90 * 60_000);
    expect(done).toMatchObject({
      status: 'completed',
      hours: 2.5,
      durationMinutes: 90,
      parts: [{ partId: 'BRG-6205', issued: 2, used: 1, returned: 1 }],
      endSummary: 'Bearing and seal replaced',
      takeBack: { receipt: 'R-2026-0042', loggedOutAt: expect.any(String) as string },
      extras: [{ id: extraId, approved: true, consented: true, started: true }],
    });
    const masked = await workQueries().get({ id }, { ...call, roles: ['auditor'] });
    expect(masked).toMatchObject({ masked: true, status: 'completed' });
    expect(masked.endSummary).toBeUndefined();
    expect(masked.extras[0]?.description).toBeUndefined();

    // OrderCompleted is in the service's log, the outbox the relay publishes to the `orders` topic.
    const [completed] = await logged('OrderCompleted', `work-order-${tenantId}-${id}`);
    expect(completed).toEqual({
      orderId: id,
      staffId: technician,
      startedAt: expect.any(String) as string,
      completedAt: expect.any(String) as string,
      durationMinutes: 90,
      hours: 2.5,
      parts: [{ partId: 'BRG-6205', quantity: 1 }],
      signature: 'voucher:V-0042',
    });
    const { rows } = await pool().query<{ status: string }>(
      'SELECT status FROM order_list WHERE order_id = $1',
      [id],
    );
    expect(rows[0]?.status).toBe('completed');
    expect(
      await codeOf(handlerOf(work(), 'orders.UsePart')({ id, partId: 'BRG-6205', quantity: 1 }, call)),
    ).toBe('ORDERS.WORK_ORDER_COMPLETED');
  }, 60_000);

  it('closes the order when the customer declines the quote', async () => {
    const order = await handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(
      repair(customerId, { problem: 'Noisy' }),
      call,
    );
    await handlerOf(work(), 'orders.IssueQuote')(
      {
        id: order.id,
        items: [{ description: 'Inspection', price: { amount: '5000', currency: 'CNY' } }],
        validUntil: new Date(clock.now().getTime() + 86_400_000).toISOString(),
      },
      call,
    );
    expect(await handlerOf(work(), 'orders.DeclineQuote')({ id: order.id }, call)).toMatchObject({
      status: 'closed',
      quote: { status: 'declined' },
    });
    const { rows } = await pool().query<{ status: string }>(
      'SELECT status FROM order_list WHERE order_id = $1',
      [order.id],
    );
    expect(rows[0]?.status).toBe('closed');
    expect(await codeOf(handlerOf(work(), 'orders.AcceptQuote')({ id: order.id }, call))).toBe(
      'ORDERS.ORDER_CLOSED',
    );
  });

  it('answers 404 for another tenant’s order, and writes nothing', async () => {
    const order = await handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(
      repair(customerId, { address: '8 Garden Lane', problem: 'Leaks' }),
      call,
    );
    const other = { ...call, tenantId: randomUUID() };
    expect(await codeOf(handlerOf(work(), 'orders.AcceptQuote')({ id: order.id }, other))).toBe(
      'ORDERS.ORDER_NOT_FOUND',
    );
    expect(await codeOf(workQueries().get({ id: order.id }, other))).toBe('ORDERS.ORDER_NOT_FOUND');
  });
});

describe('a practice package', () => {
  it('lets exactly 10 of 11 concurrent completions on a 10-session package use a session; the last is published', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 11; i++) {
      const o = await handlerOf<OrderView>(orders(), 'orders.RegisterRequest')(
        {
          customerId,
          line: 'driving_practice',
          kind: 'practice_session',
          serviceType: 'under_contract',
          contractId,
          wantedAt: new Date(clock.now().getTime() + 3_600_000).toISOString(),
          zone: 'town',
          address: 'Training ground',
          subject: 'Sedan, manual',
          problem: 'Session',
        },
        call,
      );
      await handlerOf<OrderView>(orders(), 'orders.DispatchOrder')(
        { id: o.id, staffId: coach, slot: slotAt(i) },
        call,
      );
      await handlerOf<WorkOrderView>(work(), 'orders.StartWork')({ id: o.id, staffId: coach }, call);
      await handlerOf(work(), 'orders.RecordSelfCheck')({ id: o.id, passed: true }, call);
      await handlerOf(work(), 'orders.RecordInspection')({ id: o.id, passed: true }, call);
      ids.push(o.id);
    }
    const outcomes = await Promise.all(
      ids.map((id) =>
        codeOf(
          handlerOf<WorkOrderView>(work(), 'orders.CompleteWork')(
            { id, signature: `v-${id}`, hours: 1, summary: 'ok' },
            call,
          ),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(['ORDERS.PACKAGE_EXHAUSTED']);
    const stream = `package-usage-${tenantId}-${contractId}`;
    const used = await logged('PackageSessionUsed', stream);
    expect(used.map((u) => u['sessionsLeft'])).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(await logged('PackageExhausted', stream)).toEqual([
      expect.objectContaining({ contractId, customerId, sessionsTotal: 10 }),
    ]);
    const refused = ids[outcomes.indexOf('ORDERS.PACKAGE_EXHAUSTED')] as string;
    expect(await workQueries().get({ id: refused }, call)).toMatchObject({ status: 'started' });
    const { rows } = await pool().query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE type = 'OrderCompleted' AND stream_id LIKE $1`,
      [`work-order-${tenantId}-%`],
    );
    expect(Number(rows[0]?.n)).toBe(11); // 10 sessions and the repair above
  }, 120_000);
});
