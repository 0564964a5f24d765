import { defaultBusinessCalendar, DomainError } from '@serviceops/kernel';
import { tenantDecider, type TenantCommand, type TenantEvent } from './tenant.decider';
import { TenancyErrorCode } from './tenant.errors';
import { invitationVerdict, type InvitationVerdict } from './tenant.invitation';
import { entry } from './tenant.state';

// Activation invitations (issue 13 item 1): a login made without a password is activated by its person with the
// latest invitation's token, once, before it expires, while the user is enabled and still pending.

const T = '11111111-1111-4111-8111-111111111111';
const STAFF = '22222222-2222-4222-8222-222222222222';
const FIRST = '33333333-3333-4333-8333-333333333333';
const SECOND = '44444444-4444-4444-8444-444444444444';
const issuedAt = new Date('2026-03-02T01:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(issuedAt.getTime() + ms);

const tenant: TenantEvent[] = [
  {
    type: 'TenantCreated',
    data: { tenantId: T, name: 'Acme', calendar: defaultBusinessCalendar, createdAt: issuedAt.toISOString() },
  },
  {
    type: 'UserRegistered',
    data: {
      userId: 'u-admin',
      username: 'boss',
      displayName: 'Boss',
      roles: ['admin'],
      branchId: null,
      registeredAt: issuedAt.toISOString(),
    },
  },
];
const fold = (events: readonly TenantEvent[]) =>
  events.reduce(tenantDecider.evolve, tenantDecider.initialState());
const decide = (given: readonly TenantEvent[], command: TenantCommand, now = issuedAt) =>
  tenantDecider.decide(command, fold(given), { now });

const hire: TenantCommand = {
  type: 'CreateStaffLogin',
  data: {
    tenantId: T,
    staffId: STAFF,
    username: 'li.wei',
    roles: ['coach'],
  },
};
const issue = (invitationId: string, validForHours = 72): TenantCommand => ({
  type: 'IssueUserInvitation',
  data: { tenantId: T, userId: STAFF, invitationId, validForHours },
});
/** A pending staff login (made with no invitation). */
const created = [...tenant, ...decide(tenant, hire)];
/** The same with the first invitation the admin issued, valid 72 h from `issuedAt`. */
const pending = [...created, ...decide(created, issue(FIRST))];
const activate = (invitationId: string): TenantCommand => ({
  type: 'ActivateUser',
  data: { tenantId: T, userId: STAFF, invitationId },
});
const activated = [...pending, ...decide(pending, activate(FIRST), at(HOUR))];
const reissued = [...pending, ...decide(pending, issue(SECOND), at(HOUR))];
const disabled: TenantEvent[] = [...pending, { type: 'UserDisabled', data: { userId: STAFF } }];
const passwordSetByAdmin: TenantEvent[] = [
  ...pending,
  { type: 'UserPasswordChanged', data: { userId: STAFF, changedAt: at(HOUR).toISOString() } },
];
const userIn = (events: readonly TenantEvent[]) => {
  const state = fold(events);
  return state.status === 'active' ? entry(state.users, STAFF) : undefined;
};

/** The code of the domain error `act` throws ('none' when it decides). */
function refusalOf(act: () => unknown): string {
  try {
    act();
    return 'none';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
}

describe('activation invitations', () => {
  it('makes the staff login with no invitation: nobody holds a token until the admin issues one', () => {
    expect(created.map((e) => e.type)).not.toContain('UserInvitationIssued');
    expect(userIn(created)).toMatchObject({ pendingActivation: true });
    expect(userIn(created)).not.toHaveProperty('invitation');
    expect(invitationVerdict(userIn(created), FIRST, issuedAt)).not.toBe('valid');
  });

  it('issues the admin’s first invitation: no secret in the event, expiring 72 h later', () => {
    expect(pending.at(-1)).toEqual({
      type: 'UserInvitationIssued',
      data: {
        userId: STAFF,
        invitationId: FIRST,
        issuedAt: issuedAt.toISOString(),
        expiresAt: '2026-03-05T01:00:00.000Z',
      },
    });
  });

  it.each<[string, InvitationVerdict, readonly TenantEvent[], string, Date]>([
    ['the latest, unused, a moment after issue', 'valid', pending, FIRST, issuedAt],
    ['at the last millisecond before expiry', 'valid', pending, FIRST, at(72 * HOUR - 1)],
    ['at its expiry instant', 'expired', pending, FIRST, at(72 * HOUR)],
    ['after its expiry', 'expired', pending, FIRST, at(100 * HOUR)],
    ['already used', 'used', activated, FIRST, at(2 * HOUR)],
    ['superseded by a new invitation', 'superseded', reissued, FIRST, at(2 * HOUR)],
    ['the new invitation after a re-issue', 'valid', reissued, SECOND, at(2 * HOUR)],
    ['the new one keeps its own 72 h from its issue', 'valid', reissued, SECOND, at(73 * HOUR - 1)],
    ['the new one expired', 'expired', reissued, SECOND, at(73 * HOUR)],
    ['for a disabled user', 'disabled', disabled, FIRST, issuedAt],
    ['once an admin set a password', 'already_active', passwordSetByAdmin, FIRST, at(2 * HOUR)],
    ['for a user never invited', 'unknown_user', tenant, FIRST, issuedAt],
  ])('%s: %s', (_, verdict, given, invitationId, now) => {
    expect(invitationVerdict(userIn(given), invitationId, now)).toBe(verdict);
  });

  it('activates with the valid invitation: used up, password changed, pending no more, older tokens revoked', () => {
    expect(decide(pending, activate(FIRST), at(HOUR))).toEqual([
      {
        type: 'UserActivated',
        data: { userId: STAFF, invitationId: FIRST, activatedAt: at(HOUR).toISOString() },
      },
      { type: 'UserPasswordChanged', data: { userId: STAFF, changedAt: at(HOUR).toISOString() } },
    ]);
    const user = userIn(activated);
    expect(user?.pendingActivation).toBeUndefined();
    expect(user?.invitation?.acceptedAt).toBe(at(HOUR).toISOString());
    expect(user?.tokenVersion).toBe(1);
  });

  it.each<[string, readonly TenantEvent[], string, Date]>([
    ['expired', pending, FIRST, at(72 * HOUR)],
    ['used', activated, FIRST, at(2 * HOUR)],
    ['superseded', reissued, FIRST, at(2 * HOUR)],
    ['for a disabled user', disabled, FIRST, issuedAt],
    ['once an admin set a password', passwordSetByAdmin, FIRST, at(2 * HOUR)],
  ])('refuses an activation %s with the one code for all, deciding nothing', (_, given, id, now) => {
    expect(refusalOf(() => decide(given, activate(id), now))).toBe(TenancyErrorCode.INVITATION_INVALID);
  });

  it('re-issues for a pending user: the new one dated from now', () => {
    expect(decide(pending, issue(SECOND, 24), at(HOUR))).toEqual([
      {
        type: 'UserInvitationIssued',
        data: {
          userId: STAFF,
          invitationId: SECOND,
          issuedAt: at(HOUR).toISOString(),
          expiresAt: at(25 * HOUR).toISOString(),
        },
      },
    ]);
  });

  it.each<[string, readonly TenantEvent[], string]>([
    ['an active user (an admin resets a password instead)', activated, TenancyErrorCode.USER_ALREADY_ACTIVE],
    ['a user whose password an admin set', passwordSetByAdmin, TenancyErrorCode.USER_ALREADY_ACTIVE],
    ['a disabled user', disabled, TenancyErrorCode.USER_DISABLED],
    ['a user of no such id (another tenant’s)', tenant, TenancyErrorCode.USER_NOT_FOUND],
  ])('refuses an invitation for %s', (_, given, code) => {
    expect(refusalOf(() => decide(given, issue(SECOND), at(HOUR)))).toBe(code);
  });

  it.each([0, -1, 1.5])('refuses a validity of %s hours (a deployment error, not a request)', (hours) => {
    expect(() => decide(pending, issue(SECOND, hours))).toThrow(RangeError);
  });
});
