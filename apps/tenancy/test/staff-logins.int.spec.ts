import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@serviceops/eventstore';
import type { DeliveredEvent } from '@serviceops/messaging';
import pino from 'pino';
import { TenantStream } from '../src/application/tenant-stream';
import { UsersHandlers } from '../src/application/users.handlers';
import { tenantStreamId } from '../src/domain/tenant/tenant.decider';
import { TenantsRepository } from '../src/infrastructure/tenants.repository';
import { staffLoginsProcess } from '../src/application/staff-logins.process';
import { staffLeaversProcess } from '../src/application/staff-leavers.process';
import { staffRolesProcess } from '../src/application/staff-roles.process';
import { InvitationsHandlers } from '../src/application/invitations.handlers';
import { eventually } from '@serviceops/testing';
import { issueUserInvitation, tenancyOnOwnDatabase } from './tenancy-on-own-database';

// Issue 13 item 1: staff's StaffLoginRequested, consumed by tenancy on a database of its own (the `log`
// transport reads the staff service's log in the same PostgreSQL): one user, however often it is delivered.

const tenancy = tenancyOnOwnDatabase('tenancy_logins');

describe('staff logins in tenancy', () => {
  it('creates the user once from StaffLoginRequested, pending activation, however often it is delivered', async () => {
    const app = tenancy.app;
    const stream = app.get(TenantStream);
    const { items } = await app.get(TenantsRepository).list({ limit: 10 });
    const tenantId = items[0]!.id;
    const call = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    const branchId = randomUUID();
    await stream.execute(call, { type: 'AddBranch', data: { tenantId, branchId, name: 'Downtown' } });

    // Staff publishes the request (its log, which the `log` transport delivers to tenancy's consumer).
    const staffId = randomUUID();
    const staffLog = new PostgresEventStore({ pool: tenancy.pool, schema: 'staff', groupCommit: false });
    await staffLog.migrate();
    await staffLog.append(
      `staff-member-${tenantId}-${staffId}`,
      [
        {
          type: 'StaffLoginRequested',
          data: {
            staffId,
            username: 'Coach.Li',
            roles: ['coach'],
            branchId,
            requestedAt: new Date().toISOString(),
          },
        },
      ],
      { metadata: { tenantId, actorId: 'staff-test', correlationId: randomUUID() } },
    );
    const user = await eventually(
      'the staff login',
      async () => (await stream.read(tenantId)).tenant.users[staffId],
    );
    expect(user).toMatchObject({ username: 'coach.li', roles: ['coach'], branchId, disabled: false });

    // Delivered again (twice at once, and once more): nothing more.
    const { events } = await staffLog.readStream(`staff-member-${tenantId}-${staffId}`);
    const delivered = { ...events[0]!, topic: 'staff.events.v1' } as DeliveredEvent;
    const consume = staffLoginsProcess(stream, pino({ level: 'silent' }));
    await Promise.all([consume(delivered), consume(delivered)]);
    await consume(delivered);
    const { tenant } = await stream.read(tenantId);
    expect(Object.values(tenant.users).filter((u) => u.username === 'coach.li')).toHaveLength(1);
    const store = new PostgresEventStore({ pool: tenancy.pool, schema: 'tenancy', groupCommit: false });
    const answered = (await store.readStream(tenantStreamId(tenantId))).events.filter(
      (e) => e.type === 'StaffLoginCreated' || e.type === 'StaffLoginRefused',
    );
    expect(answered.map((e) => [e.type, (e.data as { userId?: string }).userId])).toEqual([
      ['StaffLoginCreated', staffId],
    ]);

    // No password travelled: until one is set, signing in is refused like any wrong password.
    await expect(
      app.get(UsersHandlers).authenticate({ tenantId, username: 'coach.li', password: 'anything-at-all-1' }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  }, 60_000);

  it('closes a leaver’s login once on StaffMemberLeft: no sign-in, the old token’s version is gone', async () => {
    const app = tenancy.app;
    const stream = app.get(TenantStream);
    const users = app.get(UsersHandlers);
    const { items } = await app.get(TenantsRepository).list({ limit: 10 });
    const tenantId = items[0]!.id;
    const admin = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    const staffId = randomUUID();
    const staffLog = new PostgresEventStore({ pool: tenancy.pool, schema: 'staff', groupCommit: false });
    await staffLog.migrate();
    const publish = (type: string, data: object) =>
      staffLog.append(`staff-member-${tenantId}-${staffId}`, [{ type, data }], {
        metadata: { tenantId, actorId: 'staff-test', correlationId: randomUUID() },
      });
    await publish('StaffLoginRequested', {
      staffId,
      username: 'leaver.wu',
      roles: ['coach'],
      requestedAt: new Date().toISOString(),
    });
    await eventually('the staff login', async () => (await stream.read(tenantId)).tenant.users[staffId]);

    // The admin issues the invitation handed to the person, who activates and signs in.
    const { token } = await issueUserInvitation(app.get(InvitationsHandlers))({ userId: staffId }, admin);
    const password = 'a-Long-leaver-pass-1';
    await app.get(InvitationsHandlers).activateUser({ token, password });
    const signedIn = await users.authenticate({ tenantId, username: 'leaver.wu', password });

    // The last day came: staff publishes StaffMemberLeft.
    const left = { staffId, kind: 'resignation', lastDay: '2026-03-02', leftAt: new Date().toISOString() };
    await publish('StaffMemberLeft', left);
    const closed = await eventually('the login closed', async () => {
      const user = (await stream.read(tenantId)).tenant.users[staffId];
      return user?.disabled ? user : undefined;
    });
    expect(closed.tokenVersion).toBeGreaterThan(signedIn.tokenVersion);
    await expect(users.authenticate({ tenantId, username: 'leaver.wu', password })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // What the gateway compares each token with: disabled, and a version the old token does not carry.
    expect(await users.getUser({ userId: staffId }, admin)).toMatchObject({
      disabled: true,
      tokenVersion: closed.tokenVersion,
    });

    // Redelivered (twice at once, and once more): still one closing.
    const { events } = await staffLog.readStream(`staff-member-${tenantId}-${staffId}`);
    const leave = events.find((e) => e.type === 'StaffMemberLeft')!;
    const delivered = { ...leave, topic: 'staff.events.v1' } as DeliveredEvent;
    const consume = staffLeaversProcess(stream, tenancy.pool, pino({ level: 'silent' }));
    await Promise.all([consume(delivered), consume(delivered)]);
    await consume(delivered);
    const store = new PostgresEventStore({ pool: tenancy.pool, schema: 'tenancy', groupCommit: false });
    const mine = (await store.readStream(tenantStreamId(tenantId))).events.filter(
      (e) => (e.data as { userId?: string }).userId === staffId,
    );
    expect(
      mine.filter((e) => e.type === 'UserDisabled' || e.type === 'StaffLoginClosed').map((e) => e.type),
    ).toEqual(['UserDisabled', 'StaffLoginClosed']);
    expect((await stream.read(tenantId)).tenant.users[staffId]?.tokenVersion).toBe(closed.tokenVersion);
  }, 60_000);

  it('gives the login the new role on StaffRoleChanged, once, never backwards', async () => {
    const app = tenancy.app;
    const stream = app.get(TenantStream);
    const { items } = await app.get(TenantsRepository).list({ limit: 10 });
    const tenantId = items[0]!.id;
    const admin = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    const staffId = randomUUID();
    const staffLog = new PostgresEventStore({ pool: tenancy.pool, schema: 'staff', groupCommit: false });
    await staffLog.migrate();
    const publish = (type: string, data: object) =>
      staffLog.append(`staff-member-${tenantId}-${staffId}`, [{ type, data }], {
        metadata: { tenantId, actorId: 'staff-test', correlationId: randomUUID() },
      });
    await publish('StaffLoginRequested', {
      staffId,
      username: 'coach.zhou',
      roles: ['coach'],
      requestedAt: new Date().toISOString(),
    });
    const created = await eventually(
      'the staff login',
      async () => (await stream.read(tenantId)).tenant.users[staffId],
    );
    const change = (from: string, to: string) => ({
      staffId,
      from,
      to,
      branchId: randomUUID(),
      changedAt: new Date().toISOString(),
    });
    await publish('StaffRoleChanged', change('coach', 'technician'));
    const moved = await eventually('the new role', async () => {
      const user = (await stream.read(tenantId)).tenant.users[staffId];
      return user?.roles.includes('technician') ? user : undefined;
    });
    expect(moved.roles).toEqual(['technician']);
    expect(moved.tokenVersion).toBeGreaterThan(created.tokenVersion);
    // What the gateway reads for each request: the account has the new role too.
    expect(await app.get(UsersHandlers).getUser({ userId: staffId }, admin)).toMatchObject({
      roles: ['technician'],
    });

    await publish('StaffRoleChanged', change('technician', 'companion'));
    await eventually('the second change', async () =>
      (await stream.read(tenantId)).tenant.users[staffId]?.roles.includes('companion') ? true : undefined,
    );
    // Both delivered again, the older last (twice at once, and once more): nothing changes.
    const { events } = await staffLog.readStream(`staff-member-${tenantId}-${staffId}`);
    const consume = staffRolesProcess(stream, pino({ level: 'silent' }));
    for (const event of events.filter((e) => e.type === 'StaffRoleChanged').reverse()) {
      const delivered = { ...event, topic: 'staff.events.v1' } as DeliveredEvent;
      await Promise.all([consume(delivered), consume(delivered)]);
      await consume(delivered);
    }
    expect((await stream.read(tenantId)).tenant.users[staffId]?.roles).toEqual(['companion']);
    const store = new PostgresEventStore({ pool: tenancy.pool, schema: 'tenancy', groupCommit: false });
    const followed = (await store.readStream(tenantStreamId(tenantId))).events.filter(
      (e) => e.type === 'StaffLoginRolesFollowed' && (e.data as { staffId: string }).staffId === staffId,
    );
    expect(followed.map((e) => (e.data as { to: string }).to)).toEqual(['technician', 'companion']);
  }, 60_000);

  it('gives the role changed right after the hire to the login the hire asked for (one consumer, stream order)', async () => {
    const app = tenancy.app;
    const stream = app.get(TenantStream);
    const { items } = await app.get(TenantsRepository).list({ limit: 10 });
    const tenantId = items[0]!.id;
    const staffId = randomUUID();
    const staffLog = new PostgresEventStore({ pool: tenancy.pool, schema: 'staff', groupCommit: false });
    await staffLog.migrate();
    const now = new Date().toISOString();
    await staffLog.append(
      `staff-member-${tenantId}-${staffId}`,
      [
        {
          type: 'StaffLoginRequested',
          data: { staffId, username: 'quick.change', roles: ['coach'], requestedAt: now },
        },
        {
          type: 'StaffRoleChanged',
          data: { staffId, from: 'coach', to: 'companion', branchId: randomUUID(), changedAt: now },
        },
      ],
      { metadata: { tenantId, actorId: 'staff-test', correlationId: randomUUID() } },
    );
    const user = await eventually('the login with the new role', async () => {
      const found = (await stream.read(tenantId)).tenant.users[staffId];
      return found?.roles.includes('companion') ? found : undefined;
    });
    expect(user.roles).toEqual(['companion']);
  }, 60_000);
});
