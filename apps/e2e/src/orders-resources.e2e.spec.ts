import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@serviceops/eventstore';
import { addDays, defaultBusinessCalendar, localDateOf } from '@serviceops/kernel';
import { Pool } from 'pg';
import request from 'supertest';
import { hiredAndKnownToOrders } from './staff-pipeline';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';
import { auth, expectProblem, registeredCustomer } from './http';

// Resources end to end, through the gateway (issue 15 items 2, 4, 7): a vehicle registered, its inspection
// renewed to end before a slot → dispatch with it on that slot refused; a rental delivered with both signatures,
// visited (its lease's earliest scheduled visit listed done), returned with damage → RentalReturnInspected in the
// log the relay publishes; a tool lent then lost → ToolLostCharged at its price; bad input (unknown field, another tenant's id, negative price, past dates)
// answered with problem+json and nothing written.

interface Resource {
  id: string;
  version: number;
  state: string;
  fit: boolean;
  unfitReasons: string[];
  inspectionValidTo?: string;
  rentalRecords: { type: string; orderId: string; damage?: { amount: number; currency: string } }[];
}

jest.setTimeout(120_000);

describe('resources, the tool register and rentals end to end', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let pool: Pool;
  let store: PostgresEventStore;
  let admin = '';
  let tenantId = '';
  // The tenant's local day (no calendar published: the default one's zone).
  const today = localDateOf(defaultBusinessCalendar.timeZone, new Date());
  /** The orders' customer, registered through customers (orders refuses an order for an unknown one). */
  let customerId = '';

  /** Events written by a caller (timers fire on their own and write as `system:…`, unrelated to the request). */
  async function writes(): Promise<number> {
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM orders.events WHERE metadata->>'actorId' NOT LIKE 'system:%'`,
    );
    return Number(rows[0]?.n);
  }
  async function writesNothing(act: () => Promise<void>): Promise<void> {
    const before = await writes();
    await act();
    expect(await writes()).toBe(before);
  }
  async function logged(type: string, resourceId: string) {
    const { rows } = await pool.query<{ data: Record<string, unknown> }>(
      `SELECT data FROM orders.events WHERE stream_id = $1 AND type = $2`,
      [`resource-${tenantId}-${resourceId}`, type],
    );
    return rows.map((r) => r.data);
  }
  const post = (path: string, body: object) => api.post(`/api/v1/${path}`).set(auth(admin)).send(body);
  async function register(body: object): Promise<Resource> {
    const res = await post('resources', body);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
    const resource = res.body as Resource;
    // The tenant, as the stream id names it: 'resource-<tenantId>-<resourceId>'.
    const { rows } = await pool.query<{ stream_id: string }>(
      `SELECT stream_id FROM orders.events WHERE stream_id LIKE $1 LIMIT 1`,
      [`resource-%-${resource.id}`],
    );
    tenantId = rows[0]?.stream_id.slice('resource-'.length, 'resource-'.length + 36) ?? '';
    return resource;
  }
  const orderBody = (kind: string, line: string) => ({
    customerId,
    line,
    kind,
    serviceType: 'paid',
    wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
    zone: 'town',
    address: '1 Dock Road',
    subject: 'Generator G5',
    problem: 'lease',
  });
  async function order(kind: string, line: string): Promise<string> {
    const res = await post('orders', orderBody(kind, line));
    expect(res.status).toBe(201);
    return (res.body as { id: string }).id;
  }

  beforeAll(async () => {
    platform = await startPlatform({ transport: 'log' });
    api = request(platform.url);
    pool = new Pool({ connectionString: platform.databaseUrl, max: 2 });
    store = new PostgresEventStore({ pool, schema: 'orders' });
    const res = await api
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: ADMIN_PASSWORD })
      .expect(200);
    admin = (res.body as { accessToken: string }).accessToken;
    customerId = await registeredCustomer(api, admin, pool);
  }, 120_000);

  afterAll(async () => {
    await pool?.end().catch(() => undefined);
    await platform?.stop();
  });

  it('refuses to dispatch a vehicle whose inspection ends before the slot', async () => {
    // The inspection's last day beyond the 30-day reminder: its reminder is due ten days on, not while this runs
    // (a last day within 30 days makes it due at once, and a timer firing mid-test adds an event to the history).
    const lastDay = addDays(today, 40);
    const later = addDays(lastDay, 5);
    const slot = { start: `${later}T02:00:00.000Z`, end: `${later}T04:00:00.000Z` };
    const car = await register({
      kind: 'vehicle',
      name: 'Practice car 7',
      inspectionValidTo: addDays(today, 365),
    });
    expect(car).toMatchObject({ state: 'available', fit: true });
    // A coach hired through staff's pipeline: staff's StaffEligibilityChanged makes them eligible in orders.
    const coach = await hiredAndKnownToOrders(api, admin, 'coach');
    const renewed = await api
      .post(`/api/v1/resources/${car.id}/papers`)
      .set(auth(admin))
      .set('If-Match', '"1"')
      .send({ inspectionValidTo: lastDay });
    expect({ status: renewed.status, body: renewed.body as unknown }).toMatchObject({
      status: 200,
      body: { version: 2, inspectionValidTo: lastDay },
    });
    const reminder = await pool.query<{ due_at: Date; fired_at: Date | null }>(
      `SELECT due_at, fired_at FROM orders.timers WHERE timer_id = $1`,
      [`resource-expiry-reminder:${car.id}:inspection`],
    );
    expect(reminder.rows).toEqual([{ due_at: expect.any(Date) as Date, fired_at: null }]);
    expect(reminder.rows[0]!.due_at.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    const session = await order('practice_session', 'driving_practice');
    await writesNothing(async () => {
      const refused = expectProblem(
        await post(`orders/${session}/dispatch`, { staffId: coach, resourceId: car.id, slot }),
        422,
        'ORDERS.RESOURCE_UNFIT',
      );
      expect(refused).toMatchObject({ reasons: ['inspection_expired'] });
    });
    const listed = await api
      .get('/api/v1/resources')
      .query({ kind: 'vehicle', expiringBefore: addDays(lastDay, 1) })
      .set(auth(admin))
      .expect(200);
    expect((listed.body as { items: Resource[] }).items.map((r) => r.id)).toContain(car.id);
    const history = await api.get(`/api/v1/resources/${car.id}/history`).set(auth(admin)).expect(200);
    expect((history.body as { entries: { type: string }[] }).entries.map((e) => e.type)).toEqual([
      'ResourceRegistered',
      'ResourcePapersUpdated',
    ]);
    const before = await api
      .get(`/api/v1/resources/${car.id}`)
      .query({
        asOf: new Date(
          Date.parse((history.body as { entries: { at: string }[] }).entries[0]!.at),
        ).toISOString(),
      })
      .set(auth(admin))
      .expect(200);
    expect(before.body).toMatchObject({ version: 1, inspectionValidTo: addDays(today, 365) });
  });

  it('delivers a rental signed by both sides, visits it, and publishes the damage found on its return', async () => {
    const unit = await register({
      kind: 'equipment',
      name: 'Generator G5',
      inspectionValidTo: addDays(today, 200),
    });
    const delivery = await order('rental_delivery', 'equipment_rental');
    // The visit and the return refer to the customer's lease: none known yet, refused.
    await writesNothing(async () => {
      expectProblem(
        await post('orders', orderBody('rental_visit', 'equipment_rental')),
        422,
        'ORDERS.NO_ACTIVE_LEASE',
      );
    });
    // The lease's entitlement, as contracts publishes it on its log (a lease's drafting, legal review and
    // signatures are contracts' e2e's), reaches orders over the platform's transport.
    const leaseId = randomUUID();
    await new PostgresEventStore({ pool, schema: 'contracts' }).append(
      `contract-${tenantId}-${leaseId}`,
      [
        {
          type: 'ContractEntitlementsPublished',
          data: {
            contractId: leaseId,
            customerId,
            kind: 'rental_lease',
            line: 'equipment_rental',
            version: 1,
            effectiveFrom: addDays(today, -10),
            endDate: addDays(today, 355),
            sessions: null,
            maintenanceVisitsDue: [addDays(today, 80), addDays(today, 170)],
            equipment: [{ description: 'Generator G5', quantity: 1 }],
            warranty: null,
            publishedAt: new Date().toISOString(),
          },
        },
      ],
      { metadata: { tenantId, actorId: 'e2e:contracts', correlationId: randomUUID() } },
    );
    const visit = await poll('the lease known to orders', async () => {
      const res = await post('orders', orderBody('rental_visit', 'equipment_rental'));
      return res.status === 201 ? (res.body as { id: string; leaseContractId?: string }) : undefined;
    });
    expect(visit.leaseContractId).toBe(leaseId);
    const giveBack = await order('rental_return', 'equipment_rental');
    const checklist = ['exterior', 'performance', 'accessories'].map((item) => ({ item, passed: true }));
    const staff = randomUUID();
    await writesNothing(async () => {
      expectProblem(
        await post(`resources/${unit.id}/rental-delivery`, {
          orderId: delivery,
          checklist,
          customerSigned: false,
          staffSignedBy: staff,
        }),
        422,
        'ORDERS.DELIVERY_NOT_SIGNED',
      );
    });
    const out = await post(`resources/${unit.id}/rental-delivery`, {
      orderId: delivery,
      checklist,
      customerSigned: true,
      staffSignedBy: staff,
    });
    expect({ status: out.status, body: out.body as unknown }).toMatchObject({
      status: 200,
      body: { state: 'out' },
    });
    const visited = await post(`resources/${unit.id}/rental-visits`, {
      orderId: visit.id,
      work: ['lubricated', 'checked'],
      note: 'chain oiled, running normally',
    });
    expect(visited.status).toBe(200);
    // The lease's schedule: the visit recorded did its earliest visit due.
    const schedule = await poll('the scheduled visit done', async () => {
      const res = await api
        .get('/api/v1/maintenance-visits')
        .query({ contractId: leaseId })
        .set(auth(admin))
        .expect(200);
      const { items } = res.body as { items: { status: string }[] };
      return items[0]?.status === 'done' ? items : undefined;
    });
    expect(schedule).toEqual([
      {
        contractId: leaseId,
        customerId,
        dueOn: addDays(today, 80),
        status: 'done',
        orderId: visit.id,
        recordedAt: expect.any(String) as string,
      },
      { contractId: leaseId, customerId, dueOn: addDays(today, 170), status: 'due' },
    ]);
    expectProblem(
      await api.get('/api/v1/maintenance-visits').query({ status: 'late' }).set(auth(admin)),
      400,
      'VALIDATION',
    );
    const back = await post(`resources/${unit.id}/rental-return`, {
      orderId: giveBack,
      findings: [{ item: 'front panel', note: 'dented, 10 cm' }],
      damage: { amount: 50000, currency: 'CNY' },
    });
    expect({ status: back.status, body: back.body as unknown }).toMatchObject({
      status: 200,
      body: {
        state: 'in_maintenance',
        rentalRecords: [
          { type: 'delivery', orderId: delivery },
          { type: 'visit', orderId: visit.id },
          { type: 'return', orderId: giveBack, damage: { amount: 50000, currency: 'CNY' } },
        ],
      },
    });
    expect(await logged('RentalReturnInspected', unit.id)).toEqual([
      expect.objectContaining({
        deliveryOrderId: delivery,
        customerId,
        damage: { amount: 50000, currency: 'CNY' },
      }),
    ]);
  });

  it('charges a lent tool reported lost to its borrower at its price', async () => {
    const tool = await register({
      kind: 'tool',
      name: 'Torque wrench',
      price: { amount: 128000, currency: 'CNY' },
    });
    const borrower = randomUUID();
    const lent = await post(`resources/${tool.id}/lend`, {
      borrowerId: borrower,
      dueBack: addDays(today, 2),
    });
    expect({ status: lent.status, body: lent.body as unknown }).toMatchObject({
      status: 200,
      body: { state: 'out', loan: { borrowerId: borrower, overdue: false } },
    });
    const lost = await post(`resources/${tool.id}/report-lost`, {});
    expect({ status: lost.status, body: lost.body as unknown }).toMatchObject({
      status: 200,
      body: { state: 'retired' },
    });
    expect(await logged('ToolLostCharged', tool.id)).toEqual([
      expect.objectContaining({ borrowerId: borrower, charge: { amount: 128000, currency: 'CNY' } }),
    ]);
  });

  it('answers bad input with problem+json and writes nothing', async () => {
    const car = await register({
      kind: 'vehicle',
      name: 'Practice car 8',
      inspectionValidTo: addDays(today, 100),
    });
    // Another tenant's resource exists in the store; from here it does not.
    const foreign = randomUUID();
    await store.append(
      `resource-${randomUUID()}-${foreign}`,
      [{ type: 'ResourceRegistered', data: { resourceId: foreign, kind: 'vehicle', name: 'Theirs' } }],
      { expectedVersion: 'no_stream', metadata: { tenantId: randomUUID() } },
    );
    await writesNothing(async () => {
      const unknownField = await post('resources', { kind: 'vehicle', name: 'Car', colour: 'red' });
      expect(unknownField.status).toBe(400);
      expect(unknownField.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(
        (await post('resources', { kind: 'tool', name: 'Jack', price: { amount: -100, currency: 'CNY' } }))
          .status,
      ).toBe(400);
      expect((await post('resources', { kind: 'boat', name: 'Boat' })).status).toBe(400);
      expectProblem(
        await post('resources', { kind: 'vehicle', name: 'Car', inspectionValidTo: addDays(today, -1) }),
        422,
        'ORDERS.VALID_TO_IN_PAST',
      );
      expectProblem(
        await post(`resources/${car.id}/papers`, { insuranceValidTo: addDays(today, -1) }),
        422,
        'ORDERS.VALID_TO_IN_PAST',
      );
      expectProblem(
        await post(`resources/${car.id}/lend`, { borrowerId: randomUUID(), dueBack: addDays(today, 1) }),
        422,
        'ORDERS.NOT_A_TOOL',
      );
      expectProblem(
        await api.get(`/api/v1/resources/${foreign}`).set(auth(admin)),
        404,
        'ORDERS.RESOURCE_NOT_FOUND',
      );
      expectProblem(
        await post(`resources/${foreign}/change-state`, { state: 'retired' }),
        404,
        'ORDERS.RESOURCE_NOT_FOUND',
      );
      expectProblem(
        await post(`resources/${car.id}/preparation-checks`, {
          orderId: randomUUID(),
          items: [{ item: 'brakes', passed: true }],
        }),
        404,
        'ORDERS.ORDER_NOT_FOUND',
      );
      const stale = await api
        .post(`/api/v1/resources/${car.id}/change-state`)
        .set(auth(admin))
        .set('If-Match', '"7"')
        .send({ state: 'in_maintenance' });
      expectProblem(stale, 409, 'EVENTSTORE.WRONG_EXPECTED_VERSION');
    });
  });
});
