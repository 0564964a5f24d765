import { type BusinessCalendar, defaultBusinessCalendar, validateBusinessCalendar } from '@serviceops/kernel';
import { isBusinessLine, type BusinessLine } from '../business-lines';
import { isRole, ROLES, type Role } from '../roles';
import type {
  AddBranch,
  ChangeUserPassword,
  ChangeUserRoles,
  CreateTenant,
  DisableUser,
  EnableBusinessLine,
  RegisterUser,
  RenameTenant,
  SetBusinessCalendar,
  TenantCommand,
} from './tenant.commands';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import type { TenantEvent } from './tenant.events';
import { type ActiveTenant, entry, type TenantState, type TenantUser } from './tenant.state';

export interface TenantContext {
  readonly now: Date;
}

export function decideTenant(
  command: TenantCommand,
  state: TenantState,
  context: TenantContext,
): readonly TenantEvent[] {
  if (command.type === 'CreateTenant') return createTenant(command, state, context);
  const tenant = existing(state, command.data.tenantId);
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
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function createTenant(command: CreateTenant, state: TenantState, context: TenantContext): TenantEvent[] {
  const { tenantId, calendar = defaultBusinessCalendar } = command.data;
  if (state.status !== 'absent') {
    throw tenancyError(E.TENANT_EXISTS, `tenant ${tenantId} already exists`, { tenantId });
  }
  const name = validName(command.data.name, 'name');
  validateBusinessCalendar(calendar);
  return [
    {
      type: 'TenantCreated',
      data: { tenantId, name, calendar: copyCalendar(calendar), createdAt: context.now.toISOString() },
    },
  ];
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

const USERNAME = /^[a-z0-9._-]{3,64}$/;

function registerUser(command: RegisterUser, tenant: ActiveTenant, context: TenantContext): TenantEvent[] {
  const { userId, branchId } = command.data;
  if (entry(tenant.users, userId)) {
    throw tenancyError(E.USER_EXISTS, `user ${userId} already exists`, { userId });
  }
  // Usernames are case-insensitive, so they are kept in lower case; a disabled user's name stays taken.
  const username = command.data.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw tenancyError(E.INVALID_USERNAME, 'a username is 3 to 64 characters of a-z, 0-9, ".", "_" and "-"', {
      username: command.data.username,
    });
  }
  if (Object.values(tenant.users).some((u) => u.username.toLowerCase() === username)) {
    throw tenancyError(E.USERNAME_TAKEN, `username "${username}" is taken`, { username });
  }
  const displayName = validName(command.data.displayName, 'displayName');
  const roles = validRoles(command.data.roles);
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

function changeUserRoles(command: ChangeUserRoles, tenant: ActiveTenant): TenantEvent[] {
  const { userId } = command.data;
  const user = enabledUser(tenant, userId);
  const roles = validRoles(command.data.roles);
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

// --- rules shared by several commands ---------------------------------------------------------------------------

/** The tenant this stream holds; a command for another tenant id is for a tenant not found here. */
function existing(state: TenantState, tenantId: string): ActiveTenant {
  if (state.status === 'absent' || state.tenantId !== tenantId) {
    throw tenancyError(E.TENANT_NOT_FOUND, `tenant ${tenantId} does not exist`, { tenantId });
  }
  return state;
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

const MAX_NAME = 200;

/** 1 to 200 characters once trimmed; returns the trimmed name. */
/** Trimmed, 1 to MAX_NAME characters: code points, as the gateway counts them (😀 or 𠀀 is one, not two). */
function validName(value: string, field: string): string {
  const name = typeof value === 'string' ? value.trim() : '';
  const length = [...name].length;
  if (length === 0 || length > MAX_NAME) {
    throw tenancyError(E.INVALID_NAME, `${field} must be 1 to ${MAX_NAME} characters`, { field });
  }
  return name;
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
