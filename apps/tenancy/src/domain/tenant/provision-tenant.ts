import {
  type BusinessCalendar,
  type Caller,
  type Command,
  defaultBusinessCalendar,
  useCase,
} from '@serviceops/kernel';
import { PLATFORM_TENANT_ID, type Role } from '../roles';
import { createdTenant, tenantCreated, type CreateTenant, type TenantCreated } from './create-tenant';
import { userRegistered, type RegisterUser, type UserRegistered } from './register-user';
import { platformTenant, registering } from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

/** A platform operator's: a new tenant and its first admin, together (a tenant nobody can administer is no use). */
export type ProvisionTenant = Command<
  'ProvisionTenant',
  {
    tenantId: string;
    name: string;
    calendar?: BusinessCalendar;
    admin: { userId: string; username: string; displayName: string };
  }
>;

/** The first admin's display name when the operator gives none. */
const DEFAULT_ADMIN_DISPLAY_NAME = 'Administrator';

/**
 * The first admin's user id as the mapping leaves it: a mapping is given one fresh id (the tenant's), so the handler
 * makes the admin's (application/provisioning.handlers.ts). Refused by the decision, so a handler that left it
 * fails loudly.
 */
export const ADMIN_ID_FROM_HANDLER = '';

/** The request as the proto decodes it (proto3: unset strings absent); the admin's password is hashed by the handler. */
interface CreateTenantRequest {
  readonly name?: string;
  readonly timeZone?: string;
  readonly admin?: { readonly username?: string; readonly displayName?: string };
}

/** The tenant and its first user in one decision: both or neither. */
export function withFirstUser(
  created: readonly [TenantCreated],
  user: { userId: string; username: string; displayName: string },
  roles: readonly Role[],
  context: TenantContext,
): [TenantCreated, UserRegistered] {
  const [event] = created;
  const register: RegisterUser = {
    type: 'RegisterUser',
    data: { tenantId: event.data.tenantId, ...user, roles },
  };
  return [event, ...userRegistered(register, createdTenant(event), context)];
}

const provisionTenantCase = useCase<
  ProvisionTenant,
  TenantCreated | UserRegistered,
  TenantState,
  TenantContext,
  'TenantCreated' | 'UserRegistered'
>({
  command: 'ProvisionTenant',
  handles: {
    rpc: 'tenancy.CreateTenant',
    command: (request: CreateTenantRequest, { newId }: Caller) => ({
      type: 'ProvisionTenant',
      data: {
        tenantId: newId,
        name: request.name ?? '',
        ...(request.timeZone ? { calendar: { ...defaultBusinessCalendar, timeZone: request.timeZone } } : {}),
        admin: {
          userId: ADMIN_ID_FROM_HANDLER,
          username: request.admin?.username ?? '',
          displayName: request.admin?.displayName || DEFAULT_ADMIN_DISPLAY_NAME,
        },
      },
    }),
  },
  decide(command, state, context) {
    const { tenantId, name, calendar, admin } = command.data;
    if (admin.userId === ADMIN_ID_FROM_HANDLER) throw new Error('the first admin was given no user id');
    if (tenantId === PLATFORM_TENANT_ID) throw platformTenant(tenantId);
    const create: CreateTenant = {
      type: 'CreateTenant',
      data: { tenantId, name, ...(calendar ? { calendar } : {}) },
    };
    return withFirstUser(tenantCreated(create, state, context), admin, ['admin'], context);
  },
  // Its events are create-tenant's and register-user's.
  evolve: {},
});

/** Registers the tenant's first admin. */
export const provisionTenant = registering(provisionTenantCase, ({ data }) => [data.admin.userId]);
