import { handlerOf } from '@serviceops/platform/testing';
import { newId } from '@serviceops/kernel';
import { EventSourcingRuntime, isSealed, PersonalDataCipher, type CallContext } from '@serviceops/platform';
import { withTransaction } from '@serviceops/eventstore';
import { AssessmentHandlers, type RecordedAssessment } from '../src/application/assessments';
import { AttendanceHandlers, type LeaveRecord, type ShiftView } from '../src/application/attendance.handlers';
import { DisciplineHandlers, type DisciplineRecord } from '../src/application/discipline.handlers';
import { disciplineStreamId } from '../src/domain/discipline/discipline.decider';
import { projectAssessmentFacts } from '../src/projections/assessment-facts.projection';
import { projectConductStaffFacts } from '../src/projections/conduct-staff-facts.projection';
import { TrainingSessionHandlers } from '../src/application/training-session.handlers';
import { staffFactsOf } from '../src/infrastructure/conduct-staff-facts.repository';
import { restartableStaffOnOwnDatabase } from './staff-on-own-database';

// The conduct register on real PostgreSQL: the daily-pay read model fed by recorded events of part A's shape,
// two violations of one rule for one person recorded at once, and the missed-training timer across a restart.

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const {
  app,
  tenantId,
  manager: call,
  start,
  stop,
} = restartableStaffOnOwnDatabase('staffconduct', {
  roles: ['service_director'],
});
const manager = call.actorId;

/** Part A's hiring, as the contract states it: stream id = the staff member's id. */
async function hire(
  staffId: string,
  dailyPay: number,
  line = 'after_sales_repair',
  where: { tenantId: string; branchId: string } = { tenantId, branchId: newId() },
): Promise<void> {
  const runtime = app().get(EventSourcingRuntime);
  await runtime.store.append(
    staffId,
    [
      {
        type: 'StaffMemberHired',
        data: {
          staffId,
          role: 'technician',
          branchId: where.branchId,
          businessLine: line,
          payTerms: { dailyPay: { amount: dailyPay, currency: 'CNY' } },
        },
      },
    ],
    { expectedVersion: 'no_stream', metadata: { tenantId: where.tenantId, actorId: manager } },
  );
  await until('the hire in the read model', async () => {
    const facts = await staffFactsOf(runtime.store, where.tenantId, staffId);
    return facts.known ? facts : undefined;
  });
}

describe('the daily pay the ladder needs', () => {
  it('follows StaffMemberHired, then PayTermsChanged; a stale redelivery changes nothing', async () => {
    const staffId = newId();
    await hire(staffId, 20_000);
    const runtime = app().get(EventSourcingRuntime);
    await runtime.store.append(
      staffId,
      [
        {
          type: 'PayTermsChanged',
          data: { staffId, payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } } },
        },
      ],
      { expectedVersion: 1, metadata: { tenantId, actorId: manager } },
    );
    const facts = await until('the new pay', async () => {
      const f = await staffFactsOf(runtime.store, tenantId, staffId);
      return f.dailyPay?.amount === 30_000 ? f : undefined;
    });
    expect(facts).toEqual({
      known: true,
      businessLine: 'after_sales_repair',
      dailyPay: { amount: 30_000, currency: 'CNY' },
    });
    // The hire delivered again, late (another consumer's replay): the newer pay stays.
    const { events } = await runtime.store.readStream(staffId);
    await withTransaction(runtime.store.pool, (tx) =>
      projectConductStaffFacts({ ...events[0]!, topic: 'staff.events.v1' }, tx),
    );
    expect(await staffFactsOf(runtime.store, tenantId, staffId)).toEqual(facts);
  });
});

describe('two violations of one rule for one person, recorded at the same moment', () => {
  it('rank first and second (never two first offences), with the ladder’s fines', async () => {
    const staffId = newId();
    await hire(staffId, 24_000);
    const handlers = app().get(DisciplineHandlers);
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    const request = { staffId, ruleId: 'dress-and-grooming', occurredAt, evidence: 'no uniform' };
    await Promise.all([
      handlerOf<DisciplineRecord>(handlers, 'staff.RecordViolation')(request, call),
      handlerOf<DisciplineRecord>(handlers, 'staff.RecordViolation')(request, call),
      handlerOf<DisciplineRecord>(handlers, 'staff.RecordViolation')(request, call),
    ]);
    const record = await handlers.get({ staffId }, call);
    const ladder = record.violations
      .map((v) => [v['offence'], v['fine']])
      .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(ladder).toEqual([
      [1, { amount: 500, currency: 'CNY' }],
      [2, { amount: 12_000, currency: 'CNY' }],
      [3, { amount: 24_000, currency: 'CNY' }],
    ]);
    expect(record.version).toBe(3);
  });

  it('refuses the second step when the person’s pay is unknown, and writes nothing', async () => {
    const staffId = newId();
    const runtime = app().get(EventSourcingRuntime);
    await runtime.store.append(
      staffId,
      [
        {
          type: 'StaffMemberHired',
          data: { staffId, role: 'coach', branchId: newId(), businessLine: 'driving_practice' },
        },
      ],
      { expectedVersion: 'no_stream', metadata: { tenantId, actorId: manager } },
    );
    await until('the hire', async () =>
      (await staffFactsOf(runtime.store, tenantId, staffId)).known ? true : undefined,
    );
    const handlers = app().get(DisciplineHandlers);
    const request = {
      staffId,
      ruleId: 'dress-and-grooming',
      occurredAt: new Date(Date.now() - 1000).toISOString(),
      evidence: 'no uniform',
    };
    await handlerOf<DisciplineRecord>(handlers, 'staff.RecordViolation')(request, call);
    await expect(
      handlerOf<DisciplineRecord>(handlers, 'staff.RecordViolation')(request, call),
    ).rejects.toMatchObject({
      code: 'STAFF.DAILY_PAY_UNKNOWN',
    });
    expect((await handlers.get({ staffId }, call)).version).toBe(1);
  });
});

describe('a mandatory training session missed', () => {
  it('becomes exactly one violation at the session’s end, across a restart', async () => {
    const [present, absent] = [newId(), newId()];
    await hire(present, 20_000);
    await hire(absent, 20_000);
    // A run that looks for due timers at boot only (then a minute on): the end cannot fire before the stop,
    // however slow the machine, so attendance is recorded while the session is open and the end fires after.
    await stop();
    await start(60_000);
    const endsAt = Date.now() + 3_000; // ahead enough for the invitation below (none once the session is over)
    const training = app().get(TrainingSessionHandlers);
    const session = await handlerOf(training, 'staff.ScheduleTrainingSession')(
      {
        kind: 'monthly_safety_study',
        topic: 'March safety study',
        startsAt: new Date(Date.now() - 3_600_000).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        mandatory: true,
        invitees: [present],
      },
      call,
    );
    const sessionId = String(session['id']);
    // Invited later: missing it counts all the same.
    await handlerOf(training, 'staff.InviteToTrainingSession')({ id: sessionId, invitees: [absent] }, call);
    await handlerOf(training, 'staff.RecordTrainingAttendance')(
      { id: sessionId, staffId: present, score: 90, passed: true },
      call,
    );
    // The service goes down before the session ends, and comes back after.
    await stop();
    const wait = endsAt - Date.now() + 100;
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await start();
    const discipline = app().get(DisciplineHandlers);
    const record = await until('the missed-training violation', async () => {
      try {
        return await discipline.get({ staffId: absent }, call);
      } catch {
        return undefined;
      }
    });
    // The timer run again (a crash after the append, a second poller): still one.
    await app()
      .get(TrainingSessionHandlers)
      .sessionEnded({
        id: `training-session-end:${sessionId}`,
        tenantId,
        kind: 'training-session-end',
        dueAt: new Date(),
        payload: { sessionId },
        attempts: 1,
      });
    await new Promise((r) => setTimeout(r, 500));
    const after = await discipline.get({ staffId: absent }, call);
    expect(after.violations).toHaveLength(1);
    expect(after.violations[0]).toMatchObject({
      ruleId: 'missed-meeting-or-training',
      fine: { amount: 500, currency: 'CNY' },
      trainingSessionId: sessionId,
      offence: 1,
    });
    expect(after.version).toBe(record.version);
    await expect(discipline.get({ staffId: present }, call)).rejects.toMatchObject({
      code: 'STAFF.DISCIPLINE_RECORD_NOT_FOUND',
    });
    const closed = await app().get(TrainingSessionHandlers).get({ id: sessionId }, call);
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed.invitees).toEqual(
      expect.arrayContaining([
        { staffId: present, status: 'attended', score: 90, passed: true },
        { staffId: absent, status: 'missed' },
      ]),
    );
  });
});

describe('assessing a month, and previewing other weights', () => {
  const other: CallContext = { ...call, tenantId: newId(), roles: ['admin'] };
  const branchId = newId();
  const [ann, bo] = [newId(), newId()];
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 12));
  const period = lastMonth.toISOString().slice(0, 7);

  /** A survey as the complaints service will publish it, delivered to the projection as recorded. */
  async function survey(staffId: string, level: number): Promise<void> {
    const runtime = app().get(EventSourcingRuntime);
    await withTransaction(runtime.store.pool, (tx) =>
      projectAssessmentFacts(
        {
          type: 'SurveyCompleted',
          data: {
            staffId,
            ratings: { attitude: level, skill: level, arrivalTime: level, keepingPromises: level },
            completedAt: lastMonth.toISOString(),
          },
          eventId: newId(),
          streamId: `survey-${other.tenantId}-${newId()}`,
          streamVersion: 1,
          globalPosition: 1n,
          transactionId: 1n,
          schemaVersion: 1,
          metadata: { tenantId: other.tenantId },
          recordedAt: new Date(),
          topic: 'complaints.events.v1',
        },
        tx,
      ),
    );
  }

  it('ranks by the policy in force, previews proposed weights without adopting them, and re-scores', async () => {
    await hire(ann, 20_000, 'after_sales_repair', { tenantId: other.tenantId, branchId });
    await hire(bo, 20_000, 'after_sales_repair', { tenantId: other.tenantId, branchId });
    await survey(ann, 4);
    await survey(bo, 2);
    await handlerOf<DisciplineRecord>(app().get(DisciplineHandlers), 'staff.RecordViolation')(
      {
        staffId: bo,
        ruleId: 'hiding-complaint',
        occurredAt: lastMonth.toISOString(),
        evidence: 'complaint hidden',
      },
      other,
    );
    const assessments = app().get(AssessmentHandlers);
    const ranking = (a: { results: { staffId: string; score: number; rank: number; grade: string }[] }) =>
      a.results.map((r) => [r.staffId === ann ? 'ann' : 'bo', r.score, r.rank, r.grade]);

    // The violation reaches the facts through the projection.
    const inForce = await until('the violation in the facts', async () => {
      const p = await assessments.preview({ period }, other);
      return p.results.find((r) => r.staffId === bo)?.kpis['discipline'] === 90 ? p : undefined;
    });
    expect(ranking(inForce)).toEqual([
      ['ann', 100, 1, 'A'],
      ['bo', 74.55, 2, 'C'],
    ]);
    expect(inForce).toMatchObject({ preview: true, policyVersion: 0 });

    const weights = {
      serviceQuality: 0,
      customerSatisfaction: 0,
      safety: 0,
      discipline: 1,
      knowledge: 0,
      training: 0,
    };
    const proposed = await assessments.preview({ period, weights }, other);
    expect(ranking(proposed)).toEqual([
      ['ann', 100, 1, 'A'],
      ['bo', 90, 2, 'A'],
    ]);
    expect(proposed).not.toHaveProperty('policyVersion');
    expect(await assessments.getPolicy({}, other)).toMatchObject({ version: 0 });

    const first = await handlerOf<RecordedAssessment>(assessments, 'staff.AssessPeriod')({ period }, other);
    expect(first).toMatchObject({ preview: false, resultVersion: 1, policyVersion: 0 });
    await handlerOf(assessments, 'staff.ChangeAssessmentPolicy')(
      { weights, grades: { a: 90, b: 75, c: 60 }, expectedVersion: 0 },
      other,
    );
    const rescored = await handlerOf<RecordedAssessment>(assessments, 'staff.AssessPeriod')(
      { period },
      other,
    );
    expect(rescored).toMatchObject({ resultVersion: 2, policyVersion: 1 });
    expect(ranking(rescored)).toEqual(ranking(proposed));
    const { events } = await app()
      .get(EventSourcingRuntime)
      .store.readStream(`staff-assessment-${other.tenantId}-${period}`);
    expect(events.map((e) => e.type)).toEqual([
      'PeriodAssessed',
      'AssessmentOutcomesDecided',
      'PeriodAssessed',
      'AssessmentOutcomesDecided',
    ]);
    expect(events[1]?.data).toMatchObject({
      staffId: ann,
      outcomes: ['bonus', 'certificate', 'promotion_priority'],
    });
  });
});

describe('attendance against the shift, feeding the discipline KPI', () => {
  const tenant: CallContext = { ...call, tenantId: newId() };
  const branchId = newId();

  it('marks a late clock-in late, a shift never clocked into absent, and one on approved leave on leave', async () => {
    const [late, absent, away] = [newId(), newId(), newId()];
    for (const id of [late, absent, away])
      await hire(id, 20_000, 'driving_practice', { tenantId: tenant.tenantId, branchId });
    const attendance = app().get(AttendanceHandlers);
    const startsAt = new Date(Date.now() - 30 * 60_000).toISOString();
    // Ten minutes: no shift's end fires before the clock-in and the leave below, however slow the machine; the
    // ends are made due once those are recorded (closing a shift asks nothing of the clock).
    const endsAt = new Date(Date.now() + 10 * 60_000).toISOString();
    const [s1, s2, s3] = await Promise.all(
      [late, absent, away].map((staffId) =>
        handlerOf<ShiftView>(attendance, 'staff.ScheduleShift')({ staffId, startsAt, endsAt }, tenant),
      ),
    );
    // The tenant counts lateness from 20 minutes on: 30 minutes late is late all the same.
    expect(
      await handlerOf(attendance, 'staff.ChangeAttendancePolicy')(
        { latenessThresholdMinutes: 20, expectedVersion: 0 },
        tenant,
      ),
    ).toEqual({
      version: 1,
      latenessThresholdMinutes: 20,
    });
    const clockedIn = await handlerOf(attendance, 'staff.ClockIn')({ id: String(s1?.['id']) }, tenant);
    expect(clockedIn).toMatchObject({ status: 'in', late: true, minutesLate: 30 });
    const { events: inEvents } = await app()
      .get(EventSourcingRuntime)
      .store.readStream(`staff-shift-${tenant.tenantId}-${String(s1?.['id'])}`);
    expect(inEvents.at(-1)?.metadata.policyVersion).toBe(1);
    const leave = await handlerOf<LeaveRecord>(attendance, 'staff.RequestLeave')(
      {
        staffId: away,
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date(Date.now() + 3_600_000).toISOString(),
        reason: 'family',
      },
      tenant,
    );
    await handlerOf(attendance, 'staff.DecideLeave')(
      { staffId: away, leaveId: String(leave.requests[0]?.['leaveId']), approved: true, reason: 'covered' },
      tenant,
    );
    const ended = await app()
      .get(EventSourcingRuntime)
      .store.pool.query(
        `UPDATE staff.timers SET due_at = now() WHERE timer_id = ANY($1) AND fired_at IS NULL`,
        [[s1, s2, s3].map((s) => `staff-shift-end:${String(s?.['id'])}`)],
      );
    expect(ended.rowCount).toBe(3);
    const outcomes = await until('the shifts closed', async () => {
      const shifts = await Promise.all(
        [s1, s2, s3].map((s) => attendance.getShift({ id: String(s?.['id']) }, tenant)),
      );
      return shifts.every((s) => s['status'] === 'closed') ? shifts.map((s) => s['outcome']) : undefined;
    });
    expect(outcomes).toEqual(['late', 'absent', 'on_leave']);
    const month = new Date().toISOString().slice(0, 7);
    const preview = await until('the facts of the month', async () => {
      const p = await app().get(AssessmentHandlers).preview({ period: month }, tenant);
      const discipline = Object.fromEntries(p.results.map((r) => [r.staffId, r.kpis['discipline']]));
      return discipline[absent] === 80 && discipline[late] === 95 ? discipline : undefined;
    });
    expect(preview[away]).toBe(100);
  });
});

describe('the conduct register’s free text, sealed (issue 13 item 9)', () => {
  it('stores evidence and reasons sealed with the person’s key, shows them, and not after erasure', async () => {
    const staffId = newId();
    await hire(staffId, 24_000);
    const handlers = app().get(DisciplineHandlers);
    const evidence = 'Wang Fang, table 7, 138-0013-8000: shouted at her over the bill';
    const recorded = await handlerOf<DisciplineRecord>(handlers, 'staff.RecordViolation')(
      {
        staffId,
        ruleId: 'dress-and-grooming',
        occurredAt: new Date(Date.now() - 60_000).toISOString(),
        evidence,
      },
      call,
    );
    const violationId = String(recorded.violations[0]?.['violationId']);
    const reason = 'her husband Li Lei confirmed she was on sick leave';
    await handlerOf(handlers, 'staff.DecideAppeal')(
      { staffId, violationId, outcome: 'overturned', reason },
      call,
    );
    await handlerOf<DisciplineRecord>(handlers, 'staff.GrantReward')(
      { staffId, amount: { amount: 5_000, currency: 'CNY' }, reason: 'found Mrs Zhao’s wallet' },
      call,
    );

    // At rest (and as published): sealed, the money in clear.
    const runtime = app().get(EventSourcingRuntime);
    const { events } = await runtime.store.readStream(disciplineStreamId(tenantId, staffId));
    const stored = events.map((e) => e.data as Record<string, unknown>);
    expect(stored.map((d) => isSealed(d['evidence'] ?? d['reason']))).toEqual([true, true, true]);
    expect(JSON.stringify(stored)).not.toMatch(/Wang|Li Lei|Zhao/);
    expect(stored[2]?.['amount']).toEqual({ amount: 5_000, currency: 'CNY' });

    // Read back through the register: in clear.
    const record = await handlers.get({ staffId }, call);
    expect(record.violations[0]).toMatchObject({ evidence, appeal: { outcome: 'overturned', reason } });
    expect(record.rewards[0]).toMatchObject({ reason: 'found Mrs Zhao’s wallet' });

    // The person's key destroyed (erasure): unreadable, the fines and money intact.
    const cipher = app().get(PersonalDataCipher);
    await withTransaction(runtime.store.pool, (tx) => cipher.destroy(tx, [staffId]));
    const erased = await handlers.get({ staffId }, call);
    expect(erased.violations[0]).toMatchObject({
      evidence: '',
      appeal: { outcome: 'overturned', reason: '' },
      fine: { amount: 500, currency: 'CNY' },
    });
    expect(erased.rewards[0]).toMatchObject({ reason: '', amount: { amount: 5_000, currency: 'CNY' } });
  });
});
