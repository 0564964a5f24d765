import { type BusinessCalendar, defaultBusinessCalendar, fold } from '@serviceops/kernel';
import { deciderSpec } from '@serviceops/testing';
import { PLATFORM_TENANT_ID, type Role } from '../roles';
import { tenantDecider, type TenantCommand, type TenantContext, type TenantEvent } from './tenant.decider';
import { PLATFORM_TENANT_NAME } from './provision-platform';

// The tenant lifecycle a platform operator drives: provisioning with a first admin, disabling, enabling.

const now = new Date('2026-03-02T01:00:00.000Z');
const at = now.toISOString();
const spec = (given: readonly TenantEvent[], context: Partial<TenantContext> = {}) =>
  deciderSpec(tenantDecider, { now, ...context }).given(given);

const T = 't-b';
const admin = { userId: 'u-boss', username: 'Boss.B', displayName: 'Boss of B' };
const provision = (
  overrides: Partial<Extract<TenantCommand, { type: 'ProvisionTenant' }>['data']> = {},
): TenantCommand => ({
  type: 'ProvisionTenant',
  data: { tenantId: T, name: ' Tenant B ', admin, ...overrides },
});
const disable = (tenantId = T): TenantCommand => ({ type: 'DisableTenant', data: { tenantId } });
const enable = (tenantId = T): TenantCommand => ({ type: 'EnableTenant', data: { tenantId } });

const created: TenantEvent = {
  type: 'TenantCreated',
  data: { tenantId: T, name: 'Tenant B', calendar: defaultBusinessCalendar, createdAt: at },
};
const adminRegistered: TenantEvent = {
  type: 'UserRegistered',
  data: {
    userId: 'u-boss',
    username: 'boss.b',
    displayName: 'Boss of B',
    roles: ['admin'],
    branchId: null,
    registeredAt: at,
  },
};
const provisioned = [created, adminRegistered];
const disabled: TenantEvent = { type: 'TenantDisabled', data: { disabledAt: at } };
const enabled: TenantEvent = { type: 'TenantEnabled', data: { enabledAt: at } };

const platformCreated: TenantEvent = {
  type: 'TenantCreated',
  data: {
    tenantId: PLATFORM_TENANT_ID,
    name: PLATFORM_TENANT_NAME,
    calendar: defaultBusinessCalendar,
    createdAt: at,
  },
};
const operatorRegistered: TenantEvent = {
  type: 'UserRegistered',
  data: {
    userId: 'u-op',
    username: 'operator',
    displayName: 'Platform operator',
    roles: ['platform_operator'],
    branchId: null,
    registeredAt: at,
  },
};
const platform = [platformCreated, operatorRegistered];

describe('tenant lifecycle', () => {
  describe('ProvisionTenant', () => {
    it('creates the tenant and its first admin in one decision', () => {
      spec([]).when(provision()).then(provisioned);
    });

    it('creates the tenant in its own time zone', () => {
      const shanghaiHours = {
        ...defaultBusinessCalendar,
        timeZone: 'Europe/Berlin',
      } satisfies BusinessCalendar;
      spec([])
        .when(provision({ calendar: shanghaiHours }))
        .then([{ ...created, data: { ...created.data, calendar: shanghaiHours } }, adminRegistered]);
    });

    it.each<[string, TenantEvent[], Parameters<typeof provision>[0], Partial<TenantContext>, string]>([
      ['the tenant exists', provisioned, {}, {}, 'TENANCY.TENANT_EXISTS'],
      ['another tenant has the name', [], {}, { tenantNameTaken: true }, 'TENANCY.TENANT_NAME_TAKEN'],
      ['the name is blank', [], { name: '  ' }, {}, 'TENANCY.INVALID_NAME'],
      ['the name is too long', [], { name: 'n'.repeat(201) }, {}, 'TENANCY.INVALID_NAME'],
      [
        'the time zone is unknown',
        [],
        { calendar: { ...defaultBusinessCalendar, timeZone: 'Mars/Olympus' } },
        {},
        'CALENDAR.INVALID',
      ],
      [
        'the admin username is invalid',
        [],
        { admin: { ...admin, username: 'a b' } },
        {},
        'TENANCY.INVALID_USERNAME',
      ],
      [
        'the admin display name is blank',
        [],
        { admin: { ...admin, displayName: ' ' } },
        {},
        'TENANCY.INVALID_NAME',
      ],
      ['it names the platform tenant', [], { tenantId: PLATFORM_TENANT_ID }, {}, 'TENANCY.PLATFORM_TENANT'],
    ])('refuses when %s', (_why, given, overrides, context, code) => {
      spec(given, context).when(provision(overrides)).thenThrows(code);
    });
  });

  describe('ProvisionPlatform', () => {
    const provisionPlatform = (tenantId = PLATFORM_TENANT_ID): TenantCommand => ({
      type: 'ProvisionPlatform',
      data: {
        tenantId,
        operator: { userId: 'u-op', username: 'operator', displayName: 'Platform operator' },
      },
    });

    it('creates the platform tenant with its operator', () => {
      spec([]).when(provisionPlatform()).then(platform);
    });

    it.each<[string, TenantEvent[], string, string]>([
      ['the platform exists', platform, PLATFORM_TENANT_ID, 'TENANCY.TENANT_EXISTS'],
      ['it names a business tenant', [], T, 'TENANCY.PLATFORM_TENANT'],
    ])('refuses when %s', (_why, given, tenantId, code) => {
      spec(given).when(provisionPlatform(tenantId)).thenThrows(code);
    });

    it('refuses a business tenant through CreateTenant too', () => {
      spec([])
        .when({ type: 'CreateTenant', data: { tenantId: PLATFORM_TENANT_ID, name: 'Sneaky' } })
        .thenThrows('TENANCY.PLATFORM_TENANT');
    });
  });

  describe('DisableTenant and EnableTenant', () => {
    it.each<[string, TenantEvent[], TenantCommand, TenantEvent[]]>([
      ['disables an enabled tenant', provisioned, disable(), [disabled]],
      ['does nothing to a disabled tenant', [...provisioned, disabled], disable(), []],
      ['enables a disabled tenant', [...provisioned, disabled], enable(), [enabled]],
      ['does nothing to an enabled tenant', provisioned, enable(), []],
      ['disables a tenant enabled again', [...provisioned, disabled, enabled], disable(), [disabled]],
    ])('%s', (_why, given, command, expected) => {
      spec(given).when(command).then(expected);
    });

    it.each<[string, TenantEvent[], TenantCommand, string]>([
      ['disabling a tenant that does not exist', [], disable(), 'TENANCY.TENANT_NOT_FOUND'],
      ['enabling a tenant that does not exist', [], enable(), 'TENANCY.TENANT_NOT_FOUND'],
      [
        'disabling another tenant id than the stream’s',
        provisioned,
        disable('t-other'),
        'TENANCY.TENANT_NOT_FOUND',
      ],
      ['disabling the platform tenant', platform, disable(PLATFORM_TENANT_ID), 'TENANCY.PLATFORM_TENANT'],
      ['enabling the platform tenant', platform, enable(PLATFORM_TENANT_ID), 'TENANCY.PLATFORM_TENANT'],
    ])('refuses %s', (_why, given, command, code) => {
      spec(given).when(command).thenThrows(code);
    });

    it('keeps the disabled mark in the state until enabled', () => {
      const state = (events: TenantEvent[]) =>
        fold(tenantDecider.evolve, tenantDecider.initialState(), events);
      expect(state([...provisioned, disabled])).toMatchObject({ status: 'active', disabledAt: at });
      expect(state([...provisioned, disabled, enabled])).not.toHaveProperty('disabledAt');
    });
  });

  describe('a disabled tenant', () => {
    const register: TenantCommand = {
      type: 'RegisterUser',
      data: { tenantId: T, userId: 'u-2', username: 'clerk', displayName: 'Clerk', roles: ['finance'] },
    };
    it.each<[string, TenantCommand]>([
      ['RegisterUser', register],
      ['AddBranch', { type: 'AddBranch', data: { tenantId: T, branchId: 'b1', name: 'Downtown' } }],
      [
        'ChangeUserRoles',
        { type: 'ChangeUserRoles', data: { tenantId: T, userId: 'u-boss', roles: ['admin'] } },
      ],
      ['RenameTenant', { type: 'RenameTenant', data: { tenantId: T, name: 'B2' } }],
      ['EnableBusinessLine', { type: 'EnableBusinessLine', data: { tenantId: T, line: 'companion_chat' } }],
    ])('refuses %s to its users', (_why, command) => {
      spec([...provisioned, disabled])
        .when(command)
        .thenThrows('TENANCY.TENANT_DISABLED');
    });

    it('takes commands again once enabled', () => {
      expect(
        tenantDecider.decide(
          register,
          fold(tenantDecider.evolve, tenantDecider.initialState(), [...provisioned, disabled, enabled]),
          { now },
        ),
      ).toHaveLength(1);
    });
  });

  describe('the platform operator’s role', () => {
    const registerWith = (tenantId: string, roles: Role[]): TenantCommand => ({
      type: 'RegisterUser',
      data: { tenantId, userId: 'u-new', username: 'newbie', displayName: 'Newbie', roles },
    });
    const changeTo = (tenantId: string, userId: string, roles: Role[]): TenantCommand => ({
      type: 'ChangeUserRoles',
      data: { tenantId, userId, roles },
    });

    it.each<[string, TenantEvent[], TenantCommand]>([
      ['a tenant admin registering an operator', provisioned, registerWith(T, ['platform_operator'])],
      [
        'a tenant admin registering an admin-operator',
        provisioned,
        registerWith(T, ['admin', 'platform_operator']),
      ],
      [
        'a tenant admin making a user an operator',
        provisioned,
        changeTo(T, 'u-boss', ['admin', 'platform_operator']),
      ],
      ['a business role in the platform tenant', platform, registerWith(PLATFORM_TENANT_ID, ['admin'])],
      [
        'an operator given a business role',
        platform,
        changeTo(PLATFORM_TENANT_ID, 'u-op', ['platform_operator', 'finance']),
      ],
    ])('is refused for %s', (_why, given, command) => {
      spec(given).when(command).thenThrows('TENANCY.ROLE_NOT_GRANTABLE');
    });

    it('is granted in the platform tenant', () => {
      expect(
        tenantDecider.decide(
          registerWith(PLATFORM_TENANT_ID, ['platform_operator']),
          fold(tenantDecider.evolve, tenantDecider.initialState(), platform),
          { now },
        ),
      ).toMatchObject([{ type: 'UserRegistered', data: { roles: ['platform_operator'] } }]);
    });
  });
});
