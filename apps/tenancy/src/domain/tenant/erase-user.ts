import type { UserErasedV1 } from '@serviceops/contracts';
import { type Command, type Event, useCase } from '@serviceops/kernel';
import type { UserDisabled } from './disable-user';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import {
  CALLERS_TENANT,
  enabledTenant,
  existingUser,
  lastAdminGuard,
  onTenant,
  openLoginOf,
} from './tenant.rules';
import { entry, erasedUsername, type TenantContext, type TenantState, type TenantUser } from './tenant.state';

/** An admin erases a user: their key is shredded beside the events (TenantStream), their username freed. */
export type EraseUser = Command<'EraseUser', { tenantId: string; userId: string }>;

/** The user was erased (after UserDisabled, unless disabled already): published as UserErasedV1. */
export type UserErased = Event<'UserErased', UserErasedV1>;

/**
 * An admin erases a user, disabled or not: disabled first (tokens and sign-ins end with the version bump), then
 * erased (the application shreds their key and password hash in the same transaction). Refused: an unknown user
 * (404), one erased already, the last enabled admin, and the open login of a staff member (it closes when they
 * leave; erase it then, or unlink it first).
 */
export const eraseUser = useCase<
  EraseUser,
  UserDisabled | UserErased,
  TenantState,
  TenantContext,
  'UserDisabled'
>({
  command: 'EraseUser',
  handles: {
    rpc: 'tenancy.EraseUser',
    command: (request: { userId: string }) => ({
      type: 'EraseUser',
      data: { tenantId: CALLERS_TENANT, userId: request.userId },
    }),
  },
  decide(command, state, context) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { userId } = command.data;
    const user = existingUser(tenant, userId);
    if (user.erased) throw tenancyError(E.USER_ERASED, `user ${userId} is erased already`, { userId });
    if (!user.disabled && user.roles.includes('admin')) lastAdminGuard(tenant, userId);
    if (user.staffId !== undefined && openLoginOf(tenant, user.staffId) === userId)
      throw tenancyError(
        E.STAFF_LOGIN_OPEN,
        `user ${userId} is the login of staff member ${user.staffId}: it closes when they leave (or unlink it first)`,
        { userId, staffId: user.staffId },
      );
    return [
      ...(user.disabled ? [] : [{ type: 'UserDisabled', data: { userId } } as const]),
      { type: 'UserErased', data: { userId, erasedAt: context.now.toISOString() } },
    ];
  },
  evolve: {
    UserErased: onTenant((tenant, { data: { userId } }) => {
      const user = entry(tenant.users, userId);
      if (!user) return tenant;
      const { pendingActivation: _, invitation: __, ...kept } = user;
      const erased: TenantUser = {
        ...kept,
        username: erasedUsername(userId),
        displayName: '',
        disabled: true,
        tokenVersion: user.tokenVersion + 1,
        erased: true,
      };
      return { ...tenant, users: { ...tenant.users, [userId]: erased } };
    }),
  },
});
