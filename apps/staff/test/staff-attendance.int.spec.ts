import { withTransaction, PostgresEventStore } from '@serviceops/eventstore';
import { newId } from '@serviceops/kernel';
import { EventSourcingRuntime, isSealed, PersonalDataCipher, type CallContext } from '@serviceops/platform';
import { bootOnOwnDatabase, type BootedService } from '@serviceops/platform/testing';
import { eventually } from '@serviceops/testing';
import { AttendanceHandlers } from '../src/application/attendance.handlers';
import { leaveStreamId } from '../src/domain/attendance/leave.decider';
import { shiftStreamId } from '../src/domain/attendance/shift.decider';
import { staffFactsOf } from '../src/infrastructure/conduct-staff-facts.repository';
import { staffService } from '../src/staff.service-definition';

// Attendance on real PostgreSQL (issue 13 items 6, 7): a shift cancelled before its start withdraws its working
// slot (reason sealed with the person's key), one that started or was clocked into is refused, another tenant's is
// not found; clock-in and -out only by the person (the login tenancy linked to them) or a supervisor, anyone else
// refused with nothing written; leave reasons sealed at rest and unreadable once the key is destroyed.

let booted: BootedService | undefined;
const tenantId = newId();
const manager: CallContext = {
  tenantId,
  actorId: newId(),
  roles: ['workshop_manager'],
  correlationId: newId(),
};

const runtime = () => booted!.running.app.get(EventSourcingRuntime);
const attendance = () => booted!.running.app.get(AttendanceHandlers);

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
    (await staffFactsOf(runtime().store.pool, tenantId, staffId)).known ? true : undefined,
  );
}

/** Tenancy's answer to a login request, as it publishes it: the user is linked to the staff member. */
async function loginCreated(staffId: string, userId: string): Promise<void> {
  const tenancy = new PostgresEventStore({ pool: runtime().store.pool, schema: 'tenancy' });
  await tenancy.migrate();
  await tenancy.append(
    `tenant-${tenantId}`,
    [
      {
        type: 'StaffLoginCreated',
        data: {
          staffId,
          userId,
          username: `coach-${staffId.slice(0, 8)}`,
          roles: ['coach'],
          branchId: null,
          activation: 'pending',
          createdAt: new Date().toISOString(),
        },
      },
    ],
    { metadata: { tenantId } },
  );
}

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: { code?: string }) => error.code,
  );

beforeAll(async () => {
  booted = await bootOnOwnDatabase('staffattendance', staffService, { TIMER_POLL_MS: '100' });
});

afterAll(async () => {
  await booted?.stop();
});

describe('cancelling a shift', () => {
  it('withdraws the working slot, seals the reason, and refuses a started, clocked-in or foreign shift', async () => {
    const staffId = newId();
    await hire(staffId);
    const shift = await attendance().scheduleShift(
      { staffId, startsAt: minutesFromNow(120), endsAt: minutesFromNow(600) },
      manager,
    );
    const id = String(shift['id']);

    // Another tenant's shift: not found, nothing written.
    const stranger = { ...manager, tenantId: newId() };
    expect(await code(attendance().cancelShift({ id, reason: 'branch closed' }, stranger))).toBe(
      'STAFF.SHIFT_NOT_FOUND',
    );

    const reason = 'Zhang Wei’s mother is in hospital';
    const cancelled = await attendance().cancelShift({ id, reason, expectedVersion: 2 }, manager);
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
    await attendance().cancelShift({ id, reason: 'again' }, manager);
    expect((await runtime().store.readStream(shiftStreamId(tenantId, id))).events).toHaveLength(4);
    expect(await code(attendance().clockIn({ id }, manager))).toBe('STAFF.SHIFT_CANCELLED');

    // Started, or clocked in before its start: refused, nothing written.
    const started = await attendance().scheduleShift(
      { staffId, startsAt: minutesFromNow(-5), endsAt: minutesFromNow(60) },
      manager,
    );
    expect(await code(attendance().cancelShift({ id: String(started['id']), reason: 'x' }, manager))).toBe(
      'STAFF.SHIFT_STARTED',
    );
    const soon = await attendance().scheduleShift(
      { staffId, startsAt: minutesFromNow(30), endsAt: minutesFromNow(90) },
      manager,
    );
    await attendance().clockIn({ id: String(soon['id']) }, manager);
    expect(await code(attendance().cancelShift({ id: String(soon['id']), reason: 'x' }, manager))).toBe(
      'STAFF.ALREADY_CLOCKED_IN',
    );
    for (const s of [started, soon])
      expect(
        (await runtime().store.readStream(shiftStreamId(tenantId, String(s['id'])))).events,
      ).toHaveLength(s === soon ? 3 : 2);

    // The person's key destroyed (erasure): the reason unreadable, the cancellation still shown.
    const cipher = booted!.running.app.get(PersonalDataCipher);
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
        attendance().scheduleShift(
          { staffId: anna, startsAt: minutesFromNow(10), endsAt: minutesFromNow(300) },
          manager,
        ),
      ),
    );
    const own = String(shifts[0]?.['id']);
    const supervised = String(shifts[1]?.['id']);

    // Bo (a colleague) may not clock Anna in or out.
    expect(await code(attendance().clockIn({ id: own }, boCall))).toBe('STAFF.CLOCKING_FORBIDDEN');
    expect((await runtime().store.readStream(shiftStreamId(tenantId, own))).events).toHaveLength(2);

    expect(await attendance().clockIn({ id: own }, annaCall)).toMatchObject({ status: 'in' });
    expect(await code(attendance().clockOut({ id: own }, boCall))).toBe('STAFF.CLOCKING_FORBIDDEN');
    expect(await attendance().clockOut({ id: own }, annaCall)).toMatchObject({ status: 'out' });

    // A supervisor clocks for her.
    expect(await attendance().clockIn({ id: supervised }, manager)).toMatchObject({ status: 'in' });
    expect(await attendance().clockOut({ id: supervised }, manager)).toMatchObject({ status: 'out' });
  });
});

describe('leave reasons, sealed', () => {
  it('stores them sealed with the person’s key, shows them, and not after erasure', async () => {
    const staffId = newId();
    await hire(staffId);
    const reason = 'wife Liu Yang gives birth at Ruijin hospital';
    const requested = await attendance().requestLeave(
      { staffId, from: minutesFromNow(60 * 24), to: minutesFromNow(60 * 48), reason },
      manager,
    );
    const leaveId = String(requested.requests[0]?.['leaveId']);
    await attendance().decideLeave(
      { staffId, leaveId, approved: true, reason: 'congratulations to Liu Yang' },
      manager,
    );
    await attendance().cancelLeave(
      { staffId, leaveId, reason: 'the baby came early, Liu Yang is home' },
      manager,
    );

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
    const cipher = booted!.running.app.get(PersonalDataCipher);
    await withTransaction(runtime().store.pool, (tx) => cipher.destroy(tx, [staffId]));
    expect((await attendance().getLeave({ staffId }, manager)).requests[0]).toMatchObject({
      status: 'cancelled',
      reason: '',
      decision: '',
      cancellation: '',
    });
  });
});
