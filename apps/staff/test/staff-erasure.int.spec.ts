import { addDays, localDateOf, newId, zonedInstant } from '@serviceops/kernel';
import { EventSourcingRuntime, isSealed, PersonalDataCipher, type CallContext } from '@serviceops/platform';
import { handlerOf } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { MemberErasureHandlers, staffRetentionTimerId } from '../src/application/member-erasure.handlers';
import { DisciplineHandlers, type DisciplineRecord } from '../src/application/discipline.handlers';
import { MemberHandlers, type StaffMemberView } from '../src/application/member.handlers';
import {
  backfillLeaveTimers,
  LEAVE_TIMERS_BACKFILL,
  MemberLeavingHandlers,
  staffLeftTimerId,
} from '../src/application/member-leaving.handlers';
import { People, type VersionedPeoplePolicy } from '../src/application/people';
import { PeoplePolicyHandlers } from '../src/application/people-policy.handlers';
import { PeopleLists } from '../src/application/people-lists';
import { QualificationHandlers, type QualificationsView } from '../src/application/qualification.handlers';
import { RecruitmentHandlers } from '../src/application/recruitment.handlers';
import { SeparationHandlers, type SeparationView } from '../src/application/separation.handlers';
import { staffLeavesAt } from '../src/domain/member/member.rules';
import { memberStreamId } from '../src/domain/member/member.decider';
import { candidateStreamId } from '../src/domain/recruitment/candidate.decider';
import { separationStreamId } from '../src/domain/separation/separation.decider';
import { atRest as eventsAtRest, storedEvents } from './at-rest';
import { hiredOn, restartableStaffOnOwnDatabase } from './staff-on-own-database';
import type { ChangePeoplePolicy } from '../src/domain/people-policy/change-people-policy';

// Erasing a leaver's personal data (issue 13 item 9) on real PostgreSQL: the raw event-store rows hold the name,
// phone and ID number sealed before and unreadable after (the key gone); ids, dates, pay and the history stay.
// The retention timer armed when the separation completes fires once, across a restart, and never twice.

const { app, tenantId, manager: call, start, stop } = restartableStaffOnOwnDatabase('stafferasure');
const runtime = () => app().get(EventSourcingRuntime);
/** The tenant's zone and calendar day: last days are counted in it (a dismissal's is the tenant's today). */
const zone = (of = tenantId) => app().get(People).timeZoneOf(of);
const tenantToday = async (of = tenantId) => localDateOf(await zone(of), new Date());
const NAME = 'Zhang Wei';
const PHONE = '+86 139 1234 5678';
const ID_NUMBER = '110105199001010011';

const rows = (stream: string) => storedEvents(runtime(), stream);
const eraseStaffMember = (erasure = app().get(MemberErasureHandlers)) =>
  handlerOf<StaffMemberView>(erasure, 'staff.EraseStaffMember');
const atRest = (stream: string) => eventsAtRest(runtime(), stream);

/** The person (name, phone and ID number) hired as a coach by `by`, with a login under `username` if given. */
const hiredIn = (by: CallContext, username?: string) =>
  hiredOn(app(), { call: by, name: NAME, phone: PHONE, idNumber: ID_NUMBER, username });
const hired = (username?: string) => hiredIn(call, username);

const ITEMS = ['customers', 'open_orders', 'materials', 'borrowed_tools'] as const;

async function handedOver(staffId: string): Promise<void> {
  for (const item of ITEMS)
    await handlerOf(app().get(SeparationHandlers), 'staff.TickHandoverItem')({ id: staffId, item }, call);
}

/** Waits for the leave timer's StaffMemberLeft (the file shows `leftAt`). */
function leftOn(staffId: string) {
  return eventually('the leave timer’s StaffMemberLeft', async () => {
    const member = await app().get(MemberHandlers).get({ id: staffId }, call);
    return member.leftAt ? member : undefined;
  });
}

async function timerRow(staffId: string, id = staffRetentionTimerId(staffId)) {
  const { rows: found } = await runtime().store.pool.query<{
    due_at: Date;
    fired_at: Date | null;
    payload: Record<string, unknown>;
  }>(`SELECT due_at, fired_at, payload FROM staff.timers WHERE timer_id = $1`, [id]);
  return found[0];
}

describe('EraseStaffMember at request', () => {
  it('refuses an active member, a leaver mid-handover and another tenant’s id; nothing is written', async () => {
    const { staffId } = await hired();
    const erasure = app().get(MemberErasureHandlers);
    await expect(eraseStaffMember(erasure)({ id: staffId }, call)).rejects.toMatchObject({
      code: 'STAFF.STILL_EMPLOYED',
    });
    await handlerOf<SeparationView>(app().get(SeparationHandlers), 'staff.DismissStaffMember')(
      { id: staffId, reason: 'repeated no-shows' },
      call,
    );
    await leftOn(staffId);
    await expect(eraseStaffMember(erasure)({ id: staffId }, call)).rejects.toMatchObject({
      code: 'STAFF.HANDOVER_INCOMPLETE',
    });
    await expect(
      eraseStaffMember(erasure)({ id: staffId }, { ...call, tenantId: newId() }),
    ).rejects.toMatchObject({ code: 'STAFF.STAFF_MEMBER_NOT_FOUND' });
    expect((await rows(memberStreamId(tenantId, staffId))).map((e) => e.type)).toEqual([
      'StaffMemberHired',
      'StaffMemberLeft',
    ]);
    expect(await app().get(PersonalDataCipher).load(staffId)).toBeDefined();
  });

  it('seals the name, phone and ID number at rest; after erasure they cannot be opened anywhere', async () => {
    const { staffId, candidateId } = await hired('zhang.wei');
    const stream = memberStreamId(tenantId, staffId);
    // Before: sealed at rest, readable with the key.
    expect(await atRest(stream)).not.toContain('Zhang');
    expect(await atRest(stream)).not.toContain(ID_NUMBER);
    const hire = (await rows(stream))[0]!.data as Record<string, string>;
    for (const field of ['name', 'phone', 'idNumber']) expect(isSealed(hire[field]!)).toBe(true);
    const members = app().get(MemberHandlers);
    expect(await members.get({ id: staffId }, call)).toMatchObject({
      name: NAME,
      idNumber: ID_NUMBER,
      loginRequested: 'zhang.wei',
    });
    const before = new Date();

    await handlerOf<QualificationsView>(app().get(QualificationHandlers), 'staff.RecordQualification')(
      {
        id: staffId,
        kind: 'driving_licence',
        number: 'DL-110105',
        issuedOn: '2020-01-01',
        expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      },
      call,
    );
    await handlerOf<SeparationView>(app().get(SeparationHandlers), 'staff.DismissStaffMember')(
      { id: staffId, reason: 'caught drinking on duty' },
      call,
    );
    // A dismissal's last day is its day: the leave timer records StaffMemberLeft at once.
    await leftOn(staffId);
    await handedOver(staffId);
    // The separation complete: the retention timer is armed, two years (730 days) after the last day.
    const today = await tenantToday();
    const armed = await timerRow(staffId);
    expect(armed).toMatchObject({ fired_at: null, payload: { staffId, retentionDays: 730 } });
    // At the tenant's midnight, 731 of its calendar days after today's (the last day of a dismissal).
    expect(armed!.due_at).toEqual(zonedInstant(await zone(), addDays(today, 731), 0));

    const version = (await members.get({ id: staffId }, call)).version;
    await expect(
      eraseStaffMember()({ id: staffId, expectedVersion: version + 1 }, call),
    ).rejects.toMatchObject({ code: 'EVENTSTORE.WRONG_EXPECTED_VERSION' });
    const erased = await eraseStaffMember()({ id: staffId, expectedVersion: version }, call);
    expect(erased).toMatchObject({
      status: 'erased',
      version: version + 1,
      payTerms: { dailyPay: { amount: 30_000, currency: 'CNY' } },
    });
    for (const field of ['name', 'phone', 'idNumber']) expect(erased).not.toHaveProperty(field);

    // Its retention timer has nothing left to do: disarmed in the erasure's transaction.
    expect(await timerRow(staffId)).toBeUndefined();

    // The raw rows: still sealed, and no key opens them any more.
    expect(await app().get(PersonalDataCipher).load(staffId)).toBeUndefined();
    expect(await app().get(PersonalDataCipher).load(candidateId)).toBeUndefined();
    const after = (await rows(stream))[0]!.data as Record<string, string>;
    expect(after['name']).toBe(hire['name']);
    expect(isSealed(after['name']!)).toBe(true);
    expect((await rows(stream)).map((e) => e.type)).toEqual([
      'StaffMemberHired',
      'StaffLoginRequested',
      'StaffMemberLeft',
      'StaffMemberErased',
    ]);
    expect(await atRest(candidateStreamId(tenantId, candidateId))).not.toContain('Zhang');

    // Every reader: now, as it was before, its history, the list, the application, qualifications, separation.
    const now = await members.get({ id: staffId }, call);
    expect(now).toMatchObject({
      status: 'erased',
      erasedAt: expect.any(String) as string,
      hiredAt: hire['hiredAt'],
    });
    const then = await members.get({ id: staffId, asOf: before.toISOString() }, call);
    expect(then).toMatchObject({ status: 'active', version: 2 });
    expect(then).not.toHaveProperty('loginRequested');
    for (const view of [now, then])
      for (const field of ['name', 'phone', 'idNumber']) expect(view).not.toHaveProperty(field);
    const history = await members.history({ id: staffId }, call);
    expect(history.entries.map((e) => e.type)).toEqual([
      'StaffMemberHired',
      'StaffLoginRequested',
      'StaffMemberLeft',
      'StaffMemberErased',
    ]);
    expect(JSON.stringify(history)).not.toContain('Zhang');
    const candidate = await app().get(RecruitmentHandlers).getCandidate({ id: candidateId }, call);
    expect(candidate).toMatchObject({ status: 'erased' });
    expect(candidate).not.toHaveProperty('name');
    const qualifications = await app().get(QualificationHandlers).get({ id: staffId }, call);
    expect(JSON.stringify(qualifications)).not.toContain('DL-110105');
    const separation = await app().get(SeparationHandlers).get({ id: staffId }, call);
    expect(separation).toMatchObject({ kind: 'dismissal', status: 'settlement_requested' });
    expect(separation.reason).toBeUndefined();
    const listed = await eventually('the erasure in the staff list', async () => {
      const page = await app().get(PeopleLists).staff({ limit: 100 }, call);
      const item = page.items.find((i) => (i as { id: string }).id === staffId) as Record<string, unknown>;
      return item?.['erasedAt'] ? item : undefined;
    });
    expect(listed).not.toHaveProperty('name');
    const { rows: raw } = await runtime().store.pool.query<{ name: string; phone: string }>(
      `SELECT name, phone FROM staff.staff_list WHERE staff_id = $1`,
      [staffId],
    );
    expect(raw).toEqual([{ name: '', phone: '' }]);

    // Nothing personal is recorded about them again: no fresh key for a conduct record's evidence.
    await expect(
      handlerOf<DisciplineRecord>(app().get(DisciplineHandlers), 'staff.RecordViolation')(
        {
          staffId,
          ruleId: 'dress-and-grooming',
          occurredAt: new Date(Date.now() - 1000).toISOString(),
          evidence: 'Zhang Wei came back drunk to collect his things',
        },
        call,
      ),
    ).rejects.toMatchObject({ code: 'STAFF.PERSON_ERASED' });
    expect(await app().get(PersonalDataCipher).load(staffId)).toBeUndefined();
    // Nor a qualification and its number: 422, not a fault.
    await expect(
      handlerOf<QualificationsView>(app().get(QualificationHandlers), 'staff.RecordQualification')(
        {
          id: staffId,
          kind: 'service_qualification',
          number: 'SQ-2026-1',
          issuedOn: '2026-01-01',
          expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
        },
        call,
      ),
    ).rejects.toMatchObject({ code: 'STAFF.STAFF_MEMBER_ERASED' });

    // Twice: refused (nothing is left to erase), nothing written.
    await expect(eraseStaffMember()({ id: staffId }, call)).rejects.toMatchObject({
      code: 'STAFF.STAFF_MEMBER_ERASED',
    });
    expect(await rows(stream)).toHaveLength(4);
  });
});

describe('the retention timer', () => {
  it('erases a leaver once their retention is over: once, across a restart, never twice', async () => {
    // The first instance looks for due timers only at its start (then a minute later): it goes down first.
    await stop();
    await start(60_000);
    const { staffId, candidateId } = await hired();
    // A resignation submitted long ago: its last day more than two years back.
    await runtime().store.append(
      separationStreamId(tenantId, staffId),
      [
        {
          type: 'ResignationSubmitted',
          data: { staffId, noticeDays: 30, lastDay: '2023-01-02', submittedAt: '2022-12-03T01:00:00.000Z' },
        },
      ],
      { expectedVersion: 'no_stream', metadata: { tenantId, actorId: call.actorId } },
    );
    await handedOver(staffId);
    const armed = await timerRow(staffId);
    expect(armed).toMatchObject({ fired_at: null, payload: { staffId, retentionDays: 730 } });
    // 2024 has 366 days; due at the tenant's midnight starting that day, not UTC's.
    expect(armed!.due_at).toEqual(zonedInstant(await zone(), '2025-01-02', 0));
    expect((await app().get(MemberHandlers).get({ id: staffId }, call)).status).toBe('active');

    // Down before the timer is looked for, and back.
    await stop();
    await start(100);
    const erased = await eventually('the retention timer’s erasure', async () => {
      const member = await app().get(MemberHandlers).get({ id: staffId }, call);
      return member.status === 'erased' ? member : undefined;
    });
    expect(erased).not.toHaveProperty('name');
    await eventually('the timer marked fired', async () =>
      (await timerRow(staffId))?.fired_at ? true : undefined,
    );
    const [member] = (await rows(memberStreamId(tenantId, staffId))).filter(
      (e) => e.type === 'StaffMemberErased',
    );
    expect(member?.data).toMatchObject({ staffId, by: 'retention', lastDay: '2023-01-02' });
    expect(member?.metadata).toMatchObject({ actorId: 'system:staff-retention' });
    expect(await app().get(PersonalDataCipher).load(staffId)).toBeUndefined();

    // Run again (a crash after the erasure, before the mark; a second poller): nothing more.
    const timer = {
      id: staffRetentionTimerId(staffId),
      tenantId,
      kind: 'staff-retention',
      dueAt: new Date(),
      payload: { staffId, retentionDays: 730 },
      attempts: 1,
    };
    await app().get(MemberErasureHandlers).retentionOver(timer);
    await runtime().store.pool.query(
      `UPDATE staff.timers SET fired_at = NULL, due_at = now() WHERE timer_id = $1`,
      [timer.id],
    );
    await eventually('the timer fired again', async () =>
      (await timerRow(staffId))?.fired_at ? true : undefined,
    );
    const erasures = (stream: string, type: string) =>
      rows(stream).then((events) => events.filter((e) => e.type === type).length);
    expect(await erasures(memberStreamId(tenantId, staffId), 'StaffMemberErased')).toBe(1);
    expect(await erasures(candidateStreamId(tenantId, candidateId), 'CandidateErased')).toBe(1);
  });
});

describe('the leave timer (StaffMemberLeft on the last day)', () => {
  it('is armed with the separation, due at the start of the last day', async () => {
    const { staffId } = await hired();
    const resigned = await handlerOf<SeparationView>(
      app().get(SeparationHandlers),
      'staff.ResignStaffMember',
    )({ id: staffId }, call);
    const armed = await timerRow(staffId, staffLeftTimerId(staffId));
    expect(armed).toMatchObject({ fired_at: null, payload: { staffId, lastDay: resigned.lastDay } });
    expect(armed!.due_at).toEqual(staffLeavesAt(resigned.lastDay!, await zone()));
    // The notice still running: they have not left.
    expect(await app().get(MemberHandlers).get({ id: staffId }, call)).not.toHaveProperty('leftAt');
    // Run before the tenant's last day starts (a timer armed at a UTC midnight west of UTC): failed, so it is run
    // again later, and nothing written.
    await expect(
      app()
        .get(MemberLeavingHandlers)
        .lastDayCame({
          id: staffLeftTimerId(staffId),
          tenantId,
          kind: 'staff-left',
          dueAt: new Date(),
          payload: { staffId, lastDay: resigned.lastDay },
          attempts: 0,
        }),
    ).rejects.toThrow('has not started');
    expect(
      (await rows(memberStreamId(tenantId, staffId))).filter((e) => e.type === 'StaffMemberLeft'),
    ).toEqual([]);
  });

  it('records StaffMemberLeft once, across a restart, never twice', async () => {
    // The first instance looks for due timers only at its start (then a minute later): it goes down first.
    await stop();
    await start(60_000);
    const { staffId } = await hired('leaver.li');
    await handlerOf<SeparationView>(app().get(SeparationHandlers), 'staff.DismissStaffMember')(
      { id: staffId, reason: 'left the yard unlocked' },
      call,
    );
    const today = await tenantToday();
    const armed = await timerRow(staffId, staffLeftTimerId(staffId));
    expect(armed).toMatchObject({ fired_at: null });
    expect(armed!.due_at).toEqual(staffLeavesAt(today, await zone()));
    expect(await app().get(MemberHandlers).get({ id: staffId }, call)).not.toHaveProperty('leftAt');

    // Down before the timer is looked for, and back.
    await stop();
    await start(100);
    const left = await leftOn(staffId);
    expect(left.status).toBe('active');
    await eventually('the timer marked fired', async () =>
      (await timerRow(staffId, staffLeftTimerId(staffId)))?.fired_at ? true : undefined,
    );
    const leaves = async () =>
      (await rows(memberStreamId(tenantId, staffId))).filter((e) => e.type === 'StaffMemberLeft');
    const [event] = await leaves();
    expect(event?.data).toEqual({ staffId, kind: 'dismissal', lastDay: today, leftAt: left.leftAt });
    // The staff list says when they left, as their file does.
    const listed = await eventually('the leave in the staff list', async () => {
      const page = await app().get(PeopleLists).staff({ limit: 100 }, call);
      const item = page.items.find((i) => (i as { id: string }).id === staffId) as Record<string, unknown>;
      return item?.['leftAt'] ? item : undefined;
    });
    expect(listed['leftAt']).toBe(left.leftAt);
    expect(listed['separation']).toBe('separating');
    expect(event?.metadata).toMatchObject({ actorId: 'system:staff-left' });

    // Run again (a crash after the event, before the mark; a second poller): nothing more.
    const timer = {
      id: staffLeftTimerId(staffId),
      tenantId,
      kind: 'staff-left',
      dueAt: new Date(),
      payload: { staffId, lastDay: today },
      attempts: 1,
    };
    await app().get(MemberLeavingHandlers).lastDayCame(timer);
    await runtime().store.pool.query(
      `UPDATE staff.timers SET fired_at = NULL, due_at = now() WHERE timer_id = $1`,
      [timer.id],
    );
    await eventually('the timer fired again', async () =>
      (await timerRow(staffId, staffLeftTimerId(staffId)))?.fired_at ? true : undefined,
    );
    expect(await leaves()).toHaveLength(1);
  });
});

describe('separations recorded before the leave timer', () => {
  it('get one armed once by the backfill; a timer armed already is left as it is', async () => {
    const { staffId } = await hired();
    // Recorded as an older release did: the separation without its leave timer.
    await runtime().store.append(
      separationStreamId(tenantId, staffId),
      [
        {
          type: 'ResignationSubmitted',
          data: { staffId, noticeDays: 30, lastDay: '2024-05-06', submittedAt: '2024-04-06T01:00:00.000Z' },
        },
      ],
      { expectedVersion: 'no_stream', metadata: { tenantId, actorId: call.actorId } },
    );
    const armedBefore = await hired();
    await handlerOf<SeparationView>(app().get(SeparationHandlers), 'staff.ResignStaffMember')(
      { id: armedBefore.staffId },
      call,
    );
    const before = await timerRow(armedBefore.staffId, staffLeftTimerId(armedBefore.staffId));
    expect(await timerRow(staffId, staffLeftTimerId(staffId))).toBeUndefined();

    // The backfill ran at this database's first start; run as on an upgraded one.
    const { pool } = runtime().store;
    await pool.query(`DELETE FROM staff.schema_migrations WHERE id = $1`, [LEAVE_TIMERS_BACKFILL.id]);
    await backfillLeaveTimers(pool, 'staff');
    await backfillLeaveTimers(pool, 'staff');
    expect(await timerRow(armedBefore.staffId, staffLeftTimerId(armedBefore.staffId))).toEqual(before);
    const left = await leftOn(staffId);
    expect(left.leftAt).toBeDefined();
    const leaves = (await rows(memberStreamId(tenantId, staffId))).filter(
      (e) => e.type === 'StaffMemberLeft',
    );
    expect(leaves.map((e) => e.data)).toEqual([
      { staffId, kind: 'resignation', lastDay: '2024-05-06', leftAt: left.leftAt },
    ]);
    const { rows: timers } = await pool.query<{ tenant_id: string }>(
      `SELECT tenant_id FROM staff.timers WHERE timer_id = $1`,
      [staffLeftTimerId(staffId)],
    );
    expect(timers).toEqual([{ tenant_id: tenantId }]);
  });
});

describe('a retention period changed by the policy', () => {
  it('moves the pending erasures of that tenant’s past separations, and back', async () => {
    const ownTenant = newId();
    const own: CallContext = { ...call, tenantId: ownTenant };
    const other = await hired();
    // Another tenant's leaver keeps its period.
    await handlerOf<SeparationView>(app().get(SeparationHandlers), 'staff.DismissStaffMember')(
      { id: other.staffId, reason: 'r' },
      call,
    );
    await handedOver(other.staffId);
    const otherDue = (await timerRow(other.staffId))!.due_at.toISOString();

    const { staffId } = await hiredIn(own);
    await handlerOf<SeparationView>(app().get(SeparationHandlers), 'staff.DismissStaffMember')(
      { id: staffId, reason: 'r' },
      own,
    );
    for (const item of ITEMS)
      await handlerOf(app().get(SeparationHandlers), 'staff.TickHandoverItem')({ id: staffId, item }, own);
    const today = await tenantToday(ownTenant);
    const ownZone = await zone(ownTenant);
    const at = (days: number) => zonedInstant(ownZone, addDays(today, days + 1), 0);
    expect((await timerRow(staffId))!.due_at).toEqual(at(730));

    const policies = app().get(PeoplePolicyHandlers);
    const change = (policy: ChangePeoplePolicy['data']['policy']) =>
      handlerOf<VersionedPeoplePolicy>(policies, 'staff.ChangePeoplePolicy')(policy, own);
    const changed = await change({ expiryReminderDays: 30, noticeDays: 30, staffRetentionDays: 1095 });
    const moved = await timerRow(staffId);
    expect(moved!.due_at).toEqual(at(1095));
    expect(moved!.payload).toEqual({
      staffId,
      lastDay: today,
      retentionDays: 1095,
      policyVersion: changed.version,
    });
    expect((await timerRow(other.staffId))!.due_at.toISOString()).toBe(otherDue);

    // A change that keeps the period (the reminder days only) leaves it; back to two years moves it back.
    await change({ expiryReminderDays: 14, noticeDays: 30 });
    expect((await timerRow(staffId))!.due_at).toEqual(at(1095));
    await change({ expiryReminderDays: 14, noticeDays: 30, staffRetentionDays: 730 });
    expect((await timerRow(staffId))!.due_at).toEqual(at(730));
  });
});
