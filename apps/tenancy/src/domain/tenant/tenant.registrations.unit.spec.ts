import { defaultBusinessCalendar } from '@serviceops/kernel';
import { PLATFORM_TENANT_ID } from '../roles';
import {
  TENANT_USE_CASES,
  tenantDecider,
  usersRegisteredBy,
  type TenantCommand,
  type TenantEvent,
} from './tenant.decider';

// A user's display name is sealed with their own key, made before the append: every user a decision registers
// must be one the command names, or the append fails for want of a key.

const now = new Date('2026-03-02T01:00:00.000Z');
const T = 't-1';
const existing: TenantEvent[] = [
  {
    type: 'TenantCreated',
    data: { tenantId: T, name: 'Acme', calendar: defaultBusinessCalendar, createdAt: now.toISOString() },
  },
  { type: 'BranchAdded', data: { branchId: 'b1', name: 'Downtown', businessLines: [] } },
  {
    type: 'UserRegistered',
    data: {
      userId: 'u-boss',
      username: 'boss',
      displayName: 'Boss',
      roles: ['admin'],
      branchId: null,
      registeredAt: now.toISOString(),
    },
  },
];
const decide = (given: readonly TenantEvent[], command: TenantCommand) =>
  tenantDecider.decide(command, given.reduce(tenantDecider.evolve, tenantDecider.initialState()), {
    now,
    tenantNameTaken: false,
  });
const registered = (events: readonly TenantEvent[]) =>
  events.flatMap((e) => (e.type === 'UserRegistered' ? [e.data.userId] : []));

describe('the users a command registers, known before it is decided', () => {
  it.each<[string, readonly TenantEvent[], TenantCommand, string]>([
    [
      'RegisterUser',
      existing,
      {
        type: 'RegisterUser',
        data: {
          tenantId: T,
          userId: 'u-new',
          username: 'clerk',
          displayName: 'Zhang San',
          roles: ['finance'],
        },
      },
      'u-new',
    ],
    [
      'ProvisionTenant',
      [],
      {
        type: 'ProvisionTenant',
        data: {
          tenantId: T,
          name: 'B',
          admin: { userId: 'u-admin', username: 'b.boss', displayName: 'Boss B' },
        },
      },
      'u-admin',
    ],
    [
      'ProvisionPlatform',
      [],
      {
        type: 'ProvisionPlatform',
        data: {
          tenantId: PLATFORM_TENANT_ID,
          operator: { userId: 'u-op', username: 'operator', displayName: 'Platform operator' },
        },
      },
      'u-op',
    ],
    [
      'CreateStaffLogin',
      existing,
      {
        type: 'CreateStaffLogin',
        data: { tenantId: T, staffId: 's-1', username: 'li.wei', roles: ['coach'], branchId: 'b1' },
      },
      's-1',
    ],
  ])('%s names the user its decision registers', (_name, given, command, userId) => {
    expect(registered(decide(given, command))).toEqual([userId]);
    expect(usersRegisteredBy(command)).toEqual([userId]);
  });

  it.each<[string, TenantCommand]>([
    ['CreateTenant', { type: 'CreateTenant', data: { tenantId: 't-2', name: 'Other' } }],
    [
      'ChangeUserRoles',
      { type: 'ChangeUserRoles', data: { tenantId: T, userId: 'u-boss', roles: ['admin'] } },
    ],
    ['ChangeUserPassword', { type: 'ChangeUserPassword', data: { tenantId: T, userId: 'u-boss' } }],
    ['RenameTenant', { type: 'RenameTenant', data: { tenantId: T, name: 'Acme 2' } }],
  ])('%s registers nobody and names nobody', (_name, command) => {
    const given = command.type === 'CreateTenant' ? [] : existing;
    expect(registered(decide(given, command))).toEqual([]);
    expect(usersRegisteredBy(command)).toEqual([]);
  });

  it('is stated by the four use cases that register users, and by no other', () => {
    const registering = TENANT_USE_CASES.filter((useCase) => 'registers' in useCase);
    expect(registering.map(({ command }) => command)).toEqual([
      'ProvisionTenant',
      'ProvisionPlatform',
      'RegisterUser',
      'CreateStaffLogin',
    ]);
  });

  it('names nobody for a command whose use case states no registration, whatever its data names', () => {
    const linking: TenantCommand = {
      type: 'LinkUserToStaff',
      data: { tenantId: T, userId: 'u-boss', staffId: 's-1' },
    };
    expect(usersRegisteredBy(linking)).toEqual([]);
  });
});
