import {
  type BusinessCalendar,
  defaultBusinessCalendar,
  DomainError,
  RULES,
  validateBusinessCalendar,
} from '@serviceops/kernel';
import { isBusinessLine, type BusinessLine } from '../business-lines';
import { isRole, PLATFORM_OPERATOR, PLATFORM_TENANT_ID, ROLES, type Role } from '../roles';
import type {
  AddBranch,
  DisableTenant,
  EnableTenant,
  FollowStaffRole,
  ProvisionPlatform,
  ProvisionTenant,
  ActivateUser,
  ChangeUserPassword,
  ChangeUserRoles,
  CloseStaffLogin,
  CreateStaffLogin,
  CreateTenant,
  DisableUser,
  EnableBusinessLine,
  EraseUser,
  InvitationTerms,
  IssueUserInvitation,
  LinkUserToStaff,
  RegisterUser,
  RenameTenant,
  SetBusinessCalendar,
  TenantCommand,
  UnlinkUserFromStaff,
} from './tenant.commands';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import type { TenantEvent, UserInvitationIssued } from './tenant.events';
import { evolveTenant } from './tenant.evolve';
import { invitationExpiry, invitationVerdict } from './tenant.invitation';
import {
  type ActiveTenant,
  entry,
  initialTenantState,
  type TenantState,
  type TenantUser,
} from './tenant.state';

export interface TenantContext {
  readonly now: Date;
  /**
   * Whether another tenant already has the name (case-insensitive) of the tenant being created: names are
   * unique across tenants, which one tenant's stream cannot see, so the application looks it up.
   */
  readonly tenantNameTaken?: boolean;
  /**
   * The staff member a link names, as tenancy knows them from staff's events (tenancy.staff_members): undefined
   * when no such staff member of this tenant has reached tenancy (after a moment's wait); `version`, their
   * stream's version seen last.
   */
  readonly staffMember?: StaffMemberStanding;
}

/** A staff member as tenancy knows them from staff's published events. */
export interface StaffMemberStanding {
  readonly status: 'active' | 'left';
  readonly version: number;
}

export function decideTenant(
  command: TenantCommand,
  state: TenantState,
  context: TenantContext,
): readonly TenantEvent[] {
  // The tenant's lifecycle first (the platform operator's and first start's); the rest is its users' own.
  if (command.type === 'CreateTenant') return createTenant(command, state, context);
  if (command.type === 'ProvisionTenant') return provisionTenant(command, state, context);
  if (command.type === 'ProvisionPlatform') return provisionPlatform(command, state, context);
  if (command.type === 'DisableTenant') return disableTenant(existing(state, command.data.tenantId), context);
  if (command.type === 'EnableTenant') return enableTenant(existing(state, command.data.tenantId), context);
  // A leaver's access ends even while an operator has the tenant disabled (it would come back with the tenant).
  if (command.type === 'CloseStaffLogin')
    return closeStaffLogin(command, existing(state, command.data.tenantId), context);
  // Likewise a role change: the login comes back with the tenant holding the person's current role.
  if (command.type === 'FollowStaffRole')
    return followStaffRole(command, existing(state, command.data.tenantId), context);
  return decideForActive(command, enabledTenant(state, command.data.tenantId), context);
}

/** Commands of a tenant's own users: only while the tenant is enabled. */
function decideForActive(
  command: Exclude<
    TenantCommand,
    | CreateTenant
    | ProvisionTenant
    | ProvisionPlatform
    | DisableTenant
    | EnableTenant
    | CloseStaffLogin
    | FollowStaffRole
  >,
  tenant: ActiveTenant,
  context: TenantContext,
): readonly TenantEvent[] {
  switch (command.type) {
    case 'RenameTenant':
      return renameTenant(command, tenant);
    case 'AddBranch':
      return addBranch(command, tenant);
    case 'EnableBusinessLine':
      return enableBusinessLine(command, tenant);
    case 'SetBusinessCalendar':
      return setBusinessCalendar(command);
    case 'RegisterUser':
      return registerUser(command, tenant, context);
    case 'ChangeUserRoles':
      return changeUserRoles(command, tenant);
    case 'ChangeUserPassword':
      return changeUserPassword(command, tenant, context);
    case 'DisableUser':
      return disableUser(command, tenant);
    case 'EraseUser':
      return eraseUser(command, tenant, context);
    case 'CreateStaffLogin':
      return createStaffLogin(command, tenant, context);
    case 'IssueUserInvitation':
      return issueUserInvitation(command, tenant, context);
    case 'ActivateUser':
      return activateUser(command, tenant, context);
    case 'LinkUserToStaff':
      return linkUserToStaff(command, tenant, context);
    case 'UnlinkUserFromStaff':
      return unlinkUserFromStaff(command, tenant, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function createTenant(command: CreateTenant, state: TenantState, context: TenantContext): TenantEvent[] {
  if (command.data.tenantId === PLATFORM_TENANT_ID) throw platformTenant(command.data.tenantId);
  return tenantCreated(command, state, context);
}

function tenantCreated(command: CreateTenant, state: TenantState, context: TenantContext): TenantEvent[] {
  const { tenantId, calendar = defaultBusinessCalendar } = command.data;
  if (state.status !== 'absent') {
    throw tenancyError(E.TENANT_EXISTS, `tenant ${tenantId} already exists`, { tenantId });
  }
  const name = validName(command.data.name, 'name');
  if (context.tenantNameTaken) {
    throw tenancyError(E.TENANT_NAME_TAKEN, `a tenant is already named "${name}"`, { name });
  }
  validateBusinessCalendar(calendar);
  return [
    {
      type: 'TenantCreated',
      data: { tenantId, name, calendar: copyCalendar(calendar), createdAt: context.now.toISOString() },
    },
  ];
}

/** The tenant and its first admin in one decision: both or neither. */
function provisionTenant(
  command: ProvisionTenant,
  state: TenantState,
  context: TenantContext,
): TenantEvent[] {
  const { tenantId, name, calendar, admin } = command.data;
  if (tenantId === PLATFORM_TENANT_ID) throw platformTenant(tenantId);
  const create: CreateTenant = {
    type: 'CreateTenant',
    data: { tenantId, name, ...(calendar ? { calendar } : {}) },
  };
  return withFirstUser(tenantCreated(create, state, context), tenantId, admin, ['admin'], context);
}

function provisionPlatform(
  command: ProvisionPlatform,
  state: TenantState,
  context: TenantContext,
): TenantEvent[] {
  const { tenantId, operator } = command.data;
  if (tenantId !== PLATFORM_TENANT_ID) {
    throw tenancyError(E.PLATFORM_TENANT, `the platform tenant is ${PLATFORM_TENANT_ID}`, { tenantId });
  }
  const create: CreateTenant = { type: 'CreateTenant', data: { tenantId, name: PLATFORM_TENANT_NAME } };
  return withFirstUser(
    tenantCreated(create, state, context),
    tenantId,
    operator,
    [PLATFORM_OPERATOR],
    context,
  );
}

/** The name of the reserved tenant holding the platform operators (taken, like any tenant's name). */
export const PLATFORM_TENANT_NAME = 'ServiceOps platform operators';

function withFirstUser(
  created: readonly TenantEvent[],
  tenantId: string,
  user: { userId: string; username: string; displayName: string },
  roles: readonly Role[],
  context: TenantContext,
): TenantEvent[] {
  const state = created.reduce(evolveTenant, initialTenantState());
  const tenant = existing(state, tenantId);
  const register: RegisterUser = { type: 'RegisterUser', data: { tenantId, ...user, roles } };
  return [...created, ...registerUser(register, tenant, context)];
}

function disableTenant(tenant: ActiveTenant, context: TenantContext): TenantEvent[] {
  if (tenant.tenantId === PLATFORM_TENANT_ID) throw platformTenant(tenant.tenantId);
  if (tenant.disabledAt !== undefined) return [];
  return [{ type: 'TenantDisabled', data: { disabledAt: context.now.toISOString() } }];
}

function enableTenant(tenant: ActiveTenant, context: TenantContext): TenantEvent[] {
  if (tenant.tenantId === PLATFORM_TENANT_ID) throw platformTenant(tenant.tenantId);
  if (tenant.disabledAt === undefined) return [];
  return [{ type: 'TenantEnabled', data: { enabledAt: context.now.toISOString() } }];
}

function renameTenant(command: RenameTenant, tenant: ActiveTenant): TenantEvent[] {
  const name = validName(command.data.name, 'name');
  return name === tenant.name ? [] : [{ type: 'TenantRenamed', data: { name } }];
}

function addBranch(command: AddBranch, tenant: ActiveTenant): TenantEvent[] {
  const { branchId, businessLines = [] } = command.data;
  const name = validName(command.data.name, 'name');
  if (entry(tenant.branches, branchId)) {
    throw tenancyError(E.BRANCH_EXISTS, `branch ${branchId} already exists`, { branchId });
  }
  const key = name.toLowerCase();
  if (Object.values(tenant.branches).some((b) => b.name.toLowerCase() === key)) {
    throw tenancyError(E.BRANCH_EXISTS, `a branch is already named "${name}"`, { name });
  }
  for (const line of businessLines) {
    knownLine(line);
    if (!tenant.businessLines.includes(line)) {
      throw tenancyError(E.BUSINESS_LINE_NOT_ENABLED, `the tenant does not run ${line}`, { line });
    }
  }
  return [{ type: 'BranchAdded', data: { branchId, name, businessLines: [...new Set(businessLines)] } }];
}

function enableBusinessLine(command: EnableBusinessLine, tenant: ActiveTenant): TenantEvent[] {
  const line = knownLine(command.data.line);
  return tenant.businessLines.includes(line) ? [] : [{ type: 'BusinessLineEnabled', data: { line } }];
}

function setBusinessCalendar(command: SetBusinessCalendar): TenantEvent[] {
  validateBusinessCalendar(command.data.calendar);
  return [{ type: 'BusinessCalendarSet', data: { calendar: copyCalendar(command.data.calendar) } }];
}

function registerUser(command: RegisterUser, tenant: ActiveTenant, context: TenantContext): TenantEvent[] {
  const { userId, branchId } = command.data;
  if (entry(tenant.users, userId)) {
    throw tenancyError(E.USER_EXISTS, `user ${userId} already exists`, { userId });
  }
  // Usernames are case-insensitive, so they are kept in lower case; a disabled user's name stays taken.
  const username = command.data.username.trim().toLowerCase();
  if (!RULES.username.accepts(username)) {
    throw tenancyError(E.INVALID_USERNAME, `a username ${RULES.username.message}`, {
      username: command.data.username,
    });
  }
  if (Object.values(tenant.users).some((u) => u.username.toLowerCase() === username)) {
    throw tenancyError(E.USERNAME_TAKEN, `username "${username}" is taken`, { username });
  }
  const displayName = validName(command.data.displayName, 'displayName');
  const roles = grantableRoles(tenant, command.data.roles);
  if (branchId !== undefined && !entry(tenant.branches, branchId)) {
    throw tenancyError(E.BRANCH_NOT_FOUND, `branch ${branchId} does not exist`, { branchId });
  }
  return [
    {
      type: 'UserRegistered',
      data: {
        userId,
        username,
        displayName,
        roles,
        branchId: branchId ?? null,
        registeredAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * A login for a hired staff member: the user registers under the staff member's id with the username as display
 * name, and no credential (pending activation). Once answered (created, refused or not created), a redelivered
 * request adds nothing. A rule that refuses it (username taken, unknown branch, a role not grantable) is answered
 * with StaffLoginRefused and its code rather than thrown, so staff hears of it; a staff member who has a login
 * already (a user an admin linked to them before the request came) with StaffLoginNotCreated naming that user.
 */
function createStaffLogin(
  command: CreateStaffLogin,
  tenant: ActiveTenant,
  context: TenantContext,
): TenantEvent[] {
  const { tenantId, staffId, username, roles, branchId } = command.data;
  if (entry(tenant.hireLoginAnswered ?? {}, staffId)) return [];
  const login = entry(tenant.staffLogins ?? {}, staffId);
  // Made at hire or refused is answered (above): what is left is a user linked by hand, open or closed since.
  if (login && login.status !== 'refused')
    return [
      {
        type: 'StaffLoginNotCreated',
        data: {
          staffId,
          userId: login.userId,
          reason: 'already-linked',
          answeredAt: context.now.toISOString(),
        },
      },
    ];
  if (login) return [];
  const register: RegisterUser = {
    type: 'RegisterUser',
    data: {
      tenantId,
      userId: staffId,
      username,
      displayName: username,
      roles,
      ...(branchId ? { branchId } : {}),
    },
  };
  try {
    const registered = registerUser(register, tenant, context);
    const user = registered[0];
    if (user?.type !== 'UserRegistered') return registered;
    const { userId, username: name, roles: granted, branchId: branch } = user.data;
    return [
      ...registered,
      {
        type: 'StaffLoginCreated',
        data: {
          staffId,
          userId,
          username: name,
          roles: granted,
          branchId: branch,
          activation: 'pending',
          createdAt: context.now.toISOString(),
        },
      },
    ];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return [
      {
        type: 'StaffLoginRefused',
        data: {
          staffId,
          username,
          code: error.code,
          reason: error.message,
          refusedAt: context.now.toISOString(),
        },
      },
    ];
  }
}

/**
 * The staff member left: the login made at hire is disabled (its token version bumped, so its tokens are refused
 * at once; its pending invitation dropped) and `StaffLoginClosed` says so, once. Nothing for a staff member
 * without a login from hiring (none asked, refused, or closed already: a redelivered leave changes nothing).
 * The last-admin guard does not hold here: a leaver's access ends whatever their roles.
 */
function closeStaffLogin(
  command: CloseStaffLogin,
  tenant: ActiveTenant,
  context: TenantContext,
): TenantEvent[] {
  const { staffId, lastDay } = command.data;
  const userId = openLoginOf(tenant, staffId);
  const user = userId === undefined ? undefined : entry(tenant.users, userId);
  if (userId === undefined || !user) return [];
  return [
    ...(user.disabled ? [] : [{ type: 'UserDisabled', data: { userId } } as const]),
    {
      type: 'StaffLoginClosed',
      data: { staffId, userId, lastDay, closedAt: context.now.toISOString() },
    },
  ];
}

/** The one user that is the staff member's open login (made at hire or linked), if any. */
function openLoginOf(tenant: ActiveTenant, staffId: string): string | undefined {
  const login = entry(tenant.staffLogins ?? {}, staffId);
  return login?.status === 'open' ? login.userId : undefined;
}

/**
 * The staff member's role changed: the login made at hire holds `to` in place of `from` (roles an admin granted
 * besides stay), its tokens revoked by UserRolesChanged when the roles moved; StaffLoginRolesFollowed records the
 * staff version followed. Nothing without a login from hiring (none, refused, closed), for a disabled user, or
 * for a change at or below the version followed already: a redelivery, or an older change arriving late.
 */
function followStaffRole(
  command: FollowStaffRole,
  tenant: ActiveTenant,
  context: TenantContext,
): TenantEvent[] {
  const { staffId, staffVersion, from, to } = command.data;
  const userId = openLoginOf(tenant, staffId);
  const user = userId === undefined ? undefined : entry(tenant.users, userId);
  if (userId === undefined || !user || user.disabled) return [];
  if (staffVersion <= (entry(tenant.staffRoleVersions ?? {}, staffId) ?? 0)) return [];
  validRoles([from, to]); // staff's published roles: a malformed one is refused (the consumer logs it)
  const roles = grantableRoles(tenant, [...user.roles.filter((r) => r !== from), to]);
  const moved = roles.length !== user.roles.length || roles.some((r) => !user.roles.includes(r));
  if (moved && user.roles.includes('admin') && !roles.includes('admin')) lastAdminGuard(tenant, userId);
  return [
    ...(moved ? [{ type: 'UserRolesChanged', data: { userId, roles } } as const] : []),
    {
      type: 'StaffLoginRolesFollowed',
      data: {
        staffId,
        userId,
        from,
        to,
        roles,
        staffVersion,
        followedAt: context.now.toISOString(),
      },
    },
  ];
}

/**
 * An admin makes a user made by hand the login of a staff member of this tenant: each staff member has ONE login
 * and each user is the login of one staff member at most. Linking the pair already linked changes nothing (a
 * repeated PUT). Refused: a staff member tenancy does not know in this tenant (404), a leaver (422), a staff
 * member with another login (409), a user linked to another staff member (409), a disabled user (422).
 */
function linkUserToStaff(
  command: LinkUserToStaff,
  tenant: ActiveTenant,
  context: TenantContext,
): TenantEvent[] {
  const { userId, staffId } = command.data;
  const user = enabledUser(tenant, userId);
  const staffMember = context.staffMember;
  if (!staffMember)
    throw tenancyError(E.STAFF_MEMBER_NOT_FOUND, `no staff member ${staffId} in this tenant`, { staffId });
  const login = entry(tenant.staffLogins ?? {}, staffId);
  if (staffMember.status === 'left' || login?.status === 'closed')
    throw tenancyError(E.STAFF_MEMBER_LEFT, `staff member ${staffId} has left`, { staffId });
  if (login?.status === 'open' && login.userId === userId) return [];
  if (login?.status === 'open')
    throw tenancyError(E.STAFF_LOGIN_EXISTS, `staff member ${staffId} already has a login`, {
      staffId,
      userId: login.userId,
    });
  if (user.staffId !== undefined)
    throw tenancyError(E.USER_LINK_EXISTS, `user ${userId} is the login of another staff member`, {
      userId,
      staffId: user.staffId,
    });
  return [
    {
      type: 'UserLinkedToStaff',
      data: { userId, staffId, staffVersion: staffMember.version, linkedAt: context.now.toISOString() },
    },
  ];
}

/**
 * An admin undoes a link: nothing for a user linked to no one (a repeated call). A login made at hire is the staff
 * member's by its id (disable it instead), and a leaver's closed login stays as it was closed.
 */
function unlinkUserFromStaff(
  command: UnlinkUserFromStaff,
  tenant: ActiveTenant,
  context: TenantContext,
): TenantEvent[] {
  const { userId } = command.data;
  const user = entry(tenant.users, userId);
  if (!user) throw tenancyError(E.USER_NOT_FOUND, `user ${userId} does not exist`, { userId });
  const { staffId } = user;
  if (staffId === undefined) return [];
  const login = entry(tenant.staffLogins ?? {}, staffId);
  if (login?.status === 'closed')
    throw tenancyError(E.STAFF_MEMBER_LEFT, `staff member ${staffId} has left`, { staffId });
  if (login?.status === 'open' && login.madeAt === 'hire')
    throw tenancyError(E.HIRE_LOGIN_NOT_UNLINKABLE, 'the login made at hire is disabled, not unlinked', {
      userId,
      staffId,
    });
  return [
    { type: 'UserUnlinkedFromStaff', data: { userId, staffId, unlinkedAt: context.now.toISOString() } },
  ];
}

/** A new invitation for a login waiting for activation; the one issued before stops working. */
function issueUserInvitation(
  command: IssueUserInvitation,
  tenant: ActiveTenant,
  context: TenantContext,
): TenantEvent[] {
  const { userId, invitationId, validForHours } = command.data;
  const user = enabledUser(tenant, userId);
  if (!user.pendingActivation) {
    throw tenancyError(
      E.USER_ALREADY_ACTIVE,
      `user ${userId} is active: an admin resets a password instead`,
      {
        userId,
      },
    );
  }
  return [invitationIssued(userId, { invitationId, validForHours }, context)];
}

function invitationIssued(
  userId: string,
  { invitationId, validForHours }: InvitationTerms,
  context: TenantContext,
): UserInvitationIssued {
  if (!Number.isInteger(validForHours) || validForHours < 1)
    throw new RangeError(`an invitation is valid for a whole number of hours, not ${validForHours}`);
  return {
    type: 'UserInvitationIssued',
    data: {
      userId,
      invitationId,
      issuedAt: context.now.toISOString(),
      expiresAt: invitationExpiry(context.now, validForHours).toISOString(),
    },
  };
}

/**
 * The person's own activation: only with the user's latest invitation, unused and unexpired, while the user is
 * enabled and still pending. Every refusal is the same error (no oracle); the password's hash is stored beside.
 */
function activateUser(command: ActivateUser, tenant: ActiveTenant, context: TenantContext): TenantEvent[] {
  const { userId, invitationId } = command.data;
  const verdict = invitationVerdict(entry(tenant.users, userId), invitationId, context.now);
  if (verdict !== 'valid')
    throw tenancyError(E.INVITATION_INVALID, 'this activation token is not valid', { verdict });
  const at = context.now.toISOString();
  return [
    { type: 'UserActivated', data: { userId, invitationId, activatedAt: at } },
    { type: 'UserPasswordChanged', data: { userId, changedAt: at } },
  ];
}

function changeUserRoles(command: ChangeUserRoles, tenant: ActiveTenant): TenantEvent[] {
  const { userId } = command.data;
  const user = enabledUser(tenant, userId);
  const roles = grantableRoles(tenant, command.data.roles);
  if (roles.length === user.roles.length && roles.every((r) => user.roles.includes(r))) return [];
  if (user.roles.includes('admin') && !roles.includes('admin')) lastAdminGuard(tenant, userId);
  return [{ type: 'UserRolesChanged', data: { userId, roles } }];
}

// The hash itself is kept out of the stream (events are published): the application stores it beside.
function changeUserPassword(
  command: ChangeUserPassword,
  tenant: ActiveTenant,
  context: TenantContext,
): TenantEvent[] {
  const { userId } = command.data;
  enabledUser(tenant, userId);
  return [{ type: 'UserPasswordChanged', data: { userId, changedAt: context.now.toISOString() } }];
}

function disableUser(command: DisableUser, tenant: ActiveTenant): TenantEvent[] {
  const { userId } = command.data;
  const user = enabledUser(tenant, userId);
  if (user.roles.includes('admin')) lastAdminGuard(tenant, userId);
  return [{ type: 'UserDisabled', data: { userId } }];
}

/**
 * An admin erases a user, disabled or not: disabled first (tokens and sign-ins end with the version bump), then
 * erased (the application shreds their key and password hash in the same transaction). Refused: an unknown user
 * (404), one erased already, the last enabled admin, and the open login of a staff member (it closes when they
 * leave; erase it then, or unlink it first).
 */
function eraseUser(command: EraseUser, tenant: ActiveTenant, context: TenantContext): TenantEvent[] {
  const { userId } = command.data;
  const user = entry(tenant.users, userId);
  if (!user) throw tenancyError(E.USER_NOT_FOUND, `user ${userId} does not exist`, { userId });
  if (user.erased) throw tenancyError(E.USER_ERASED, `user ${userId} is erased already`, { userId });
  if (!user.disabled && user.roles.includes('admin')) lastAdminGuard(tenant, userId);
  if (user.staffId !== undefined && openLoginOf(tenant, user.staffId) === userId)
    throw tenancyError(
      E.STAFF_LOGIN_OPEN,
      `user ${userId} is the login of staff member ${user.staffId}: it closes when they leave (or unlink it first)`,
      { userId, staffId: user.staffId },
    );
  return [
    ...(user.disabled ? [] : [{ type: 'UserDisabled', data: { userId } } as const]),
    { type: 'UserErased', data: { userId, erasedAt: context.now.toISOString() } },
  ];
}

// --- rules shared by several commands ---------------------------------------------------------------------------

/** The tenant this stream holds; a command for another tenant id is for a tenant not found here. */
function existing(state: TenantState, tenantId: string): ActiveTenant {
  if (state.status === 'absent' || state.tenantId !== tenantId) {
    throw tenancyError(E.TENANT_NOT_FOUND, `tenant ${tenantId} does not exist`, { tenantId });
  }
  return state;
}

/** The tenant, if it is enabled: a disabled tenant's users change nothing until an operator enables it. */
function enabledTenant(state: TenantState, tenantId: string): ActiveTenant {
  const tenant = existing(state, tenantId);
  if (tenant.disabledAt !== undefined) {
    throw tenancyError(E.TENANT_DISABLED, `tenant ${tenantId} is disabled`, { tenantId });
  }
  return tenant;
}

function platformTenant(tenantId: string) {
  return tenancyError(E.PLATFORM_TENANT, 'the platform tenant is reserved for the platform operators', {
    tenantId,
  });
}

/**
 * Known roles that this tenant's users may hold: the platform operator's role only in the platform tenant, and
 * nothing else there (it runs no business). A tenant admin can never grant it.
 */
function grantableRoles(tenant: ActiveTenant, requested: readonly Role[]): Role[] {
  const roles = validRoles(requested);
  const platform = tenant.tenantId === PLATFORM_TENANT_ID;
  const refused = roles.filter((role) => (role === PLATFORM_OPERATOR) !== platform);
  if (refused.length > 0) {
    throw tenancyError(
      E.ROLE_NOT_GRANTABLE,
      platform
        ? 'the platform tenant holds platform operators only'
        : `${PLATFORM_OPERATOR} is the platform's, never a tenant's role`,
      { roles: refused },
    );
  }
  return roles;
}

function enabledUser(tenant: ActiveTenant, userId: string): TenantUser {
  const user = entry(tenant.users, userId);
  if (!user) throw tenancyError(E.USER_NOT_FOUND, `user ${userId} does not exist`, { userId });
  if (user.disabled) throw tenancyError(E.USER_DISABLED, `user ${userId} is disabled`, { userId });
  return user;
}

/** Someone must always be able to administer the tenant. */
function lastAdminGuard(tenant: ActiveTenant, userId: string): void {
  const otherAdmins = Object.entries(tenant.users).filter(
    ([id, u]) => id !== userId && !u.disabled && u.roles.includes('admin'),
  );
  if (otherAdmins.length === 0) {
    throw tenancyError(E.LAST_ADMIN, `user ${userId} is the last enabled admin`, { userId });
  }
}

/** The shared name rule (the gateway applies it too); returns the trimmed name. */
function validName(value: string, field: string): string {
  if (typeof value !== 'string' || !RULES.name.accepts(value)) {
    throw tenancyError(E.INVALID_NAME, `${field} ${RULES.name.message}`, { field });
  }
  return value.trim();
}

/** At least one known role; returned without duplicates, in ROLES order. */
function validRoles(roles: readonly Role[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw tenancyError(E.INVALID_ROLES, 'give at least one role, each one of the known roles', {
      unknown,
    });
  }
  return ROLES.filter((r) => roles.includes(r));
}

function knownLine(line: BusinessLine): BusinessLine {
  if (!isBusinessLine(line)) {
    throw tenancyError(E.INVALID_BUSINESS_LINE, `unknown business line "${String(line)}"`, { line });
  }
  return line;
}

/** A plain copy, so the event holds exactly the calendar's fields. */
function copyCalendar(c: BusinessCalendar): BusinessCalendar {
  return {
    timeZone: c.timeZone,
    workingHours: c.workingHours.map(({ weekday, open, close }) => ({ weekday, open, close })),
    holidays: [...c.holidays],
  };
}
