import { type BusinessCalendar, defaultBusinessCalendar, fold } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import type { BusinessLine } from '../business-lines';
import type { Role } from '../roles';
import { tenantDecider, tenantStreamId, type TenantCommand, type TenantEvent } from './tenant.decider';
import type { TenantCreated } from './create-tenant';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly TenantEvent[]) => deciderSpec(tenantDecider, { now }).given(given);

const T = 't1';
const berlin: BusinessCalendar = {
  timeZone: 'Europe/Berlin',
  workingHours: [{ weekday: 1, open: '08:00', close: '16:30' }],
  holidays: ['2026-12-25'],
};

// --- events, as history -----------------------------------------------------------------------------------------
const created: TenantCreated = {
  type: 'TenantCreated',
  data: {
    tenantId: T,
    name: 'Acme Driving',
    calendar: defaultBusinessCalendar,
    createdAt: now.toISOString(),
  },
};
const lineEnabled = (line: BusinessLine): TenantEvent => ({ type: 'BusinessLineEnabled', data: { line } });
const branchAdded = (branchId: string, name: string, businessLines: BusinessLine[] = []): TenantEvent => ({
  type: 'BranchAdded',
  data: { branchId, name, businessLines },
});
const registered = (
  userId: string,
  username: string,
  roles: Role[],
  branchId: string | null = null,
): TenantEvent => ({
  type: 'UserRegistered',
  data: {
    userId,
    username,
    displayName: username.toUpperCase(),
    roles,
    branchId,
    registeredAt: now.toISOString(),
  },
});
const disabled = (userId: string): TenantEvent => ({ type: 'UserDisabled', data: { userId } });

/** A tenant with one branch, one line, an admin (u-admin), a coach (u-coach) and a disabled finance user (u-gone). */
const tenant: TenantEvent[] = [
  created,
  lineEnabled('driving_practice'),
  branchAdded('b1', 'Downtown', ['driving_practice']),
  registered('u-admin', 'boss', ['admin']),
  registered('u-coach', 'li.wei', ['coach'], 'b1'),
  registered('u-gone', 'old.finance', ['finance']),
  disabled('u-gone'),
];
const secondAdmin = registered('u-admin2', 'deputy', ['admin', 'auditor']);

// --- commands ---------------------------------------------------------------------------------------------------
const register = (
  overrides: Partial<Extract<TenantCommand, { type: 'RegisterUser' }>['data']> = {},
): TenantCommand => ({
  type: 'RegisterUser',
  data: {
    tenantId: T,
    userId: 'u-new',
    username: 'zhang_san',
    displayName: 'Zhang San',
    roles: ['technician'],
    ...overrides,
  },
});
const changeRoles = (userId: string, roles: string[]): TenantCommand => ({
  type: 'ChangeUserRoles',
  data: { tenantId: T, userId, roles: roles as Role[] },
});
const disable = (userId: string): TenantCommand => ({ type: 'DisableUser', data: { tenantId: T, userId } });
const changePassword = (userId: string): TenantCommand => ({
  type: 'ChangeUserPassword',
  data: { tenantId: T, userId },
});

describe('tenant decider', () => {
  describe('CreateTenant', () => {
    it('creates a tenant with a trimmed name and the default calendar', () => {
      spec([])
        .when({ type: 'CreateTenant', data: { tenantId: T, name: '  Acme Driving ' } })
        .then([created]);
    });

    it('creates a tenant with its own calendar', () => {
      spec([])
        .when({ type: 'CreateTenant', data: { tenantId: T, name: 'Acme', calendar: berlin } })
        .then([
          {
            type: 'TenantCreated',
            data: { tenantId: T, name: 'Acme', calendar: berlin, createdAt: '2026-03-02T01:00:00.000Z' },
          },
        ]);
    });

    it('accepts a name of 200 characters', () => {
      const name = 'n'.repeat(200);
      spec([])
        .when({ type: 'CreateTenant', data: { tenantId: T, name } })
        .then([{ ...created, data: { ...created.data, name } }]);
    });

    it.each<[string, TenantEvent[], string, BusinessCalendar | undefined, string]>([
      ['the tenant exists', [created], 'Acme', undefined, 'TENANCY.TENANT_EXISTS'],
      ['the name is empty', [], '', undefined, 'TENANCY.INVALID_NAME'],
      ['the name is blank', [], '   ', undefined, 'TENANCY.INVALID_NAME'],
      ['the name is 201 characters', [], 'n'.repeat(201), undefined, 'TENANCY.INVALID_NAME'],
      ['the calendar is invalid', [], 'Acme', { ...berlin, timeZone: 'Europe/Atlantis' }, 'CALENDAR.INVALID'],
    ])('refuses when %s', (_why, given, name, calendar, code) => {
      spec(given)
        .when({ type: 'CreateTenant', data: { tenantId: T, name, ...(calendar ? { calendar } : {}) } })
        .thenThrows(code);
    });
  });

  describe('every other command needs the tenant', () => {
    const commands: TenantCommand[] = [
      { type: 'RenameTenant', data: { tenantId: T, name: 'New' } },
      { type: 'AddBranch', data: { tenantId: T, branchId: 'b1', name: 'Downtown' } },
      { type: 'EnableBusinessLine', data: { tenantId: T, line: 'companion_chat' } },
      { type: 'SetBusinessCalendar', data: { tenantId: T, calendar: berlin } },
      register(),
      changeRoles('u-admin', ['coach']),
      changePassword('u-admin'),
      disable('u-admin'),
    ];

    it.each(commands.map((c) => [c.type, c] as const))(
      'refuses %s before the tenant is created',
      (_t, command) => {
        spec([]).when(command).thenThrows('TENANCY.TENANT_NOT_FOUND');
      },
    );

    it.each(commands.map((c) => [c.type, c] as const))('refuses %s for another tenant id', (_t, command) => {
      spec(tenant)
        .when({ ...command, data: { ...command.data, tenantId: 't2' } } as TenantCommand)
        .thenThrows('TENANCY.TENANT_NOT_FOUND');
    });
  });

  describe('RenameTenant', () => {
    it('renames the tenant', () => {
      spec([created])
        .when({ type: 'RenameTenant', data: { tenantId: T, name: ' Acme Repair ' } })
        .then([{ type: 'TenantRenamed', data: { name: 'Acme Repair' } }]);
    });

    it('does nothing when the name is the same', () => {
      spec([created])
        .when({ type: 'RenameTenant', data: { tenantId: T, name: 'Acme Driving' } })
        .then([]);
    });

    it.each(['', ' ', 'x'.repeat(201)])('refuses the name %p', (name) => {
      spec([created])
        .when({ type: 'RenameTenant', data: { tenantId: T, name } })
        .thenThrows('TENANCY.INVALID_NAME');
    });
  });

  describe('AddBranch', () => {
    it('adds a branch running enabled lines, each once', () => {
      spec(tenant)
        .when({
          type: 'AddBranch',
          data: {
            tenantId: T,
            branchId: 'b2',
            name: ' Airport ',
            businessLines: ['driving_practice', 'driving_practice'],
          },
        })
        .then([branchAdded('b2', 'Airport', ['driving_practice'])]);
    });

    it.each([
      ['Chinese and an emoji', '分店😀'],
      ['200 characters outside the Basic Multilingual Plane (400 UTF-16 units)', '𠀀'.repeat(199) + '😀'],
    ])('adds a branch named in %s, exactly', (_why, name) => {
      spec(tenant)
        .when({ type: 'AddBranch', data: { tenantId: T, branchId: 'b2', name } })
        .then([branchAdded('b2', name)]);
    });

    it('refuses a branch name of 201 characters, counted as characters', () => {
      spec(tenant)
        .when({ type: 'AddBranch', data: { tenantId: T, branchId: 'b2', name: '😀'.repeat(201) } })
        .thenThrows('TENANCY.INVALID_NAME');
    });

    it('adds a branch with no line', () => {
      spec(tenant)
        .when({ type: 'AddBranch', data: { tenantId: T, branchId: 'b2', name: 'Airport' } })
        .then([branchAdded('b2', 'Airport')]);
    });

    it.each<[string, string, string, string[], string]>([
      ['the branch id is taken', 'b1', 'Airport', [], 'TENANCY.BRANCH_EXISTS'],
      ['the name is taken', 'b2', 'Downtown', [], 'TENANCY.BRANCH_EXISTS'],
      ['the name is taken in another case', 'b2', ' DOWNTOWN', [], 'TENANCY.BRANCH_EXISTS'],
      ['the name is blank', 'b2', ' ', [], 'TENANCY.INVALID_NAME'],
      ['a line is unknown', 'b2', 'Airport', ['catering'], 'TENANCY.INVALID_BUSINESS_LINE'],
      ['a line is not enabled', 'b2', 'Airport', ['equipment_rental'], 'TENANCY.BUSINESS_LINE_NOT_ENABLED'],
    ])('refuses when %s', (_why, branchId, name, businessLines, code) => {
      spec(tenant)
        .when({
          type: 'AddBranch',
          data: { tenantId: T, branchId, name, businessLines: businessLines as BusinessLine[] },
        })
        .thenThrows(code);
    });
  });

  describe('EnableBusinessLine', () => {
    it('enables a line', () => {
      spec(tenant)
        .when({ type: 'EnableBusinessLine', data: { tenantId: T, line: 'after_sales_repair' } })
        .then([lineEnabled('after_sales_repair')]);
    });

    it('does nothing when the line is already enabled', () => {
      spec(tenant)
        .when({ type: 'EnableBusinessLine', data: { tenantId: T, line: 'driving_practice' } })
        .then([]);
    });

    it('refuses an unknown line', () => {
      spec(tenant)
        .when({ type: 'EnableBusinessLine', data: { tenantId: T, line: 'catering' as BusinessLine } })
        .thenThrows('TENANCY.INVALID_BUSINESS_LINE');
    });
  });

  describe('SetBusinessCalendar', () => {
    it('sets a valid calendar', () => {
      spec(tenant)
        .when({ type: 'SetBusinessCalendar', data: { tenantId: T, calendar: berlin } })
        .then([{ type: 'BusinessCalendarSet', data: { calendar: berlin } }]);
    });

    it.each<[string, BusinessCalendar]>([
      ['an unknown time zone', { ...berlin, timeZone: 'Mars/Base' }],
      [
        'a closing before the opening',
        { ...berlin, workingHours: [{ weekday: 1, open: '18:00', close: '09:00' }] },
      ],
      ['a bad holiday', { ...berlin, holidays: ['2026-13-01'] }],
    ])('refuses %s', (_why, calendar) => {
      spec(tenant)
        .when({ type: 'SetBusinessCalendar', data: { tenantId: T, calendar } })
        .thenThrows('CALENDAR.INVALID');
    });
  });

  describe('RegisterUser', () => {
    it('registers a user in a branch, with a lower-case username and roles each once', () => {
      spec(tenant)
        .when(
          register({ username: ' Zhang_San ', roles: ['technician', 'coach', 'technician'], branchId: 'b1' }),
        )
        .then([
          {
            type: 'UserRegistered',
            data: {
              userId: 'u-new',
              username: 'zhang_san',
              displayName: 'Zhang San',
              roles: ['coach', 'technician'],
              branchId: 'b1',
              registeredAt: '2026-03-02T01:00:00.000Z',
            },
          },
        ]);
    });

    it('registers a user with no branch as branchId null', () => {
      spec(tenant)
        .when(register({ roles: ['admin'] }))
        .then([
          {
            type: 'UserRegistered',
            data: {
              userId: 'u-new',
              username: 'zhang_san',
              displayName: 'Zhang San',
              roles: ['admin'],
              branchId: null,
              registeredAt: '2026-03-02T01:00:00.000Z',
            },
          },
        ]);
    });

    it.each(['abc', 'a.b-c_d9', 'x'.repeat(64)])('accepts the username %p', (username) => {
      expect(
        tenantDecider.decide(
          register({ username }),
          fold(tenantDecider.evolve, tenantDecider.initialState(), tenant),
          { now },
        ),
      ).toHaveLength(1);
    });

    it.each<[string, Parameters<typeof register>[0], string]>([
      ['the user id is taken', { userId: 'u-coach' }, 'TENANCY.USER_EXISTS'],
      ['the username is too short', { username: 'ab' }, 'TENANCY.INVALID_USERNAME'],
      ['the username is too long', { username: 'x'.repeat(65) }, 'TENANCY.INVALID_USERNAME'],
      ['the username has a space', { username: 'zhang san' }, 'TENANCY.INVALID_USERNAME'],
      ['the username has an @', { username: 'zhang@acme' }, 'TENANCY.INVALID_USERNAME'],
      ['the username is not ASCII', { username: '张三三' }, 'TENANCY.INVALID_USERNAME'],
      ['the username is taken', { username: 'li.wei' }, 'TENANCY.USERNAME_TAKEN'],
      ['the username is taken in another case', { username: 'Li.Wei' }, 'TENANCY.USERNAME_TAKEN'],
      ['the username is a disabled user’s', { username: 'old.finance' }, 'TENANCY.USERNAME_TAKEN'],
      ['the display name is blank', { displayName: '  ' }, 'TENANCY.INVALID_NAME'],
      ['the display name is too long', { displayName: 'z'.repeat(201) }, 'TENANCY.INVALID_NAME'],
      ['there is no role', { roles: [] }, 'TENANCY.INVALID_ROLES'],
      ['a role is unknown', { roles: ['coach', 'janitor' as Role] }, 'TENANCY.INVALID_ROLES'],
      ['the branch does not exist', { branchId: 'b9' }, 'TENANCY.BRANCH_NOT_FOUND'],
      ['the branch is an inherited key', { branchId: 'constructor' }, 'TENANCY.BRANCH_NOT_FOUND'],
    ])('refuses when %s', (_why, overrides, code) => {
      spec(tenant).when(register(overrides)).thenThrows(code);
    });
  });

  describe('ChangeUserRoles', () => {
    it('changes roles', () => {
      spec(tenant)
        .when(changeRoles('u-coach', ['technician', 'coach']))
        .then([{ type: 'UserRolesChanged', data: { userId: 'u-coach', roles: ['coach', 'technician'] } }]);
    });

    it('lets an admin lose the role while another enabled admin remains', () => {
      spec([...tenant, secondAdmin])
        .when(changeRoles('u-admin', ['auditor']))
        .then([{ type: 'UserRolesChanged', data: { userId: 'u-admin', roles: ['auditor'] } }]);
    });

    it.each<[string, string[]]>([
      ['the same roles', ['coach']],
      ['the same roles, repeated', ['coach', 'coach']],
    ])('does nothing for %s', (_why, roles) => {
      spec(tenant).when(changeRoles('u-coach', roles)).then([]);
    });

    it.each<[string, TenantEvent[], string, string[], string]>([
      ['the user does not exist', tenant, 'u-nobody', ['coach'], 'TENANCY.USER_NOT_FOUND'],
      ['the user id is an inherited key', tenant, 'toString', ['coach'], 'TENANCY.USER_NOT_FOUND'],
      ['the user is disabled', tenant, 'u-gone', ['auditor'], 'TENANCY.USER_DISABLED'],
      ['there is no role', tenant, 'u-coach', [], 'TENANCY.INVALID_ROLES'],
      ['a role is unknown', tenant, 'u-coach', ['driver'], 'TENANCY.INVALID_ROLES'],
      ['the last admin loses the role', tenant, 'u-admin', ['auditor'], 'TENANCY.LAST_ADMIN'],
      [
        'the only other admin is disabled',
        [...tenant, secondAdmin, disabled('u-admin2')],
        'u-admin',
        ['finance'],
        'TENANCY.LAST_ADMIN',
      ],
    ])('refuses when %s', (_why, given, userId, roles, code) => {
      spec(given).when(changeRoles(userId, roles)).thenThrows(code);
    });
  });

  describe('ChangeUserPassword', () => {
    it('records that the password changed, without the hash (events are published)', () => {
      spec(tenant)
        .when(changePassword('u-coach'))
        .then([{ type: 'UserPasswordChanged', data: { userId: 'u-coach', changedAt: now.toISOString() } }]);
    });

    it.each<[string, string, string]>([
      ['the user does not exist', 'u-nobody', 'TENANCY.USER_NOT_FOUND'],
      ['the user is disabled', 'u-gone', 'TENANCY.USER_DISABLED'],
    ])('refuses when %s', (_why, userId, code) => {
      spec(tenant).when(changePassword(userId)).thenThrows(code);
    });
  });

  describe('DisableUser', () => {
    it('disables a user', () => {
      spec(tenant)
        .when(disable('u-coach'))
        .then([disabled('u-coach')]);
    });

    it('disables an admin while another enabled admin remains', () => {
      spec([...tenant, secondAdmin])
        .when(disable('u-admin'))
        .then([disabled('u-admin')]);
    });

    it.each<[string, TenantEvent[], string, string]>([
      ['the user does not exist', tenant, 'u-nobody', 'TENANCY.USER_NOT_FOUND'],
      ['the user is already disabled', tenant, 'u-gone', 'TENANCY.USER_DISABLED'],
      ['the user is the last enabled admin', tenant, 'u-admin', 'TENANCY.LAST_ADMIN'],
      [
        'the other admin is disabled',
        [...tenant, secondAdmin, disabled('u-admin2')],
        'u-admin',
        'TENANCY.LAST_ADMIN',
      ],
      [
        'the other admin lost the role',
        [
          ...tenant,
          secondAdmin,
          { type: 'UserRolesChanged', data: { userId: 'u-admin2', roles: ['auditor'] } },
        ],
        'u-admin',
        'TENANCY.LAST_ADMIN',
      ],
    ])('refuses when %s', (_why, given, userId, code) => {
      spec(given).when(disable(userId)).thenThrows(code);
    });
  });

  describe('evolve', () => {
    it('folds the history into the tenant', () => {
      const state = fold(tenantDecider.evolve, tenantDecider.initialState(), [
        ...tenant,
        { type: 'TenantRenamed', data: { name: 'Acme' } },
        { type: 'BusinessCalendarSet', data: { calendar: berlin } },
        { type: 'UserRolesChanged', data: { userId: 'u-coach', roles: ['coach', 'auditor'] } },
        { type: 'UserPasswordChanged', data: { userId: 'u-coach', changedAt: now.toISOString() } },
      ]);
      expect(state).toEqual({
        status: 'active',
        tenantId: T,
        name: 'Acme',
        calendar: berlin,
        branches: { b1: { name: 'Downtown', businessLines: ['driving_practice'] } },
        businessLines: ['driving_practice'],
        users: {
          'u-admin': {
            username: 'boss',
            displayName: 'BOSS',
            roles: ['admin'],
            disabled: false,
            tokenVersion: 0,
          },
          'u-coach': {
            username: 'li.wei',
            displayName: 'LI.WEI',
            roles: ['coach', 'auditor'],
            branchId: 'b1',
            disabled: false,
            tokenVersion: 2, // its roles changed, then its password: each revokes tokens issued before
          },
          'u-gone': {
            username: 'old.finance',
            displayName: 'OLD.FINANCE',
            roles: ['finance'],
            disabled: true,
            tokenVersion: 1, // disabled: its tokens are revoked
          },
        },
      });
    });

    it('keeps one stream per tenant', () => {
      expect(tenantStreamId('t1')).toBe('tenant-t1-t1');
    });
  });
});
