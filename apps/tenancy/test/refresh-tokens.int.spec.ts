import { createHash, randomUUID } from 'node:crypto';
import { createLogger } from '@serviceops/platform';
import { eventually } from '@serviceops/testing';
import { type CallContext } from '@serviceops/platform';
import { Pool } from 'pg';
import { SessionsHandlers } from '../src/application/sessions.handlers';
import { TenantStream } from '../src/application/tenant-stream';
import { UsersHandlers } from '../src/application/users.handlers';
import type { Role } from '../src/domain/roles';
import { RefreshPurge } from '../src/infrastructure/refresh-purge';
import { TenantsRepository } from '../src/infrastructure/tenants.repository';
import { registerUser, setUserPassword, tenancyOnOwnDatabase } from './tenancy-on-own-database';
import { tenancyService } from '../src/tenancy.service-definition';
import { handlerOf } from '@serviceops/platform/testing';

// Refresh tokens on tenancy's own database (issue 11 item 3): a sign-in starts a family, each refresh rotates it
// within the sign-in's expiry, a used token shown again revokes the family, two refreshes of one token racing get
// one new token between them, and only hashes are at rest.

const tenancy = tenancyOnOwnDatabase('tenancy_refresh', { REFRESH_TOKEN_TTL_HOURS: '24' });

/** What a refusal was: its code, or 'none' when the call went through. */
async function refusal(act: () => Promise<unknown>): Promise<string> {
  try {
    await act();
    return 'none';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const sha256 = (secret: string) => createHash('sha256').update(secret).digest();

describe('refresh tokens in tenancy', () => {
  let call: CallContext;
  let tenantId = '';
  let counter = 0;

  const app = () => tenancy.app;
  const sessions = () => app().get(SessionsHandlers);
  const users = () => app().get(UsersHandlers);
  const refresh = (refreshToken: string) => sessions().refreshAccessToken({ refreshToken });
  const familyOf = async (refreshToken: string) =>
    (
      await tenancy.pool.query<{
        family_id: string;
        expires_at: Date;
        revoked_at: Date | null;
        revoked_reason: string;
      }>(
        `SELECT f.family_id, f.expires_at, f.revoked_at, f.revoked_reason
           FROM tenancy.refresh_tokens t JOIN tenancy.refresh_families f USING (family_id) WHERE t.hash = $1`,
        [sha256(refreshToken)],
      )
    ).rows[0];

  beforeAll(async () => {
    const { items } = await app().get(TenantsRepository).list({ limit: 10 });
    tenantId = items[0]!.id;
    call = { tenantId, actorId: 'admin-test', roles: ['admin'], correlationId: randomUUID() };
  });

  /** A user signed in: their id, and the sign-in's answer. */
  async function signedIn(roles: Role[] = ['technician']) {
    const username = `refresher.${++counter}`;
    const password = `Refresher-Pass-${counter}-2026`;
    const { id } = await registerUser(users())(
      { username, displayName: 'A refresher', password, roles },
      call,
    );
    const signIn = () => users().authenticate({ tenantId, username, password });
    return { id, signIn, answer: await signIn() };
  }

  it('answers a refresh token at sign-in, valid for the configured hours; only its hash is at rest', async () => {
    const before = Date.now();
    const { id, answer } = await signedIn();
    const after = Date.now();
    expect(answer).toMatchObject({ userId: id, tenantId, tokenVersion: 0 });
    expect(answer.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Issued at some instant of the sign-in (bracketed, not bounded by a guess at its duration under load).
    const issuedAt = Date.parse(answer.refreshExpiresAt) - 24 * 3_600_000;
    expect(issuedAt).toBeGreaterThanOrEqual(before);
    expect(issuedAt).toBeLessThanOrEqual(after);
    const { rows } = await tenancy.pool.query<{ text: string }>(
      `SELECT row_to_json(t)::text || row_to_json(f)::text AS text
         FROM tenancy.refresh_tokens t JOIN tenancy.refresh_families f USING (family_id) WHERE f.user_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).not.toContain(answer.refreshToken);
    expect(await familyOf(answer.refreshToken)).toMatchObject({ revoked_at: null });
  });

  it('rotates: a new token in the same family and the same expiry; the old one, shown again, revokes the family', async () => {
    const { id, answer } = await signedIn();
    const first = await familyOf(answer.refreshToken);
    const second = await refresh(answer.refreshToken);
    expect(second).toMatchObject({ userId: id, tenantId, roles: ['technician'], tokenVersion: 0 });
    expect(second.refreshToken).not.toBe(answer.refreshToken);
    // Absolute: rotation does not move the sign-in's expiry.
    expect(second.refreshExpiresAt).toBe(answer.refreshExpiresAt);
    expect((await familyOf(second.refreshToken))?.family_id).toBe(first?.family_id);
    const third = await refresh(second.refreshToken);
    expect(third.refreshExpiresAt).toBe(answer.refreshExpiresAt);

    // The first token again: theft assumed, the whole family ends (the newest token too).
    expect(await refusal(() => refresh(answer.refreshToken))).toBe('TENANCY.REFRESH_INVALID');
    expect(await familyOf(third.refreshToken)).toMatchObject({ revoked_reason: 'reused' });
    expect(await refusal(() => refresh(third.refreshToken))).toBe('TENANCY.REFRESH_INVALID');
  });

  it('gives one new token to two refreshes of the same token racing; the other is a reuse', async () => {
    const { answer } = await signedIn();
    const outcomes = await Promise.all(
      [1, 2, 3].map(() =>
        refresh(answer.refreshToken).then(
          (next) => ({ won: next.refreshToken }),
          (error: { code?: string }) => ({ lost: error.code }),
        ),
      ),
    );
    const won = outcomes.flatMap((o) => ('won' in o ? [o.won] : []));
    expect(won).toHaveLength(1);
    expect(outcomes.filter((o) => 'lost' in o)).toEqual([
      { lost: 'TENANCY.REFRESH_INVALID' },
      { lost: 'TENANCY.REFRESH_INVALID' },
    ]);
    const { rows } = await tenancy.pool.query<{ tokens: string }>(
      `SELECT count(*)::text AS tokens FROM tenancy.refresh_tokens
        WHERE family_id = (SELECT family_id FROM tenancy.refresh_tokens WHERE hash = $1)`,
      [sha256(answer.refreshToken)],
    );
    expect(rows[0]!.tokens).toBe('2');
    expect(await familyOf(won[0]!)).toMatchObject({ revoked_reason: 'reused' });
  });

  it('refuses, with the one answer, unknown and malformed tokens, a disabled user and rights cut since the sign-in', async () => {
    const disabled = await signedIn();
    await app()
      .get(TenantStream)
      .execute(call, { type: 'DisableUser', data: { tenantId, userId: disabled.id } });
    const demoted = await signedIn(['technician', 'customer_service_agent']);
    await handlerOf(
      app(),
      'tenancy.ChangeUserRoles',
      tenancyService,
    )({ userId: demoted.id, roles: ['technician'] }, call);
    expect(
      await Promise.all([
        refusal(() => refresh('A'.repeat(43))),
        refusal(() => refresh('not a token')),
        refusal(() => sessions().refreshAccessToken({})),
        refusal(() => refresh(disabled.answer.refreshToken)),
        refusal(() => refresh(demoted.answer.refreshToken)),
      ]),
    ).toEqual(Array(5).fill('TENANCY.REFRESH_INVALID'));
    expect(await familyOf(disabled.answer.refreshToken)).toMatchObject({ revoked_reason: 'user_disabled' });
    expect(await familyOf(demoted.answer.refreshToken)).toMatchObject({
      revoked_reason: 'token_version_changed',
    });
    // Signed in again, the demoted user refreshes with the new rights.
    const again = await demoted.signIn();
    expect(await refresh(again.refreshToken)).toMatchObject({ roles: ['technician'], tokenVersion: 1 });
  });

  /** The user's refresh families: how each ended (null while it works), oldest first. */
  const familiesOf = async (userId: string) =>
    (
      await tenancy.pool.query<{ revoked_reason: string | null }>(
        `SELECT revoked_reason FROM tenancy.refresh_families WHERE user_id = $1 ORDER BY created_at, family_id`,
        [userId],
      )
    ).rows.map((row) => row.revoked_reason);

  it('ends every sign-in of a demoted user with the role change itself, not at their next refresh', async () => {
    const demoted = await signedIn(['technician', 'customer_service_agent']);
    await demoted.signIn(); // a second device
    const bystander = await signedIn(['technician', 'customer_service_agent']);
    expect(await familiesOf(demoted.id)).toEqual([null, null]);

    await handlerOf(
      app(),
      'tenancy.ChangeUserRoles',
      tenancyService,
    )({ userId: demoted.id, roles: ['technician'] }, call);
    // Nothing refreshed yet: both families ended in the change's transaction; another user's is left.
    expect(await familiesOf(demoted.id)).toEqual(['token_version_changed', 'token_version_changed']);
    expect(await familiesOf(bystander.id)).toEqual([null]);
    expect(await refusal(() => refresh(demoted.answer.refreshToken))).toBe('TENANCY.REFRESH_INVALID');
    expect(await familiesOf(demoted.id)).toEqual(['token_version_changed', 'token_version_changed']);

    // A sign-in after the change has the new version and lives through the next change of someone else.
    const after = await demoted.signIn();
    await handlerOf(
      app(),
      'tenancy.ChangeUserRoles',
      tenancyService,
    )({ userId: bystander.id, roles: ['technician'] }, call);
    expect(await refresh(after.refreshToken)).toMatchObject({ roles: ['technician'], tokenVersion: 1 });
    expect(await familiesOf(bystander.id)).toEqual(['token_version_changed']);
  });

  it('ends every sign-in of a disabled user at once, and of a user whose password an admin set', async () => {
    const disabled = await signedIn();
    await disabled.signIn();
    await handlerOf(app(), 'tenancy.DisableUser', tenancyService)({ userId: disabled.id }, call);
    expect(await familiesOf(disabled.id)).toEqual(['user_disabled', 'user_disabled']);

    const reset = await signedIn();
    await setUserPassword(users())({ userId: reset.id, password: 'Another-Long-Pass-2026' }, call);
    expect(await familiesOf(reset.id)).toEqual(['token_version_changed']);
  });

  it('leaves the sign-ins alone when the change is refused (one transaction with the events)', async () => {
    const kept = await signedIn(['technician', 'customer_service_agent']);
    const stale = await refusal(() =>
      handlerOf(
        app(),
        'tenancy.ChangeUserRoles',
        tenancyService,
      )({ userId: kept.id, roles: ['technician'], expectedVersion: 1 }, call),
    );
    expect(stale).not.toBe('none');
    expect(await familiesOf(kept.id)).toEqual([null]);
    expect(await refresh(kept.answer.refreshToken)).toMatchObject({ tokenVersion: 0 });
  });

  it('ends the sign-in at logout; any well-formed token gets the same answer', async () => {
    const { answer } = await signedIn();
    const next = await refresh(answer.refreshToken);
    expect(await sessions().logout({ refreshToken: next.refreshToken })).toEqual({ revoked: true });
    expect(await familyOf(next.refreshToken)).toMatchObject({ revoked_reason: 'logout' });
    expect(await refusal(() => refresh(next.refreshToken))).toBe('TENANCY.REFRESH_INVALID');
    // Unknown, or logged out already: the same answer, nothing written.
    expect(await sessions().logout({ refreshToken: 'B'.repeat(43) })).toEqual({ revoked: true });
    expect(await sessions().logout({ refreshToken: next.refreshToken })).toEqual({ revoked: true });
    expect(await familyOf(next.refreshToken)).toMatchObject({ revoked_reason: 'logout' });
  });

  it('refuses an expired sign-in', async () => {
    const { answer } = await signedIn();
    await tenancy.pool.query(
      `UPDATE tenancy.refresh_families SET expires_at = now() - interval '1 second'
        WHERE family_id = (SELECT family_id FROM tenancy.refresh_tokens WHERE hash = $1)`,
      [sha256(answer.refreshToken)],
    );
    expect(await refusal(() => refresh(answer.refreshToken))).toBe('TENANCY.REFRESH_INVALID');
    expect(await familyOf(answer.refreshToken)).toMatchObject({ revoked_reason: 'expired' });
  });
});

describe('the purge of expired sign-ins', () => {
  let call: CallContext;
  let tenantId = '';
  let counter = 0;
  const logger = createLogger('refresh-purge-test', 'silent');
  const app = () => tenancy.app;

  beforeAll(async () => {
    const { items } = await app().get(TenantsRepository).list({ limit: 10 });
    tenantId = items[0]!.id;
    call = { tenantId, actorId: 'admin-test', roles: ['admin'], correlationId: randomUUID() };
  });

  /** A sign-in of a new user: its refresh token, and its family's id. */
  async function signIn(): Promise<{ token: string; familyId: string }> {
    const username = `purged.${++counter}`;
    const password = `Purged-Pass-${counter}-2026`;
    const users = app().get(UsersHandlers);
    await registerUser(users)({ username, displayName: 'A sign-in', password, roles: ['technician'] }, call);
    const { refreshToken } = await users.authenticate({ tenantId, username, password });
    await app().get(SessionsHandlers).refreshAccessToken({ refreshToken }); // a used token in the family too
    const { rows } = await tenancy.pool.query<{ family_id: string }>(
      `SELECT family_id FROM tenancy.refresh_tokens WHERE hash = $1`,
      [sha256(refreshToken)],
    );
    return { token: refreshToken, familyId: rows[0]!.family_id };
  }

  const expire = (familyId: string, ago: string) =>
    tenancy.pool.query(
      `UPDATE tenancy.refresh_families SET expires_at = now() - $2::interval WHERE family_id = $1`,
      [familyId, ago],
    );

  /** What is left of these families: `family/tokens` each, e.g. `live/2`, `gone/0`. */
  const left = async (...familyIds: string[]) =>
    Promise.all(
      familyIds.map(async (id) => {
        const { rows } = await tenancy.pool.query<{ families: string; tokens: string }>(
          `SELECT (SELECT count(*) FROM tenancy.refresh_families WHERE family_id = $1)::text AS families,
                  (SELECT count(*) FROM tenancy.refresh_tokens WHERE family_id = $1)::text AS tokens`,
          [id],
        );
        return `${rows[0]!.families === '1' ? 'kept' : 'gone'}/${rows[0]!.tokens}`;
      }),
    );

  it('deletes the expired sign-ins with their tokens, in batches, and keeps the live and the revoked ones', async () => {
    const expired = await signIn();
    const expiredLongAgo = await signIn();
    const live = await signIn();
    const loggedOut = await signIn();
    await expire(expired.familyId, '1 second');
    await expire(expiredLongAgo.familyId, '30 days');
    await app().get(SessionsHandlers).logout({ refreshToken: loggedOut.token });
    const purge = new RefreshPurge(tenancy.pool, { everyMs: 60_000, logger, batch: 1 });

    const outcome = await purge.purgeOnce();
    expect(outcome).not.toBe('busy');
    expect(outcome === 'busy' ? 0 : outcome.purged).toBeGreaterThanOrEqual(2);
    expect(await left(expired.familyId, expiredLongAgo.familyId, live.familyId, loggedOut.familyId)).toEqual([
      'gone/0',
      'gone/0',
      'kept/2',
      'kept/2',
    ]);
    // Nothing expired is left: the next purge finds nothing.
    expect(await purge.purgeOnce()).toEqual({ purged: 0 });
  });

  it('lets one replica purge at a time: the other skips its turn and deletes nothing', async () => {
    const expired = await signIn();
    await expire(expired.familyId, '1 hour');
    const other = new Pool({ connectionString: tenancy.databaseUrl, max: 1 });
    try {
      const holder = await other.connect();
      try {
        await holder.query(`SELECT pg_advisory_lock(hashtext('tenancy.refresh_families purge'))`);
        const purge = new RefreshPurge(tenancy.pool, { everyMs: 60_000, logger });
        expect(await purge.purgeOnce()).toBe('busy');
        expect(await left(expired.familyId)).toEqual(['kept/2']);
        await holder.query(`SELECT pg_advisory_unlock(hashtext('tenancy.refresh_families purge'))`);
        expect(await purge.purgeOnce()).toEqual({ purged: 1 });
        expect(await left(expired.familyId)).toEqual(['gone/0']);
      } finally {
        holder.release();
      }
      // Two replicas at once: every expired sign-in purged once between them, neither fails.
      const many = await Promise.all([signIn(), signIn(), signIn()]);
      for (const { familyId } of many) await expire(familyId, '1 minute');
      const outcomes = await Promise.all(
        [tenancy.pool, other].map((on) =>
          new RefreshPurge(on, { everyMs: 60_000, logger, batch: 1 }).purgeOnce(),
        ),
      );
      const purged = outcomes.reduce((sum, o) => sum + (o === 'busy' ? 0 : o.purged), 0);
      expect(purged).toBe(3);
      expect(await left(...many.map((m) => m.familyId))).toEqual(['gone/0', 'gone/0', 'gone/0']);
    } finally {
      await other.end();
    }
  });

  it('runs by itself at start and then every period, until stopped; a new start (a restart) purges again', async () => {
    const first = await signIn();
    await expire(first.familyId, '1 minute');
    const purge = new RefreshPurge(tenancy.pool, { everyMs: 100, logger });
    purge.start();
    try {
      await eventually('the first purge', async () =>
        (await left(first.familyId))[0] === 'gone/0' ? true : undefined,
      );
      const second = await signIn();
      await expire(second.familyId, '1 minute');
      await eventually('a purge a period later', async () =>
        (await left(second.familyId))[0] === 'gone/0' ? true : undefined,
      );
    } finally {
      await purge.stop();
    }
    const afterStop = await signIn();
    await expire(afterStop.familyId, '1 minute');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await left(afterStop.familyId)).toEqual(['kept/2']);
    const restarted = new RefreshPurge(tenancy.pool, { everyMs: 60_000, logger });
    restarted.start();
    try {
      await eventually('the purge at the restart', async () =>
        (await left(afterStop.familyId))[0] === 'gone/0' ? true : undefined,
      );
    } finally {
      await restarted.stop();
    }
  });
});
