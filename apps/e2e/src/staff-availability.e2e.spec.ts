import { Client } from 'pg';
import request from 'supertest';
import { registeredCustomer } from './http';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';
import { knownToStaffRegisters } from './staff-pipeline';

// Availability and load for dispatch, end to end through the gateway (issue 13 items 1 and 7, issue 15 item 3):
// staff publishes working slots (shifts) and approved leave; orders ranks candidates with the reason each is in
// or out and refuses a dispatch to someone on leave or off shift; a leave cancelled gives the person back; a hire
// with a login request makes the user in tenancy (pending activation: no password travelled).

interface Problem {
  status: number;
  code: string;
  reasons?: string[];
}
interface Candidate {
  staffId: string;
  inRunning: boolean;
  reasons: string[];
  load: number;
}
interface LeaveRecord {
  version: number;
  requests: { leaveId: string; status: string }[];
}
type Res = request.Response;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

function ok<T>(res: Res, status = 200): T {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return res.body as T;
}

function expectProblem(res: Res, status: number, code: string): Problem {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, body: { code } });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return res.body as Problem;
}

jest.setTimeout(180_000);

describe('staff availability for dispatch (log transport)', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let db: Client;
  let admin = '';
  /** The orders' customer, registered through customers (orders refuses an order for an unknown one). */
  let customerId = '';
  let branchId = '';

  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const at = (hhmm: string) => `${tomorrow}T${hhmm}:00.000Z`;
  const slot = { start: at('02:00'), end: at('04:00') };

  beforeAll(async () => {
    platform = await startPlatform({ transport: 'log', env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    api = request(platform.url);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    const res = await api.post('/api/v1/auth/token').send({ username: 'admin', password: ADMIN_PASSWORD });
    admin = ok<{ accessToken: string }>(res).accessToken;
    customerId = await registeredCustomer(api, admin, db);
    // A branch tenancy knows: the login of a person hired into it can be made there.
    const tenant = await api.get('/api/v1/tenant').set(auth(admin));
    const added = await api
      .post('/api/v1/tenant/branches')
      .set(auth(admin))
      .set('If-Match', String(tenant.headers['etag']))
      .send({ name: 'Availability branch', businessLines: ['driving_practice'] });
    const branches = ok<{ branches: { id: string; name: string }[] }>(added, 201).branches;
    branchId = branches.find((b) => b.name === 'Availability branch')?.id ?? '';
  }, 180_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await platform?.stop();
  });

  const step = (id: string, body: object) =>
    api.post(`/api/v1/staff/candidates/${id}/steps`).set(auth(admin)).send(body);

  /** A coach hired through every step, with a valid qualification (eligible from now on). */
  async function eligibleCoach(name: string, login?: string): Promise<string> {
    const posting = ok<{ id: string }>(
      await api
        .post('/api/v1/staff/postings')
        .set(auth(admin))
        .send({
          role: 'coach',
          branchId,
          businessLine: 'driving_practice',
          title: 'Driving coach',
          criteria: { minDrivingYears: 3, minEducation: 'secondary', cleanRecord: true },
        }),
      201,
    );
    const candidate = ok<{ id: string }>(
      await api.post('/api/v1/staff/candidates').set(auth(admin)).send({
        postingId: posting.id,
        name,
        phone: '+86 139 1234 5678',
        drivingYears: 5,
        education: 'college',
        cleanRecord: true,
      }),
      201,
    );
    ok(await step(candidate.id, { step: 'screening' }));
    ok(await step(candidate.id, { step: 'interview', passed: true, interviewMode: 'on_site' }));
    ok(await step(candidate.id, { step: 'practical_test', passed: true, practicalTest: 'test_drive' }));
    ok(await step(candidate.id, { step: 'onboarding_training', passed: true }));
    ok(await step(candidate.id, { step: 'exam', passed: true }));
    const member = ok<{ id: string }>(
      await api
        .post(`/api/v1/staff/candidates/${candidate.id}/hire`)
        .set(auth(admin))
        .send({
          payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
          ...(login ? { login: { username: login } } : {}),
        }),
      201,
    );
    ok(
      await api
        .post(`/api/v1/staff/${member.id}/qualifications`)
        .set(auth(admin))
        .send({
          kind: 'driving_licence',
          number: `DL-${name}`,
          issuedOn: '2020-01-01',
          expiresAt: '2099-01-01T00:00:00Z',
        }),
    );
    await knownToStaffRegisters(db, member.id);
    return member.id;
  }

  const shift = (staffId: string, from: string, to: string) =>
    api
      .post('/api/v1/shifts')
      .set(auth(admin))
      .send({ staffId, startsAt: at(from), endsAt: at(to) })
      .then((res) => ok(res, 201));

  const register = async (): Promise<string> =>
    ok<{ id: string }>(
      await api.post('/api/v1/orders').set(auth(admin)).send({
        customerId,
        line: 'driving_practice',
        kind: 'practice_session',
        serviceType: 'paid',
        wantedAt: slot.start,
        zone: 'town',
        address: '1 Practice Ground Road',
        subject: 'Practice session',
        problem: 'Parallel parking',
      }),
      201,
    ).id;

  const candidates = async (orderId: string): Promise<Map<string, Candidate>> => {
    const res = await api.get(`/api/v1/orders/${orderId}/candidates`).query(slot).set(auth(admin));
    return new Map(ok<{ items: Candidate[] }>(res).items.map((c) => [c.staffId, c]));
  };

  const orderWrites = async (): Promise<number> =>
    Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM orders.events')).rows[0]?.n);

  it('ranks candidates by shift, leave and load, refuses the unavailable, and gives a cancelled leave back', async () => {
    const [onShift, onLeave, offShift, unscheduled] = [
      await eligibleCoach('Wang Min'),
      await eligibleCoach('Li Na'),
      await eligibleCoach('Zhao Lei'),
      await eligibleCoach('Chen Jie'),
    ];
    await shift(onShift, '01:00', '09:00');
    await shift(onLeave, '01:00', '09:00');
    await shift(offShift, '10:00', '18:00');
    const requested = ok<LeaveRecord>(
      await api
        .post(`/api/v1/staff-leave/${onLeave}/requests`)
        .set(auth(admin))
        .send({ from: at('00:00'), to: at('23:00'), reason: 'family' }),
      201,
    );
    const leaveId = requested.requests[0]?.leaveId ?? '';
    const approved = ok<LeaveRecord>(
      await api
        .post(`/api/v1/staff-leave/${onLeave}/requests/${leaveId}/decide`)
        .set(auth(admin))
        .set('If-Match', `"${requested.version}"`)
        .send({ approved: true, reason: 'cover arranged' }),
    );

    const order = await register();
    const ranked = await poll('availability and eligibility in orders', async () => {
      const all = await candidates(order);
      const known = [onShift, onLeave, offShift, unscheduled].every((id) => all.has(id));
      return known && all.get(onLeave)?.reasons.includes('on_leave') && all.get(offShift)?.reasons.length
        ? all
        : undefined;
    });
    expect(ranked.get(onShift)).toMatchObject({
      inRunning: true,
      reasons: ['least_loaded', 'skilled_by:role'],
      load: 0,
    });
    expect(ranked.get(unscheduled)).toMatchObject({
      inRunning: true,
      reasons: ['least_loaded', 'skilled_by:role'],
    });
    expect(ranked.get(onLeave)).toMatchObject({ inRunning: false, reasons: ['on_leave'] });
    expect(ranked.get(offShift)).toMatchObject({ inRunning: false, reasons: ['not_working'] });

    // Dispatch to someone on leave, or off shift: refused with the reason, nothing written.
    for (const [staffId, reason] of [
      [onLeave, 'on_leave'],
      [offShift, 'not_working'],
    ] as const) {
      const before = await orderWrites();
      const refused = expectProblem(
        await api.post(`/api/v1/orders/${order}/dispatch`).set(auth(admin)).send({ staffId, slot }),
        422,
        'ORDERS.STAFF_UNAVAILABLE',
      );
      expect(refused.reasons).toEqual([reason]);
      expect(await orderWrites()).toBe(before);
    }

    // The one on shift takes it: their load shows on the next order's candidates, and they are booked then.
    ok(await api.post(`/api/v1/orders/${order}/dispatch`).set(auth(admin)).send({ staffId: onShift, slot }));
    const next = await register();
    const after = await candidates(next);
    expect(after.get(onShift)).toMatchObject({ inRunning: false, reasons: ['booked'], load: 1 });
    expect(after.get(unscheduled)).toMatchObject({
      inRunning: true,
      reasons: ['least_loaded', 'skilled_by:role'],
      load: 0,
    });

    // The leave cancelled: the person is available again.
    ok(
      await api
        .post(`/api/v1/staff-leave/${onLeave}/requests/${leaveId}/cancel`)
        .set(auth(admin))
        .set('If-Match', `"${approved.version}"`)
        .send({ reason: 'back early' }),
    );
    const back = await poll('the cancelled leave in orders', async () => {
      const c = (await candidates(next)).get(onLeave);
      return c?.inRunning ? c : undefined;
    });
    expect(back.reasons).toEqual(['least_loaded', 'skilled_by:role']);
    ok(await api.post(`/api/v1/orders/${next}/dispatch`).set(auth(admin)).send({ staffId: onLeave, slot }));
  });

  it('hires with a login request: the user exists in tenancy, pending activation until an admin sets a password', async () => {
    const staffId = await eligibleCoach('Sun Li', 'sun.li');
    const user = await poll('the login in tenancy', async () => {
      const res = await api.get(`/api/v1/users/${staffId}`).set(auth(admin));
      return res.status === 200
        ? (res.body as { username: string; roles: string[]; branchId?: string })
        : undefined;
    });
    expect(user).toMatchObject({ username: 'sun.li', roles: ['coach'], branchId, pendingActivation: true });
    const { rows } = await db.query<{ type: string }>(
      `SELECT type FROM tenancy.events WHERE data->>'staffId' = $1 ORDER BY global_position`,
      [staffId],
    );
    expect(rows.map((r) => r.type)).toEqual(['StaffLoginCreated']);
    // No password travelled: signing in is refused until the account is activated.
    expect(
      (await api.post('/api/v1/auth/token').send({ username: 'sun.li', password: 'guess-me-123' })).status,
    ).toBe(401);

    // The admin activates it by setting a first password (a weak one is refused, nothing written).
    const weak = await api
      .post(`/api/v1/users/${staffId}/password`)
      .set(auth(admin))
      .send({ password: 'password' });
    expect({ status: weak.status, body: weak.body as unknown }).toMatchObject({
      status: 422,
      body: { code: 'TENANCY.PASSWORD_TOO_COMMON' },
    });
    const activated = await api
      .post(`/api/v1/users/${staffId}/password`)
      .set(auth(admin))
      .send({ password: 'Coach-Sun-2026!' });
    expect(activated.status).toBe(200);
    expect(activated.body).not.toHaveProperty('pendingActivation');
    expect(activated.body).not.toHaveProperty('password');
    const signedIn = await api
      .post('/api/v1/auth/token')
      .send({ username: 'sun.li', password: 'Coach-Sun-2026!' });
    expect(signedIn.status).toBe(200);
    // Only an admin sets passwords: the coach cannot set another's (nor its own through this route).
    const coachToken = (signedIn.body as { accessToken: string }).accessToken;
    expect(
      (
        await api
          .post(`/api/v1/users/${staffId}/password`)
          .set(auth(coachToken))
          .send({ password: 'Another-Pass-2026!' })
      ).status,
    ).toBe(403);
  });

  /** A coach hired with a login, activated by the admin, signed in: their token. */
  async function coachSignedIn(name: string, username: string): Promise<{ staffId: string; token: string }> {
    const staffId = await eligibleCoach(name, username);
    await poll('the login in tenancy', async () =>
      (await api.get(`/api/v1/users/${staffId}`).set(auth(admin))).status === 200 ? true : undefined,
    );
    const password = 'Punctual-Coach-2026!';
    ok(await api.post(`/api/v1/users/${staffId}/password`).set(auth(admin)).send({ password }));
    const token = ok<{ accessToken: string }>(
      await api.post('/api/v1/auth/token').send({ username, password }),
    );
    return { staffId, token: token.accessToken };
  }

  it('clocks in and out only for oneself (the linked login) or as a supervisor: anyone else 403, nothing written', async () => {
    const zhou = await coachSignedIn('Zhou Yu', 'zhou.yu');
    const qian = await coachSignedIn('Qian Bo', 'qian.bo');
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const schedule = async (staffId: string) =>
      ok<{ id: string; version: number }>(
        await api
          .post('/api/v1/shifts')
          .set(auth(admin))
          .send({ staffId, startsAt: soon(30), endsAt: soon(240) }),
        201,
      );
    const own = await schedule(zhou.staffId);
    const shiftWrites = async (id: string) =>
      Number(
        (
          await db.query<{ n: string }>('SELECT count(*) AS n FROM staff.events WHERE stream_id LIKE $1', [
            `%${id}`,
          ])
        ).rows[0]?.n,
      );
    // The staff service learns the link from tenancy's event: Zhou's own clock-in goes through once it has.
    const before = await shiftWrites(own.id);
    expectProblem(
      await api.post(`/api/v1/shifts/${own.id}/clock-in`).set(auth(qian.token)),
      403,
      'STAFF.CLOCKING_FORBIDDEN',
    );
    expect(await shiftWrites(own.id)).toBe(before);
    const clockedIn = await poll('the login linked in staff', async () => {
      const res = await api.post(`/api/v1/shifts/${own.id}/clock-in`).set(auth(zhou.token));
      return res.status === 200 ? (res.body as { status: string; early: boolean }) : undefined;
    });
    expect(clockedIn).toMatchObject({ status: 'in', early: true });
    expectProblem(
      await api.post(`/api/v1/shifts/${own.id}/clock-out`).set(auth(qian.token)),
      403,
      'STAFF.CLOCKING_FORBIDDEN',
    );
    ok(await api.post(`/api/v1/shifts/${own.id}/clock-out`).set(auth(zhou.token)));

    // A supervisor clocks for Qian.
    const theirs = await schedule(qian.staffId);
    expect(ok(await api.post(`/api/v1/shifts/${theirs.id}/clock-in`).set(auth(admin)))).toMatchObject({
      status: 'in',
    });
  });

  it('cancels a shift before its start: the working slot leaves dispatch; a started one is refused', async () => {
    const coach = await eligibleCoach('He Ping');
    const planned = ok<{ id: string; version: number }>(
      await api
        .post('/api/v1/shifts')
        .set(auth(admin))
        .send({ staffId: coach, startsAt: at('01:00'), endsAt: at('09:00') }),
      201,
    );
    const order = await register();
    await poll('the working slot in orders', async () =>
      (await candidates(order)).get(coach)?.inRunning ? true : undefined,
    );
    // Another tenant's id (here: no such shift) is 404; a stale If-Match 409.
    expectProblem(
      await api
        .post(`/api/v1/shifts/5d0c3e0a-1f2b-4c3d-8e4f-5a6b7c8d9e0f/cancel`)
        .set(auth(admin))
        .send({ reason: 'no such shift' }),
      404,
      'STAFF.SHIFT_NOT_FOUND',
    );
    expectProblem(
      await api
        .post(`/api/v1/shifts/${planned.id}/cancel`)
        .set(auth(admin))
        .set('If-Match', '"1"')
        .send({ reason: 'branch closed' }),
      409,
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
    );
    const cancelled = ok<{ status: string; cancellation: string }>(
      await api
        .post(`/api/v1/shifts/${planned.id}/cancel`)
        .set(auth(admin))
        .set('If-Match', `"${planned.version}"`)
        .send({ reason: 'branch closed' }),
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: 'branch closed' });
    const gone = await poll('the withdrawn slot in orders', async () => {
      const c = (await candidates(order)).get(coach);
      return c && !c.inRunning ? c : undefined;
    });
    expect(gone.reasons).toEqual(['not_working']);

    const started = ok<{ id: string }>(
      await api
        .post('/api/v1/shifts')
        .set(auth(admin))
        .send({
          staffId: coach,
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      201,
    );
    expectProblem(
      await api.post(`/api/v1/shifts/${started.id}/cancel`).set(auth(admin)).send({ reason: 'too late' }),
      422,
      'STAFF.SHIFT_STARTED',
    );
  });
});
