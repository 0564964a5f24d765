import { DomainError, newId } from '@serviceops/kernel';
import { ProblemError } from '@serviceops/platform';
import { handlerOf } from '@serviceops/platform/testing';
import { QualificationHandlers, type QualificationsView } from '../src/application/qualification.handlers';
import { RecruitmentHandlers, type CandidateView } from '../src/application/recruitment.handlers';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Issue 13 item 10: `/history` and `?asOf=` on candidates and qualifications (the staff member's are in
// staff-people.e2e). On real PostgreSQL: a read `asOf` an instant between two changes answers the record as it
// was then, one before the first change answers not found (candidate) or nothing on record (qualifications),
// and the history lists every change in order with who made it.

const kit = staffOnOwnDatabase('staffhistory');
const { app, manager: call } = kit;
const recruitment = () => app().get(RecruitmentHandlers);
const qualifications = () => app().get(QualificationHandlers);

/** An instant strictly between what was recorded before and what is recorded after it. */
async function instantBetween(): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 25));
  const at = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 25));
  return at;
}

/** The steps a candidate's answer lists, by name. */
const stepsOf = (view: CandidateView) => view.steps.map((s) => (s as { step: string }).step);

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: unknown) => (e instanceof ProblemError || e instanceof DomainError ? e.code : String(e)),
  );

describe('a candidate, as they were and what happened to them', () => {
  it('answers the candidate at ?asOf= with the steps recorded by then, and now with every step', async () => {
    const beforeApplying = await instantBetween();
    const { candidateId: id } = await kit.screened();
    const afterScreening = await instantBetween();
    await handlerOf<CandidateView>(recruitment(), 'staff.RecordRecruitmentStep')(
      { id, step: 'interview', passed: true, interviewMode: 'online', ratings: [] },
      call,
    );

    const then = await recruitment().getCandidate({ id, asOf: afterScreening }, call);
    expect(then).toMatchObject({ status: 'in_progress', nextStep: 'interview', version: 2 });
    expect(stepsOf(then)).toEqual(['screening']);
    const now = await recruitment().getCandidate({ id }, call);
    expect(now).toMatchObject({ status: 'in_progress', nextStep: 'practical_test', version: 3 });
    expect(stepsOf(now)).toEqual(['screening', 'interview']);
    expect(await codeOf(recruitment().getCandidate({ id, asOf: beforeApplying }, call))).toBe(
      'STAFF.CANDIDATE_NOT_FOUND',
    );
    expect(await codeOf(recruitment().getCandidate({ id, asOf: 'last week' }, call))).toBe('VALIDATION');
  });

  it('lists every change of a candidate in order with who made it; another tenant’s or an unknown id is not found', async () => {
    const { candidateId: id } = await kit.screened();
    await handlerOf(recruitment(), 'staff.RecordRecruitmentStep')(
      { id, step: 'interview', passed: false, reason: 'late', interviewMode: 'on_site', ratings: [] },
      call,
    );
    const history = await recruitment().candidateHistory({ id }, call);
    expect(history.entries.map((e) => [e.version, e.type, e.actorId])).toEqual([
      [1, 'CandidateApplied', call.actorId],
      [2, 'RecruitmentStepRecorded', call.actorId],
      [3, 'RecruitmentStepRecorded', call.actorId],
    ]);
    const other = { ...call, tenantId: newId() };
    expect(await codeOf(recruitment().candidateHistory({ id }, other))).toBe('STAFF.CANDIDATE_NOT_FOUND');
    expect(await codeOf(recruitment().candidateHistory({ id: newId() }, call))).toBe(
      'STAFF.CANDIDATE_NOT_FOUND',
    );
  });
});

describe('a staff member’s qualifications, as they were', () => {
  it('answers ?asOf= with the qualifications and eligibility then: none, valid, then suspended', async () => {
    const { staffId: id } = await kit.hired();
    const beforeAny = await instantBetween();
    const recorded = await handlerOf<QualificationsView>(qualifications(), 'staff.RecordQualification')(
      {
        id,
        kind: 'driving_licence',
        number: 'DL-2021-0042',
        issuedOn: '2021-01-01',
        expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      },
      call,
    );
    const qualificationId = String((recorded.qualifications[0] as { id?: string } | undefined)?.id);
    const whileValid = await instantBetween();
    await handlerOf(qualifications(), 'staff.SuspendQualification')(
      { id, qualificationId, reason: 'licence under review' },
      call,
    );

    const statuses = (view: { qualifications: readonly object[] }) =>
      view.qualifications.map((q) => (q as { status: string }).status);
    const none = await qualifications().get({ id, asOf: beforeAny }, call);
    expect({ eligible: none.eligible, statuses: statuses(none) }).toEqual({ eligible: false, statuses: [] });
    const valid = await qualifications().get({ id, asOf: whileValid }, call);
    expect({ eligible: valid.eligible, statuses: statuses(valid) }).toEqual({
      eligible: true,
      statuses: ['valid'],
    });
    const now = await qualifications().get({ id }, call);
    expect({ eligible: now.eligible, statuses: statuses(now) }).toEqual({
      eligible: false,
      statuses: ['suspended'],
    });
    expect(now.reasons).toEqual([expect.objectContaining({ reason: 'suspended', qualificationId })]);
    expect(await codeOf(qualifications().get({ id, asOf: 'yesterday' }, call))).toBe('VALIDATION');
    expect(await codeOf(qualifications().get({ id, asOf: whileValid }, { ...call, tenantId: newId() }))).toBe(
      'STAFF.STAFF_MEMBER_NOT_FOUND',
    );
  });
});
