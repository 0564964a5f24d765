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
] as const;

export type Role = (typeof ROLES)[number];

const roles: ReadonlySet<string> = new Set(ROLES);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && roles.has(value);
}
