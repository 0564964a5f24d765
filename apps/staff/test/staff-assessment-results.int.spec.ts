import { withTransaction } from '@serviceops/eventstore';
import { DomainError, newId } from '@serviceops/kernel';
import { EventSourcingRuntime, ProblemError, type CallContext } from '@serviceops/platform';
import { handlerOf } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { AssessmentHandlers, type RecordedAssessment } from '../src/application/assessments';
import { assessmentStreamId } from '../src/domain/assessment/assessment.decider';
import { projectAssessmentList } from '../src/projections/assessment-list.projection';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Issue 13 item 5: a recorded assessment read back (GetAssessment: the latest or a version, folded from the
// period's stream; ListAssessments from the assessment list, a projection of PeriodAssessed).

const { app } = staffOnOwnDatabase('staffresults');
const assessments = () => app().get(AssessmentHandlers);
const assessPeriod = (request: object, call: CallContext) =>
  handlerOf<RecordedAssessment>(assessments(), 'staff.AssessPeriod')(request, call);
const call = (tenantId = newId()): CallContext => ({
  tenantId,
  actorId: newId(),
  roles: ['admin'],
  correlationId: newId(),
});

const runtime = () => app().get(EventSourcingRuntime);

/** Every result of the tenant, page by page (`limit` a page). */
async function allPages(tenant: CallContext, limit: number, period?: string): Promise<unknown[]> {
  const seen: unknown[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10; pages++) {
    const page = await assessments().listAssessments(
      { limit, ...(cursor ? { cursor } : {}), ...(period ? { period } : {}) },
      tenant,
    );
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

/** The list once it holds `count` results (the projection follows the events). */
const listedSoon = (tenant: CallContext, count: number) =>
  eventually(`${count} results listed`, async () => {
    const seen = await allPages(tenant, 100);
    return seen.length === count ? seen : undefined;
  });

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: unknown) => (e instanceof ProblemError || e instanceof DomainError ? e.code : String(e)),
  );

it('reads the latest result, an earlier version, and refuses one that is not there', async () => {
  const tenant = call();
  const first = await assessPeriod({ period: '2025-01' }, tenant);
  const policy = await assessments().getPolicy({}, tenant);
  await handlerOf(assessments(), 'staff.ChangeAssessmentPolicy')(
    { ...policy, weights: { ...policy.weights, safety: 50 }, expectedVersion: policy.version },
    tenant,
  );
  const second = await assessPeriod({ period: '2025-01' }, tenant);
  expect([first.resultVersion, second.resultVersion]).toEqual([1, 2]);

  expect(await assessments().getAssessment({ period: '2025-01' }, tenant)).toEqual(second);
  expect(await assessments().getAssessment({ period: '2025-01', version: 1 }, tenant)).toEqual(first);
  expect(second.policyVersion).toBe(first.policyVersion + 1);
  expect(await codeOf(assessments().getAssessment({ period: '2025-01', version: 3 }, tenant))).toBe(
    'STAFF.ASSESSMENT_NOT_FOUND',
  );
  expect(await codeOf(assessments().getAssessment({ period: '2025-02' }, tenant))).toBe(
    'STAFF.ASSESSMENT_NOT_FOUND',
  );
  expect(await codeOf(assessments().getAssessment({ period: '2025-13' }, tenant))).toBe(
    'STAFF.INVALID_ASSESSMENT_PERIOD',
  );
  // Another tenant's results are not there for it.
  expect(await codeOf(assessments().getAssessment({ period: '2025-01' }, call()))).toBe(
    'STAFF.ASSESSMENT_NOT_FOUND',
  );
});

it('lists every recorded result newest first, a page at a time, and one period’s on asking', async () => {
  const tenant = call();
  const recorded = [];
  for (const period of ['2025-01', '2025-02', '2025-01', '2024'])
    recorded.push(await assessPeriod({ period }, tenant));
  await listedSoon(tenant, recorded.length);
  expect(await allPages(tenant, 3)).toEqual([...recorded].reverse());
  expect(await allPages(tenant, 1)).toEqual([...recorded].reverse());
  const january = await assessments().listAssessments({ period: '2025-01' }, tenant);
  expect(january.items.map((a) => a.resultVersion)).toEqual([2, 1]);
  expect((await assessments().listAssessments({}, call())).items).toEqual([]);
});

it('lists each result once when its event is delivered again or replayed', async () => {
  const tenant = call();
  const first = await assessPeriod({ period: '2025-03' }, tenant);
  const second = await assessPeriod({ period: '2025-03' }, tenant);
  await listedSoon(tenant, 2);

  // Both PeriodAssessed handed to the projection again, twice (a redelivery past the inbox, a replay from zero).
  const { events } = await runtime().store.readStream(assessmentStreamId(tenant.tenantId, '2025-03'));
  const assessed = events.filter((e) => e.type === 'PeriodAssessed');
  expect(assessed).toHaveLength(2);
  for (let i = 0; i < 2; i++)
    for (const event of assessed)
      await withTransaction(runtime().store.pool, (tx) =>
        projectAssessmentList({ ...event, topic: 'staff.events.v1' }, tx),
      );

  expect(await allPages(tenant, 1)).toEqual([second, first]);
  const { rows } = await runtime().store.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM staff.assessment_list WHERE tenant_id = $1`,
    [tenant.tenantId],
  );
  expect(Number(rows[0]?.n)).toBe(2);
});

it('rebuilds the same list from the events when the table is emptied and replayed', async () => {
  const tenant = call();
  await assessPeriod({ period: '2025-04' }, tenant);
  await assessPeriod({ period: '2025-05' }, tenant);
  const before = await listedSoon(tenant, 2);
  const { pool } = runtime().store;
  await pool.query(`DELETE FROM staff.assessment_list WHERE tenant_id = $1`, [tenant.tenantId]);
  expect(await allPages(tenant, 10)).toEqual([]);
  for (const period of ['2025-04', '2025-05']) {
    const { events } = await runtime().store.readStream(assessmentStreamId(tenant.tenantId, period));
    for (const event of events)
      await withTransaction(pool, (tx) => projectAssessmentList({ ...event, topic: 'staff.events.v1' }, tx));
  }
  expect(await allPages(tenant, 1)).toEqual(before);
});
