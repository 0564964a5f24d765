import { type BusinessCalendar, RULES } from '@serviceops/kernel';
import { isBusinessLine, type BusinessLine } from '../business-lines';
import { isRole, PLATFORM_OPERATOR, PLATFORM_TENANT_ID, ROLES, type Role } from '../roles';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { type ActiveTenant, entry, type StaffLogin, type TenantState, type TenantUser } from './tenant.state';

// What the tenant's use cases share: the guards on the tenant and its users, each field's check, and how the
// state is changed. Event data is stored as JSON: instants are ISO-8601 strings and "none" is null.

/**
 * The tenant a request acts on is the caller's: their token names it, no request does. A request's mapping
 * (`handles`) leaves it to the application, which puts the caller's tenant in its place.
 */
export const CALLERS_TENANT = '';

/** The tenant this stream holds; a command for another tenant id is for a tenant not found here. */
export function existing(state: TenantState, tenantId: string): ActiveTenant {
  if (state.status === 'absent' || state.tenantId !== tenantId) {
    throw tenancyError(E.TENANT_NOT_FOUND, `tenant ${tenantId} does not exist`, { tenantId });
  }
  return state;
}

/** The tenant, if it is enabled: a disabled tenant's users change nothing until an operator enables it. */
export function enabledTenant(state: TenantState, tenantId: string): ActiveTenant {
  const tenant = existing(state, tenantId);
  if (tenant.disabledAt !== undefined) {
    throw tenancyError(E.TENANT_DISABLED, `tenant ${tenantId} is disabled`, { tenantId });
  }
  return tenant;
}

export function platformTenant(tenantId: string) {
  return tenancyError(E.PLATFORM_TENANT, 'the platform tenant is reserved for the platform operators', {
    tenantId,
  });
}

/**
 * Known roles that this tenant's users may hold: the platform operator's role only in the platform tenant, and
 * nothing else there (it runs no business). A tenant admin can never grant it.
 */
export function grantableRoles(tenant: ActiveTenant, requested: readonly Role[]): Role[] {
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

/** The tenant's user, disabled or erased alike; 404 when there is none. */
export function existingUser(tenant: ActiveTenant, userId: string): TenantUser {
  const user = entry(tenant.users, userId);
  if (!user) throw tenancyError(E.USER_NOT_FOUND, `user ${userId} does not exist`, { userId });
  return user;
}

export function enabledUser(tenant: ActiveTenant, userId: string): TenantUser {
  const user = existingUser(tenant, userId);
  if (user.disabled) throw tenancyError(E.USER_DISABLED, `user ${userId} is disabled`, { userId });
  return user;
}

/** Someone must always be able to administer the tenant. */
export function lastAdminGuard(tenant: ActiveTenant, userId: string): void {
  const otherAdmins = Object.entries(tenant.users).filter(
    ([id, u]) => id !== userId && !u.disabled && u.roles.includes('admin'),
  );
  if (otherAdmins.length === 0) {
    throw tenancyError(E.LAST_ADMIN, `user ${userId} is the last enabled admin`, { userId });
  }
}

/** The shared name rule (the gateway applies it too); returns the trimmed name. */
export function validName(value: string, field: string): string {
  if (typeof value !== 'string' || !RULES.name.accepts(value)) {
    throw tenancyError(E.INVALID_NAME, `${field} ${RULES.name.message}`, { field });
  }
  return value.trim();
}

/** At least one known role; returned without duplicates, in ROLES order. */
export function validRoles(roles: readonly Role[]): Role[] {
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw tenancyError(E.INVALID_ROLES, 'give at least one role, each one of the known roles', {
      unknown,
    });
  }
  return ROLES.filter((r) => roles.includes(r));
}

export function knownLine(line: BusinessLine): BusinessLine {
  if (!isBusinessLine(line)) {
    throw tenancyError(E.INVALID_BUSINESS_LINE, `unknown business line "${String(line)}"`, { line });
  }
  return line;
}

/** A plain copy, so the event holds exactly the calendar's fields. */
export function copyCalendar(c: BusinessCalendar): BusinessCalendar {
  return {
    timeZone: c.timeZone,
    workingHours: c.workingHours.map(({ weekday, open, close }) => ({ weekday, open, close })),
    holidays: [...c.holidays],
  };
}

/** The one user that is the staff member's open login (made at hire or linked), if any. */
export function openLoginOf(tenant: ActiveTenant, staffId: string): string | undefined {
  const login = entry(tenant.staffLogins ?? {}, staffId);
  return login?.status === 'open' ? login.userId : undefined;
}

// --- how events change the state --------------------------------------------------------------------------------

/**
 * An event's change to a tenant that exists: only TenantCreated starts a stream, so anything else on an absent
 * tenant cannot have been decided and leaves it as it is.
 */
export function onTenant<Ev>(
  apply: (tenant: ActiveTenant, event: Ev) => TenantState,
): (state: TenantState, event: Ev) => TenantState {
  return (state, event) => (state.status === 'absent' ? state : apply(state, event));
}

/** The tenant with one of its users changed; as it was when there is no such user. */
export function withUser(
  tenant: ActiveTenant,
  userId: string,
  change: (user: TenantUser) => Partial<TenantUser>,
): ActiveTenant {
  const user = entry(tenant.users, userId);
  return user ? { ...tenant, users: { ...tenant.users, [userId]: { ...user, ...change(user) } } } : tenant;
}

export function withStaffLogin(tenant: ActiveTenant, staffId: string, login: StaffLogin): ActiveTenant {
  return { ...tenant, staffLogins: { ...tenant.staffLogins, [staffId]: login } };
}

/** The hire's login request of this staff member was answered: a redelivered one is answered once. */
export function answered(tenant: ActiveTenant, staffId: string): ActiveTenant {
  return { ...tenant, hireLoginAnswered: { ...tenant.hireLoginAnswered, [staffId]: true } };
}

/**
 * A use case that registers users (decides a `UserRegistered`) states which, by id, from its command: their data
 * keys are made before the events are sealed (sealing is synchronous, a key is made in the database). A use case
 * stating nothing registers nobody, and a `UserRegistered` for a user not named fails the append.
 */
export function registering<U extends { readonly decide: (command: never, ...rest: never[]) => unknown }>(
  useCase: U,
  registers: (command: Parameters<U['decide']>[0]) => readonly string[],
): U & { readonly registers: (command: Parameters<U['decide']>[0]) => readonly string[] } {
  return { ...useCase, registers };
}
