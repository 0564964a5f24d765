import { PLATFORM_TENANT_ID } from '@serviceops/contracts';
import { newId } from '@serviceops/kernel';
import { kafkaBrokers } from '@serviceops/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import request from 'supertest';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';
import { hire } from './staff-pipeline';
import { auth, expectProblem, ok, registeredCustomer } from './http';

// Orders' work orders end to end, through the gateway (issue 15 items 1, 5, 6), on both transports: a technician
// hired and qualified through the staff service's own API (its StaffEligibilityChanged reaches orders over the
// platform's transport), a paid repair quoted and accepted, dispatched to them, started, extra work refused before
// the customer's consent, a part issued and used, self-check, inspection and the signature completing it, with
// `OrderCompleted` on the orders log (the outbox) and, on Kafka, read back from the `orders` topic; a 10-session
// package signed through contracts' API, used up by 10 completed sessions, the 11th booking refused. Bad input
// answers the documented problem+json and writes nothing. The package's race is in
// apps/orders/test/orders-work.int.spec.ts.

const OPERATOR_PASSWORD = 'e2e-operator-password';
const B_ADMIN = { username: 'work-boss-b', password: 'b-admin-password', displayName: 'Boss of B' };

interface WorkOrder {
  id: string;
  version: number;
  status: string;
  quote?: { status: string; total: { amount: number; currency: string } };
  extras: { id: string; description?: string; approved: boolean; consented: boolean; started: boolean }[];
  parts: { partId: string; issued: number; used: number; returned: number }[];
  hours?: number;
}

jest.setTimeout(180_000);

describe.each(['log', 'kafka'] as const)('orders work orders end to end (%s transport)', (transport) => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let db: Client;
  let admin = '';
  let technician = '';
  /** The orders' customer, registered through customers (orders refuses an order for an unknown one). */
  let customerId = '';
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const slot = { start: `${tomorrow}T02:00:00.000Z`, end: `${tomorrow}T04:00:00.000Z` };
  const repair = () => ({
    customerId,
    line: 'after_sales_repair',
    kind: 'repair',
    serviceType: 'paid',
    wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
    zone: 'town',
    address: '8 Garden Lane, Minhang',
    subject: 'Washer X200',
    problem: 'Drum does not turn',
  });

  async function token(username: string, password: string, tenantId?: string): Promise<string> {
    const res = await api.post('/api/v1/auth/token').send({ username, password, tenantId });
    return ok<{ accessToken: string }>(res).accessToken;
  }
  async function writes(): Promise<number> {
    const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM orders.events');
    return Number(rows[0]?.n);
  }
  async function writesNothing(act: () => Promise<void>): Promise<void> {
    const before = await writes();
    await act();
    expect(await writes()).toBe(before);
  }
  const post = (path: string, body: object = {}, as = admin) =>
    api.post(`/api/v1/orders/${path}`).set(auth(as)).send(body);

  beforeAll(async () => {
    platform = await startPlatform({
      transport,
      env: { PLATFORM_OPERATOR_PASSWORD: OPERATOR_PASSWORD, RATE_LIMIT_PER_MINUTE: '100000' },
    });
    api = request(platform.url);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    admin = await token('admin', ADMIN_PASSWORD);
    technician = await hire(api, admin, 'technician');
    customerId = await registeredCustomer(api, admin, db);
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await platform?.stop();
  });

  it('runs a paid repair: quote accepted, dispatch, start, extra work with consent, parts, signed completion published', async () => {
    const order = ok<{ id: string }>(await api.post('/api/v1/orders').set(auth(admin)).send(repair()), 201);
    const id = order.id;
    // Staff's eligibility reaches orders through the platform: the technician becomes a candidate.
    await poll('the technician is eligible in orders', async () => {
      const res = await api.get(`/api/v1/orders/${id}/candidates`).query(slot).set(auth(admin));
      const items = (res.body as { items?: { staffId: string; inRunning: boolean }[] }).items ?? [];
      return items.find((c) => c.staffId === technician && c.inRunning);
    });
    ok(await post(`${id}/dispatch`, { staffId: technician, slot }));

    expectProblem(await post(`${id}/work/start`, { staffId: technician }), 422, 'ORDERS.QUOTE_NOT_ACCEPTED');
    const quoted = ok<WorkOrder>(
      await post(`${id}/quote`, {
        items: [
          { description: 'Drum bearing', price: { amount: 30_000, currency: 'CNY' } },
          { description: 'Labour 2 h', price: { amount: 20_000, currency: 'CNY' } },
        ],
        validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      }),
    );
    expect(quoted).toMatchObject({
      version: 1,
      quote: { status: 'offered', total: { amount: 50_000, currency: 'CNY' } },
    });
    const accepted = await api
      .post(`/api/v1/orders/${id}/quote/accept`)
      .set(auth(admin))
      .set('If-Match', '"1"')
      .send({});
    expect(ok<WorkOrder>(accepted).quote?.status).toBe('accepted');
    expect(accepted.headers['etag']).toBe('"2"');
    expectProblem(
      await post(`${id}/work/start`, { staffId: newId() }),
      422,
      'ORDERS.NOT_DISPATCHED_TO_STAFF',
    );
    expect(ok<WorkOrder>(await post(`${id}/work/start`, { staffId: technician })).status).toBe('started');

    const proposed = ok<WorkOrder>(
      await post(`${id}/extra-work`, {
        description: 'Worn drum seal',
        estimatedPrice: { amount: 8_000, currency: 'CNY' },
      }),
    );
    const extraId = proposed.extras[0]!.id;
    expectProblem(await post(`${id}/extra-work/${extraId}/start`), 422, 'ORDERS.EXTRA_WORK_NOT_APPROVED');
    ok(await post(`${id}/extra-work/${extraId}/approve`));
    expectProblem(await post(`${id}/extra-work/${extraId}/start`), 422, 'ORDERS.EXTRA_WORK_NO_CONSENT');
    ok(await post(`${id}/extra-work/${extraId}/consent`));
    ok(await post(`${id}/extra-work/${extraId}/start`));

    ok(await post(`${id}/take-back`, { receipt: 'R-2026-0042' }));
    ok(await post(`${id}/parts/issue`, { partId: 'BRG-6205', quantity: 2 }));
    ok(await post(`${id}/parts/use`, { partId: 'BRG-6205', quantity: 1 }));
    expectProblem(
      await post(`${id}/parts/return`, { partId: 'BRG-6205', quantity: 2 }),
      422,
      'ORDERS.PART_USED',
    );
    ok(await post(`${id}/parts/return`, { partId: 'BRG-6205', quantity: 1 }));

    const finish = { signature: 'voucher:V-0042', hours: 2.5, summary: 'Bearing and seal replaced' };
    expectProblem(await post(`${id}/complete`, finish), 422, 'ORDERS.SELF_CHECK_MISSING');
    ok(await post(`${id}/self-check`, { passed: true }));
    ok(await post(`${id}/inspection`, { passed: true }));
    expectProblem(
      await post(`${id}/complete`, { hours: 2.5, summary: 'no signature' }),
      422,
      'ORDERS.SIGNATURE_MISSING',
    );
    expectProblem(await post(`${id}/complete`, finish), 422, 'ORDERS.ITEM_STILL_IN');
    ok(await post(`${id}/take-back/return`));
    const done = ok<WorkOrder>(await post(`${id}/complete`, finish));
    expect(done).toMatchObject({
      status: 'completed',
      hours: 2.5,
      parts: [{ partId: 'BRG-6205', issued: 2, used: 1, returned: 1 }],
      extras: [{ id: extraId, approved: true, consented: true, started: true }],
    });
    const card = ok<WorkOrder>(await api.get(`/api/v1/orders/${id}/work-order`).set(auth(admin)));
    expect(card).toMatchObject({ status: 'completed', hours: 2.5 });

    // Published: OrderCompleted on the orders log the relay carries to the `orders` topic.
    const { rows } = await db.query<{ data: { orderId: string; staffId: string; parts: unknown } }>(
      `SELECT data FROM orders.events WHERE type = 'OrderCompleted' AND stream_id LIKE $1`,
      [`work-order-%-${id}`],
    );
    expect(rows.map((r) => r.data)).toEqual([
      expect.objectContaining({
        orderId: id,
        staffId: technician,
        hours: 2.5,
        parts: [{ partId: 'BRG-6205', quantity: 1 }],
        signature: 'voucher:V-0042',
      }),
    ]);
    if (transport === 'kafka') {
      const messages = await consumeUntil(
        'orders.events.v1',
        (m) => m.type === 'OrderCompleted' && (m.streamId ?? '').endsWith(id),
      );
      expect(messages.some((m) => m.raw.includes('voucher:V-0042'))).toBe(true);
    }
  });

  it('uses a 10-session package: 10 sessions booked, dispatched, completed, the entitlement down to 0, the 11th refused', async () => {
    const coach = await hire(api, admin, 'coach');
    const customerId = ok<{ id: string }>(
      await api
        .post('/api/v1/customers')
        .set(auth(admin))
        .send({ name: 'Learner Zhao', phone: '+86 138 1234 0001', channel: 'walk_in' }),
      201,
    ).id;
    // The package through contracts' own API: quote accepted, clauses, signed by both parties → published.
    const cpost = (path: string, body: object, version?: number) =>
      api
        .post(`/api/v1/${path}`)
        .set(auth(admin))
        .set(version === undefined ? {} : { 'If-Match': `"${version}"` })
        .send(body);
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    const quote = ok<{ id: string; version: number }>(
      await cpost('proposals', {
        customerId,
        line: 'driving_practice',
        kind: 'service_package',
        items: [
          {
            kind: 'service',
            description: 'practice session (1 hour)',
            quantity: 10,
            unitPrice: { amount: 20_000, currency: 'CNY' },
          },
        ],
        paymentTerms: 'in full before the first session',
        startDate: yesterday,
        endDate: later,
        validUntil: soon,
      }),
      201,
    );
    const sent = ok<{ version: number }>(await cpost(`proposals/${quote.id}/send`, {}, quote.version));
    const accepted = ok<{ contractId: string }>(
      await cpost(`proposals/${quote.id}/accept`, {}, sent.version),
    );
    const contractId = accepted.contractId;
    const draft = ok<{ version: number; terms: object }>(
      await api.get(`/api/v1/contracts/${contractId}`).set(auth(admin)),
    );
    const revised = ok<{ version: number }>(
      await cpost(
        `contracts/${contractId}/revise`,
        {
          terms: {
            ...draft.terms,
            clauses: {
              items: 'ten practice sessions of one hour',
              fees: 'paid in full before the first session',
              term: 'six months',
              breachLiability: 'a session missed without notice is forfeited',
            },
          },
        },
        draft.version,
      ),
    );
    const once = ok<{ version: number }>(
      await cpost(
        `contracts/${contractId}/sign`,
        { party: 'customer', signer: 'Zhao Learner', method: 'paper' },
        revised.version,
      ),
    );
    ok(
      await cpost(
        `contracts/${contractId}/sign`,
        { party: 'provider', signer: 'Coach Wang', method: 'electronic' },
        once.version,
      ),
    );
    const session = {
      customerId,
      line: 'driving_practice',
      kind: 'practice_session',
      serviceType: 'under_contract',
      contractId,
      wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
      zone: 'town',
      address: 'Training ground, Gate 2',
      subject: 'Sedan, manual',
      problem: 'Practice session',
    };
    // Contracts' entitlement reaches orders over the platform's transport: the first booking registers.
    const first = await poll('the package’s entitlement known to orders', async () => {
      const res = await api.post('/api/v1/orders').set(auth(admin)).send(session);
      return res.status === 201 ? (res.body as { id: string }) : undefined;
    });
    const ids = [first.id];
    for (let i = 1; i < 10; i++)
      ids.push(ok<{ id: string }>(await api.post('/api/v1/orders').set(auth(admin)).send(session), 201).id);
    await poll('the coach is eligible in orders', async () => {
      const res = await api
        .get(`/api/v1/orders/${first.id}/candidates`)
        .query({ start: `${tomorrow}T00:00:00.000Z`, end: `${tomorrow}T00:50:00.000Z` })
        .set(auth(admin));
      const items = (res.body as { items?: { staffId: string; inRunning: boolean }[] }).items ?? [];
      return items.find((c) => c.staffId === coach && c.inRunning);
    });
    for (const [i, id] of ids.entries()) {
      const hour = String(i + 10).padStart(2, '0');
      ok(
        await post(`${id}/dispatch`, {
          staffId: coach,
          slot: { start: `${tomorrow}T${hour}:00:00.000Z`, end: `${tomorrow}T${hour}:50:00.000Z` },
        }),
      );
      ok(await post(`${id}/work/start`, { staffId: coach }));
      ok(await post(`${id}/self-check`, { passed: true }));
      ok(await post(`${id}/inspection`, { passed: true }));
      ok(
        await post(`${id}/complete`, {
          signature: `session-${i + 1}`,
          hours: 1,
          summary: 'Parking practised',
        }),
      );
    }
    const { rows } = await db.query<{ type: string; left: string | null }>(
      `SELECT type, data->>'sessionsLeft' AS left FROM orders.events WHERE stream_id LIKE $1 ORDER BY global_position`,
      [`package-usage-%-${contractId}`],
    );
    expect(rows.filter((r) => r.type === 'PackageSessionUsed').map((r) => Number(r.left))).toEqual([
      9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ]);
    expect(rows.filter((r) => r.type === 'PackageExhausted')).toHaveLength(1);
    await writesNothing(async () => {
      expectProblem(
        await api.post('/api/v1/orders').set(auth(admin)).send(session),
        422,
        'ORDERS.NO_ENTITLEMENT',
      );
    });
  });

  it('answers bad input with problem+json and writes nothing: unknown field, another tenant’s id, a part without a started order', async () => {
    const order = ok<{ id: string }>(await api.post('/api/v1/orders').set(auth(admin)).send(repair()), 201);
    const operator = await token('operator', OPERATOR_PASSWORD, PLATFORM_TENANT_ID);
    ok(
      await api
        .post('/api/v1/tenants')
        .set(auth(operator))
        .send({ name: 'Work Tenant B', timeZone: 'Asia/Shanghai', admin: B_ADMIN }),
      201,
    );
    const adminB = await token(B_ADMIN.username, B_ADMIN.password);
    await writesNothing(async () => {
      expectProblem(
        await post(`${order.id}/parts/issue`, { partId: 'BRG-6205', quantity: 1, bin: 'A3' }),
        400,
        'VALIDATION',
      );
      expectProblem(
        await post(`${order.id}/parts/issue`, { partId: 'BRG 6205', quantity: 1 }),
        400,
        'VALIDATION',
      );
      expectProblem(
        await post(`${order.id}/parts/issue`, { partId: 'BRG-6205', quantity: 0 }),
        400,
        'VALIDATION',
      );
      expectProblem(
        await post(`${order.id}/quote`, {
          items: [{ description: 'x', price: { amount: 1.5, currency: 'CNY' } }],
          validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        400,
        'VALIDATION',
      );
      expectProblem(
        await post(`${order.id}/parts/issue`, { partId: 'BRG-6205', quantity: 1 }),
        422,
        'ORDERS.WORK_ORDER_NOT_STARTED',
      );
      expectProblem(
        await post(`${order.id}/complete`, { signature: 'v-1', hours: 1, summary: 'x' }),
        422,
        'ORDERS.WORK_ORDER_NOT_STARTED',
      );
      expectProblem(await post(`${order.id}/quote/accept`, {}, adminB), 404, 'ORDERS.ORDER_NOT_FOUND');
      expectProblem(
        await api.get(`/api/v1/orders/${order.id}/work-order`).set(auth(adminB)),
        404,
        'ORDERS.ORDER_NOT_FOUND',
      );
      expectProblem(
        await api
          .post(`/api/v1/orders/${order.id}/quote/accept`)
          .set(auth(admin))
          .set('If-Match', '"7"')
          .send({}),
        409,
        'EVENTSTORE.WRONG_EXPECTED_VERSION',
      );
    });
  });

  it('counts a maintenance visit under a contract in the contract’s review; a declined repair is closed, not dispatched', async () => {
    const customerId = ok<{ id: string }>(
      await api
        .post('/api/v1/customers')
        .set(auth(admin))
        .send({ name: 'Owner Qian', phone: '+86 138 1234 0002', channel: 'walk_in' }),
      201,
    ).id;
    const cpost = (path: string, body: object, version?: number) =>
      api
        .post(`/api/v1/${path}`)
        .set(auth(admin))
        .set(version === undefined ? {} : { 'If-Match': `"${version}"` })
        .send(body);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 364 * 86_400_000).toISOString().slice(0, 10);
    // A maintenance contract with quarterly visits, signed through contracts' own API.
    const draft = ok<{ id: string; version: number }>(
      await cpost('contracts', {
        kind: 'maintenance',
        customerId,
        line: 'after_sales_repair',
        terms: {
          startDate: yesterday,
          endDate: later,
          items: [
            {
              kind: 'service',
              description: 'yearly maintenance',
              quantity: 1,
              unitPrice: { amount: 500_000, currency: 'CNY' },
            },
          ],
          clauses: {
            items: 'boiler maintenance',
            fees: 'paid yearly in advance',
            term: 'one year',
            maintenanceDuties: 'quarterly visits',
            breachLiability: 'a missed visit is made up within a week',
          },
          visitsPerYear: 4,
        },
      }),
      201,
    );
    const once = ok<{ version: number }>(
      await cpost(
        `contracts/${draft.id}/sign`,
        { party: 'customer', signer: 'Qian Owner', method: 'paper' },
        draft.version,
      ),
    );
    ok(
      await cpost(
        `contracts/${draft.id}/sign`,
        { party: 'provider', signer: 'Manager Sun', method: 'electronic' },
        once.version,
      ),
    );
    const visit = {
      customerId,
      line: 'after_sales_repair',
      kind: 'maintenance',
      serviceType: 'under_contract',
      contractId: draft.id,
      wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
      zone: 'town',
      address: '3 Lake Road',
      subject: 'Boiler B7',
      problem: 'Quarterly maintenance',
    };
    // Contracts' entitlement reaches orders over the platform's transport: the visit registers.
    const order = await poll('the maintenance contract known to orders', async () => {
      const res = await api.post('/api/v1/orders').set(auth(admin)).send(visit);
      return res.status === 201 ? (res.body as { id: string }) : undefined;
    });
    const visitSlot = { start: `${tomorrow}T06:00:00.000Z`, end: `${tomorrow}T06:50:00.000Z` };
    ok(await post(`${order.id}/dispatch`, { staffId: technician, slot: visitSlot }));
    ok(await post(`${order.id}/work/start`, { staffId: technician }));
    ok(await post(`${order.id}/self-check`, { passed: true }));
    ok(await post(`${order.id}/inspection`, { passed: true }));
    ok(await post(`${order.id}/complete`, { signature: 'voucher:M-1', hours: 1, summary: 'Serviced' }));
    const got = ok<{ status: string }>(await api.get(`/api/v1/orders/${order.id}`).set(auth(admin)));
    expect(got.status).toBe('completed');
    const { rows } = await db.query<{ data: { contractId: string; orderId: string } }>(
      `SELECT data FROM orders.events WHERE type = 'MaintenanceVisitCompleted' AND data->>'orderId' = $1`,
      [order.id],
    );
    expect(rows.map((r) => r.data.contractId)).toEqual([draft.id]);
    // Contracts' fulfilment consumer reads it from orders' log: the review counts the visit.
    const review = await poll('the visit counted in the contract’s review', async () => {
      const res = await api.get(`/api/v1/contracts/${draft.id}/review`).set(auth(admin));
      const body = res.body as { visits?: { done?: number; dueByNow?: number } };
      return res.status === 200 && body.visits?.done === 1 ? body : undefined;
    });
    expect(review.visits).toMatchObject({ done: 1 });

    // A repair whose quote the customer declined: closed in GET and in the list, and not dispatched.
    const declined = ok<{ id: string }>(
      await api.post('/api/v1/orders').set(auth(admin)).send(repair()),
      201,
    );
    ok(
      await post(`${declined.id}/quote`, {
        items: [{ description: 'Inspection', price: { amount: 5_000, currency: 'CNY' } }],
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    );
    ok(await post(`${declined.id}/quote/decline`));
    const closed = ok<{ status: string }>(await api.get(`/api/v1/orders/${declined.id}`).set(auth(admin)));
    expect(closed.status).toBe('closed');
    await writesNothing(async () => {
      expectProblem(
        await post(`${declined.id}/dispatch`, { staffId: technician, slot: visitSlot }),
        422,
        'ORDERS.ORDER_CLOSED',
      );
    });
    await poll('the declined repair listed as closed', async () => {
      const res = await api.get('/api/v1/orders').query({ status: 'closed' }).set(auth(admin));
      const items = (res.body as { items?: { id: string; status: string }[] }).items ?? [];
      return items.find((o) => o.id === declined.id && o.status === 'closed');
    });
  });
});

/** Reads a topic from its beginning until `done` matches a message; every message read, as text. */
async function consumeUntil(
  topic: string,
  done: (message: { type?: string; streamId?: string }) => boolean,
): Promise<{ raw: string }[]> {
  const kafka = new Kafka({
    clientId: 'orders-work-e2e',
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `orders-work-e2e-${newId()}` });
  const seen: { raw: string }[] = [];
  let found = false;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const raw = message.value?.toString('utf8') ?? '';
        seen.push({ raw });
        try {
          if (done(JSON.parse(raw) as { type?: string; streamId?: string })) found = true;
        } catch {
          // not JSON: kept as text, matched by nothing
        }
        return Promise.resolve();
      },
    });
    await poll('the message on the topic', () => Promise.resolve(found ? true : undefined), 60_000);
    return seen.filter((m) => m.raw.includes('OrderCompleted'));
  } finally {
    await consumer.disconnect();
  }
}
