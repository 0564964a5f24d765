/**
 * Staff roles, as the tenancy service knows them (DOMAIN.md). The gateway keeps its own copy because apps do
 * not import each other; the role table below is typed against it, and tenancy validates roles again.
 */
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

/** The four business lines a tenant may run (DOMAIN.md). */
export const BUSINESS_LINES = [
  'driving_practice',
  'after_sales_repair',
  'companion_chat',
  'equipment_rental',
] as const;
