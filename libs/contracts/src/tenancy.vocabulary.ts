// The tenancy vocabulary every service shares: staff roles (DOMAIN.md) and the business lines.
/** Staff roles, as DOMAIN.md lists them. What each role may do is decided where the action is. */
export const ROLES = [
  'coach',
  'technician',
  'companion',
  'customer_service_agent',
  'service_advisor',
  'workshop_manager',
  'service_director',
  'vice_president',
  'legal',
  'finance',
  'parts_keeper',
  'auditor',
  'admin',
  'platform_operator',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * Provisions and disables tenants. Belongs to no tenant's business: held only by the users of the platform
 * tenant below, never granted by a tenant admin, and no tenant route lets it in.
 */
export const PLATFORM_OPERATOR = 'platform_operator' as const satisfies Role;

/** The roles a tenant's admin may grant: every role but the platform operator's. */
export const TENANT_ROLES = ROLES.filter(
  (role): role is Exclude<Role, typeof PLATFORM_OPERATOR> => role !== PLATFORM_OPERATOR,
);

/**
 * The reserved tenant that holds the platform operators' accounts (made at first start). It runs no business:
 * it is hidden from the tenant list and cannot be disabled. A well-known id, so an operator can always name it
 * at login.
 */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

const roles: ReadonlySet<string> = new Set(ROLES);

/**
 * Roles that see customers' personal data in clear (they serve or contact the customer, or handle their legal
 * matters). Every other role with read access sees it masked. Each clear read is recorded.
 */
export const PERSONAL_DATA_ROLES = [
  'admin',
  'customer_service_agent',
  'service_advisor',
  'service_director',
  'workshop_manager',
  'legal',
] as const satisfies readonly Role[];

export function seesPersonalData(callerRoles: readonly string[]): boolean {
  return PERSONAL_DATA_ROLES.some((role) => callerRoles.includes(role));
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && roles.has(value);
}

/** The four business lines a tenant may run (DOMAIN.md). */
export const BUSINESS_LINES = [
  'driving_practice',
  'after_sales_repair',
  'companion_chat',
  'equipment_rental',
] as const;

export type BusinessLine = (typeof BUSINESS_LINES)[number];

const lines: ReadonlySet<string> = new Set(BUSINESS_LINES);

export function isBusinessLine(value: unknown): value is BusinessLine {
  return typeof value === 'string' && lines.has(value);
}
