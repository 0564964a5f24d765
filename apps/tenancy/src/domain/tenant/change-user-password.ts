import { type Command, type Event, useCase } from '@serviceops/kernel';
import { CALLERS_TENANT, enabledTenant, enabledUser, onTenant } from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

export type ChangeUserPassword = Command<'ChangeUserPassword', { tenantId: string; userId: string }>;

export type UserPasswordChanged = Event<'UserPasswordChanged', { userId: string; changedAt: string }>;

export const changeUserPassword = useCase<
  ChangeUserPassword,
  UserPasswordChanged,
  TenantState,
  TenantContext
>({
  command: 'ChangeUserPassword',
  // An admin sets a user's password (the handler hashes the request's `password`: application/users.handlers.ts).
  handles: {
    rpc: 'tenancy.SetUserPassword',
    command: (request: { userId: string }) => ({
      type: 'ChangeUserPassword',
      data: { tenantId: CALLERS_TENANT, userId: request.userId },
    }),
  },
  // The hash itself is kept out of the stream (events are published): the application stores it beside.
  decide(command, state, context) {
    const { userId } = command.data;
    enabledUser(enabledTenant(state, command.data.tenantId), userId);
    return [{ type: 'UserPasswordChanged', data: { userId, changedAt: context.now.toISOString() } }];
  },
  evolve: {
    // The hash lives outside the stream. A password set activates a staff login created without one, and
    // revokes the tokens issued before it (they were signed in with the old one).
    UserPasswordChanged: onTenant((tenant, { data: { userId } }) => {
      const user = entry(tenant.users, userId);
      if (!user) return tenant;
      const { pendingActivation: _, ...rest } = user;
      return {
        ...tenant,
        users: { ...tenant.users, [userId]: { ...rest, tokenVersion: user.tokenVersion + 1 } },
      };
    }),
  },
});
