import { randomUUID } from 'node:crypto';
import { rowsHolding as holding } from '@serviceops/testing';
import { SessionsHandlers } from '../src/application/sessions.handlers';
import { TenantStream } from '../src/application/tenant-stream';
import { UsersHandlers } from '../src/application/users.handlers';
import { TenantsRepository } from '../src/infrastructure/tenants.repository';
import { registerUser, tenancyOnOwnDatabase } from './tenancy-on-own-database';
import { tenancyService } from '../src/tenancy.service-definition';
import { handlerOf } from '@serviceops/platform/testing';

// Issue 11, the leftover: an admin erases a user. Disabled, tokens and sign-ins ended, their key shredded so the
// display name sealed in the events can never be opened again, their username freed behind a pseudonym.

const tenancy = tenancyOnOwnDatabase('tenancy_erasure');

const unique = () => randomUUID().slice(0, 8);

const rowsHolding = (values: readonly string[]) => holding(tenancy.pool, values);

const codeOf = (work: Promise<unknown>): Promise<string | undefined> =>
  work.then(
    () => undefined,
    (error: unknown) => (error as { code?: string }).code,
  );

describe('erasing a user (issue 11)', () => {
  it('ends their sign-in, shreds their key and name everywhere, lists them as erased and frees the username', async () => {
    const app = tenancy.app;
    const users = app.get(UsersHandlers);
    const { items: tenants } = await app.get(TenantsRepository).list({ limit: 10 });
    const tenantId = tenants[0]!.id;
    const admin = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    const displayName = `Sima Guang ${unique()}`;
    const username = `sima.${unique()}`;
    const password = 'a-Long-user-pass-1';

    const registered = await registerUser(users)(
      { username, displayName, password, roles: ['technician'] },
      admin,
    );
    const userId = registered.id;
    const signedIn = await users.authenticate({ tenantId, username, password });
    const { rows: keys } = await tenancy.pool.query<{ hex: string }>(
      `SELECT encode(wrapped_key, 'hex') AS hex FROM tenancy.data_keys WHERE user_id = $1`,
      [userId],
    );
    const wrappedKey = keys[0]!.hex;
    // The search finds what is there before the erasure, so finding nothing after it means something.
    expect(await rowsHolding([wrappedKey])).toHaveLength(1);

    // If-Match as the neighbours: a stale version is a conflict and erases nothing.
    const { version } = await app.get(TenantStream).read(tenantId);
    expect(
      await codeOf(
        handlerOf(app, 'tenancy.EraseUser', tenancyService)({ userId, expectedVersion: version - 1 }, admin),
      ),
    ).toBe('EVENTSTORE.WRONG_EXPECTED_VERSION');
    expect((await users.getUser({ userId }, admin)).displayName).toBe(displayName);

    const erased = await handlerOf(
      app,
      'tenancy.EraseUser',
      tenancyService,
    )({ userId, expectedVersion: version }, admin);
    expect(erased).toMatchObject({
      id: userId,
      username: `erased-${userId}`,
      displayName: '',
      disabled: true,
      erased: true,
      tokenVersion: registered.tokenVersion + 2, // disabled, then erased
    });

    // Neither the clear name, nor the key, nor the password hash is kept anywhere; the sealed name is left unopenable.
    expect(await rowsHolding([displayName, wrappedKey])).toEqual([]);
    const { rowCount: credentials } = await tenancy.pool.query(
      `SELECT 1 FROM tenancy.credentials WHERE user_id = $1`,
      [userId],
    );
    expect(credentials).toBe(0);
    const { rows: sealed } = await tenancy.pool.query<{ name: string }>(
      `SELECT data->>'displayName' AS name FROM tenancy.events WHERE type = 'UserRegistered' AND data->>'userId' = $1`,
      [userId],
    );
    expect(sealed[0]?.name).toMatch(/^enc:v1:/);

    // They cannot sign in (nor refresh the sign-in they had), under the old name or the pseudonym.
    expect(await codeOf(users.authenticate({ tenantId, username, password }))).toBe('UNAUTHENTICATED');
    expect(await codeOf(users.authenticate({ tenantId, username: `erased-${userId}`, password }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      await codeOf(app.get(SessionsHandlers).refreshAccessToken({ refreshToken: signedIn.refreshToken })),
    ).toBe('TENANCY.REFRESH_INVALID');

    // The list shows them as erased, nameless; erasing again is refused.
    const { items } = await users.listUsers({}, admin);
    expect(items.find((u) => u.id === userId)).toMatchObject({
      erased: true,
      displayName: '',
      disabled: true,
    });
    expect(await codeOf(handlerOf(app, 'tenancy.EraseUser', tenancyService)({ userId }, admin))).toBe(
      'TENANCY.USER_ERASED',
    );

    // The username is free again: someone else registers it and signs in with it.
    const again = await registerUser(users)(
      { username, displayName: 'Another Person', password: 'b-Long-user-pass-2', roles: ['coach'] },
      admin,
    );
    expect(again.id).not.toBe(userId);
    expect(await users.authenticate({ tenantId, username, password: 'b-Long-user-pass-2' })).toMatchObject({
      userId: again.id,
    });
  }, 60_000);

  it('refuses to erase the last enabled admin, and erases nothing', async () => {
    const app = tenancy.app;
    const users = app.get(UsersHandlers);
    const { items: tenants } = await app.get(TenantsRepository).list({ limit: 10 });
    const tenantId = tenants[0]!.id;
    const admin = { tenantId, actorId: 'test', roles: ['admin'], correlationId: randomUUID() };
    const { items } = await users.listUsers({}, admin);
    const enabledAdmins = items.filter((u) => !u.disabled && u.roles.includes('admin'));
    expect(enabledAdmins).toHaveLength(1);
    const only = enabledAdmins[0]!;
    expect(
      await codeOf(handlerOf(app, 'tenancy.EraseUser', tenancyService)({ userId: only.id }, admin)),
    ).toBe('TENANCY.LAST_ADMIN');
    const { rowCount } = await tenancy.pool.query(`SELECT 1 FROM tenancy.data_keys WHERE user_id = $1`, [
      only.id,
    ]);
    expect(rowCount).toBe(1);
  }, 60_000);
});
