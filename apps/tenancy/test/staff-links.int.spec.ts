import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@serviceops/eventstore';
import type { DeliveredEvent } from '@serviceops/messaging';
import { eventually } from '@serviceops/testing';
import pino from 'pino';
import { staffLeaversProcess } from '../src/application/staff-leavers.process';
import { StaffLinksHandlers } from '../src/application/staff-links.handlers';
import { staffLoginsProcess } from '../src/application/staff-logins.process';
import { TenantStream } from '../src/application/tenant-stream';
import { UsersHandlers } from '../src/application/users.handlers';
import { tenantStreamId } from '../src/domain/tenant/tenant.decider';
import { TenantsRepository } from '../src/infrastructure/tenants.repository';
import { staffMembersProjection } from '../src/projections/staff-members.projection';
import {
  linkUserToStaff,
  registerUser,
  tenancyOnOwnDatabase,
  type TenancyOnOwnDatabase,
} from './tenancy-on-own-database';

// Issue 13 item 1: a user an admin made by hand, linked to a staff member, follows the person (leave, role).

const tenancy = tenancyOnOwnDatabase('tenancy_links', { STAFF_ARRIVAL_WAIT_MS: '300' }, 3);

async function setting() {
  const app = tenancy.app;
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
  const delivered = async (type: string) => {
    const { events } = await staffLog.readStream(`staff-member-${tenantId}-${staffId}`);
    return { ...events.find((e) => e.type === type)!, topic: 'staff.events.v1' } as DeliveredEvent;
  };
  const hired = () =>
    publish('StaffMemberHired', {
      staffId,
      role: 'coach',
      branchId: randomUUID(),
      hiredAt: new Date().toISOString(),
    });
  const left = () =>
    publish('StaffMemberLeft', {
      staffId,
      kind: 'resignation',
      lastDay: '2026-03-02',
      leftAt: new Date().toISOString(),
    });
  const row = async () =>
    (
      await tenancy.pool.query<{ tenant_id: string; status: string; stream_version: number }>(
        'SELECT tenant_id, status, stream_version FROM tenancy.staff_members WHERE staff_id = $1',
        [staffId],
      )
    ).rows[0];
  return { app, tenantId, admin, staffId, publish, delivered, hired, left, row };
}

/** A user made by hand (POST /users), signed in once. */
async function userByHand(
  app: TenancyOnOwnDatabase['app'],
  admin: { tenantId: string } & object,
  username: string,
) {
  const users = app.get(UsersHandlers);
  const password = 'a-Long-user-pass-1';
  const user = await registerUser(users)(
    { username, displayName: 'By Hand', password, roles: ['coach'] },
    admin as Parameters<UsersHandlers['registerUser']>[2],
  );
  const signedIn = await users.authenticate({ tenantId: admin.tenantId, username, password });
  return { user, signedIn, password };
}

async function project(event: DeliveredEvent) {
  const client = await tenancy.pool.connect();
  try {
    await client.query('BEGIN');
    await staffMembersProjection(event, client);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

describe('the staff members tenancy knows (tenancy.staff_members)', () => {
  it('keeps one row per staff member, the same under redelivery and a replay out of order', async () => {
    const { hired, left, row, delivered, tenantId } = await setting();
    await hired();
    await eventually('the hire', async () => ((await row())?.status === 'active' ? true : undefined));
    await left();
    const gone = await eventually('the leave', async () => {
      const found = await row();
      return found?.status === 'left' ? found : undefined;
    });
    expect(gone).toEqual({ tenant_id: tenantId, status: 'left', stream_version: 2 });

    // Delivered again, twice at once, then the hire once more after the leave (a replay): the same row.
    const hire = await delivered('StaffMemberHired');
    const leave = await delivered('StaffMemberLeft');
    await Promise.all([project(hire), project(leave), project(leave)]);
    await project(hire);
    expect(await row()).toEqual(gone);
  }, 60_000);
});

describe('a user linked to a staff member', () => {
  it('is closed once when the person leaves: no sign-in, the old token’s version is gone', async () => {
    const { app, admin, tenantId, staffId, hired, left, delivered } = await setting();
    const links = app.get(StaffLinksHandlers);
    const users = app.get(UsersHandlers);
    const { user, signedIn, password } = await userByHand(app, admin, 'hand.li');
    await hired();
    // The hire may not have reached tenancy yet: the link waits for it a moment.
    const linked = await linkUserToStaff(links)({ userId: user.id, staffId }, admin);
    expect(linked).toMatchObject({ id: user.id, staffId, disabled: false });
    // Linking the same pair again changes nothing.
    expect(await linkUserToStaff(links)({ userId: user.id, staffId }, admin)).toMatchObject({
      tenantVersion: linked.tenantVersion,
    });

    await left();
    const closed = await eventually('the linked login closed', async () => {
      const found = (await app.get(TenantStream).read(tenantId)).tenant.users[user.id];
      return found?.disabled ? found : undefined;
    });
    expect(closed.tokenVersion).toBeGreaterThan(signedIn.tokenVersion);
    await expect(users.authenticate({ tenantId, username: 'hand.li', password })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });

    // Redelivered (twice at once, and once more): still one closing.
    const consume = staffLeaversProcess(app.get(TenantStream), tenancy.pool, pino({ level: 'silent' }));
    const leave = await delivered('StaffMemberLeft');
    await Promise.all([consume(leave), consume(leave)]);
    await consume(leave);
    const store = new PostgresEventStore({ pool: tenancy.pool, schema: 'tenancy', groupCommit: false });
    const mine = (await store.readStream(tenantStreamId(tenantId))).events.filter(
      (e) => (e.data as { userId?: string }).userId === user.id,
    );
    expect(mine.map((e) => e.type)).toEqual([
      'UserRegistered',
      'UserLinkedToStaff',
      'UserDisabled',
      'StaffLoginClosed',
    ]);

    // Another user cannot be linked to the leaver.
    const late = await userByHand(app, admin, 'hand.late');
    await expect(linkUserToStaff(links)({ userId: late.user.id, staffId }, admin)).rejects.toMatchObject({
      code: 'TENANCY.STAFF_MEMBER_LEFT',
    });
  }, 60_000);

  it('answers a hire’s login request that comes after the link: StaffLoginNotCreated naming the user, once', async () => {
    const { app, admin, tenantId, staffId, hired, publish, delivered } = await setting();
    const { user } = await userByHand(app, admin, 'hand.qian');
    await hired();
    await linkUserToStaff(app.get(StaffLinksHandlers))({ userId: user.id, staffId }, admin);
    const request = {
      staffId,
      username: 'qian.hired',
      roles: ['coach'],
      requestedAt: new Date().toISOString(),
    };
    await publish('StaffLoginRequested', request);
    const store = new PostgresEventStore({ pool: tenancy.pool, schema: 'tenancy', groupCommit: false });
    const answers = async () =>
      (await store.readStream(tenantStreamId(tenantId))).events.filter(
        (e) => (e.data as { staffId?: string }).staffId === staffId && e.type.startsWith('StaffLogin'),
      );
    const [answer] = await eventually('the answer', async () => {
      const found = await answers();
      return found.length > 0 ? found : undefined;
    });
    expect(answer).toMatchObject({
      type: 'StaffLoginNotCreated',
      data: { staffId, userId: user.id, reason: 'already-linked' },
    });

    // Delivered again (twice at once, then once more), and a second request like it: still one answer, no user.
    const consume = staffLoginsProcess(app.get(TenantStream), pino({ level: 'silent' }));
    const again = await delivered('StaffLoginRequested');
    await Promise.all([consume(again), consume(again)]);
    await publish('StaffLoginRequested', request);
    await consume(again);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the consumer's own delivery of the second request
    expect((await answers()).map((e) => e.type)).toEqual(['StaffLoginNotCreated']);
    expect((await app.get(TenantStream).read(tenantId)).tenant.users[staffId]).toBeUndefined();
  }, 60_000);

  it('takes the person’s new role, once', async () => {
    const { app, admin, tenantId, staffId, hired, publish } = await setting();
    const { user, signedIn } = await userByHand(app, admin, 'hand.zhou');
    await hired();
    await linkUserToStaff(app.get(StaffLinksHandlers))({ userId: user.id, staffId }, admin);
    await publish('StaffRoleChanged', {
      staffId,
      from: 'coach',
      to: 'technician',
      branchId: randomUUID(),
      changedAt: new Date().toISOString(),
    });
    const moved = await eventually('the new role', async () => {
      const found = (await app.get(TenantStream).read(tenantId)).tenant.users[user.id];
      return found?.roles.includes('technician') ? found : undefined;
    });
    expect(moved.roles).toEqual(['technician']);
    expect(moved.tokenVersion).toBeGreaterThan(signedIn.tokenVersion);
    // What the gateway reads for each request: the account has the new role too.
    expect(await app.get(UsersHandlers).getUser({ userId: user.id }, admin)).toMatchObject({
      roles: ['technician'],
      staffId,
    });
  }, 60_000);

  it('is refused for a staff member tenancy does not know in this tenant, after a moment’s wait', async () => {
    const { app, admin } = await setting();
    const { user } = await userByHand(app, admin, 'hand.nobody');
    const started = Date.now();
    await expect(
      linkUserToStaff(app.get(StaffLinksHandlers))({ userId: user.id, staffId: randomUUID() }, admin),
    ).rejects.toMatchObject({ code: 'TENANCY.STAFF_MEMBER_NOT_FOUND' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  }, 60_000);

  it('is refused for another tenant’s staff member', async () => {
    const { app, admin, staffId, row } = await setting();
    const otherTenant = randomUUID();
    const staffLog = new PostgresEventStore({ pool: tenancy.pool, schema: 'staff', groupCommit: false });
    await staffLog.append(
      `staff-member-${otherTenant}-${staffId}`,
      [{ type: 'StaffMemberHired', data: { staffId, role: 'coach', hiredAt: new Date().toISOString() } }],
      { metadata: { tenantId: otherTenant, actorId: 'staff-test', correlationId: randomUUID() } },
    );
    await eventually('the other tenant’s hire', async () => ((await row()) ? true : undefined));
    const { user } = await userByHand(app, admin, 'hand.other');
    await expect(
      linkUserToStaff(app.get(StaffLinksHandlers))({ userId: user.id, staffId }, admin),
    ).rejects.toMatchObject({
      code: 'TENANCY.STAFF_MEMBER_NOT_FOUND',
    });
  }, 60_000);
});
