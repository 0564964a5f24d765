import { DomainError, newId } from '@serviceops/kernel';
import { EventSourcingRuntime, ProblemError, type CallContext } from '@serviceops/platform';
import { handlerOf } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { MemberHandlers, type StaffMemberView } from '../src/application/member.handlers';
import { PeopleLists } from '../src/application/people-lists';
import { assessmentStreamId, type PeriodAssessed } from '../src/domain/assessment/assessment.decider';
import { DEFAULT_ASSESSMENT_POLICY } from '../src/domain/assessment/assessment.policy';
import { memberStreamId } from '../src/domain/member/member.decider';
import { storedEvents } from './at-rest';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Issue 13 item 5 ("failing → role change") and the staff file: ChangeStaffRole on real PostgreSQL. The change is
// StaffRoleChanged in the member's stream (published on staff.events.v1); the list and the facts an assessment
// ranks by follow it; citing an assessment needs its latest result to have decided role_change for the person.

const { app, tenantId, manager, hired } = staffOnOwnDatabase('staffroles');
const runtime = () => app().get(EventSourcingRuntime);
const members = () => app().get(MemberHandlers);
const changeRole = (request: object, call: CallContext) =>
  handlerOf<StaffMemberView>(members(), 'staff.ChangeStaffRole')(request, call);

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'answered',
    (e: unknown) => (e instanceof ProblemError || e instanceof DomainError ? e.code : String(e)),
  );

const memberEvents = (staffId: string) => storedEvents(runtime(), memberStreamId(tenantId, staffId));

/** A recorded result of `period` (as AssessPeriod writes it) with the given outcomes for the person. */
async function assessedWith(
  period: string,
  staffId: string,
  outcomes: PeriodAssessed['data']['results'][0]['outcomes'],
) {
  const stream = assessmentStreamId(tenantId, period);
  const { version } = await runtime().store.readStream(stream);
  const resultVersion = version + 1;
  const data: PeriodAssessed['data'] = {
    period,
    cycle: 'monthly',
    resultVersion,
    policyVersion: 0,
    policy: DEFAULT_ASSESSMENT_POLICY,
    assessedAt: new Date().toISOString(),
    results: [
      {
        staffId,
        role: 'coach',
        branchId: null,
        kpis: {} as PeriodAssessed['data']['results'][0]['kpis'],
        score: 20,
        rank: 1,
        groupSize: 1,
        grade: 'D',
        outcomes,
      },
    ],
  };
  await runtime().store.append(stream, [{ type: 'PeriodAssessed', data }], {
    expectedVersion: version === 0 ? 'no_stream' : version,
    metadata: { tenantId, actorId: manager.actorId },
  });
  return resultVersion;
}

it('records StaffRoleChanged; the file, the list and the assessment facts take the new role', async () => {
  const { staffId, branchId } = await hired();
  const changed = await changeRole({ id: staffId, role: 'technician', expectedVersion: 1 }, manager);
  expect(changed).toMatchObject({ id: staffId, role: 'technician', version: 2 });
  const events = await memberEvents(staffId);
  expect(events.map((e) => e.type)).toEqual(['StaffMemberHired', 'StaffRoleChanged']);
  expect(events[1]?.data).toEqual({
    staffId,
    from: 'coach',
    to: 'technician',
    branchId,
    changedAt: expect.any(String) as string,
  });

  // The same role again: nothing written.
  await changeRole({ id: staffId, role: 'technician' }, manager);
  expect(await memberEvents(staffId)).toHaveLength(2);

  await eventually('the new role in the staff list', async () => {
    const page = await app().get(PeopleLists).staff({ role: 'technician', limit: 100 }, manager);
    return page.items.some((i) => (i as { id: string }).id === staffId) ? true : undefined;
  });
  await eventually('the new role in the assessment facts', async () => {
    const { rows } = await runtime().store.pool.query<{ role: string }>(
      `SELECT role FROM staff.conduct_staff_facts WHERE tenant_id = $1 AND staff_id = $2`,
      [tenantId, staffId],
    );
    return rows[0]?.role === 'technician' ? true : undefined;
  });
});

it('carries out an assessment’s role_change, naming the result; refuses one that decided none, writing nothing', async () => {
  const { staffId } = await hired();
  expect(
    await codeOf(changeRole({ id: staffId, role: 'companion', assessmentPeriod: '2026-01' }, manager)),
  ).toBe('STAFF.ROLE_CHANGE_NOT_DECIDED');
  await assessedWith('2026-01', staffId, ['role_change', 'training_plan']);
  // A re-scoring that no longer decides it: the latest result is what counts.
  const latest = await assessedWith('2026-01', staffId, ['warning']);
  expect(
    await codeOf(changeRole({ id: staffId, role: 'companion', assessmentPeriod: '2026-01' }, manager)),
  ).toBe('STAFF.ROLE_CHANGE_NOT_DECIDED');
  expect((await memberEvents(staffId)).map((e) => e.type)).toEqual(['StaffMemberHired']);

  const decided = await assessedWith('2026-01', staffId, ['role_change']);
  expect(decided).toBe(latest + 1);
  await changeRole({ id: staffId, role: 'companion', assessmentPeriod: '2026-01' }, manager);
  const [, change] = await memberEvents(staffId);
  expect(change?.data).toMatchObject({
    from: 'coach',
    to: 'companion',
    assessment: { period: '2026-01', resultVersion: decided },
  });
});

it('refuses another tenant’s staff member and an unknown id, writing nothing', async () => {
  const { staffId } = await hired();
  const other: CallContext = { ...manager, tenantId: newId() };
  expect(await codeOf(changeRole({ id: staffId, role: 'technician' }, other))).toBe(
    'STAFF.STAFF_MEMBER_NOT_FOUND',
  );
  expect(await codeOf(changeRole({ id: newId(), role: 'technician' }, manager))).toBe(
    'STAFF.STAFF_MEMBER_NOT_FOUND',
  );
  expect(await memberEvents(staffId)).toHaveLength(1);
});
