import { type BusinessCalendar, type Command, useCase } from '@serviceops/kernel';
import { PLATFORM_TENANT_ID, type Role } from '../roles';
import { createdTenant, tenantCreated, type CreateTenant, type TenantCreated } from './create-tenant';
import { userRegistered, type RegisterUser, type UserRegistered } from './register-user';
import { platformTenant } from './tenant.rules';
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

export const provisionTenant = useCase<
  ProvisionTenant,
  TenantCreated | UserRegistered,
  TenantState,
  TenantContext,
  'TenantCreated' | 'UserRegistered'
>({
  command: 'ProvisionTenant',
  decide(command, state, context) {
    const { tenantId, name, calendar, admin } = command.data;
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
