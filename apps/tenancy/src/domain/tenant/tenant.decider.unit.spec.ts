import { TENANT_USE_CASES, type TenantCommand, type TenantEvent } from './tenant.decider';

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
});
