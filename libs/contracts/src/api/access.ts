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
/** Recruiting, hiring, qualifications and separation of staff (issue 13, people): who runs the staff files. */
export const STAFF_PEOPLE_MANAGERS = [
  'admin',
  'service_director',
  'workshop_manager',
] as const satisfies readonly Role[];
export const STAFF_PEOPLE_READERS = [
  ...STAFF_PEOPLE_MANAGERS,
  'vice_president',
  'auditor',
  'legal',
  'finance',
] as const satisfies readonly Role[];
/**
 * Roles that see staff members' and candidates' personal data (name, phone, ID number) in clear: the people who
 * hire, manage and pay them or handle their legal matters. Every other reader sees it masked.
 */
export const STAFF_PERSONAL_DATA_ROLES = [
  'admin',
  'service_director',
  'workshop_manager',
  'legal',
  'finance',
] as const satisfies readonly Role[];
/** Erasing a candidate's personal data cannot be undone. */
export const STAFF_DATA_ERASERS = ['admin', 'legal'] as const satisfies readonly Role[];
/** Record violations and rewards, run training and assessments: the managers of front-line staff. */
export const STAFF_CONDUCT_MANAGERS = [
  'admin',
  'service_director',
  'workshop_manager',
  'vice_president',
] as const satisfies readonly Role[];
/** Read the conduct register, training and assessments (billing's finance and the auditors too). */
export const STAFF_CONDUCT_READERS = [
  ...STAFF_CONDUCT_MANAGERS,
  'auditor',
  'finance',
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
/** Who may close another owner's renewal follow-up (its owner always may). */
export const RENEWAL_FOLLOW_UP_MANAGERS = [
  'admin',
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
/** Orders (issue 15): who takes a request in and answers it. */
export const ORDER_WRITERS = [
  'admin',
  'customer_service_agent',
  'service_advisor',
  'service_director',
  'workshop_manager',
] as const satisfies readonly Role[];
/** Who sends a person to an order (the front desk, the workshop, the director). */
export const DISPATCHERS = [
  'admin',
  'service_advisor',
  'workshop_manager',
  'service_director',
] as const satisfies readonly Role[];
export const ORDER_READERS = [
  ...ORDER_WRITERS,
  'coach',
  'technician',
  'companion',
  'parts_keeper',
  'auditor',
  'vice_president',
] as const satisfies readonly Role[];
/** Resources (issue 15 item 2): who registers vehicles, equipment and tools, keeps their log and the tool register. */
export const RESOURCE_KEEPERS = [
  'admin',
  'service_advisor',
  'workshop_manager',
  'service_director',
  'parts_keeper',
] as const satisfies readonly Role[];
/** Who records preparation checks and rental deliveries, visits and returns: the keepers and the field staff. */
export const RESOURCE_CHECKERS = [
  ...RESOURCE_KEEPERS,
  'coach',
  'technician',
] as const satisfies readonly Role[];

/** Companion chat's front line: who queues a customer, allocates, starts and ends chats (orders, issue 15 item 8). */
export const CHAT_AGENTS = [
  'admin',
  'customer_service_agent',
  'service_director',
  'companion',
] as const satisfies readonly Role[];
/** Who sets the chat policy, puts companions on duty and scores sampled chats (quality inspection). */
export const CHAT_SUPERVISORS = ['admin', 'service_director'] as const satisfies readonly Role[];
export const CHAT_READERS = [...CHAT_AGENTS, 'auditor', 'vice_president'] as const satisfies readonly Role[];
/** Who records a safety incident on the job (orders, issue 15 item 9): the people there and their managers. */
export const INCIDENT_REPORTERS = [
  'admin',
  'coach',
  'technician',
  'companion',
  'service_advisor',
  'workshop_manager',
  'service_director',
] as const satisfies readonly Role[];
export const INCIDENT_READERS = [
  'admin',
  'workshop_manager',
  'service_director',
  'vice_president',
  'auditor',
  'legal',
] as const satisfies readonly Role[];
/** Daily reports (orders, issue 15 item 10): the technicians and coaches themselves, their supervisors. */
export const DAILY_REPORT_READERS = [
  'admin',
  'coach',
  'technician',
  'workshop_manager',
  'service_director',
  'vice_president',
  'auditor',
] as const satisfies readonly Role[];
/** Orders' quotes (issue 15 item 1): the service manager prices paid work. */
export const QUOTERS = [
  'admin',
  'service_advisor',
  'workshop_manager',
  'service_director',
] as const satisfies readonly Role[];
/** The front desk: records the customer's answer to a quote, approves extra work, records the customer's consent. */
export const FRONT_DESK = [
  'admin',
  'customer_service_agent',
  'service_advisor',
] as const satisfies readonly Role[];
/**
 * Who cancels an order before its work starts: the front desk (who took the request) and the service managers
 * (who quote and dispatch it); admin is among both.
 */
export const ORDER_CANCELLERS: readonly ((typeof FRONT_DESK)[number] | (typeof QUOTERS)[number])[] = [
  ...new Set([...FRONT_DESK, ...QUOTERS]),
];
/** Who does the work of an order: starts it, finds extra work, uses parts, self-checks, completes with the signature. */
export const WORK_PERFORMERS = [
  'admin',
  'technician',
  'coach',
  'companion',
  'workshop_manager',
] as const satisfies readonly Role[];
/** The parts store: issues parts against a started work order and takes unused ones back. */
export const PARTS_ISSUERS = ['admin', 'parts_keeper', 'workshop_manager'] as const satisfies readonly Role[];
/** Inspection of finished work before the customer signs (the workshop manager, the director). */
export const WORK_INSPECTORS = [
  'admin',
  'workshop_manager',
  'service_director',
] as const satisfies readonly Role[];
/**
 * Who records a clock-in or -out for someone else (issue 13 item 6): the managers who schedule shifts. Anyone
 * else records only their own (the login tenancy linked to their staff file): 403 STAFF.CLOCKING_FORBIDDEN.
 */
export const STAFF_ATTENDANCE_SUPERVISORS = STAFF_CONDUCT_MANAGERS;
