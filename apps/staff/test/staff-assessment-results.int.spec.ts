import { DomainError, newId } from '@serviceops/kernel';
import { ProblemError, type CallContext } from '@serviceops/platform';
import { bootOnOwnDatabase, type BootedService } from '@serviceops/platform/testing';
import { AssessmentHandlers } from '../src/application/assessments';
import { staffService } from '../src/staff.service-definition';

// Issue 13 item 5: a recorded assessment read back (GetAssessment: the latest or a version; ListAssessments).

let booted: BootedService | undefined;
const assessments = () => booted!.running.app.get(AssessmentHandlers);
const call = (tenantId = newId()): CallContext => ({
  tenantId,
  actorId: newId(),
  roles: ['admin'],
  correlationId: newId(),
});

beforeAll(async () => {
  booted = await bootOnOwnDatabase('staffresults', staffService);
});

afterAll(async () => {
  await booted?.stop();
});

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: unknown) => (e instanceof ProblemError || e instanceof DomainError ? e.code : String(e)),
  );

it('reads the latest result, an earlier version, and refuses one that is not there', async () => {
  const tenant = call();
  const first = await assessments().assessPeriod({ period: '2025-01' }, tenant);
  const policy = await assessments().getPolicy({}, tenant);
  await assessments().changePolicy(
    { ...policy, weights: { ...policy.weights, safety: 50 }, expectedVersion: policy.version },
    tenant,
  );
  const second = await assessments().assessPeriod({ period: '2025-01' }, tenant);
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
    recorded.push(await assessments().assessPeriod({ period }, tenant));
  const seen: unknown[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 5; pages++) {
    const page = await assessments().listAssessments({ limit: 3, ...(cursor ? { cursor } : {}) }, tenant);
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  expect(seen).toEqual([...recorded].reverse());
  const january = await assessments().listAssessments({ period: '2025-01' }, tenant);
  expect(january.items.map((a) => a.resultVersion)).toEqual([2, 1]);
  expect((await assessments().listAssessments({}, call())).items).toEqual([]);
});
