import { withTransaction } from '@serviceops/eventstore';
import { EventSourcingRuntime, isSealed, PersonalDataCipher } from '@serviceops/platform';
import { handlerOf } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { QualificationHandlers, type QualificationsView } from '../src/application/qualification.handlers';
import { RecruitmentHandlers, type CandidateView } from '../src/application/recruitment.handlers';
import { SeparationHandlers, type SeparationView } from '../src/application/separation.handlers';
import { TrainingSessionHandlers } from '../src/application/training-session.handlers';
import { qualificationsStreamId } from '../src/domain/qualification/qualification.decider';
import { candidateStreamId } from '../src/domain/recruitment/candidate.decider';
import { separationStreamId } from '../src/domain/separation/separation.decider';
import { trainingSessionStreamId } from '../src/domain/training-session/training-session.decider';
import { staffFactsOf } from '../src/infrastructure/conduct-staff-facts.repository';
import { atRest as eventsAtRest, storedEvents } from './at-rest';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Staff's free text that may carry personal data (issue 13 item 9; PERSONAL_TEXT in libs/contracts): a
// recruitment step's reason, a qualification's suspension reason, a resignation's reason and a handover note
// (the person's key), a training session's topic (the session's key). At rest: sealed, no clear text in the
// event store row. Read back: in clear. The key destroyed (erasure): unreadable, the rest of the record intact.

const kit = staffOnOwnDatabase('stafffreetext');
const { app, tenantId, manager: call } = kit;
const runtime = () => app().get(EventSourcingRuntime);
const recruitment = () => app().get(RecruitmentHandlers);

const rows = (stream: string) => storedEvents(runtime(), stream);
const atRest = (stream: string) => eventsAtRest(runtime(), stream);
const destroyKey = (id: string) =>
  withTransaction(runtime().store.pool, (tx) => app().get(PersonalDataCipher).destroy(tx, [id]));

/** Stated by the candidate, to be sealed: the education; the posting's criteria (copied in) stay in clear. */
const APPLICANT = {
  name: 'Zhang Wei',
  criteria: { minDrivingYears: 3, minEducation: 'secondary', cleanRecord: true },
  application: { education: 'college', cleanRecord: true },
};

const candidate = async () => (await kit.screened(APPLICANT)).candidateId;

async function hired(): Promise<string> {
  const { staffId } = await kit.hired(APPLICANT);
  await eventually('the hire in the read model', async () =>
    (await staffFactsOf(runtime().store, tenantId, staffId)).known ? true : undefined,
  );
  return staffId;
}

it('seals an interview’s remarks and the education with the candidate’s key; erasing the candidate makes them unreadable', async () => {
  const id = await candidate();
  const stream = candidateStreamId(tenantId, id);
  // The education stated is theirs: sealed with their name (the posting's criteria, copied in, stay in clear).
  const applied = (await rows(stream)).find((e) => e.type === 'CandidateApplied');
  expect(isSealed((applied?.data as { education: string }).education)).toBe(true);
  expect(await atRest(stream)).not.toMatch(/college/);
  expect(await recruitment().getCandidate({ id }, call)).toMatchObject({ education: 'college' });
  expect(await recruitment().getCandidate({ id }, { ...call, roles: ['auditor'] })).not.toHaveProperty(
    'education',
  );
  const reason = 'Remarks: Chen Jie smelled of alcohol at 9 am';
  const rejected = await handlerOf<CandidateView>(recruitment(), 'staff.RecordRecruitmentStep')(
    { id, step: 'interview', passed: false, reason, interviewMode: 'on_site', ratings: [] },
    call,
  );
  expect(rejected.steps.at(-1)).toMatchObject({ step: 'interview', passed: false, reason });
  expect(await atRest(stream)).not.toMatch(/Chen Jie|alcohol/);
  const step = (await rows(stream)).filter((e) => e.type === 'RecruitmentStepRecorded').at(-1);
  expect(isSealed((step?.data as { reason: string }).reason)).toBe(true);

  await handlerOf<CandidateView>(recruitment(), 'staff.EraseCandidate')({ id }, call);
  const erased = await recruitment().getCandidate({ id }, call);
  expect(erased).not.toHaveProperty('education');
  expect(JSON.stringify(erased)).not.toContain('enc:v1:');
  expect(erased.steps.at(-1)).toEqual({
    step: 'interview',
    passed: false,
    interviewMode: 'on_site',
    recordedAt: expect.any(String) as string,
  });
});

it('seals a suspension’s reason, a resignation’s reason and a handover note with the person’s key', async () => {
  const staffId = await hired();
  const qualifications = app().get(QualificationHandlers);
  const recorded = await handlerOf<QualificationsView>(qualifications, 'staff.RecordQualification')(
    {
      id: staffId,
      kind: 'driving_licence',
      number: 'DL-110105',
      issuedOn: '2020-01-01',
      expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    },
    call,
  );
  const qualificationId = String((recorded.qualifications[0] as { id?: string } | undefined)?.id);
  // Suspending is served by the generic `act` (its use case's `handles`), called as gRPC calls it.
  await handlerOf(qualifications, 'staff.SuspendQualification')(
    { id: staffId, qualificationId, reason: 'Zhang Wei’s licence held by police after a DUI stop' },
    call,
  );
  const separation = app().get(SeparationHandlers);
  const reason = 'moving to Chengdu to care for his sick father';
  await handlerOf<SeparationView>(separation, 'staff.ResignStaffMember')({ id: staffId, reason }, call);
  await handlerOf(separation, 'staff.TickHandoverItem')(
    { id: staffId, item: 'materials', note: 'returned by his wife Wang Li' },
    call,
  );

  for (const stream of [qualificationsStreamId(tenantId, staffId), separationStreamId(tenantId, staffId)])
    expect(await atRest(stream)).not.toMatch(/DUI|police|Chengdu|father|Wang Li/);
  // The ticks orders' events made at the resignation (nothing held: system:orders) carry no note.
  const sealed = (await rows(separationStreamId(tenantId, staffId)))
    .map((e) => (e.data as { reason?: string; note?: string }).reason ?? (e.data as { note?: string }).note)
    .filter((v) => v !== undefined);
  expect(sealed.map((v) => isSealed(v))).toEqual([true, true]);
  expect(await separation.get({ id: staffId }, call)).toMatchObject({ status: 'separating', reason });

  await destroyKey(staffId);
  const after = await separation.get({ id: staffId }, call);
  expect(after).toMatchObject({ kind: 'resignation', handover: expect.any(Array) as unknown[] });
  expect(after.reason).toBeUndefined();
});

it('seals a training session’s topic with the session’s key', async () => {
  const [staffId, coach] = [await hired(), await hired()];
  const training = app().get(TrainingSessionHandlers);
  const topic = 'one-to-one: Zhang Wei shouted at Mrs Zhao over the fee';
  const session = await handlerOf(training, 'staff.ScheduleTrainingSession')(
    {
      kind: 'quality_coaching',
      topic,
      startsAt: new Date(Date.now() - 600_000).toISOString(),
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      mandatory: true,
      invitees: [staffId],
      trainerId: coach,
    },
    call,
  );
  expect(session).toMatchObject({ topic });
  const id = String(session['id']);
  expect(await atRest(trainingSessionStreamId(tenantId, id))).not.toMatch(/Zhang|Zhao|shouted/);
  await handlerOf(training, 'staff.RecordTrainingAttendance')({ id, staffId, passed: true }, call);
  await destroyKey(id);
  expect(await training.get({ id }, call)).toMatchObject({
    topic: '',
    invitees: [{ staffId, status: 'attended', passed: true }],
  });
});
