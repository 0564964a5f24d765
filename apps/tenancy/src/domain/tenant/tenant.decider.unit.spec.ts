import { defaultBusinessCalendar, type DomainError } from '@serviceops/kernel';
import { issueUserInvitation } from './issue-user-invitation';
import { provisionTenant } from './provision-tenant';
import { setBusinessCalendar } from './set-business-calendar';
import { TENANT_USE_CASES, tenantDecider, type TenantCommand, type TenantEvent } from './tenant.decider';
import { CALLERS_TENANT } from './tenant.rules';

// Every event type a tenant's stream may hold, checked against the derived union by the compiler (a missing or an
// extra one fails to compile): old streams must still load.
const EVENT_TYPES = {
  TenantCreated: true,
  TenantDisabled: true,
  TenantEnabled: true,
  TenantRenamed: true,
  BranchAdded: true,
  BusinessLineEnabled: true,
  BusinessCalendarSet: true,
  UserRegistered: true,
  UserRolesChanged: true,
  UserPasswordChanged: true,
  UserDisabled: true,
  UserErased: true,
  StaffLoginCreated: true,
  StaffLoginRefused: true,
  StaffLoginNotCreated: true,
  StaffLoginClosed: true,
  StaffLoginRolesFollowed: true,
  UserInvitationIssued: true,
  UserActivated: true,
  UserLinkedToStaff: true,
  UserUnlinkedFromStaff: true,
} as const satisfies Record<TenantEvent['type'], true>;

const COMMAND_TYPES = {
  CreateTenant: true,
  ProvisionTenant: true,
  ProvisionPlatform: true,
  DisableTenant: true,
  EnableTenant: true,
  RenameTenant: true,
  AddBranch: true,
  EnableBusinessLine: true,
  SetBusinessCalendar: true,
  RegisterUser: true,
  ChangeUserRoles: true,
  ChangeUserPassword: true,
  DisableUser: true,
  EraseUser: true,
  CreateStaffLogin: true,
  IssueUserInvitation: true,
  ActivateUser: true,
  CloseStaffLogin: true,
  FollowStaffRole: true,
  LinkUserToStaff: true,
  UnlinkUserFromStaff: true,
} as const satisfies Record<TenantCommand['type'], true>;

describe('the tenant’s use cases', () => {
  it('evolve every event type of the stream, each in one use case', () => {
    const evolved = TENANT_USE_CASES.flatMap(({ evolve }) => Object.keys(evolve));
    expect([...evolved].sort()).toEqual(Object.keys(EVENT_TYPES).sort());
  });

  it('decide every command, each in one use case', () => {
    expect(TENANT_USE_CASES.map(({ command }) => command).sort()).toEqual(Object.keys(COMMAND_TYPES).sort());
  });

  /** How a use case's `handles` turns a request into its command, as the generic handler calls it. */
  const caller = { actorId: 'the-admin', newId: 'a-fresh-id' };
  const mappingOf = (handles: { command: (request: never, caller: never) => TenantCommand } | undefined) =>
    handles?.command as ((request: object, by?: typeof caller) => TenantCommand) | undefined;
  const request = { tenantId: 'another-tenant', userId: 'u1', line: 'driving_practice', roles: ['coach'] };
  const served = TENANT_USE_CASES.filter(({ handles }) => handles !== undefined);
  // The platform operator's: on the tenant the request names, or (creating one) on a new one.
  const operators = ['ProvisionTenant', 'DisableTenant', 'EnableTenant'];

  it('map every request that gives a command of the tenant (not first start’s, nor staff’s events’, nor activation)', () => {
    expect(served.map(({ command }) => command)).toEqual([
      'ProvisionTenant',
      'DisableTenant',
      'EnableTenant',
      'AddBranch',
      'EnableBusinessLine',
      'SetBusinessCalendar',
      'RegisterUser',
      'ChangeUserRoles',
      'ChangeUserPassword',
      'DisableUser',
      'EraseUser',
      'IssueUserInvitation',
      'LinkUserToStaff',
      'UnlinkUserFromStaff',
    ]);
  });

  it('map a tenant admin’s requests to commands on the caller’s tenant, which no request names (the handler puts it in)', () => {
    const admins = served.filter(({ command }) => !operators.includes(command));
    expect(admins).toHaveLength(11);
    for (const { handles } of admins)
      expect(mappingOf(handles)?.(request, caller).data.tenantId).toBe(CALLERS_TENANT);
  });

  it('map the operator’s requests to the tenant they name, and a new tenant to the fresh id', () => {
    const tenantOf = (command: string) =>
      mappingOf(served.find((u) => u.command === command)?.handles)?.(request, caller).data.tenantId;
    expect(operators.map(tenantOf)).toEqual(['a-fresh-id', 'another-tenant', 'another-tenant']);
  });

  it('give a record a command creates the fresh id: a branch, a user, an invitation', () => {
    const data = (command: string) =>
      mappingOf(served.find((u) => u.command === command)?.handles)?.(request, caller).data as Record<
        string,
        unknown
      >;
    expect(data('AddBranch')['branchId']).toBe('a-fresh-id');
    expect(data('RegisterUser')['userId']).toBe('a-fresh-id');
    expect(data('IssueUserInvitation')['invitationId']).toBe('a-fresh-id');
  });

  it('fails loudly on what a mapping leaves to its handler, should a handler forget it', () => {
    const admin = { userId: 'u-boss', username: 'boss', displayName: 'Boss', roles: ['admin'] as const };
    const tenant = {
      status: 'active',
      tenantId: 't-1',
      name: 'T',
      calendar: defaultBusinessCalendar,
      branches: {},
      businessLines: [],
      users: {
        'u-boss': { ...admin, disabled: false, tokenVersion: 0 },
        'u-new': { ...admin, roles: ['coach'], disabled: false, tokenVersion: 0, pendingActivation: true },
      },
    } as const;
    const now = new Date();
    const created = mappingOf(provisionTenant.handles)?.(
      { name: 'B', admin: { username: 'b.boss' } },
      caller,
    );
    expect(() =>
      tenantDecider.decide(created as TenantCommand, tenantDecider.initialState(), {
        now,
        tenantNameTaken: false,
      }),
    ).toThrow('the first admin was given no user id');
    const invited = mappingOf(issueUserInvitation.handles)?.({ userId: 'u-new' }, caller) as TenantCommand;
    expect(() =>
      tenantDecider.decide(
        { ...invited, data: { ...invited.data, tenantId: 't-1' } } as TenantCommand,
        tenant,
        {
          now,
        },
      ),
    ).toThrow(RangeError);
  });

  it('sets a calendar proto3 left empty as an empty one, which the decision refuses', () => {
    const command = mappingOf(setBusinessCalendar.handles)?.({}, caller);
    expect(command?.data).toEqual({
      tenantId: CALLERS_TENANT,
      calendar: { timeZone: '', workingHours: [], holidays: [] },
    });
    const tenant = {
      status: 'active',
      tenantId: CALLERS_TENANT,
      name: 'T',
      calendar: defaultBusinessCalendar,
      branches: {},
      businessLines: [],
      users: {},
    } as const;
    expect(() => tenantDecider.decide(command as TenantCommand, tenant, { now: new Date() })).toThrow(
      expect.objectContaining({ code: 'CALENDAR.INVALID' }) as DomainError,
    );
  });
});
