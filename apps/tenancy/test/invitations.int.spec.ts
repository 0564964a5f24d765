import { createHash, randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@serviceops/eventstore';
import { type CallContext } from '@serviceops/platform';
import { InvitationsHandlers } from '../src/application/invitations.handlers';
import { TenantStream } from '../src/application/tenant-stream';
import { UsersHandlers } from '../src/application/users.handlers';
import { tenantStreamId } from '../src/domain/tenant/tenant.decider';
import { TenantsRepository } from '../src/infrastructure/tenants.repository';
import { eventually } from '@serviceops/testing';
import { issueUserInvitation, tenancyOnOwnDatabase } from './tenancy-on-own-database';

// Activation invitations on tenancy's own database (issue 13 item 1): a staff login made at hiring has no
// invitation until an admin issues one and hands its token over, the person activates with it and signs in. The
// secret is held nowhere at rest (only its SHA-256), in no event, and every refused token writes nothing.

const ACTIVATION_URL = 'https://app.example.com/activate';
const tenancy = tenancyOnOwnDatabase('tenancy_invitations', { ACTIVATION_URL });

/** What a refusal was: its code, or 'none' when the call went through. */
async function refusal(act: () => Promise<unknown>): Promise<string> {
  try {
    await act();
    return 'none';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('activation invitations in tenancy', () => {
  let call: CallContext;
  let tenantId = '';
  let branchId = '';

  const app = () => tenancy.app;
  const invitations = () => app().get(InvitationsHandlers);
  const users = () => app().get(UsersHandlers);
  const version = async () => (await app().get(TenantStream).read(tenantId)).version;
  const rowsOf = async (userId: string) =>
    (
      await tenancy.pool.query<{ invitation_id: string; secret_hash: Buffer; row: string }>(
        `SELECT invitation_id, secret_hash, row_to_json(i)::text AS row FROM tenancy.invitations i
          WHERE user_id = $1`,
        [userId],
      )
    ).rows;
  const credentialOf = async (userId: string) =>
    (await tenancy.pool.query(`SELECT 1 FROM tenancy.credentials WHERE user_id = $1`, [userId])).rowCount;

  beforeAll(async () => {
    const { items } = await app().get(TenantsRepository).list({ limit: 10 });
    tenantId = items[0]!.id;
    call = { tenantId, actorId: 'admin-test', roles: ['admin'], correlationId: randomUUID() };
    branchId = randomUUID();
    await app()
      .get(TenantStream)
      .execute(call, { type: 'AddBranch', data: { tenantId, branchId, name: 'Invitations branch' } });
  });

  /** A staff member hired with a login: staff's request in its log, taken by tenancy's consumer. */
  async function hiredWithLogin(username: string): Promise<string> {
    const staffId = randomUUID();
    const staffLog = new PostgresEventStore({ pool: tenancy.pool, schema: 'staff', groupCommit: false });
    await staffLog.migrate();
    await staffLog.append(
      `staff-member-${tenantId}-${staffId}`,
      [
        {
          type: 'StaffLoginRequested',
          data: { staffId, username, roles: ['coach'], branchId, requestedAt: new Date().toISOString() },
        },
      ],
      { metadata: { tenantId, actorId: 'staff-test', correlationId: randomUUID() } },
    );
    await eventually(
      'the staff login',
      async () => (await app().get(TenantStream).read(tenantId)).tenant.users[staffId],
    );
    return staffId;
  }

  it('makes the login with no invitation; the admin issues the first: only a hash at rest, none in events', async () => {
    const staffId = await hiredWithLogin('invited.one');
    expect(await rowsOf(staffId)).toHaveLength(0);
    const user = (await app().get(TenantStream).read(tenantId)).tenant.users[staffId]!;
    expect(user).toMatchObject({ pendingActivation: true });
    expect(user).not.toHaveProperty('invitation');

    const before = Date.now();
    const issued = await issueUserInvitation(invitations())({ userId: staffId }, call);
    const after = Date.now();
    const [invitationId, secret] = issued.token.split('.') as [string, string];
    expect(invitationId).toBe(issued.invitationId);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.activationUrl).toBe(`${ACTIVATION_URL}#token=${issued.token}`);
    // The default validity: 72 hours from an instant of the call (bracketed, however long it took under load).
    const issuedAt = Date.parse(issued.expiresAt) - 72 * 3_600_000;
    expect(issuedAt).toBeGreaterThanOrEqual(before);
    expect(issuedAt).toBeLessThanOrEqual(after);

    // At rest: one row, holding the SHA-256 of the secret and not the secret.
    const rows = await rowsOf(staffId);
    expect(rows.map((r) => r.invitation_id)).toEqual([invitationId]);
    expect(rows[0]!.secret_hash.equals(createHash('sha256').update(secret).digest())).toBe(true);
    expect(rows[0]!.row).not.toContain(secret);
    expect(rows[0]!.row).not.toContain(Buffer.from(secret).toString('hex'));
    // In the stream (published): that an invitation was issued, never its secret.
    const { rows: events } = await tenancy.pool.query<{ type: string; text: string }>(
      `SELECT type, row_to_json(e)::text AS text FROM tenancy.events e WHERE stream_id = $1`,
      [tenantStreamId(tenantId)],
    );
    expect(events.filter((e) => e.type === 'UserInvitationIssued')).toHaveLength(1);
    for (const event of events) expect(event.text).not.toContain(secret);
  });

  it('activates once with the latest token and a good password; every refused token writes nothing', async () => {
    const staffId = await hiredWithLogin('invited.two');
    const old = await issueUserInvitation(invitations())({ userId: staffId }, call);
    const latest = await issueUserInvitation(invitations())({ userId: staffId }, call);
    const password = 'Coach-Two-Activates-2026';
    const login = () =>
      users().authenticate({ tenantId, username: 'invited.two', password: 'Coach-Two-Activates-2026' });
    // Pending: no password signs in.
    expect(await refusal(login)).toBe('UNAUTHENTICATED');

    const unchanged = await version();
    const wrongSecret = `${latest.invitationId}.${'A'.repeat(43)}`;
    const unknown = `${randomUUID()}.${latest.token.split('.')[1]!}`;
    expect(
      await Promise.all([
        refusal(() => invitations().activateUser({ token: old.token, password })),
        refusal(() => invitations().activateUser({ token: wrongSecret, password })),
        refusal(() => invitations().activateUser({ token: unknown, password })),
        refusal(() => invitations().activateUser({ token: 'not-a-token', password })),
        refusal(() => invitations().activateUser({ token: latest.token, password: 'password1' })),
        refusal(() => invitations().activateUser({ token: latest.token, password: 'short' })),
      ]),
    ).toEqual([
      'TENANCY.INVITATION_INVALID',
      'TENANCY.INVITATION_INVALID',
      'TENANCY.INVITATION_INVALID',
      'TENANCY.INVITATION_INVALID',
      'TENANCY.PASSWORD_TOO_COMMON',
      'VALIDATION',
    ]);
    expect(await version()).toBe(unchanged);
    expect(await credentialOf(staffId)).toBe(0);

    const answer = await invitations().activateUser({ token: latest.token, password });
    // Signed in at once: with the sign-in's first refresh token, as a login answers.
    expect(answer).toEqual({
      userId: staffId,
      tenantId,
      username: 'invited.two',
      roles: ['coach'],
      tokenVersion: 1,
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string,
      refreshExpiresAt: expect.any(String) as string,
    });
    expect(await login()).toMatchObject({ userId: staffId, tokenVersion: 1 });
    const user = (await app().get(TenantStream).read(tenantId)).tenant.users[staffId]!;
    expect(user.pendingActivation).toBeUndefined();
    expect(await rowsOf(staffId)).toEqual([]);

    // Used: the same token again is the same refusal, and nothing is written.
    const after = await version();
    expect(
      await refusal(() => invitations().activateUser({ token: latest.token, password: 'Another-Pass-2026' })),
    ).toBe('TENANCY.INVITATION_INVALID');
    expect(await version()).toBe(after);
    expect(await login()).toMatchObject({ userId: staffId });
    // An active user gets no invitation.
    expect(await refusal(() => issueUserInvitation(invitations())({ userId: staffId }, call))).toBe(
      'TENANCY.USER_ALREADY_ACTIVE',
    );
  });

  it('refuses a disabled user’s token, and an invitation for another tenant’s user is 404', async () => {
    const staffId = await hiredWithLogin('invited.three');
    const issued = await issueUserInvitation(invitations())({ userId: staffId }, call);
    await app()
      .get(TenantStream)
      .execute(call, { type: 'DisableUser', data: { tenantId, userId: staffId } });
    const unchanged = await version();
    expect(
      await refusal(() =>
        invitations().activateUser({ token: issued.token, password: 'Disabled-Coach-2026' }),
      ),
    ).toBe('TENANCY.INVITATION_INVALID');
    expect(await version()).toBe(unchanged);
    expect(await credentialOf(staffId)).toBe(0);
    // Disabling the user ended the invitation: its hash went with it.
    expect(await rowsOf(staffId)).toEqual([]);

    const other = { ...call, tenantId: randomUUID() };
    expect(await refusal(() => issueUserInvitation(invitations())({ userId: staffId }, other))).toBe(
      'TENANCY.TENANT_NOT_FOUND',
    );
    expect(await refusal(() => issueUserInvitation(invitations())({ userId: randomUUID() }, call))).toBe(
      'TENANCY.USER_NOT_FOUND',
    );
  });
});
