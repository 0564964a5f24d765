import { PostgresEventStore } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import { Pool } from 'pg';
import request from 'supertest';
import { ADMIN_PASSWORD, poll, startPlatform, type RunningPlatform } from './platform';

// The staff service's conduct register, training and assessment end to end, through the gateway: the default
// rule pack, the ladder on repeats, an out-of-range fine refused with nothing written, another tenant's ids,
// an unknown field, an appeal, and a month assessed and previewed under other weights.

interface Money {
  amount: number;
  currency: string;
}
interface Violation {
  violationId: string;
  ruleId: string;
  rulesVersion: number;
  offence: number;
  fine: Money;
  appeal?: { outcome: string; reason: string };
}
interface Register {
  staffId: string;
  version: number;
  violations: Violation[];
  rewards: { amount: Money; reason: string }[];
}
interface Assessment {
  period: string;
  preview: boolean;
  resultVersion?: number;
  policyVersion?: number;
  results: { staffId: string; score: number; rank: number; grade: string; kpis: Record<string, number> }[];
}

type Res = request.Response;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

function expectProblem(res: Res, status: number, code: string): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status, body: { code } });
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
}

function tenantOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { tid: string }).tid;
}

jest.setTimeout(120_000);

describe.each(['log', 'kafka'] as const)(
  'staff conduct, training and assessment end to end (%s transport)',
  (transport) => {
    let platform: RunningPlatform;
    let api: ReturnType<typeof request>;
    let admin = '';
    let tenantId = '';
    let pool: Pool;
    let store: PostgresEventStore;
    const branchId = newId();
    const [ann, bo, stranger] = [newId(), newId(), newId()];
    const otherTenant = newId();
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 9));
    const period = lastMonth.toISOString().slice(0, 7);

    /** Part A's hiring as recorded on the staff service's stream (the contract: stream id = the staff id). */
    async function hire(staffId: string, tenant: string, dailyPay: number): Promise<void> {
      await store.append(
        staffId,
        [
          {
            type: 'StaffMemberHired',
            data: {
              staffId,
              role: 'technician',
              branchId,
              businessLine: 'after_sales_repair',
              payTerms: { dailyPay: { amount: dailyPay, currency: 'CNY' } },
            },
          },
        ],
        { expectedVersion: 'no_stream', metadata: { tenantId: tenant, actorId: 'e2e' } },
      );
      await poll(`${staffId} hired`, async () => {
        const { rowCount } = await pool.query(
          'SELECT 1 FROM staff.conduct_staff_facts WHERE tenant_id = $1 AND staff_id = $2',
          [tenant, staffId],
        );
        return rowCount === 1 ? true : undefined;
      });
    }

    async function eventCount(): Promise<number> {
      const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM staff.events');
      return Number(rows[0]?.n);
    }

    async function writesNothing(act: () => Promise<Res>): Promise<Res> {
      const before = await eventCount();
      const res = await act();
      expect(await eventCount()).toBe(before);
      return res;
    }

    const violate = (staffId: string, body: object) =>
      api.post(`/api/v1/staff-discipline/${staffId}/violations`).set(auth(admin)).send(body);

    beforeAll(async () => {
      platform = await startPlatform({ transport, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
      api = request(platform.url);
      const res = await api.post('/api/v1/auth/token').send({ username: 'admin', password: ADMIN_PASSWORD });
      admin = (res.body as { accessToken: string }).accessToken;
      tenantId = tenantOf(admin);
      pool = new Pool({ connectionString: platform.databaseUrl, max: 2 });
      store = new PostgresEventStore({ pool, schema: 'staff' });
      await hire(ann, tenantId, 24_000);
      await hire(bo, tenantId, 20_000);
      await hire(stranger, otherTenant, 20_000);
    }, 120_000);

    afterAll(async () => {
      await pool?.end();
      await platform?.stop();
    });

    it('starts the tenant on the default rule pack, each rule citing its source', async () => {
      const res = await api.get('/api/v1/policies/conduct-rules').set(auth(admin)).expect(200);
      const rules = res.body as {
        version: number;
        currency: string;
        rules: { id: string; source: string }[];
      };
      expect(rules.version).toBe(0);
      expect(rules.currency).toBe('CNY');
      expect(rules.rules).toHaveLength(23);
      for (const rule of rules.rules) expect(rule.source).toMatch(/^seeds\/001_ed3e06f1a40ab183\.txt /);
      expect(res.headers['etag']).toBe('"0"');
    });

    it('climbs the ladder: 5 CNY, half a day’s pay, a full day’s', async () => {
      const occurredAt = new Date(Date.now() - 60_000).toISOString();
      const fines: [number, Money][] = [];
      for (let i = 0; i < 3; i++) {
        const res = await violate(ann, {
          ruleId: 'dress-and-grooming',
          occurredAt,
          evidence: 'no uniform at the desk',
        });
        expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
        const register = res.body as Register;
        expect(res.headers['etag']).toBe(`"${register.version}"`);
        const last = register.violations.at(-1);
        fines.push([last?.offence ?? 0, last?.fine ?? { amount: 0, currency: '' }]);
      }
      expect(fines).toEqual([
        [1, { amount: 500, currency: 'CNY' }],
        [2, { amount: 12_000, currency: 'CNY' }],
        [3, { amount: 24_000, currency: 'CNY' }],
      ]);
    });

    it('takes the approver’s pick within a range, and refuses one outside it with nothing written', async () => {
      const body = {
        ruleId: 'arguing-with-customer',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        evidence: 'raised voice at a customer over the bill',
      };
      const out = await writesNothing(() =>
        violate(ann, { ...body, fine: { amount: 20_001, currency: 'CNY' } }),
      );
      expectProblem(out, 422, 'STAFF.FINE_OUT_OF_RANGE');
      const ok = await violate(ann, {
        ...body,
        fine: { amount: 5_000, currency: 'CNY' },
        loss: { amount: 16_800, currency: 'CNY' },
      });
      expect({ status: ok.status, body: ok.body as unknown }).toMatchObject({ status: 201 });
      expect((ok.body as Register).violations.at(-1)).toMatchObject({
        ruleId: 'arguing-with-customer',
        fine: { amount: 5_000, currency: 'CNY' },
        loss: { amount: 16_800, currency: 'CNY' },
        rulesVersion: 0,
      });
    });

    it.each<[string, object, number, string]>([
      [
        'an unknown field',
        { ruleId: 'hygiene', occurredAt: '2026-01-01T00:00:00Z', evidence: 'x', colour: 'red' },
        400,
        'VALIDATION',
      ],
      [
        'a fine in floats',
        {
          ruleId: 'hygiene',
          occurredAt: '2026-01-01T00:00:00Z',
          evidence: 'x',
          fine: { amount: 5.5, currency: 'CNY' },
        },
        400,
        'VALIDATION',
      ],
      ['no evidence', { ruleId: 'hygiene', occurredAt: '2026-01-01T00:00:00Z' }, 400, 'VALIDATION'],
      [
        'an unknown rule',
        { ruleId: 'singing-at-work', occurredAt: '2026-01-01T00:00:00Z', evidence: 'x' },
        422,
        'STAFF.UNKNOWN_CONDUCT_RULE',
      ],
      [
        'a fine the fixed rule does not set',
        {
          ruleId: 'leaving-post-without-cover',
          occurredAt: '2026-01-01T00:00:00Z',
          evidence: 'x',
          fine: { amount: 100, currency: 'CNY' },
        },
        422,
        'STAFF.FINE_NOT_AS_RULE',
      ],
    ])('refuses %s with nothing written', async (_why, body, status, code) => {
      expectProblem(await writesNothing(() => violate(ann, body)), status, code);
    });

    it('answers 404 for another tenant’s staff member, and writes nothing', async () => {
      const body = {
        ruleId: 'hygiene',
        occurredAt: '2026-01-01T00:00:00Z',
        evidence: 'x',
        fine: { amount: 500, currency: 'CNY' },
      };
      expectProblem(await writesNothing(() => violate(stranger, body)), 404, 'STAFF.STAFF_MEMBER_NOT_FOUND');
      // The other tenant's register exists; from here it does not.
      await store.append(
        `staff-discipline-${otherTenant}-${stranger}`,
        [
          {
            type: 'RewardGranted',
            data: {
              rewardId: newId(),
              staffId: stranger,
              amount: { amount: 100, currency: 'CNY' },
              reason: 'x',
              grantedAt: new Date().toISOString(),
              grantedBy: 'e2e',
            },
          },
        ],
        { expectedVersion: 'no_stream', metadata: { tenantId: otherTenant } },
      );
      expectProblem(
        await api.get(`/api/v1/staff-discipline/${stranger}`).set(auth(admin)),
        404,
        'STAFF.DISCIPLINE_RECORD_NOT_FOUND',
      );
      expectProblem(
        await writesNothing(() =>
          api
            .post(`/api/v1/staff-discipline/${stranger}/rewards`)
            .set(auth(admin))
            .send({ amount: { amount: 100, currency: 'CNY' }, reason: 'x' }),
        ),
        404,
        'STAFF.STAFF_MEMBER_NOT_FOUND',
      );
    });

    it('lists the tenant’s violations by person and rule, a page at a time', async () => {
      const list = (query: string) =>
        api.get(`/api/v1/staff-violations?${query}`).set(auth(admin)).expect(200);
      const all = await poll('the ladder in the list', async () => {
        const body = (await list(`staffId=${ann}&ruleId=dress-and-grooming`)).body as {
          items: Violation[];
        };
        return body.items.length === 3 ? body.items : undefined;
      });
      expect(all.map((v) => v.offence)).toEqual([3, 2, 1]);
      const first = (await list(`staffId=${ann}&ruleId=dress-and-grooming&limit=2`)).body as {
        items: Violation[];
        nextCursor?: string;
      };
      expect(first.items).toHaveLength(2);
      const second = (
        await list(
          `staffId=${ann}&ruleId=dress-and-grooming&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
        )
      ).body as { items: Violation[]; nextCursor?: string };
      expect(second.items.map((v) => v.offence)).toEqual([1]);
      expect(second.nextCursor).toBeUndefined();
      const none = (await list(`staffId=${stranger}`)).body as { items: Violation[] };
      expect(none.items).toEqual([]);
    });

    it('overturns a fine on appeal, with a reason, and refuses a stale If-Match', async () => {
      const register = (await api.get(`/api/v1/staff-discipline/${ann}`).set(auth(admin)).expect(200))
        .body as Register;
      const third = register.violations.find((v) => v.offence === 3);
      const url = `/api/v1/staff-discipline/${ann}/violations/${third?.violationId}/decide-appeal`;
      const body = { outcome: 'overturned', reason: 'was on approved leave that day' };
      const stale = await writesNothing(() =>
        api.post(url).set(auth(admin)).set('If-Match', '"1"').send(body),
      );
      expectProblem(stale, 409, 'EVENTSTORE.WRONG_EXPECTED_VERSION');
      const res = await api.post(url).set(auth(admin)).set('If-Match', `"${register.version}"`).send(body);
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 200 });
      expect((res.body as Register).violations.find((v) => v.offence === 3)?.appeal).toMatchObject(body);
    });

    it('assesses a month and previews it under other weights without adopting them', async () => {
      const res = await violate(bo, {
        ruleId: 'hiding-complaint',
        occurredAt: lastMonth.toISOString(),
        evidence: 'a complaint kept from the service director',
      });
      expect(res.status).toBe(201);
      const preview = (weights?: object) =>
        api
          .post('/api/v1/staff-assessments/preview')
          .set(auth(admin))
          .send({ period, ...(weights ? { weights } : {}) });
      const inForce = await poll('the violation in the month’s facts', async () => {
        const r = await preview();
        const body = r.body as Assessment;
        return body.results?.find((x) => x.staffId === bo)?.kpis['discipline'] === 90 ? body : undefined;
      });
      const ranking = (a: Assessment) =>
        a.results
          .filter((r) => [ann, bo].includes(r.staffId))
          .map((r) => [r.staffId === ann ? 'ann' : 'bo', r.score, r.rank, r.grade]);
      expect(inForce).toMatchObject({ preview: true, policyVersion: 0 });
      // Default weights: safety and discipline have data; ann's fines of this month fall outside March.
      expect(ranking(inForce)).toEqual([
        ['ann', 100, 1, 'A'],
        ['bo', 95, 2, 'A'],
      ]);
      const disciplineOnly = {
        serviceQuality: 0,
        customerSatisfaction: 0,
        safety: 0,
        discipline: 1,
        knowledge: 0,
        training: 0,
      };
      const proposed = await writesNothing(() => preview(disciplineOnly));
      expect(proposed.status).toBe(200);
      expect(ranking(proposed.body as Assessment)).toEqual([
        ['ann', 100, 1, 'A'],
        ['bo', 90, 2, 'A'],
      ]);
      const policy = await api.get('/api/v1/policies/assessment').set(auth(admin)).expect(200);
      expect(policy.body).toMatchObject({ version: 0 });

      const assessed = await api.post('/api/v1/staff-assessments').set(auth(admin)).send({ period });
      expect({ status: assessed.status, body: assessed.body as unknown }).toMatchObject({
        status: 201,
        body: { preview: false, resultVersion: 1, policyVersion: 0 },
      });
      const future = new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1)).toISOString().slice(0, 4);
      expectProblem(
        await writesNothing(() =>
          api.post('/api/v1/staff-assessments').set(auth(admin)).send({ period: future }),
        ),
        422,
        'STAFF.ASSESSMENT_PERIOD_NOT_OVER',
      );
    });
    it('reads a recorded assessment back: the latest, an earlier version, a page of them', async () => {
      const period = '2025-06';
      const read = (q = '') => api.get(`/api/v1/staff-assessments/${period}${q}`).set(auth(admin));
      expectProblem(await read(), 404, 'STAFF.ASSESSMENT_NOT_FOUND');
      const first = await api.post('/api/v1/staff-assessments').set(auth(admin)).send({ period }).expect(201);
      expect((await read().expect(200)).body).toEqual(first.body);
      const policy = (await api.get('/api/v1/policies/assessment').set(auth(admin)).expect(200)).body as {
        version: number;
        weights: Record<string, number>;
      };
      await api
        .put('/api/v1/policies/assessment')
        .set(auth(admin))
        .set('If-Match', `"${policy.version}"`)
        .send({ ...policy, version: undefined, weights: { ...policy.weights, discipline: 40 } })
        .expect(200);
      const second = await api
        .post('/api/v1/staff-assessments')
        .set(auth(admin))
        .send({ period })
        .expect(201);
      expect(second.body).toMatchObject({ resultVersion: 2, policyVersion: policy.version + 1 });
      expect((await read().expect(200)).body).toEqual(second.body);
      expect((await read('?version=1').expect(200)).body).toEqual(first.body);
      expectProblem(await read('?version=3'), 404, 'STAFF.ASSESSMENT_NOT_FOUND');
      expectProblem(await read('?version=0'), 400, 'VALIDATION');
      expectProblem(await api.get('/api/v1/staff-assessments/2025-13').set(auth(admin)), 400, 'VALIDATION');
      // The list is a projection of the recorded results: it shows the second once projected.
      const page = await poll('the second result in the list', async () => {
        const listed = await api
          .get(`/api/v1/staff-assessments?period=${period}&limit=1`)
          .set(auth(admin))
          .expect(200);
        const [top] = (listed.body as { items: { resultVersion: number }[] }).items;
        return top?.resultVersion === 2 ? listed : undefined;
      });
      expect(page.body).toMatchObject({ items: [second.body] });
      const next = await api
        .get(
          `/api/v1/staff-assessments?period=${period}&limit=1&cursor=${(page.body as { nextCursor: string }).nextCursor}`,
        )
        .set(auth(admin))
        .expect(200);
      expect(next.body).toEqual({ items: [first.body] });
    });

    it('adopts changed rules as the next version, which the next decision records', async () => {
      const current = (await api.get('/api/v1/policies/conduct-rules').set(auth(admin)).expect(200)).body as {
        currency: string;
        rules: { id: string; fine: Record<string, unknown> }[];
      };
      const rules = current.rules.map((r) =>
        r.id === 'hygiene' ? { ...r, fine: { kind: 'range', min: 1_000, max: 3_000, steps: [] } } : r,
      );
      const body = { currency: current.currency, rules };
      const put = () => api.put('/api/v1/policies/conduct-rules').set(auth(admin));
      expectProblem(
        await writesNothing(() => put().set('If-Match', '"1"').send(body)),
        409,
        'EVENTSTORE.WRONG_EXPECTED_VERSION',
      );
      expectProblem(
        await writesNothing(() =>
          put()
            .set('If-Match', '"0"')
            .send({
              ...body,
              rules: [{ ...rules[0], fine: { kind: 'range', min: 500, max: 100, steps: [] } }],
            }),
        ),
        422,
        'STAFF.CONDUCT_RULES_REFUSED',
      );
      const adopted = await put().set('If-Match', '"0"').send(body);
      expect({ status: adopted.status, body: adopted.body as unknown }).toMatchObject({
        status: 200,
        body: { version: 1 },
      });
      expect(adopted.headers['etag']).toBe('"1"');
      const res = await violate(bo, {
        ruleId: 'hygiene',
        occurredAt: new Date(Date.now() - 1000).toISOString(),
        evidence: 'oil on the uniform',
        fine: { amount: 2_500, currency: 'CNY' },
      });
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 201 });
      expect((res.body as Register).violations.at(-1)).toMatchObject({ ruleId: 'hygiene', rulesVersion: 1 });
    });
  },
);
