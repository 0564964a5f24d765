import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@serviceops/eventstore';
import { eventually, rowsHolding as holding } from '@serviceops/testing';
import { ProvisioningHandlers } from '../src/application/provisioning.handlers';
import { TenantStream } from '../src/application/tenant-stream';
import { UsersHandlers } from '../src/application/users.handlers';
import { tenantStreamId } from '../src/domain/tenant/tenant.decider';
import { PLATFORM_OPERATOR } from '../src/domain/roles';
import { TenantsRepository } from '../src/infrastructure/tenants.repository';
import { createTenant, registerUser, tenancyOnOwnDatabase } from './tenancy-on-own-database';
import { tenancyService } from '../src/tenancy.service-definition';
import { handlerOf } from '@serviceops/platform/testing';

// Issue 11 item 2 (decision 53): a user's display name is sealed with the user's own key wherever it is stored
// (the tenant's events, hence Kafka and every backup), and shown in clear only in the answers that show the user.
// Names stored in clear before this change still read.

const tenancy = tenancyOnOwnDatabase('tenancy_names');

const unique = () => randomUUID().slice(0, 8);

const rowsHolding = (values: readonly string[]) => holding(tenancy.pool, values);

/** The display names as the tenancy events hold them, by user id. */
async function storedNames(): Promise<Map<string, string>> {
  const { rows } = await tenancy.pool.query<{ user_id: string; name: string }>(
    `SELECT data->>'userId' AS user_id, data->>'displayName' AS name FROM tenancy.events WHERE type = 'UserRegistered'`,
  );
  return new Map(rows.map((r) => [r.user_id, r.name]));
}

async function firstTenant(): Promise<string> {
  const { items } = await tenancy.app.get(TenantsRepository).list({ limit: 10 });
  return items[0]!.id;
}

describe('a user’s display name, sealed at rest (issue 11 item 2)', () => {
  it('stores only ciphertext for the name, answers it in clear, and no table holds it in clear', async () => {
    const app = tenancy.app;
    const users = app.get(UsersHandlers);
    const tenantId = await firstTenant();
    const admin = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    const displayName = `Ouyang Xiu ${unique()}`;
    const username = `ouyang.${unique()}`;

    const registered = await registerUser(users)(
      { username, displayName, password: 'a-Long-user-pass-1', roles: ['technician'] },
      admin,
    );
    expect(registered).toMatchObject({ username, displayName });
    const userId = registered.id;

    // Stored: sealed in the event, a key of the user's own beside it.
    const stored = (await storedNames()).get(userId);
    expect(stored).toMatch(/^enc:v1:/);
    const { rowCount } = await tenancy.pool.query(`SELECT 1 FROM tenancy.data_keys WHERE user_id = $1`, [
      userId,
    ]);
    expect(rowCount).toBe(1);

    // Answered in clear by every read that shows the user.
    expect(await users.getUser({ userId }, admin)).toMatchObject({ id: userId, displayName });
    expect(await users.getMe({}, { ...admin, actorId: userId })).toMatchObject({ id: userId, displayName });
    const { items } = await users.listUsers({}, admin);
    expect(items.find((u) => u.id === userId)).toMatchObject({ displayName });
    expect(items.map((u) => u.displayName).filter((n) => n.startsWith('enc:'))).toEqual([]);
    // A change that answers the user opens it too.
    expect(
      await handlerOf(app, 'tenancy.ChangeUserRoles', tenancyService)({ userId, roles: ['coach'] }, admin),
    ).toMatchObject({
      displayName,
    });

    // The search finds what is there (the user's id), so finding nothing means something.
    expect((await rowsHolding([userId])).length).toBeGreaterThan(0);
    expect(await rowsHolding([displayName])).toEqual([]);
  }, 60_000);

  it('seals every registration: first start, a provisioned tenant’s admin, a staff login', async () => {
    const app = tenancy.app;
    const adminName = `Boss ${unique()}`;
    const operator = {
      tenantId: randomUUID(),
      actorId: 'operator',
      roles: [PLATFORM_OPERATOR],
      correlationId: randomUUID(),
    };
    const created = await createTenant(app.get(ProvisioningHandlers))(
      {
        name: `Names ${unique()}`,
        admin: { username: 'boss', password: 'a-Long-boss-pass-1', displayName: adminName },
      },
      operator,
    );
    const tenantId = created.id;
    const call = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    expect(await app.get(UsersHandlers).getUser({ userId: created.adminUserId }, call)).toMatchObject({
      displayName: adminName,
    });

    // Hiring with a login (staff's StaffLoginRequested, delivered by the `log` transport): the username is the name.
    const staffId = randomUUID();
    const login = `coach.${unique()}`;
    const staffLog = new PostgresEventStore({ pool: tenancy.pool, schema: 'staff', groupCommit: false });
    await staffLog.migrate();
    await staffLog.append(
      `staff-member-${tenantId}-${staffId}`,
      [
        {
          type: 'StaffLoginRequested',
          data: { staffId, username: login, roles: ['coach'], requestedAt: new Date().toISOString() },
        },
      ],
      { metadata: { tenantId, actorId: 'staff-test', correlationId: randomUUID() } },
    );
    const stream = app.get(TenantStream);
    await eventually('the staff login', async () => (await stream.read(tenantId)).tenant.users[staffId]);
    expect(await app.get(UsersHandlers).getUser({ userId: staffId }, call)).toMatchObject({
      username: login,
      displayName: login,
    });

    // Every UserRegistered ever stored here (the first start's admin and operator too) holds ciphertext only.
    const names = await storedNames();
    expect(names.size).toBeGreaterThanOrEqual(4);
    expect([...names].filter(([, name]) => !name.startsWith('enc:v1:'))).toEqual([]);
    expect(await rowsHolding([adminName, 'Administrator', 'Platform operator'])).toEqual([]);
  }, 60_000);

  it('still shows a name stored in clear before names were sealed, beside sealed ones', async () => {
    const app = tenancy.app;
    const users = app.get(UsersHandlers);
    const tenantId = await firstTenant();
    const admin = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    const oldId = randomUUID();
    // As an older tenancy appended it: the name in clear, no key.
    const store = new PostgresEventStore({ pool: tenancy.pool, schema: 'tenancy', groupCommit: false });
    await store.append(
      tenantStreamId(tenantId),
      [
        {
          type: 'UserRegistered',
          data: {
            userId: oldId,
            username: `old.${unique()}`,
            displayName: 'Old Clear Name',
            roles: ['technician'],
            branchId: null,
            registeredAt: new Date().toISOString(),
          },
        },
      ],
      { metadata: { tenantId, actorId: 'old-tenancy', correlationId: randomUUID() } },
    );

    expect(await users.getUser({ userId: oldId }, admin)).toMatchObject({ displayName: 'Old Clear Name' });
    const { items } = await users.listUsers({}, admin);
    expect(items.find((u) => u.id === oldId)).toMatchObject({ displayName: 'Old Clear Name' });
    expect(items.find((u) => u.username === 'admin')).toMatchObject({ displayName: 'Administrator' });
    // Its next change still answers it, and nothing makes it sealed after the fact (no key was made for it).
    expect(
      await handlerOf(
        app,
        'tenancy.ChangeUserRoles',
        tenancyService,
      )({ userId: oldId, roles: ['coach'] }, admin),
    ).toMatchObject({
      displayName: 'Old Clear Name',
    });
  }, 60_000);
});
