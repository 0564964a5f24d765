import { type Command, type Event, useCase } from '@serviceops/kernel';
import {
  CALLERS_TENANT,
  enabledTenant,
  enabledUser,
  lastAdminGuard,
  onTenant,
  withUser,
} from './tenant.rules';
import type { TenantContext, TenantState } from './tenant.state';

export type DisableUser = Command<'DisableUser', { tenantId: string; userId: string }>;

export type UserDisabled = Event<'UserDisabled', { userId: string }>;

export const disableUser = useCase<DisableUser, UserDisabled, TenantState, TenantContext>({
  command: 'DisableUser',
  handles: {
    rpc: 'tenancy.DisableUser',
    command: (request: { userId: string }) => ({
      type: 'DisableUser',
      data: { tenantId: CALLERS_TENANT, userId: request.userId },
    }),
  },
  decide(command, state) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { userId } = command.data;
    const user = enabledUser(tenant, userId);
    if (user.roles.includes('admin')) lastAdminGuard(tenant, userId);
    return [{ type: 'UserDisabled', data: { userId } }];
  },
  evolve: {
    UserDisabled: onTenant((tenant, { data: { userId } }) =>
      withUser(tenant, userId, (user) => ({ disabled: true, tokenVersion: user.tokenVersion + 1 })),
    ),
  },
});
