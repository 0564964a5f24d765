import { type Command, type Event, useCase } from '@serviceops/kernel';
import type { Role } from '../roles';
import {
  CALLERS_TENANT,
  enabledTenant,
  enabledUser,
  grantableRoles,
  lastAdminGuard,
  onTenant,
  withUser,
} from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

export type ChangeUserRoles = Command<
  'ChangeUserRoles',
  { tenantId: string; userId: string; roles: readonly Role[] }
>;

export type UserRolesChanged = Event<'UserRolesChanged', { userId: string; roles: readonly Role[] }>;

export const changeUserRoles = useCase<ChangeUserRoles, UserRolesChanged, TenantState, TenantContext>({
  command: 'ChangeUserRoles',
  handles: {
    rpc: 'tenancy.ChangeUserRoles',
    command: (request: { userId: string; roles?: Role[] }) => ({
      type: 'ChangeUserRoles',
      data: { tenantId: CALLERS_TENANT, userId: request.userId, roles: request.roles ?? [] },
    }),
  },
  decide(command, state) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { userId } = command.data;
    const user = enabledUser(tenant, userId);
    const roles = grantableRoles(tenant, command.data.roles);
    if (roles.length === user.roles.length && roles.every((r) => user.roles.includes(r))) return [];
    if (user.roles.includes('admin') && !roles.includes('admin')) lastAdminGuard(tenant, userId);
    return [{ type: 'UserRolesChanged', data: { userId, roles } }];
  },
  evolve: {
    // Fewer rights, or other ones: the tokens issued before are refused at once.
    UserRolesChanged: onTenant((tenant, { data: { userId, roles } }) =>
      withUser(tenant, userId, (user) => ({ roles, tokenVersion: user.tokenVersion + 1 })),
    ),
  },
});
