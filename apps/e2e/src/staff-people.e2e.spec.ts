import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PLATFORM_TENANT_ID } from '@serviceops/contracts';
import { addDays, newId, zonedInstant } from '@serviceops/kernel';
import { Client } from 'pg';
import request from 'supertest';
import { registeredCustomer } from './http';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';

// The staff service's people end to end, through the gateway: a candidate hired through the whole pipeline
// (with a login asked of tenancy), personal data sealed at rest and masked by role, a qualification that expires
// by durable timer and makes its holder ineligible (and the history still says they were eligible before), a
// resignation whose final settlement waits for the handover, and bad input answered with problem+json and
// nothing written.

const OPERATOR_PASSWORD = 'e2e-operator-password';
const B_ADMIN = { username: 'staff-boss-b', password: 'b-admin-password', displayName: 'Boss of B' };

interface Problem {
  status: number;
  code: string;
  expectedStep?: string;
  errors?: { path: string; message: string }[];
}

interface Candidate {
  id: string;
  version: number;
  status: string;
  nextStep?: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  masked: boolean;
  steps: { step: string; passed: boolean; reason?: string }[];
  staffId?: string;
}

interface StaffMember {
  id: string;
  version: number;
  role: string;
  branchId: string;
  businessLine: string;
  payTerms: { dailyPay: { amount: number; currency: string } };
  name?: string;
  phone?: string;
  masked: boolean;
  loginRequested?: string;
  leftAt?: string;
}

interface Qualifications {
  version: number;
  eligible: boolean;
  reasons: { reason: string; qualificationId?: string }[];
  since?: string;
  qualifications: { id: string; status: string; reminded: boolean; number?: string }[];
}

interface Eligibility {
  eligible: boolean;
  reasons: { reason: string }[];
  since?: string;
}

interface Separation {
  version: number;
  status: string;
  lastDay?: string;
  noticeDays?: number;
  handover: { item: string; ticked: boolean }[];
}

type Res = request.Response;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

function expectProblem(res: Res, status: number, code: string): Problem {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, body: { code } });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  return res.body as Problem;
}

function ok<T>(res: Res, status = 200): T {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
  return res.body as T;
}

/** The recruitment pipeline as an admin runs it, on one platform. */
class Recruiter {
  constructor(
    readonly api: ReturnType<typeof request>,
    readonly admin: string,
    readonly branchId: string,
  ) {}

  async posting(criteria: object = { minDrivingYears: 3, minEducation: 'secondary', cleanRecord: true }) {
    return ok<{ id: string }>(
      await this.api.post('/api/v1/staff/postings').set(auth(this.admin)).send({
        role: 'coach',
        branchId: this.branchId,
        businessLine: 'driving_practice',
        title: 'Driving coach',
        criteria,
      }),
      201,
    );
  }

  async apply(postingId: string, extra: object = {}): Promise<Candidate> {
    return ok<Candidate>(
      await this.api
        .post('/api/v1/staff/candidates')
        .set(auth(this.admin))
        .send({
          postingId,
          name: 'Zhang Wei',
          phone: '+86 139 1234 5678',
          idNumber: '110105199001010011',
          drivingYears: 5,
          education: 'college',
          cleanRecord: true,
          ...extra,
        }),
      201,
    );
  }

  step = (id: string, body: object) =>
    this.api.post(`/api/v1/staff/candidates/${id}/steps`).set(auth(this.admin)).send(body);

  /** A staff member hired through every step. */
  async hired(body: object = {}): Promise<StaffMember> {
    const p = await this.posting();
    const c = await this.apply(p.id);
    ok(await this.step(c.id, { step: 'screening' }));
    ok(
      await this.step(c.id, {
        step: 'interview',
        passed: true,
        interviewMode: 'on_site',
        ratings: [{ aspect: 'manner', score: 4 }],
      }),
    );
    ok(
      await this.step(c.id, { step: 'practical_test', passed: true, practicalTest: 'test_drive', score: 88 }),
    );
    ok(await this.step(c.id, { step: 'onboarding_training', passed: true }));
    ok(await this.step(c.id, { step: 'exam', passed: true, score: 91 }));
    return ok<StaffMember>(
      await this.api
        .post(`/api/v1/staff/candidates/${c.id}/hire`)
        .set(auth(this.admin))
        .send({ payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } }, ...body }),
      201,
    );
  }
}

describe('staff people end to end (log transport)', () => {
  let platform: RunningPlatform;
  let api: ReturnType<typeof request>;
  let db: Client;
  let admin = '';
  const branchId = newId();

  beforeAll(async () => {
    platform = await startPlatform({
      env: {
        PLATFORM_OPERATOR_PASSWORD: OPERATOR_PASSWORD,
        RATE_LIMIT_PER_MINUTE: '100000',
        TIMER_POLL_MS: '200',
      },
    });
    api = request(platform.url);
    db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    admin = await token('admin', ADMIN_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await platform?.stop();
  });

  async function token(username: string, password: string, tenantId?: string): Promise<string> {
    const res = await api.post('/api/v1/auth/token').send({ username, password, tenantId });
    return ok<{ accessToken: string }>(res).accessToken;
  }

  async function user(role: string, username: string): Promise<string> {
    const password = `${role}-password`;
    ok(
      await api
        .post('/api/v1/users')
        .set(auth(admin))
        .send({ username, displayName: `A ${role}`, password, roles: [role] }),
      201,
    );
    return token(username, password);
  }

  const recruiter = () => new Recruiter(api, admin, branchId);
  const posting = (criteria?: object) => recruiter().posting(criteria);
  const apply = (postingId: string, extra?: object) => recruiter().apply(postingId, extra);
  const step = (id: string, body: object) => recruiter().step(id, body);
  const hired = (body?: object) => recruiter().hired(body);

  it('hires through the full pipeline: each step in order, the staff member created, a login asked of tenancy', async () => {
    const p = await posting();
    const c = await apply(p.id);
    expect(c).toMatchObject({
      status: 'in_progress',
      nextStep: 'screening',
      name: 'Zhang Wei',
      masked: false,
    });

    const skipped = expectProblem(
      await step(c.id, { step: 'exam', passed: true }),
      422,
      'STAFF.SCREENING_EXPECTED',
    );
    expect(skipped.expectedStep).toBe('screening');
    const early = expectProblem(
      await api
        .post(`/api/v1/staff/candidates/${c.id}/hire`)
        .set(auth(admin))
        .send({ payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } } }),
      422,
      'STAFF.SCREENING_EXPECTED',
    );
    expect(early.expectedStep).toBe('screening');

    const screened = ok<Candidate>(await step(c.id, { step: 'screening' }));
    expect(screened).toMatchObject({ nextStep: 'interview', steps: [{ step: 'screening', passed: true }] });
    ok(
      await step(c.id, {
        step: 'interview',
        passed: true,
        interviewMode: 'online',
        ratings: [{ aspect: 'manner', score: 5 }],
      }),
    );
    expectProblem(await step(c.id, { step: 'exam', passed: true }), 422, 'STAFF.PRACTICAL_TEST_EXPECTED');
    ok(await step(c.id, { step: 'practical_test', passed: true, practicalTest: 'test_drive' }));
    ok(await step(c.id, { step: 'onboarding_training', passed: true }));
    const examined = ok<Candidate>(await step(c.id, { step: 'exam', passed: true, score: 95 }));
    expect(examined.nextStep).toBe('hire');

    const hireRes = await api
      .post(`/api/v1/staff/candidates/${c.id}/hire`)
      .set(auth(admin))
      .send({
        payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
        login: { username: 'zhang.wei' },
      });
    const member = ok<StaffMember>(hireRes, 201);
    expect(member).toMatchObject({
      role: 'coach',
      branchId,
      businessLine: 'driving_practice',
      payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
      name: 'Zhang Wei',
      loginRequested: 'zhang.wei',
    });
    const after = ok<Candidate>(await api.get(`/api/v1/staff/candidates/${c.id}`).set(auth(admin)));
    expect(after).toMatchObject({ status: 'hired', staffId: member.id });
    expect(after.nextStep).toBeUndefined();

    // The contract with the discipline register: StaffMemberHired on the member's stream with the daily pay.
    const { rows } = await db.query<{
      type: string;
      data: { staffId: string; payTerms: unknown; name: string };
    }>(`SELECT type, data FROM staff.events WHERE stream_id LIKE $1 ORDER BY global_position`, [
      `%${member.id}`,
    ]);
    expect(rows.map((r) => r.type)).toEqual(['StaffMemberHired', 'StaffLoginRequested']);
    expect(rows[0]?.data).toMatchObject({
      staffId: member.id,
      payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
    });
    // Personal data is sealed at rest.
    expect(rows[0]?.data.name).toMatch(/^enc:v1:/);

    // A second hire of the same candidate is refused.
    expectProblem(
      await api
        .post(`/api/v1/staff/candidates/${c.id}/hire`)
        .set(auth(admin))
        .send({ payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } } }),
      422,
      'STAFF.CANDIDATE_ALREADY_HIRED',
    );
  });

  it('hires a candidate once when two managers hire them at the same moment', async () => {
    const p = await posting();
    const c = await apply(p.id);
    ok(await step(c.id, { step: 'screening' }));
    ok(await step(c.id, { step: 'interview', passed: true, interviewMode: 'online' }));
    ok(await step(c.id, { step: 'practical_test', passed: true, practicalTest: 'mock_chat' }));
    ok(await step(c.id, { step: 'onboarding_training', passed: true }));
    ok(await step(c.id, { step: 'exam', passed: true }));
    const hire = () =>
      api
        .post(`/api/v1/staff/candidates/${c.id}/hire`)
        .set(auth(admin))
        .send({ payTerms: { dailyPay: { amount: 28_000, currency: 'CNY' } } });
    const answers = await Promise.all([hire(), hire()]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 422]);
    const refused = answers.find((r) => r.status === 422) as Res;
    expectProblem(refused, 422, 'STAFF.CANDIDATE_ALREADY_HIRED');
    const { rows } = await db.query(
      `SELECT 1 FROM staff.events WHERE type = 'StaffMemberHired' AND data->>'candidateId' = $1`,
      [c.id],
    );
    expect(rows).toHaveLength(1);
  });

  it('screens against the posting’s criteria and rejects with the reason; a rejected candidate goes no further', async () => {
    const p = await posting();
    const c = await apply(p.id, { drivingYears: 1 });
    const screened = ok<Candidate>(await step(c.id, { step: 'screening' }));
    expect(screened.status).toBe('rejected');
    expect(screened.steps[0]?.reason).toMatch(/driving years 1 < 3/);
    expectProblem(
      await step(c.id, { step: 'interview', passed: true, interviewMode: 'online' }),
      422,
      'STAFF.CANDIDATE_REJECTED',
    );
    // The rejection armed the erasure of the candidate's data when the retention is over.
    const { rows: timers } = await db.query<{ due_at: Date }>(
      'SELECT due_at FROM staff.timers WHERE timer_id = $1',
      [`candidate-retention:${c.id}`],
    );
    expect(timers).toHaveLength(1);

    // Erased at their request: the key is destroyed, the name gone, the record and its history stay.
    const erased = ok<Candidate>(
      await api.post(`/api/v1/staff/candidates/${c.id}/erase`).set(auth(admin)).send({}),
    );
    expect(erased.status).toBe('erased');
    expect(erased.name).toBeUndefined();
    const keys = await db.query('SELECT 1 FROM staff.data_keys WHERE person_id = $1', [c.id]);
    expect(keys.rowCount).toBe(0);
    const again = ok<Candidate>(await api.get(`/api/v1/staff/candidates/${c.id}`).set(auth(admin)));
    expect(again).toMatchObject({ status: 'erased', masked: false });
    expect(again.name).toBeUndefined();
    expect(again.phone).toBeUndefined();
  });

  it('masks personal data for roles without it, and keeps history and as-of views', async () => {
    const member = await hired();
    const auditor = await user('auditor', `auditor-${newId().slice(0, 8)}`);
    const masked = ok<StaffMember>(await api.get(`/api/v1/staff/${member.id}`).set(auth(auditor)));
    expect(masked.masked).toBe(true);
    expect(masked.name).not.toBe('Zhang Wei');
    expect(masked.phone).toMatch(/\*+5678$/);

    const before = new Date().toISOString();
    const changed = ok<StaffMember>(
      await api
        .post(`/api/v1/staff/${member.id}/pay-terms`)
        .set(auth(admin))
        .set('If-Match', `"${member.version}"`)
        .send({ payTerms: { dailyPay: { amount: 32_000, currency: 'CNY' } } }),
    );
    expect(changed.payTerms.dailyPay.amount).toBe(32_000);
    const then = ok<StaffMember>(
      await api.get(`/api/v1/staff/${member.id}`).query({ asOf: before }).set(auth(admin)),
    );
    expect(then.payTerms.dailyPay.amount).toBe(30_000);
    interface Summary {
      id: string;
      name?: string;
      masked: boolean;
      dailyPay?: { amount: number };
    }
    const listed = await poll('the staff member listed', async () => {
      const page = ok<{ items: Summary[] }>(
        await api.get('/api/v1/staff').query({ role: 'coach', limit: 200 }).set(auth(auditor)),
      );
      return page.items.find((i) => i.id === member.id && i.dailyPay?.amount === 32_000);
    });
    expect(listed).toMatchObject({ masked: true });
    expect(listed.name).not.toBe('Zhang Wei');
    const first = ok<{ items: Summary[]; nextCursor?: string }>(
      await api.get('/api/v1/staff/candidates').query({ status: 'hired', limit: 1 }).set(auth(admin)),
    );
    expect(first.items[0]).toMatchObject({ name: 'Zhang Wei', masked: false });
    expect(first.nextCursor).toBeDefined();
    const second = ok<{ items: Summary[] }>(
      await api
        .get('/api/v1/staff/candidates')
        .query({ status: 'hired', limit: 1, cursor: first.nextCursor })
        .set(auth(admin)),
    );
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);

    const history = ok<{ entries: { type: string }[] }>(
      await api.get(`/api/v1/staff/${member.id}/history`).set(auth(admin)),
    );
    // Clear reads are recorded (who, why, which fields); masked ones are not.
    ok(await api.get(`/api/v1/staff/${member.id}`).set(auth(admin)).set('X-Purpose', 'payroll check'));
    const reads = await db.query<{ fields: string[]; purpose: string }>(
      `SELECT data->'fields' AS fields, data->>'purpose' AS purpose FROM staff.events
        WHERE type = 'PersonalDataRead' AND data->>'personId' = $1 AND data->>'through' = 'staff-member'`,
      [member.id],
    );
    expect(reads.rows).toContainEqual({ fields: ['name', 'phone', 'idNumber'], purpose: 'payroll check' });
    expect(history.entries.map((e) => e.type)).toEqual(['StaffMemberHired', 'PayTermsChanged']);
  });

  it('expires a qualification by durable timer: ineligible from then on, eligible before (from history)', async () => {
    const member = await hired();
    const expiresAt = new Date(Date.now() + 4_000).toISOString();
    const recorded = ok<Qualifications>(
      await api.post(`/api/v1/staff/${member.id}/qualifications`).set(auth(admin)).send({
        kind: 'driving_licence',
        number: 'DL-2020-0001',
        issuedOn: '2020-01-01',
        expiresAt,
      }),
    );
    expect(recorded).toMatchObject({
      eligible: true,
      qualifications: [{ status: 'valid', reminded: false }],
    });
    // The instant the record made them eligible (not the clock after the answer: on a loaded machine the answer
    // can come after the expiry, 4 s on).
    const eligibleAt = recorded.since ?? '';
    expect(Date.parse(eligibleAt)).toBeLessThan(Date.parse(expiresAt));

    const expired = await poll(
      'the qualification expired',
      async () => {
        const q = ok<Qualifications>(
          await api.get(`/api/v1/staff/${member.id}/qualifications`).set(auth(admin)),
        );
        return q.eligible ? undefined : q;
      },
      30_000,
    );
    expect(expired.qualifications[0]).toMatchObject({ status: 'expired', reminded: true });
    expect(expired.reasons).toEqual([expect.objectContaining({ reason: 'expired' })]);

    const now = ok<Eligibility>(await api.get(`/api/v1/staff/${member.id}/eligibility`).set(auth(admin)));
    expect(now).toMatchObject({ eligible: false, reasons: [{ reason: 'expired' }] });
    const earlier = ok<Eligibility>(
      await api.get(`/api/v1/staff/${member.id}/eligibility`).query({ at: eligibleAt }).set(auth(admin)),
    );
    expect(earlier.eligible).toBe(true);

    // Published once each, for the orders service: eligible, then ineligible; the reminder once.
    const { rows } = await db.query<{ type: string; eligible?: boolean }>(
      `SELECT type, (data->>'eligible')::boolean AS eligible FROM staff.events
        WHERE stream_id LIKE $1 ORDER BY global_position`,
      [`staff-qualifications-%${member.id}`],
    );
    expect(rows.filter((r) => r.type === 'StaffEligibilityChanged').map((r) => r.eligible)).toEqual([
      true,
      false,
    ]);
    expect(rows.filter((r) => r.type === 'QualificationExpiryReminderDue')).toHaveLength(1);
    expect(rows.filter((r) => r.type === 'QualificationExpired')).toHaveLength(1);
  });

  it('suspends and reinstates a qualification, eligibility following', async () => {
    const member = await hired();
    const recorded = ok<Qualifications>(
      await api.post(`/api/v1/staff/${member.id}/qualifications`).set(auth(admin)).send({
        kind: 'service_qualification',
        number: 'SQ-7',
        issuedOn: '2024-01-01',
        expiresAt: '2099-01-01T00:00:00Z',
      }),
    );
    const qid = recorded.qualifications[0]?.id ?? '';
    const suspended = ok<Qualifications>(
      await api
        .post(`/api/v1/staff/${member.id}/qualifications/${qid}/suspend`)
        .set(auth(admin))
        .send({ reason: 'complaint under investigation' }),
    );
    expect(suspended).toMatchObject({
      eligible: false,
      reasons: [{ reason: 'suspended', qualificationId: qid }],
    });
    const reinstated = ok<Qualifications>(
      await api.post(`/api/v1/staff/${member.id}/qualifications/${qid}/reinstate`).set(auth(admin)).send({}),
    );
    expect(reinstated.eligible).toBe(true);
    const history = ok<{ entries: { type: string; actorId: string }[] }>(
      await api.get(`/api/v1/staff/${member.id}/qualifications/history`).set(auth(admin)),
    );
    expect(history.entries.map((e) => e.type)).toEqual([
      'QualificationRecorded',
      'StaffEligibilityChanged',
      'QualificationSuspended',
      'StaffEligibilityChanged',
      'QualificationReinstated',
      'StaffEligibilityChanged',
    ]);
  });

  it('resigns with the notice period and requests the final settlement only once the handover is complete', async () => {
    const member = await hired();
    const tenantId = (
      JSON.parse(Buffer.from(admin.split('.')[1] ?? '', 'base64url').toString()) as { tid: string }
    ).tid;
    // An order dispatched to them, as the orders service records it on its log (which staff consumes).
    const orderId = newId();
    const inOrders = (stream: string, type: string, data: object) =>
      db.query(
        `INSERT INTO orders.events (stream_id, stream_version, event_id, type, data, metadata)
         VALUES ($1, 1, $2, $3, $4, $5)`,
        [stream, newId(), type, data, { tenantId, correlationId: newId() }],
      );
    const at = new Date().toISOString();
    await inOrders(`order-${tenantId}-${orderId}`, 'OrderDispatched', {
      orderId,
      staffId: member.id,
      slot: { start: at, end: at },
      dispatchedAt: at,
    });
    await poll('the order held', async () => {
      const { rowCount } = await db.query(`SELECT 1 FROM staff.held_orders WHERE order_id = $1 AND open`, [
        orderId,
      ]);
      return rowCount ? true : undefined;
    });
    const separation = async () =>
      ok<Separation>(await api.get(`/api/v1/staff/${member.id}/separation`).set(auth(admin)));
    const tickedItems = (s: Separation) => s.handover.filter((h) => h.ticked).map((h) => h.item);
    const resigned = ok<Separation>(
      await api.post(`/api/v1/staff/${member.id}/resign`).set(auth(admin)).send({ reason: 'moving city' }),
    );
    expect(resigned).toMatchObject({ status: 'separating', noticeDays: 30 });
    // No tool is lent to them: ticked at once; the order is still theirs.
    expect(tickedItems(resigned)).toEqual(['borrowed_tools']);
    const settlements = async () =>
      (
        await db.query(
          `SELECT 1 FROM staff.events WHERE type = 'FinalSettlementRequested' AND stream_id LIKE $1`,
          [`%${member.id}`],
        )
      ).rowCount;

    await inOrders(`work-order-${tenantId}-${orderId}`, 'OrderCompleted', {
      orderId,
      staffId: member.id,
      startedAt: at,
      completedAt: at,
      durationMinutes: 0,
      hours: 1,
      parts: [],
      signature: 'Li',
    });
    await poll('open orders ticked by the completion', async () => {
      const s = await separation();
      return tickedItems(s).includes('open_orders') ? s : undefined;
    });
    const actors = await db.query<{ actor: string }>(
      `SELECT metadata->>'actorId' AS actor FROM staff.events
       WHERE type = 'HandoverItemTicked' AND stream_id LIKE $1 ORDER BY global_position`,
      [`%${member.id}`],
    );
    expect(actors.rows.map((r) => r.actor)).toEqual(['system:orders', 'system:orders']);

    for (const [i, item] of ['customers', 'materials'].entries()) {
      expect(await settlements()).toBe(0);
      const ticked = ok<Separation>(
        await api.post(`/api/v1/staff/${member.id}/handover`).set(auth(admin)).send({ item }),
      );
      expect(ticked.status).toBe(i === 0 ? 'separating' : 'settlement_requested');
    }
    expect(await settlements()).toBe(1);
  });

  it('keeps no clear free text of an idempotent answer (a resignation, an order, a contract) and replays it', async () => {
    const mark = newId().slice(0, 8);
    const clear = {
      reason: `caring for my mother ${mark}`,
      address: `8 Garden Lane ${mark}`,
      problem: `no hot water since ${mark}`,
      subject: `Wang Fang's boiler ${mark}`,
      clause: `Wang Fang pays the deposit ${mark}`,
    };
    const keptRow = async (key: string): Promise<string> => {
      const { rows } = await db.query<{ row: string }>(
        'SELECT row_to_json(k)::text AS row FROM gateway.idempotency_keys k WHERE key = $1',
        [key],
      );
      expect(rows).toHaveLength(1);
      return rows[0]?.row ?? '';
    };
    /** The command twice with one key: the first acts, the row keeps no clear text, the retry replays it. */
    const once = async (path: string, body: object, status: number) => {
      const key = newId();
      const send = () => api.post(`/api/v1/${path}`).set(auth(admin)).set('Idempotency-Key', key).send(body);
      const first = ok<Record<string, unknown>>(await send(), status);
      const row = await keptRow(key);
      for (const value of Object.values(clear)) expect(row).not.toContain(value);
      const again = await send();
      expect({ status: again.status, replayed: again.headers['idempotent-replayed'] }).toEqual({
        status,
        replayed: 'true',
      });
      for (const value of Object.values(clear)) expect(JSON.stringify(again.body)).not.toContain(value);
      return { first, again: again.body as Record<string, unknown> };
    };

    const member = await hired();
    const resigned = await once(`staff/${member.id}/resign`, { reason: clear.reason }, 200);
    expect(resigned.first).toMatchObject({ status: 'separating', reason: clear.reason });
    expect(resigned.again).toEqual({
      staffId: member.id,
      version: resigned.first['version'],
      status: 'separating',
      kind: 'resignation',
      noticeDays: 30,
      lastDay: resigned.first['lastDay'],
      startedAt: resigned.first['startedAt'],
      handover: resigned.first['handover'],
    });

    const customerId = await registeredCustomer(api, admin, db, 'Kept Answer Customer');
    const order = await once(
      'orders',
      {
        customerId,
        line: 'after_sales_repair',
        kind: 'repair',
        serviceType: 'paid',
        wantedAt: new Date(Date.now() + 3_600_000).toISOString(),
        zone: 'suburb',
        address: clear.address,
        subject: clear.subject,
        problem: clear.problem,
      },
      201,
    );
    expect(order.first).toMatchObject({
      address: clear.address,
      subject: clear.subject,
      problem: clear.problem,
    });
    expect(order.again).toMatchObject({ id: order.first['id'], version: order.first['version'] });
    expect(order.again).not.toHaveProperty('address');
    expect(order.again).not.toHaveProperty('subject');

    const today = new Date().toISOString().slice(0, 10);
    const contract = await once(
      'contracts',
      {
        kind: 'maintenance',
        customerId: newId(),
        line: 'after_sales_repair',
        terms: {
          startDate: today,
          endDate: new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10),
          items: [
            {
              kind: 'service',
              description: 'yearly maintenance',
              quantity: 1,
              unitPrice: { amount: 500_000, currency: 'CNY' },
            },
          ],
          clauses: {
            items: 'x',
            fees: 'y',
            term: 'z',
            maintenanceDuties: 'quarterly',
            deposit: clear.clause,
          },
          visitsPerYear: 4,
        },
      },
      201,
    );
    expect(JSON.stringify(contract.first)).toContain(clear.clause);
    expect(contract.again).toMatchObject({ id: contract.first['id'], version: contract.first['version'] });
  });

  it('answers bad input with problem+json and writes nothing: unknown field, another tenant’s id, stale If-Match', async () => {
    const count = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM staff.events')).rows[0]?.n);
    const p = await posting();
    const c = await apply(p.id);
    const before = await count();

    expectProblem(await step(c.id, { step: 'screening', colour: 'blue' }), 400, 'VALIDATION');
    expectProblem(
      await api
        .post('/api/v1/staff/candidates')
        .set(auth(admin))
        .send({ postingId: p.id, name: 'X', phone: 'abc' }),
      400,
      'VALIDATION',
    );
    expectProblem(
      await api
        .post(`/api/v1/staff/candidates/${c.id}/steps`)
        .set(auth(admin))
        .set('If-Match', '"99"')
        .send({ step: 'screening' }),
      409,
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
    );
    expectProblem(
      await step(c.id, { step: 'interview', passed: true, interviewMode: 'online' }),
      422,
      'STAFF.SCREENING_EXPECTED',
    );

    const operator = await token('operator', OPERATOR_PASSWORD, PLATFORM_TENANT_ID);
    ok(
      await api
        .post('/api/v1/tenants')
        .set(auth(operator))
        .send({ name: 'Staff Tenant B', timeZone: 'Asia/Shanghai', admin: B_ADMIN }),
      201,
    );
    const adminB = await token(B_ADMIN.username, B_ADMIN.password);
    expectProblem(
      await api.get(`/api/v1/staff/candidates/${c.id}`).set(auth(adminB)),
      404,
      'STAFF.CANDIDATE_NOT_FOUND',
    );
    expectProblem(
      await api.post(`/api/v1/staff/candidates/${c.id}/steps`).set(auth(adminB)).send({ step: 'screening' }),
      404,
      'STAFF.CANDIDATE_NOT_FOUND',
    );
    expectProblem(
      await api
        .post('/api/v1/staff/candidates')
        .set(auth(adminB))
        .send({ postingId: p.id, name: 'Li', phone: '+86 139 0000 0001' }),
      404,
      'STAFF.POSTING_NOT_FOUND',
    );
    expect(await count()).toBe(before);
  });

  it('erases a leaver’s personal data: refused while employed, then gone from GET, ?asOf=, history and the list', async () => {
    const member = await hired();
    const erase = `/api/v1/staff/${member.id}/erase`;
    const count = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM staff.events')).rows[0]?.n);
    const before = await count();
    expectProblem(await api.post(erase).set(auth(admin)).send({}), 422, 'STAFF.STILL_EMPLOYED');
    expectProblem(
      await api.post('/api/v1/staff/not-a-uuid/erase').set(auth(admin)).send({}),
      400,
      'VALIDATION',
    );
    const manager = await user('workshop_manager', 'erasure-workshop-manager');
    expectProblem(await api.post(erase).set(auth(manager)).send({}), 403, 'FORBIDDEN');
    expect(await count()).toBe(before);

    ok(
      await api
        .post(`/api/v1/staff/${member.id}/dismiss`)
        .set(auth(admin))
        .send({ reason: 'fraud on expenses' }),
    );
    // A dismissal's last day is its day: the leave timer records StaffMemberLeft at once.
    await poll('StaffMemberLeft', async () => {
      const found = ok<StaffMember>(await api.get(`/api/v1/staff/${member.id}`).set(auth(admin)));
      return found.leftAt;
    });
    expectProblem(await api.post(erase).set(auth(admin)).send({}), 422, 'STAFF.HANDOVER_INCOMPLETE');
    for (const item of ['customers', 'open_orders', 'materials', 'borrowed_tools'])
      ok(await api.post(`/api/v1/staff/${member.id}/handover`).set(auth(admin)).send({ item }));
    const asOf = new Date().toISOString();

    const adminB = await token(B_ADMIN.username, B_ADMIN.password);
    expectProblem(await api.post(erase).set(auth(adminB)).send({}), 404, 'STAFF.STAFF_MEMBER_NOT_FOUND');
    const current = await api.get(`/api/v1/staff/${member.id}`).set(auth(admin));
    expect(ok<StaffMember>(current)).toMatchObject({ name: 'Zhang Wei', idNumber: '110105199001010011' });
    const version = ok<StaffMember>(current).version;
    expectProblem(
      await api
        .post(erase)
        .set(auth(admin))
        .set('If-Match', `"${version + 1}"`)
        .send({}),
      409,
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
    );

    const done = await api.post(erase).set(auth(admin)).set('If-Match', `"${version}"`).send({});
    const erased = ok<StaffMember & { status: string; candidateId: string; erasedAt?: string }>(done);
    expect(erased).toMatchObject({ id: member.id, status: 'erased', version: version + 1, masked: false });
    expect(erased.payTerms).toEqual({ dailyPay: { amount: 30_000, currency: 'CNY' } });
    expect(erased.erasedAt).toEqual(expect.any(String));
    expect(done.headers['etag']).toBe(`"${version + 1}"`);

    const fields = ['name', 'phone', 'idNumber'];
    const now = ok<StaffMember>(await api.get(`/api/v1/staff/${member.id}`).set(auth(admin)));
    const then = ok<StaffMember>(
      await api.get(`/api/v1/staff/${member.id}`).query({ asOf }).set(auth(admin)),
    );
    for (const view of [erased, now, then])
      for (const field of fields) expect(view).not.toHaveProperty(field);
    expect(now).toMatchObject({ status: 'erased' });
    const history = ok<{ entries: { type: string }[] }>(
      await api.get(`/api/v1/staff/${member.id}/history`).set(auth(admin)),
    );
    expect(history.entries.map((e) => e.type)).toEqual([
      'StaffMemberHired',
      'StaffMemberLeft',
      'StaffMemberErased',
    ]);
    const listed = await poll('the erasure in the staff list', async () => {
      const page = ok<{ items: { id: string; name?: string; erasedAt?: string }[] }>(
        await api.get('/api/v1/staff').query({ limit: 200 }).set(auth(admin)),
      );
      const item = page.items.find((i) => i.id === member.id);
      return item?.erasedAt ? item : undefined;
    });
    expect(listed).not.toHaveProperty('name');
    const candidate = ok<Candidate>(
      await api.get(`/api/v1/staff/candidates/${erased.candidateId}`).set(auth(admin)),
    );
    expect(candidate.status).toBe('erased');
    expect(candidate.name).toBeUndefined();
    // At rest: the sealed values are still there, the key that opened them is not.
    const keys = await db.query('SELECT 1 FROM staff.data_keys WHERE person_id = ANY($1::uuid[])', [
      [member.id, erased.candidateId],
    ]);
    expect(keys.rowCount).toBe(0);

    // Twice: refused, nothing written.
    const after = await count();
    expectProblem(await api.post(erase).set(auth(admin)).send({}), 422, 'STAFF.STAFF_MEMBER_ERASED');
    expect(await count()).toBe(after);
  });

  it('closes a leaver’s login on their last day: their old token is refused, and so is signing in', async () => {
    // Tenancy makes the login only in a branch it knows.
    const tenant = await api.get('/api/v1/tenant').set(auth(admin));
    const added = ok<{ branches: { id: string; name: string }[] }>(
      await api
        .post('/api/v1/tenant/branches')
        .set(auth(admin))
        .set('If-Match', String(tenant.headers['etag']))
        .send({ name: 'Leavers branch', businessLines: ['driving_practice'] }),
      201,
    );
    const branch = added.branches.find((b) => b.name === 'Leavers branch')?.id ?? '';
    const member = await new Recruiter(api, admin, branch).hired({ login: { username: 'leaving.zhao' } });
    await poll('the login in tenancy', async () =>
      (await api.get(`/api/v1/users/${member.id}`).set(auth(admin))).status === 200 ? true : undefined,
    );
    // No invitation came with the login: the admin issues the first and hands it over.
    expect(ok<object>(await api.get(`/api/v1/users/${member.id}`).set(auth(admin)))).not.toHaveProperty(
      'invitationExpiresAt',
    );
    const invitation = ok<{ token: string }>(
      await api.post(`/api/v1/users/${member.id}/invitation`).set(auth(admin)),
      201,
    );
    const password = 'Zhao-Leaves-Soon-2026';
    const own = ok<{ accessToken: string }>(
      await api.post('/api/v1/auth/activate').send({ token: invitation.token, password }),
    ).accessToken;
    ok(await api.get('/api/v1/users/me').set(auth(own)));

    ok(await api.post(`/api/v1/staff/${member.id}/dismiss`).set(auth(admin)).send({ reason: 'no-shows' }));
    const left = await poll('StaffMemberLeft', async () => {
      const found = ok<StaffMember>(await api.get(`/api/v1/staff/${member.id}`).set(auth(admin)));
      return found.leftAt ? found : undefined;
    });
    expect(Date.parse(left.leftAt ?? '')).toBeGreaterThan(0);
    const closed = await poll('the login closed', async () => {
      const found = ok<{ disabled: boolean; tokenVersion: number }>(
        await api.get(`/api/v1/users/${member.id}`).set(auth(admin)),
      );
      return found.disabled ? found : undefined;
    });
    expect(closed.tokenVersion).toBeGreaterThan(1);
    // The gateway asks tenancy again within a few seconds: then the old token is refused.
    await poll('the old token refused', async () =>
      (await api.get('/api/v1/users/me').set(auth(own))).status === 401 ? true : undefined,
    );
    expectProblem(await api.get('/api/v1/users/me').set(auth(own)), 401, 'AUTH.TOKEN_REVOKED');
    expectProblem(
      await api.post('/api/v1/auth/token').send({ username: 'leaving.zhao', password }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('closes a user made by hand and linked to a staff member when they leave (it clocks them in till then): their old token is refused', async () => {
    const member = await hired();
    const password = 'Hand-Made-Login-2026';
    const registered = await api
      .post('/api/v1/users')
      .set(auth(admin))
      .send({ username: 'hand.linked', displayName: 'Hand Linked', password, roles: ['coach'] });
    const user = ok<{ id: string }>(registered, 201);
    const own = await token('hand.linked', password);
    ok(await api.get('/api/v1/users/me').set(auth(own)));

    // Not a staff member of this tenant: 404, nothing written.
    expectProblem(
      await api
        .put(`/api/v1/users/${user.id}/staff-member`)
        .set(auth(admin))
        .set('If-Match', String(registered.headers['etag']))
        .send({ staffId: newId() }),
      404,
      'TENANCY.STAFF_MEMBER_NOT_FOUND',
    );
    const linked = await api
      .put(`/api/v1/users/${user.id}/staff-member`)
      .set(auth(admin))
      .set('If-Match', String(registered.headers['etag']))
      .send({ staffId: member.id });
    expect(ok<{ staffId: string }>(linked).staffId).toBe(member.id);
    expect(ok<{ staffId: string }>(await api.get(`/api/v1/users/${user.id}`).set(auth(admin))).staffId).toBe(
      member.id,
    );

    // Staff learns the link from tenancy's event: the linked user clocks the person in and out themselves.
    const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
    const shift = ok<{ id: string }>(
      await api
        .post('/api/v1/shifts')
        .set(auth(admin))
        .send({ staffId: member.id, startsAt: soon(30), endsAt: soon(240) }),
      201,
    );
    const clockedIn = await poll('the link in staff', async () => {
      const res = await api.post(`/api/v1/shifts/${shift.id}/clock-in`).set(auth(own));
      return res.status === 200 ? (res.body as { status: string }) : undefined;
    });
    expect(clockedIn).toMatchObject({ status: 'in' });
    expect(ok(await api.post(`/api/v1/shifts/${shift.id}/clock-out`).set(auth(own)))).toMatchObject({
      status: 'out',
    });

    ok(await api.post(`/api/v1/staff/${member.id}/dismiss`).set(auth(admin)).send({ reason: 'no-shows' }));
    await poll('the linked login closed', async () =>
      ok<{ disabled: boolean }>(await api.get(`/api/v1/users/${user.id}`).set(auth(admin))).disabled
        ? true
        : undefined,
    );
    await poll('the old token refused', async () =>
      (await api.get('/api/v1/users/me').set(auth(own))).status === 401 ? true : undefined,
    );
    expectProblem(await api.get('/api/v1/users/me').set(auth(own)), 401, 'AUTH.TOKEN_REVOKED');
    expectProblem(
      await api.post('/api/v1/auth/token').send({ username: 'hand.linked', password }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('changes a staff member’s role: the file, the list and their login follow; bad input writes nothing', async () => {
    const tenant = await api.get('/api/v1/tenant').set(auth(admin));
    const added = ok<{ branches: { id: string; name: string }[] }>(
      await api
        .post('/api/v1/tenant/branches')
        .set(auth(admin))
        .set('If-Match', String(tenant.headers['etag']))
        .send({ name: 'Role change branch', businessLines: ['driving_practice'] }),
      201,
    );
    const branch = added.branches.find((b) => b.name === 'Role change branch')?.id ?? '';
    const member = await new Recruiter(api, admin, branch).hired({ login: { username: 'role.chen' } });
    await poll('the login in tenancy', async () =>
      (await api.get(`/api/v1/users/${member.id}`).set(auth(admin))).status === 200 ? true : undefined,
    );
    const change = (body: object, version = member.version) =>
      api.post(`/api/v1/staff/${member.id}/role`).set(auth(admin)).set('If-Match', `"${version}"`).send(body);
    const count = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM staff.events')).rows[0]?.n);
    const before = await count();
    expectProblem(await change({ role: 'astronaut' }), 400, 'VALIDATION');
    expectProblem(await change({ role: 'platform_operator' }), 400, 'VALIDATION');
    expectProblem(await change({ role: 'technician', colour: 'blue' }), 400, 'VALIDATION');
    expectProblem(await change({ role: 'technician', assessmentPeriod: '2025-13' }), 400, 'VALIDATION');
    expectProblem(await change({ role: 'technician' }, 99), 409, 'EVENTSTORE.WRONG_EXPECTED_VERSION');
    expectProblem(
      await change({ role: 'technician', assessmentPeriod: '2024-02' }),
      422,
      'STAFF.ROLE_CHANGE_NOT_DECIDED',
    );
    const auditor = await user('auditor', `auditor-${newId().slice(0, 8)}`);
    expectProblem(
      await api.post(`/api/v1/staff/${member.id}/role`).set(auth(auditor)).send({ role: 'technician' }),
      403,
      'FORBIDDEN',
    );
    expect(await count()).toBe(before);

    const res = await change({ role: 'technician' });
    const changed = ok<StaffMember>(res);
    expect(changed).toMatchObject({ role: 'technician', version: member.version + 1 });
    expect(res.headers['etag']).toBe(`"${member.version + 1}"`);
    const { rows } = await db.query<{ data: object }>(
      `SELECT data FROM staff.events WHERE stream_id LIKE $1 AND type = 'StaffRoleChanged'`,
      [`%${member.id}`],
    );
    expect(rows.map((r) => r.data)).toEqual([
      {
        staffId: member.id,
        from: 'coach',
        to: 'technician',
        branchId: branch,
        changedAt: expect.any(String) as string,
      },
    ]);
    await poll('the login’s new role', async () => {
      const found = ok<{ roles: string[] }>(await api.get(`/api/v1/users/${member.id}`).set(auth(admin)));
      return found.roles.includes('technician') && !found.roles.includes('coach') ? true : undefined;
    });
    await poll('the new role in the list', async () => {
      const page = ok<{ items: { id: string; role: string }[] }>(
        await api.get('/api/v1/staff').query({ role: 'technician', limit: 100 }).set(auth(admin)),
      );
      return page.items.some((i) => i.id === member.id) ? true : undefined;
    });
  });

  it('applies the tenant’s people policy, versioned: reminder days and notice days', async () => {
    const initial = ok<{ version: number; expiryReminderDays: number; noticeDays: number }>(
      await api.get('/api/v1/policies/staff-people').set(auth(admin)),
    );
    expect(initial).toEqual({ version: 0, expiryReminderDays: 30, noticeDays: 30, staffRetentionDays: 730 });
    expectProblem(
      await api
        .put('/api/v1/policies/staff-people')
        .set(auth(admin))
        .send({ expiryReminderDays: 0, noticeDays: 14 }),
      400,
      'VALIDATION',
    );
    const changed = ok<{ version: number }>(
      await api
        .put('/api/v1/policies/staff-people')
        .set(auth(admin))
        .set('If-Match', '"0"')
        .send({ expiryReminderDays: 10, noticeDays: 14 }),
    );
    expect(changed).toEqual({ version: 1, expiryReminderDays: 10, noticeDays: 14, staffRetentionDays: 730 });
    expectProblem(
      await api
        .put('/api/v1/policies/staff-people')
        .set(auth(admin))
        .send({ expiryReminderDays: 10, noticeDays: 14, staffRetentionDays: 729 }),
      400,
      'VALIDATION',
    );
    expectProblem(
      await api
        .put('/api/v1/policies/staff-people')
        .set(auth(admin))
        .set('If-Match', '"0"')
        .send({ expiryReminderDays: 11, noticeDays: 14 }),
      409,
      'EVENTSTORE.WRONG_EXPECTED_VERSION',
    );

    const member = await hired();
    const expiresAt = '2099-06-30T00:00:00.000Z';
    const q = ok<{ qualifications: { remindAt: string }[] }>(
      await api.post(`/api/v1/staff/${member.id}/qualifications`).set(auth(admin)).send({
        kind: 'driving_licence',
        number: 'DL-POLICY-1',
        issuedOn: '2024-01-01',
        expiresAt,
      }),
    );
    expect(q.qualifications[0]?.remindAt).toBe('2099-06-20T00:00:00.000Z');
    const resigned = ok<Separation>(
      await api.post(`/api/v1/staff/${member.id}/resign`).set(auth(admin)).send({}),
    );
    expect(resigned.noticeDays).toBe(14);

    // Three years of retention from now on: the separation completed next arms its timer with them.
    const longer = ok<{ version: number; staffRetentionDays: number }>(
      await api
        .put('/api/v1/policies/staff-people')
        .set(auth(admin))
        .set('If-Match', '"1"')
        .send({ expiryReminderDays: 10, noticeDays: 14, staffRetentionDays: 1095 }),
    );
    expect(longer).toMatchObject({ version: 2, staffRetentionDays: 1095 });
    for (const item of ['customers', 'open_orders', 'materials', 'borrowed_tools'])
      ok(await api.post(`/api/v1/staff/${member.id}/handover`).set(auth(admin)).send({ item }));
    const timer = await db.query<{ due_at: Date; payload: { retentionDays: number } }>(
      'SELECT due_at, payload FROM staff.timers WHERE timer_id = $1',
      [`staff-retention:${member.id}`],
    );
    expect(timer.rows[0]?.payload.retentionDays).toBe(1095);
    // Due at the tenant's midnight (its calendar's zone), 1095 of its days after the last day.
    const { calendar } = ok<{ calendar: { timeZone: string } }>(
      await api.get('/api/v1/tenant').set(auth(admin)),
    );
    expect(timer.rows[0]?.due_at).toEqual(
      zonedInstant(calendar.timeZone, addDays(resigned.lastDay ?? '', 1096), 0),
    );
  });
});

describe('qualification expiry across a restart (log transport)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serviceops-e2e-staff-restart-'));
  const env = { TIMER_POLL_MS: '200', RATE_LIMIT_PER_MINUTE: '100000' };
  // The first run must leave the expiry armed: its timers are looked for at boot (none due then) and next a
  // minute later (the longest TIMER_POLL_MS), after it stopped — so the expiry can be seconds away, not a
  // margin wide enough for a slow stop on a loaded machine, and no run fires it before the restart.
  const firstEnv = { ...env, TIMER_POLL_MS: '60000' };
  let first: RunningPlatform | undefined;
  let second: RunningPlatform | undefined;
  let db: Client | undefined;

  afterAll(async () => {
    await db?.end().catch(() => undefined);
    await first?.stop();
    await second?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = async (platform: RunningPlatform) =>
    ok<{ accessToken: string }>(
      await request(platform.url)
        .post('/api/v1/auth/token')
        .send({ username: 'admin', password: ADMIN_PASSWORD }),
    ).accessToken;

  // Two platform starts (each allowed 90 s by startPlatform): more than the default minute on a loaded machine.
  it('expires a qualification once, after the platform restarted past its expiry', async () => {
    first = await startPlatform({ transport: 'log', dataDir, env: firstEnv });
    const databaseUrl = first.databaseUrl ?? '';
    const admin = await signIn(first);
    const member = await new Recruiter(request(first.url), admin, newId()).hired();
    // Ahead enough to be recorded (an expiry in the past is refused), passed by the time the first run stopped.
    const expiresAt = Date.now() + 5_000;
    const recorded = ok<Qualifications>(
      await request(first.url)
        .post(`/api/v1/staff/${member.id}/qualifications`)
        .set(auth(admin))
        .send({
          kind: 'driving_licence',
          number: 'DL-RESTART',
          issuedOn: '2020-01-01',
          expiresAt: new Date(expiresAt).toISOString(),
        }),
    );
    const qid = recorded.qualifications[0]?.id ?? '';
    await first.stop();
    first = undefined;

    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const timer = async () =>
      (
        await (db as Client).query<{ fired_at: Date | null }>(
          'SELECT fired_at FROM staff.timers WHERE timer_id = $1',
          [`qualification-expiry:${qid}`],
        )
      ).rows;
    // What the first run left: the expiry armed, not fired (else this would not test a restart).
    expect(await timer()).toEqual([{ fired_at: null }]);
    // Restarted past the expiry: the second run finds it due at its first look.
    const wait = expiresAt - Date.now() + 100;
    if (wait > 0) await sleep(wait);

    second = await startPlatform({ transport: 'log', dataDir, databaseUrl, env });
    const again = await signIn(second);
    const api = request(second.url);
    await poll(
      'the qualification expired after the restart',
      async () => {
        const e = ok<Eligibility>(await api.get(`/api/v1/staff/${member.id}/eligibility`).set(auth(again)));
        return e.eligible ? undefined : e;
      },
      30_000,
    );
    // The event is appended before its timer is marked fired (the claim's transaction commits after the handler).
    await poll('the expiry timer marked fired', async () =>
      (await timer())[0]?.fired_at ? true : undefined,
    );
    await sleep(1_000); // a few more polls of the timers: nothing fires twice
    const { rows } = await db.query<{ type: string }>(
      `SELECT type FROM staff.events WHERE stream_id LIKE $1 ORDER BY global_position`,
      [`staff-qualifications-%${member.id}`],
    );
    expect(rows.filter((r) => r.type === 'QualificationExpired')).toHaveLength(1);
    expect(rows.filter((r) => r.type === 'StaffEligibilityChanged')).toHaveLength(2);
  }, 150_000);
});
