import { defaultBusinessCalendar, fold } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import type { Role } from '../roles';
import { tenantDecider, type TenantCommand, type TenantEvent } from './tenant.decider';
import { erasedUsername, type ActiveTenant } from './tenant.state';

// Issue 11, the leftover: an admin erases a user of their tenant.

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const T = 't1';
const spec = (given: readonly TenantEvent[]) => deciderSpec(tenantDecider, { now }).given(given);

const registered = (userId: string, username: string, roles: Role[]): TenantEvent => ({
  type: 'UserRegistered',
  data: { userId, username, displayName: 'enc:v1:sealed', roles, branchId: null, registeredAt: at },
});
const disabled = (userId: string): TenantEvent => ({ type: 'UserDisabled', data: { userId } });
const erasedEvent = (userId: string): TenantEvent => ({ type: 'UserErased', data: { userId, erasedAt: at } });
const erase = (userId: string): TenantCommand => ({ type: 'EraseUser', data: { tenantId: T, userId } });

const tenant: TenantEvent[] = [
  {
    type: 'TenantCreated',
    data: { tenantId: T, name: 'Acme', calendar: defaultBusinessCalendar, createdAt: at },
  },
  registered('u-admin', 'boss', ['admin']),
  registered('u-coach', 'li.wei', ['coach']),
  registered('u-gone', 'old.finance', ['finance']),
  disabled('u-gone'),
];
const staffLogin = (staffId: string): TenantEvent[] => [
  registered(staffId, 'hired', ['coach']),
  {
    type: 'StaffLoginCreated',
    data: {
      staffId,
      userId: staffId,
      username: 'hired',
      roles: ['coach'],
      branchId: null,
      activation: 'pending',
      createdAt: at,
    },
  },
];
const closed = (staffId: string): TenantEvent => ({
  type: 'StaffLoginClosed',
  data: { staffId, userId: staffId, lastDay: '2026-03-01', closedAt: at },
});

describe('EraseUser', () => {
  it('disables an enabled user, then erases them', () => {
    spec(tenant)
      .when(erase('u-coach'))
      .then([disabled('u-coach'), erasedEvent('u-coach')]);
  });

  it('erases a disabled user without disabling them again', () => {
    spec(tenant)
      .when(erase('u-gone'))
      .then([erasedEvent('u-gone')]);
  });

  it('erases an admin while another enabled admin remains, and a disabled admin always', () => {
    const second = registered('u-admin2', 'deputy', ['admin']);
    spec([...tenant, second])
      .when(erase('u-admin'))
      .then([disabled('u-admin'), erasedEvent('u-admin')]);
    spec([...tenant, second, disabled('u-admin2')])
      .when(erase('u-admin2'))
      .then([erasedEvent('u-admin2')]);
  });

  it('erases a leaver’s closed staff login', () => {
    spec([...tenant, ...staffLogin('s-1'), disabled('s-1'), closed('s-1')])
      .when(erase('s-1'))
      .then([erasedEvent('s-1')]);
  });

  it.each<[string, TenantEvent[], string, string]>([
    ['the user does not exist', tenant, 'u-nobody', 'TENANCY.USER_NOT_FOUND'],
    ['the user is erased already', [...tenant, erasedEvent('u-gone')], 'u-gone', 'TENANCY.USER_ERASED'],
    ['the user is the last enabled admin', tenant, 'u-admin', 'TENANCY.LAST_ADMIN'],
    [
      'the user is a staff member’s open login (made at hire)',
      [...tenant, ...staffLogin('s-1')],
      's-1',
      'TENANCY.STAFF_LOGIN_OPEN',
    ],
    [
      'the user is a staff member’s open login (linked)',
      [
        ...tenant,
        {
          type: 'UserLinkedToStaff',
          data: { userId: 'u-coach', staffId: 's-2', staffVersion: 1, linkedAt: at },
        },
      ],
      'u-coach',
      'TENANCY.STAFF_LOGIN_OPEN',
    ],
  ])('refuses when %s', (_why, given, userId, code) => {
    spec(given).when(erase(userId)).thenThrows(code);
  });

  it('leaves the user disabled for good, nameless, under a pseudonym, with their tokens revoked', () => {
    const state = fold(tenantDecider.evolve, tenantDecider.initialState(), [
      ...tenant,
      disabled('u-coach'),
      erasedEvent('u-coach'),
    ]) as ActiveTenant;
    expect(state.users['u-coach']).toEqual({
      username: erasedUsername('u-coach'),
      displayName: '',
      roles: ['coach'],
      disabled: true,
      tokenVersion: 2,
      erased: true,
    });
  });

  it('frees the username: someone else may register it', () => {
    spec([...tenant, disabled('u-coach'), erasedEvent('u-coach')])
      .when({
        type: 'RegisterUser',
        data: { tenantId: T, userId: 'u-new', username: 'li.wei', displayName: 'Li Wei', roles: ['coach'] },
      })
      .then([
        {
          type: 'UserRegistered',
          data: {
            userId: 'u-new',
            username: 'li.wei',
            displayName: 'Li Wei',
            roles: ['coach'],
            branchId: null,
            registeredAt: at,
          },
        },
      ]);
  });

  it.each<[string, TenantCommand]>([
    [
      'their roles changed',
      { type: 'ChangeUserRoles', data: { tenantId: T, userId: 'u-coach', roles: ['admin'] } },
    ],
    ['a password set', { type: 'ChangeUserPassword', data: { tenantId: T, userId: 'u-coach' } }],
    [
      'their login linked',
      { type: 'LinkUserToStaff', data: { tenantId: T, userId: 'u-coach', staffId: 's-9' } },
    ],
  ])('refuses an erased user %s (they are disabled for good)', (_why, command) => {
    spec([...tenant, disabled('u-coach'), erasedEvent('u-coach')])
      .when(command)
      .thenThrows('TENANCY.USER_DISABLED');
  });
});
