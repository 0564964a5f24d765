import type { GrpcServiceName } from '@serviceops/contracts';
import type { Role } from './roles';

/** Anyone may call: no token. */
export const PUBLIC = 'public';
/** Any authenticated user, whatever their roles. */
export const ANY_ROLE = 'any-role';

export type Access = typeof PUBLIC | typeof ANY_ROLE | readonly Role[];

const ADMIN = ['admin'] as const satisfies readonly Role[];
/** Provisioning tenants: the platform's, never a tenant's (not even its admin's). */
export const PLATFORM_OPERATORS = ['platform_operator'] as const satisfies readonly Role[];
const CUSTOMER_WRITERS = [
  'admin',
  'customer_service_agent',
  'service_advisor',
  'service_director',
  'workshop_manager',
] as const satisfies readonly Role[];
const CUSTOMER_READERS = [
  ...CUSTOMER_WRITERS,
  'auditor',
  'vice_president',
  'legal',
  'finance',
] as const satisfies readonly Role[];
/** Merging (and undoing it) changes two files at once: the roles that own customer files. */
const CUSTOMER_MERGERS = [
  'admin',
  'customer_service_agent',
  'service_director',
] as const satisfies readonly Role[];
/** Erasure cannot be undone. */
const CUSTOMER_ERASERS = ['admin', 'legal'] as const satisfies readonly Role[];
const STATS_READERS = [
  'admin',
  'service_director',
  'vice_president',
  'auditor',
  'finance',
] as const satisfies readonly Role[];
const AUDIT_READERS = [
  'admin',
  'auditor',
  'service_director',
  'vice_president',
  'legal',
] as const satisfies readonly Role[];

/**
 * Who may call what: one table for the REST routes and the public gRPC API, keyed by the RPC each one ends
 * in, so the two APIs cannot drift apart. A method missing here is refused on both.
 */
export const RPC_ACCESS = {
  tenancy: {
    Authenticate: PUBLIC,
    GetTenant: ANY_ROLE,
    AddBranch: ADMIN,
    EnableBusinessLine: ADMIN,
    SetBusinessCalendar: ADMIN,
    RegisterUser: ADMIN,
    ChangeUserRoles: ADMIN,
    DisableUser: ADMIN,
    ListUsers: ADMIN,
    CreateTenant: PLATFORM_OPERATORS,
    ListTenants: PLATFORM_OPERATORS,
    GetTenantById: PLATFORM_OPERATORS,
    DisableTenant: PLATFORM_OPERATORS,
    EnableTenant: PLATFORM_OPERATORS,
  },
  customers: {
    RegisterCustomer: CUSTOMER_WRITERS,
    ChangeCustomerContacts: CUSTOMER_WRITERS,
    UpdateCustomerFile: CUSTOMER_WRITERS,
    MergeCustomers: CUSTOMER_MERGERS,
    UndoCustomerMerge: CUSTOMER_MERGERS,
    EraseCustomer: CUSTOMER_ERASERS,
    GetCustomer: CUSTOMER_READERS,
    ListCustomers: CUSTOMER_READERS,
    GetCustomerHistory: CUSTOMER_READERS,
    GetCustomerTimeline: CUSTOMER_READERS,
    OpenInquiry: CUSTOMER_WRITERS,
    AnswerInquiry: CUSTOMER_WRITERS,
    HandOffInquiry: CUSTOMER_WRITERS,
    GetInquiry: CUSTOMER_READERS,
    ListInquiries: CUSTOMER_READERS,
    GetInquiryHistory: CUSTOMER_READERS,
    ScheduleReturnVisit: CUSTOMER_WRITERS,
    RecordReturnVisit: CUSTOMER_WRITERS,
    CancelReturnVisit: CUSTOMER_WRITERS,
    GetReturnVisit: CUSTOMER_READERS,
    ListReturnVisits: CUSTOMER_READERS,
    GetReturnVisitHistory: CUSTOMER_READERS,
    GetCustomerPolicy: CUSTOMER_READERS,
    ChangeCustomerPolicy: ADMIN,
    GetCustomerPolicyHistory: CUSTOMER_READERS,
  },
  analytics: {
    GetCustomerStats: STATS_READERS,
    ListAudit: AUDIT_READERS,
  },
} as const satisfies Record<GrpcServiceName, Record<string, Access>>;

export type RpcMethod<S extends GrpcServiceName> = keyof (typeof RPC_ACCESS)[S] & string;
/** 'customers.RegisterCustomer' */
export type Rpc = { [S in GrpcServiceName]: `${S}.${RpcMethod<S>}` }[GrpcServiceName];

export function splitRpc(rpc: Rpc): { service: GrpcServiceName; method: string } {
  const [service, method] = rpc.split('.') as [GrpcServiceName, string];
  return { service, method };
}

export function accessOf(rpc: Rpc): Access {
  const { service, method } = splitRpc(rpc);
  return (RPC_ACCESS[service] as Readonly<Record<string, Access>>)[method] as Access;
}

/** The rule of a method named at run time (the public gRPC API); undefined when the table lacks it. */
export function accessOfMethod(service: GrpcServiceName, method: string): Access | undefined {
  const rules = RPC_ACCESS[service] as Readonly<Record<string, Access>>;
  return Object.hasOwn(rules, method) ? rules[method] : undefined;
}

/** Whether a caller holding `roles` passes the rule (PUBLIC needs no caller at all). */
export function allows(access: Access, roles: readonly string[]): boolean {
  if (access === PUBLIC || access === ANY_ROLE) return true;
  return access.some((role) => roles.includes(role));
}
