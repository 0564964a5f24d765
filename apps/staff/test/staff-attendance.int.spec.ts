import { withTransaction, PostgresEventStore } from '@serviceops/eventstore';
import type { Rpc } from '@serviceops/contracts';
import { newId } from '@serviceops/kernel';
import { EventSourcingRuntime, isSealed, PersonalDataCipher, type CallContext } from '@serviceops/platform';
import { handlerOf } from '@serviceops/platform/testing';
import type { DeliveredEvent } from '@serviceops/messaging';
import { eventually } from '@serviceops/testing';
import { AttendanceHandlers, type LeaveRecord, type ShiftView } from '../src/application/attendance.handlers';
import { leaveStreamId } from '../src/domain/attendance/leave.decider';
import { memberStreamId } from '../src/domain/member/member.decider';
import { shiftStreamId } from '../src/domain/attendance/shift.decider';
import { staffFactsOf } from '../src/infrastructure/conduct-staff-facts.repository';
import { staffOfUser } from '../src/infrastructure/staff-logins.repository';
import { projectStaffLogins } from '../src/projections/staff-logins.projection';
import { staffOnOwnDatabase } from './staff-on-own-database';

// Attendance on real PostgreSQL (issue 13 items 6, 7): a shift cancelled before its start withdraws its working
// slot (reason sealed with the person's key), one that started or was clocked into is refused, another tenant's is
// not found; clock-in and -out only by the person (the login tenancy linked to them) or a supervisor, anyone else
// refused with nothing written; leave reasons sealed at rest and unreadable once the key is destroyed.

const { app, tenantId, manager } = staffOnOwnDatabase('staffattendance', {
  env: { TIMER_POLL_MS: '100' },
  roles: ['workshop_manager'],
});

const runtime = () => app().get(EventSourcingRuntime);
const attendance = () => app().get(AttendanceHandlers);
/** A declared method a use case serves through the generic handler (no method of its own), as gRPC calls it. */
const served = (rpc: Rpc) => (request: object, call: CallContext) =>
  handlerOf(attendance(), rpc)(request, call);
const clockIn = served('staff.ClockIn');
const clockOut = served('staff.ClockOut');
const cancelShift = served('staff.CancelShift');
const decideLeave = served('staff.DecideLeave');
const cancelLeave = served('staff.CancelLeave');

/** Hiring as the staff member aggregate records it: stream id = the staff member's id. */
async function hire(staffId: string): Promise<void> {
  await runtime().store.append(
    staffId,
    [
      {
        type: 'StaffMemberHired',
        data: {
          staffId,
          role: 'coach',
          branchId: newId(),
          businessLine: 'driving_practice',
          payTerms: { dailyPay: { amount: 20_000, currency: 'CNY' } },
        },
      },
    ],
    { expectedVersion: 'no_stream', metadata: { tenantId, actorId: manager.actorId } },
  );
  await eventually('the hire in the read model', async () =>
    (await staffFactsOf(runtime().store, tenantId, staffId)).known ? true : undefined,
  );
}

/** An event in the tenant's stream in tenancy's store, as tenancy publishes it. */
async function tenancyRecords(type: string, data: object): Promise<void> {
  const tenancy = new PostgresEventStore({ pool: runtime().store.pool, schema: 'tenancy' });
  await tenancy.migrate();
  await tenancy.append(`tenant-${tenantId}`, [{ type, data }], { metadata: { tenantId } });
}

/** Tenancy's answer to a login request, as it publishes it: the user is linked to the staff member. */
async function loginCreated(staffId: string, userId: string): Promise<void> {
  await tenancyRecords('StaffLoginCreated', {
    staffId,
    userId,
    username: `coach-${staffId.slice(0, 8)}`,
    roles: ['coach'],
    branchId: null,
    activation: 'pending',
    createdAt: new Date().toISOString(),
  });
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: { code?: string }) => error.code,
  );

describe('cancelling a shift', () => {
  it('withdraws the working slot, seals the reason, and refuses a started, clocked-in or foreign shift', async () => {
    const staffId = newId();
    await hire(staffId);
    const shift = await handlerOf<ShiftView>(attendance(), 'staff.ScheduleShift')(
      { staffId, startsAt: minutesFromNow(120), endsAt: minutesFromNow(600) },
      manager,
    );
    const id = String(shift['id']);

    // Another tenant's shift: not found, nothing written.
    const stranger = { ...manager, tenantId: newId() };
    expect(await code(cancelShift({ id, reason: 'branch closed' }, stranger))).toBe('STAFF.SHIFT_NOT_FOUND');

    const reason = 'Zhang Wei’s mother is in hospital';
    const cancelled = await cancelShift({ id, reason, expectedVersion: 2 }, manager);
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellation: reason,
      cancelledBy: manager.actorId,
    });

    const { events } = await runtime().store.readStream(shiftStreamId(tenantId, id));
    expect(events.map((e) => e.type)).toEqual([
      'ShiftScheduled',
      'StaffAvailabilityChanged',
      'ShiftCancelled',
      'StaffAvailabilityChanged',
    ]);
    expect(events[3]?.data).toMatchObject({ kind: 'working_slot', intervalId: id, active: false });
    expect(isSealed((events[2]?.data as { reason: string }).reason)).toBe(true);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Zhang');
    // Once more: nothing new.
    await cancelShift({ id, reason: 'again' }, manager);
    expect((await runtime().store.readStream(shiftStreamId(tenantId, id))).events).toHaveLength(4);
    expect(await code(clockIn({ id }, manager))).toBe('STAFF.SHIFT_CANCELLED');

    // Started, or clocked in before its start: refused, nothing written.
    const started = await handlerOf<ShiftView>(attendance(), 'staff.ScheduleShift')(
      { staffId, startsAt: minutesFromNow(-5), endsAt: minutesFromNow(60) },
      manager,
    );
    expect(await code(cancelShift({ id: String(started['id']), reason: 'x' }, manager))).toBe(
      'STAFF.SHIFT_STARTED',
    );
    const soon = await handlerOf<ShiftView>(attendance(), 'staff.ScheduleShift')(
      { staffId, startsAt: minutesFromNow(30), endsAt: minutesFromNow(90) },
      manager,
    );
    await clockIn({ id: String(soon['id']) }, manager);
    expect(await code(cancelShift({ id: String(soon['id']), reason: 'x' }, manager))).toBe(
      'STAFF.ALREADY_CLOCKED_IN',
    );
    for (const s of [started, soon])
      expect(
        (await runtime().store.readStream(shiftStreamId(tenantId, String(s['id'])))).events,
      ).toHaveLength(s === soon ? 3 : 2);

    // The person's key destroyed (erasure): the reason unreadable, the cancellation still shown.
    const cipher = app().get(PersonalDataCipher);
    await withTransaction(runtime().store.pool, (tx) => cipher.destroy(tx, [staffId]));
    expect(await attendance().getShift({ id }, manager)).toMatchObject({
      status: 'cancelled',
      cancellation: '',
    });
  });
});

describe('clocking in and out by the right person', () => {
  it('takes the person’s own login and a supervisor, refuses anyone else with nothing written', async () => {
    const [anna, bo] = [newId(), newId()];
    await hire(anna);
    await hire(bo);
    const [annaUser, boUser] = [newId(), newId()];
    await loginCreated(anna, annaUser);
    await loginCreated(bo, boUser);
    // Redelivered: still one link.
    await loginCreated(anna, annaUser);
    await eventually('the logins linked', async () => {
      const { rows } = await runtime().store.pool.query(
        `SELECT user_id FROM staff.staff_logins WHERE tenant_id = $1`,
        [tenantId],
      );
      return rows.length === 2 ? true : undefined;
    });
    const as = (actorId: string): CallContext => ({
      tenantId,
      actorId,
      roles: ['coach'],
      correlationId: newId(),
    });
    const annaCall = as(annaUser);
    const boCall = as(boUser);
    const shifts = await Promise.all(
      [0, 1].map(() =>
        handlerOf<ShiftView>(attendance(), 'staff.ScheduleShift')(
          { staffId: anna, startsAt: minutesFromNow(10), endsAt: minutesFromNow(300) },
          manager,
        ),
      ),
    );
    const own = String(shifts[0]?.['id']);
    const supervised = String(shifts[1]?.['id']);

    // Bo (a colleague) may not clock Anna in or out.
    expect(await code(clockIn({ id: own }, boCall))).toBe('STAFF.CLOCKING_FORBIDDEN');
    expect((await runtime().store.readStream(shiftStreamId(tenantId, own))).events).toHaveLength(2);

    expect(await clockIn({ id: own }, annaCall)).toMatchObject({ status: 'in' });
    expect(await code(clockOut({ id: own }, boCall))).toBe('STAFF.CLOCKING_FORBIDDEN');
    expect(await clockOut({ id: own }, annaCall)).toMatchObject({ status: 'out' });

    // A supervisor clocks for her.
    expect(await clockIn({ id: supervised }, manager)).toMatchObject({ status: 'in' });
    expect(await clockOut({ id: supervised }, manager)).toMatchObject({ status: 'out' });
  });
});

describe('a user made by hand, linked to a staff member and unlinked (tenancy, decision 55)', () => {
  const rowsOf = async (userId: string) =>
    (
      await runtime().store.pool.query(
        `SELECT staff_id, unlinked_at IS NULL AS linked, stream_version FROM staff.staff_logins
         WHERE tenant_id = $1 AND user_id = $2`,
        [tenantId, userId],
      )
    ).rows as { staff_id: string; linked: boolean; stream_version: number }[];

  it('lets the linked user clock the person in, and not once unlinked', async () => {
    const staffId = newId();
    const userId = newId();
    await hire(staffId);
    const call: CallContext = { tenantId, actorId: userId, roles: ['coach'], correlationId: newId() };
    const shift = await handlerOf<ShiftView>(attendance(), 'staff.ScheduleShift')(
      { staffId, startsAt: minutesFromNow(10), endsAt: minutesFromNow(300) },
      manager,
    );
    const id = String(shift['id']);
    expect(await code(clockIn({ id }, call))).toBe('STAFF.CLOCKING_FORBIDDEN');

    await tenancyRecords('UserLinkedToStaff', {
      userId,
      staffId,
      staffVersion: 1,
      linkedAt: new Date().toISOString(),
    });
    await eventually('the link', async () => ((await rowsOf(userId))[0]?.linked ? true : undefined));
    expect(await clockIn({ id }, call)).toMatchObject({ status: 'in' });

    await tenancyRecords('UserUnlinkedFromStaff', { userId, staffId, unlinkedAt: new Date().toISOString() });
    await eventually('the unlink', async () =>
      (await rowsOf(userId))[0]?.linked === false ? true : undefined,
    );
    expect(await code(clockOut({ id }, call))).toBe('STAFF.CLOCKING_FORBIDDEN');
    expect((await runtime().store.readStream(shiftStreamId(tenantId, id))).events).toHaveLength(3);
  });

  it('leaves the same rows on redelivery, on replay and when an older event comes late', async () => {
    const [first, second] = [newId(), newId()];
    const userId = newId();
    let position = 0n;
    const delivered = (type: string, streamVersion: number, data: object): DeliveredEvent => ({
      topic: 'tenancy.events.v1',
      eventId: newId(),
      type,
      schemaVersion: 1,
      streamId: `tenant-${tenantId}`,
      streamVersion,
      globalPosition: ++position,
      transactionId: position,
      data,
      metadata: { tenantId },
      recordedAt: new Date(),
    });
    const at = new Date().toISOString();
    // Linked to the first person (v10), unlinked (v11), linked to the second (v12).
    const history = [
      delivered('UserLinkedToStaff', 10, { userId, staffId: first, staffVersion: 1, linkedAt: at }),
      delivered('UserUnlinkedFromStaff', 11, { userId, staffId: first, unlinkedAt: at }),
      delivered('UserLinkedToStaff', 12, { userId, staffId: second, staffVersion: 1, linkedAt: at }),
    ];
    const project = (events: readonly DeliveredEvent[]) =>
      withTransaction(runtime().store.pool, async (tx) => {
        for (const event of events) await projectStaffLogins(event, tx);
      });
    const linkedToSecond = [{ staff_id: second, linked: true, stream_version: 12 }];

    await project(history);
    expect(await rowsOf(userId)).toEqual(linkedToSecond);
    expect(await staffOfUser(runtime().store.pool, tenantId, userId)).toBe(second);
    // A replay from the start, and each event delivered again, late and out of order.
    await project(history);
    await project([...history].reverse());
    expect(await rowsOf(userId)).toEqual(linkedToSecond);

    // Unlinked (v13); then the link to the first person comes late: still unlinked, from no one.
    const unlinked = delivered('UserUnlinkedFromStaff', 13, { userId, staffId: second, unlinkedAt: at });
    await project([unlinked, ...history]);
    expect(await rowsOf(userId)).toEqual([{ staff_id: second, linked: false, stream_version: 13 }]);
    expect(await staffOfUser(runtime().store.pool, tenantId, userId)).toBeNull();

    // An unlink delivered before the link it undoes: the link, older, does not bring the user back.
    const other = newId();
    await project([
      delivered('UserUnlinkedFromStaff', 21, { userId: other, staffId: first, unlinkedAt: at }),
      delivered('UserLinkedToStaff', 20, { userId: other, staffId: first, staffVersion: 1, linkedAt: at }),
    ]);
    expect(await staffOfUser(runtime().store.pool, tenantId, other)).toBeNull();
  });
});

describe('leave reasons, sealed', () => {
  it('stores them sealed with the person’s key, shows them, and not after erasure', async () => {
    const staffId = newId();
    await hire(staffId);
    const reason = 'wife Liu Yang gives birth at Ruijin hospital';
    const requested = await handlerOf<LeaveRecord>(attendance(), 'staff.RequestLeave')(
      { staffId, from: minutesFromNow(60 * 24), to: minutesFromNow(60 * 48), reason },
      manager,
    );
    const leaveId = String(requested.requests[0]?.['leaveId']);
    await decideLeave({ staffId, leaveId, approved: true, reason: 'congratulations to Liu Yang' }, manager);
    await cancelLeave({ staffId, leaveId, reason: 'the baby came early, Liu Yang is home' }, manager);

    const { events } = await runtime().store.readStream(leaveStreamId(tenantId, staffId));
    const reasons = events
      .filter((e) => e.type !== 'StaffAvailabilityChanged')
      .map((e) => (e.data as { reason: string }).reason);
    expect(reasons.map(isSealed)).toEqual([true, true, true]);
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain('Liu');

    expect((await attendance().getLeave({ staffId }, manager)).requests[0]).toMatchObject({
      reason,
      decision: 'congratulations to Liu Yang',
      cancellation: 'the baby came early, Liu Yang is home',
    });
    const cipher = app().get(PersonalDataCipher);
    await withTransaction(runtime().store.pool, (tx) => cipher.destroy(tx, [staffId]));
    expect((await attendance().getLeave({ staffId }, manager)).requests[0]).toMatchObject({
      status: 'cancelled',
      reason: '',
      decision: '',
      cancellation: '',
    });
  });
});

describe('a person hired a moment ago', () => {
  it('is known from their own stream while the read model has not applied the hire', async () => {
    const staffId = newId();
    await runtime().store.append(
      memberStreamId(tenantId, staffId),
      [
        {
          type: 'StaffMemberHired',
          data: {
            staffId,
            role: 'coach',
            branchId: newId(),
            businessLine: 'driving_practice',
            payTerms: { dailyPay: { amount: 20_000, currency: 'CNY' } },
          },
        },
      ],
      { expectedVersion: 'no_stream', metadata: { tenantId, actorId: manager.actorId } },
    );
    // The read model behind (its row taken away once applied, so the consumer never brings it back).
    await eventually('the hire in the read model', async () => {
      const { rowCount } = await runtime().store.pool.query(
        'DELETE FROM staff.conduct_staff_facts WHERE tenant_id = $1 AND staff_id = $2',
        [tenantId, staffId],
      );
      return (rowCount ?? 0) > 0 ? true : undefined;
    });

    expect(await staffFactsOf(runtime().store, tenantId, staffId)).toEqual({
      known: true,
      businessLine: 'driving_practice',
      dailyPay: { amount: 20_000, currency: 'CNY' },
    });
    const shift = await handlerOf<ShiftView>(attendance(), 'staff.ScheduleShift')(
      { staffId, startsAt: minutesFromNow(60), endsAt: minutesFromNow(120) },
      manager,
    );
    expect(shift).toMatchObject({ staffId });
    expect(await staffFactsOf(runtime().store, tenantId, newId())).toEqual({
      known: false,
      businessLine: null,
      dailyPay: null,
    });
  });
});
