import { defaultBusinessCalendar } from '@serviceops/kernel';
import { tenantDecider, type TenantCommand, type TenantEvent } from './tenant.decider';
import type { StaffMemberStanding, TenantContext } from './tenant.state';

// Issue 13 item 1: a user an admin made by hand becomes a staff member's login (one user per staff member).

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const T = '11111111-1111-4111-8111-111111111111';
const STAFF = '22222222-2222-4222-8222-222222222222';
const OTHER_STAFF = '33333333-3333-4333-8333-333333333333';
const registered = (userId: string, username: string, roles: ['admin'] | ['coach']): TenantEvent => ({
  type: 'UserRegistered',
  data: { userId, username, displayName: username, roles, branchId: null, registeredAt: at },
});
const tenant: TenantEvent[] = [
  {
    type: 'TenantCreated',
    data: { tenantId: T, name: 'Acme', calendar: defaultBusinessCalendar, createdAt: at },
  },
  registered('u-admin', 'boss', ['admin']),
  registered('u-li', 'li', ['coach']),
  registered('u-wu', 'wu', ['coach']),
];
const linked = (userId: string, staffId: string, staffVersion = 1): TenantEvent => ({
  type: 'UserLinkedToStaff',
  data: { userId, staffId, staffVersion, linkedAt: at },
});
const hireLogin: TenantEvent[] = [
  registered(STAFF, 'hired', ['coach']),
  {
    type: 'StaffLoginCreated',
    data: {
      staffId: STAFF,
      userId: STAFF,
      username: 'hired',
      roles: ['coach'],
      branchId: null,
      activation: 'pending',
      createdAt: at,
    },
  },
];
const closed = (userId: string): TenantEvent[] => [
  { type: 'UserDisabled', data: { userId } },
  { type: 'StaffLoginClosed', data: { staffId: STAFF, userId, lastDay: '2026-03-01', closedAt: at } },
];
const fold = (events: readonly TenantEvent[]) =>
  events.reduce(tenantDecider.evolve, tenantDecider.initialState());
const active: StaffMemberStanding = { status: 'active', version: 3 };
const link = (userId: string, staffId = STAFF): TenantCommand => ({
  type: 'LinkUserToStaff',
  data: { tenantId: T, userId, staffId },
});
const unlink = (userId: string): TenantCommand => ({
  type: 'UnlinkUserFromStaff',
  data: { tenantId: T, userId },
});
const decide = (
  given: readonly TenantEvent[],
  command: TenantCommand,
  staffMember: StaffMemberStanding | null = active,
) => {
  const context: TenantContext = staffMember ? { now, staffMember } : { now };
  return tenantDecider.decide(command, fold(given), context);
};
const codeOf = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('linking a user to a staff member', () => {
  it('links a user to a known staff member, recording the staff version seen', () => {
    expect(decide(tenant, link('u-li'))).toEqual([linked('u-li', STAFF, 3)]);
    const state = fold([...tenant, linked('u-li', STAFF, 3)]);
    expect(state.status === 'active' && state.users['u-li']?.staffId).toBe(STAFF);
    expect(state.status === 'active' && state.staffLogins?.[STAFF]).toEqual({
      status: 'open',
      userId: 'u-li',
      madeAt: 'link',
    });
  });

  it('changes nothing when the same pair is linked again (a repeated PUT)', () => {
    expect(decide([...tenant, linked('u-li', STAFF)], link('u-li'))).toEqual([]);
  });

  it.each<[string, TenantEvent[], TenantCommand, StaffMemberStanding | null, string]>([
    [
      'an unknown staff member (or another tenant’s)',
      [],
      link('u-li'),
      null,
      'TENANCY.STAFF_MEMBER_NOT_FOUND',
    ],
    ['a leaver', [], link('u-li'), { status: 'left', version: 4 }, 'TENANCY.STAFF_MEMBER_LEFT'],
    [
      'a leaver whose login was closed',
      [...hireLogin, ...closed(STAFF)],
      link('u-li'),
      active,
      'TENANCY.STAFF_MEMBER_LEFT',
    ],
    ['a staff member with a login from hire', hireLogin, link('u-li'), active, 'TENANCY.STAFF_LOGIN_EXISTS'],
    [
      'a staff member linked to another user',
      [linked('u-wu', STAFF)],
      link('u-li'),
      active,
      'TENANCY.STAFF_LOGIN_EXISTS',
    ],
    [
      'a user linked to another staff member',
      [linked('u-li', OTHER_STAFF)],
      link('u-li'),
      active,
      'TENANCY.USER_LINK_EXISTS',
    ],
    [
      'a hire login to another staff member',
      hireLogin,
      link(STAFF, OTHER_STAFF),
      active,
      'TENANCY.USER_LINK_EXISTS',
    ],
    ['an unknown user', [], link('u-nobody'), active, 'TENANCY.USER_NOT_FOUND'],
    [
      'a disabled user',
      [{ type: 'UserDisabled', data: { userId: 'u-li' } }],
      link('u-li'),
      active,
      'TENANCY.USER_DISABLED',
    ],
  ])('refuses %s', (_why, given, command, standing, code) => {
    expect(codeOf(() => decide([...tenant, ...given], command, standing))).toBe(code);
  });

  it('makes no second login when the hire’s login request arrives after a link', () => {
    const request: TenantCommand = {
      type: 'CreateStaffLogin',
      data: { tenantId: T, staffId: STAFF, username: 'late.login', roles: ['coach'] },
    };
    // No user registered: the request is answered with the user already linked (below).
    expect(decide([...tenant, linked('u-li', STAFF)], request).map((e) => e.type)).toEqual([
      'StaffLoginNotCreated',
    ]);
  });

  it('links a staff member whose login request at hire was refused', () => {
    const refused: TenantEvent = {
      type: 'StaffLoginRefused',
      data: {
        staffId: STAFF,
        username: 'boss',
        code: 'TENANCY.USERNAME_TAKEN',
        reason: 'taken',
        refusedAt: at,
      },
    };
    expect(decide([...tenant, refused], link('u-li'))).toEqual([linked('u-li', STAFF, 3)]);
  });
});

describe('unlinking a user from a staff member', () => {
  it('unlinks a linked user: an ordinary user again, and the staff member may be linked anew', () => {
    const given = [...tenant, linked('u-li', STAFF)];
    const events = decide(given, unlink('u-li'));
    expect(events).toEqual([
      { type: 'UserUnlinkedFromStaff', data: { userId: 'u-li', staffId: STAFF, unlinkedAt: at } },
    ]);
    const state = fold([...given, ...events]);
    expect(state.status === 'active' && state.users['u-li']?.staffId).toBeUndefined();
    expect(decide([...given, ...events], link('u-wu'))).toEqual([linked('u-wu', STAFF, 3)]);
  });

  it.each<[string, TenantEvent[], TenantCommand, string | TenantEvent[]]>([
    ['changes nothing for a user linked to no one', [], unlink('u-li'), []],
    ['refuses the login made at hire', hireLogin, unlink(STAFF), 'TENANCY.HIRE_LOGIN_NOT_UNLINKABLE'],
    [
      'refuses a leaver’s closed login',
      [linked('u-li', STAFF), ...closed('u-li')],
      unlink('u-li'),
      'TENANCY.STAFF_MEMBER_LEFT',
    ],
    ['refuses an unknown user', [], unlink('u-nobody'), 'TENANCY.USER_NOT_FOUND'],
  ])('%s', (_why, given, command, outcome) => {
    if (typeof outcome === 'string')
      expect(codeOf(() => decide([...tenant, ...given], command))).toBe(outcome);
    else expect(decide([...tenant, ...given], command)).toEqual(outcome);
  });
});

describe('a linked user follows the staff member', () => {
  const given = [...tenant, linked('u-li', STAFF, 3)];
  const leave: TenantCommand = {
    type: 'CloseStaffLogin',
    data: { tenantId: T, staffId: STAFF, lastDay: '2026-03-01' },
  };
  const roleChange = (staffVersion: number): TenantCommand => ({
    type: 'FollowStaffRole',
    data: { tenantId: T, staffId: STAFF, from: 'coach', to: 'technician', staffVersion },
  });

  it('is disabled and closed once when the person leaves', () => {
    const events = decide(given, leave);
    expect(events).toEqual(closed('u-li'));
    expect(decide([...given, ...events], leave)).toEqual([]);
  });

  it('takes a role change made after the link, once', () => {
    const events = decide(given, roleChange(4));
    expect(events.map((e) => [e.type, (e.data as { userId: string }).userId])).toEqual([
      ['UserRolesChanged', 'u-li'],
      ['StaffLoginRolesFollowed', 'u-li'],
    ]);
    expect(decide([...given, ...events], roleChange(4))).toEqual([]);
  });

  it('ignores a role change from before the link delivered again', () => {
    expect(decide(given, roleChange(2))).toEqual([]);
  });

  it('is left alone after it was unlinked', () => {
    const unlinked = [...given, ...decide(given, unlink('u-li'))];
    expect(decide(unlinked, leave)).toEqual([]);
    expect(decide(unlinked, roleChange(5))).toEqual([]);
  });
});

describe('a hire’s login request after a user was linked by hand (issue 13)', () => {
  const request: TenantCommand = {
    type: 'CreateStaffLogin',
    data: { tenantId: T, staffId: STAFF, username: 'hired', roles: ['coach'] },
  };
  const notCreated = (userId: string): TenantEvent => ({
    type: 'StaffLoginNotCreated',
    data: { staffId: STAFF, userId, reason: 'already-linked', answeredAt: at },
  });

  it.each<[string, TenantEvent[], string]>([
    ['linked and open', [linked('u-li', STAFF)], 'u-li'],
    ['linked, and closed since the person left', [linked('u-li', STAFF), ...closed('u-li')], 'u-li'],
  ])('answers StaffLoginNotCreated naming the user when %s', (_why, given, userId) => {
    expect(decide([...tenant, ...given], request)).toEqual([notCreated(userId)]);
  });

  it.each<[string, TenantEvent[]]>([
    ['answered so already (a redelivery)', [linked('u-li', STAFF), notCreated('u-li')]],
    [
      'answered so, then unlinked',
      [
        linked('u-li', STAFF),
        notCreated('u-li'),
        { type: 'UserUnlinkedFromStaff', data: { userId: 'u-li', staffId: STAFF, unlinkedAt: at } },
      ],
    ],
    ['made at hire already', hireLogin],
  ])('adds nothing when %s', (_why, given) => {
    expect(decide([...tenant, ...given], request)).toEqual([]);
  });
});
