import { defaultBusinessCalendar } from '@serviceops/kernel';
import type { Role } from '../roles';
import { tenantDecider, type TenantCommand, type TenantEvent } from './tenant.decider';

const now = new Date('2026-03-02T01:00:00.000Z');
const T = '11111111-1111-4111-8111-111111111111';
const STAFF = '22222222-2222-4222-8222-222222222222';
const tenant: TenantEvent[] = [
  {
    type: 'TenantCreated',
    data: { tenantId: T, name: 'Acme', calendar: defaultBusinessCalendar, createdAt: now.toISOString() },
  },
  { type: 'BranchAdded', data: { branchId: 'b1', name: 'Downtown', businessLines: [] } },
  {
    type: 'UserRegistered',
    data: {
      userId: 'u-admin',
      username: 'boss',
      displayName: 'Boss',
      roles: ['admin'],
      branchId: null,
      registeredAt: now.toISOString(),
    },
  },
];
const fold = (events: readonly TenantEvent[]) =>
  events.reduce(tenantDecider.evolve, tenantDecider.initialState());
const request = (
  over: Partial<{ username: string; roles: Role[]; branchId: string }> = {},
): TenantCommand => ({
  type: 'CreateStaffLogin',
  data: { tenantId: T, staffId: STAFF, username: ' Li.Wei ', roles: ['coach'], branchId: 'b1', ...over },
});
const decide = (given: readonly TenantEvent[], command = request()) =>
  tenantDecider.decide(command, fold(given), { now });

describe('a staff login requested by hiring (issue 13 item 1)', () => {
  it('registers the user under the staff id, pending activation, and says so', () => {
    expect(decide(tenant)).toEqual([
      {
        type: 'UserRegistered',
        data: {
          userId: STAFF,
          username: 'li.wei',
          displayName: 'Li.Wei',
          roles: ['coach'],
          branchId: 'b1',
          registeredAt: now.toISOString(),
        },
      },
      {
        type: 'StaffLoginCreated',
        data: {
          staffId: STAFF,
          userId: STAFF,
          username: 'li.wei',
          roles: ['coach'],
          branchId: 'b1',
          activation: 'pending',
          createdAt: now.toISOString(),
        },
      },
    ]);
  });

  it('adds nothing when the request is delivered again: one user', () => {
    const once = [...tenant, ...decide(tenant)];
    expect(decide(once)).toEqual([]);
    const state = fold(once);
    expect(state.status === 'active' && Object.keys(state.users)).toEqual(['u-admin', STAFF]);
    expect(state.status === 'active' && state.users[STAFF]).toMatchObject({ pendingActivation: true });
  });

  it.each<[string, Partial<{ username: string; roles: Role[]; branchId: string }>, string]>([
    ['a username already taken', { username: 'BOSS' }, 'TENANCY.USERNAME_TAKEN'],
    ['an unknown branch', { branchId: 'b9' }, 'TENANCY.BRANCH_NOT_FOUND'],
    ['an invalid username', { username: 'a b' }, 'TENANCY.INVALID_USERNAME'],
  ])('refuses %s with the rule’s code, once', (_why, over, code) => {
    const refused = decide(tenant, request(over));
    expect(refused).toEqual([
      {
        type: 'StaffLoginRefused',
        data: expect.objectContaining({ staffId: STAFF, code, refusedAt: now.toISOString() }) as object,
      },
    ]);
    expect(decide([...tenant, ...refused], request(over))).toEqual([]);
  });
});

describe('activating a staff login: an admin sets its first password', () => {
  it('clears pendingActivation and revokes tokens issued before', () => {
    const created = [...tenant, ...decide(tenant)];
    const set = decide(created, { type: 'ChangeUserPassword', data: { tenantId: T, userId: STAFF } });
    expect(set).toEqual([
      { type: 'UserPasswordChanged', data: { userId: STAFF, changedAt: now.toISOString() } },
    ]);
    const before = fold(created);
    const after = fold([...created, ...set]);
    if (before.status !== 'active' || after.status !== 'active') throw new Error('an active tenant');
    expect(after.users[STAFF]?.pendingActivation).toBeUndefined();
    expect(after.users[STAFF]?.tokenVersion).toBe((before.users[STAFF]?.tokenVersion ?? 0) + 1);
  });
});

describe('a leaver’s login closed (staff’s StaffMemberLeft)', () => {
  const close: TenantCommand = {
    type: 'CloseStaffLogin',
    data: { tenantId: T, staffId: STAFF, lastDay: '2026-03-02' },
  };
  const closed: TenantEvent = {
    type: 'StaffLoginClosed',
    data: { staffId: STAFF, userId: STAFF, lastDay: '2026-03-02', closedAt: now.toISOString() },
  };
  const userOf = (events: readonly TenantEvent[]) => {
    const state = fold(events);
    if (state.status !== 'active') throw new Error('an active tenant');
    return state.users[STAFF];
  };

  it('disables the user and bumps its token version, then records StaffLoginClosed', () => {
    const created = [...tenant, ...decide(tenant)];
    const events = decide(created, close);
    expect(events).toEqual([{ type: 'UserDisabled', data: { userId: STAFF } }, closed]);
    expect(userOf([...created, ...events])).toMatchObject({
      disabled: true,
      tokenVersion: (userOf(created)?.tokenVersion ?? 0) + 1,
    });
  });

  it('closes once: a redelivered leave changes nothing', () => {
    const created = [...tenant, ...decide(tenant)];
    const once = [...created, ...decide(created, close)];
    expect(decide(once, close)).toEqual([]);
  });

  it('only records the closing when an admin disabled the user already', () => {
    const created = [...tenant, ...decide(tenant)];
    const disabled: TenantEvent[] = [...created, { type: 'UserDisabled', data: { userId: STAFF } }];
    expect(decide(disabled, close)).toEqual([closed]);
  });

  it('closes a login of an admin too (no last-admin guard) and while the tenant is disabled', () => {
    const adminLogin = [...tenant, ...decide(tenant, request({ roles: ['admin'] }))];
    const off: TenantEvent[] = [
      ...adminLogin,
      { type: 'TenantDisabled', data: { disabledAt: now.toISOString() } },
    ];
    expect(decide(off, close)).toEqual([{ type: 'UserDisabled', data: { userId: STAFF } }, closed]);
  });

  it.each([
    ['no login was asked at hire', tenant],
    ['the login was refused', [...tenant, ...decide(tenant, request({ username: 'BOSS' }))]],
  ])('does nothing when %s', (_why, given) => {
    expect(decide(given, close)).toEqual([]);
  });
});

describe('a staff login following the person’s role (staff’s StaffRoleChanged)', () => {
  const follow = (from: Role, to: Role, staffVersion: number): TenantCommand => ({
    type: 'FollowStaffRole',
    data: { tenantId: T, staffId: STAFF, from, to, staffVersion },
  });
  const followed = (from: Role, to: Role, roles: Role[], staffVersion: number): TenantEvent => ({
    type: 'StaffLoginRolesFollowed',
    data: { staffId: STAFF, userId: STAFF, from, to, roles, staffVersion, followedAt: now.toISOString() },
  });
  const created = [...tenant, ...decide(tenant)];
  const userOf = (events: readonly TenantEvent[]) => {
    const state = fold(events);
    if (state.status !== 'active') throw new Error('an active tenant');
    return state.users[STAFF];
  };

  it('swaps the old role for the new, revoking the login’s tokens, and records the version followed', () => {
    const events = decide(created, follow('coach', 'technician', 3));
    expect(events).toEqual([
      { type: 'UserRolesChanged', data: { userId: STAFF, roles: ['technician'] } },
      followed('coach', 'technician', ['technician'], 3),
    ]);
    expect(userOf([...created, ...events])).toMatchObject({
      roles: ['technician'],
      tokenVersion: (userOf(created)?.tokenVersion ?? 0) + 1,
    });
  });

  it('keeps roles an admin granted besides', () => {
    const granted: TenantEvent[] = [
      ...created,
      { type: 'UserRolesChanged', data: { userId: STAFF, roles: ['coach', 'auditor'] } },
    ];
    expect(decide(granted, follow('coach', 'companion', 3))[0]).toEqual({
      type: 'UserRolesChanged',
      data: { userId: STAFF, roles: ['companion', 'auditor'] },
    });
  });

  it('follows once: a redelivery, and an older change delivered after a newer, change nothing', () => {
    const first = [...created, ...decide(created, follow('coach', 'technician', 3))];
    const second = [...first, ...decide(first, follow('technician', 'coach', 4))];
    expect(userOf(second)?.roles).toEqual(['coach']);
    expect(decide(second, follow('technician', 'coach', 4))).toEqual([]);
    // Coach → technician again (version 3, late): the person is a coach now, and stays one.
    expect(decide(second, follow('coach', 'technician', 3))).toEqual([]);
  });

  it('follows while the tenant is disabled (the login comes back with the current role)', () => {
    const off: TenantEvent[] = [
      ...created,
      { type: 'TenantDisabled', data: { disabledAt: now.toISOString() } },
    ];
    expect(decide(off, follow('coach', 'technician', 3))).toHaveLength(2);
  });

  it.each([
    ['no login was asked at hire', tenant],
    ['the login was refused', [...tenant, ...decide(tenant, request({ username: 'BOSS' }))]],
    [
      'the login was closed',
      [
        ...created,
        ...decide(created, {
          type: 'CloseStaffLogin',
          data: { tenantId: T, staffId: STAFF, lastDay: '2026-03-02' },
        }),
      ],
    ],
  ])('does nothing when %s', (_why, given) => {
    expect(decide(given, follow('coach', 'technician', 3))).toEqual([]);
  });

  it('refuses to take away the tenant’s last admin', () => {
    const adminLogin = [...tenant, ...decide(tenant, request({ roles: ['admin'] }))];
    const onlyAdmin: TenantEvent[] = [...adminLogin, { type: 'UserDisabled', data: { userId: 'u-admin' } }];
    expect(() => decide(onlyAdmin, follow('admin', 'coach', 3))).toThrow(
      expect.objectContaining({ code: 'TENANCY.LAST_ADMIN' }) as Error,
    );
  });
});
