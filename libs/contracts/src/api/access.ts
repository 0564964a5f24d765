import type { Role } from '../tenancy.vocabulary';

/** Anyone may call: no token. */
export const PUBLIC = 'public';
/** Any authenticated user, whatever their roles. */
export const ANY_ROLE = 'any-role';

/** Who may call a method: nobody needs a token, any user, or a user holding one of these roles. */
export type Access = typeof PUBLIC | typeof ANY_ROLE | readonly Role[];

// The role lists the declarations share.
export const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Provisioning tenants: the platform's, never a tenant's (not even its admin's). */
export const PLATFORM_OPERATORS = ['platform_operator'] as const satisfies readonly Role[];
export const CUSTOMER_WRITERS = [
  'admin',
  'customer_service_agent',
  'service_advisor',
  'service_director',
  'workshop_manager',
] as const satisfies readonly Role[];
export const CUSTOMER_READERS = [
  ...CUSTOMER_WRITERS,
  'auditor',
  'vice_president',
  'legal',
  'finance',
] as const satisfies readonly Role[];
/** Merging (and undoing it) changes two files at once: the roles that own customer files. */
export const CUSTOMER_MERGERS = [
  'admin',
  'customer_service_agent',
  'service_director',
] as const satisfies readonly Role[];
/**
 * Who may act for another user of their tenant (X-On-Behalf-Of): the audit trail then names both. Anyone else
 * sending the header is refused (403 ACCESS.ON_BEHALF_OF_REFUSED).
 */
export const ON_BEHALF_ACTORS = ['admin', 'customer_service_agent'] as const satisfies readonly Role[];
/** Erasure cannot be undone. */
export const CUSTOMER_ERASERS = ['admin', 'legal'] as const satisfies readonly Role[];
export const STATS_READERS = [
  'admin',
  'service_director',
  'vice_president',
  'auditor',
  'finance',
] as const satisfies readonly Role[];
export const AUDIT_READERS = [
  'admin',
  'auditor',
  'service_director',
  'vice_president',
  'legal',
] as const satisfies readonly Role[];
/** Contracts: who drafts, sends quotes, signs and amends on the provider's side. */
export const CONTRACT_WRITERS = [
  'admin',
  'customer_service_agent',
  'service_advisor',
  'service_director',
  'workshop_manager',
] as const satisfies readonly Role[];
/** Legal review of a contract (and every other decision of the review: approve, return). */
export const CONTRACT_REVIEWERS = ['admin', 'legal'] as const satisfies readonly Role[];
export const CONTRACT_READERS = [
  ...CONTRACT_WRITERS,
  'legal',
  'finance',
  'auditor',
  'vice_president',
] as const satisfies readonly Role[];
