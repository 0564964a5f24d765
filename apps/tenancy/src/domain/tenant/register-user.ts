import { type Caller, type Command, type Event, optional, RULES, useCase } from '@serviceops/kernel';
import type { Role } from '../roles';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import {
  CALLERS_TENANT,
  enabledTenant,
  grantableRoles,
  onTenant,
  registering,
  validName,
} from './tenant.rules';
import {
  type ActiveTenant,
  entry,
  type TenantContext,
  type TenantState,
  type TenantUser,
} from './tenant.state';

export type RegisterUser = Command<
  'RegisterUser',
  {
    tenantId: string;
    userId: string;
    username: string;
    displayName: string;
    roles: readonly Role[];
    branchId?: string;
  }
>;

export type UserRegistered = Event<
  'UserRegistered',
  {
    userId: string;
    /** Lower-case, as users log in with it. */
    username: string;
    displayName: string;
    roles: readonly Role[];
    branchId: string | null;
    registeredAt: string;
  }
>;

/** A user registered in `tenant`, whoever registers them (an admin, provisioning, a hire's login). */
export function userRegistered(
  command: RegisterUser,
  tenant: ActiveTenant,
  context: TenantContext,
): [UserRegistered] {
  const { userId, branchId } = command.data;
  if (entry(tenant.users, userId)) {
    throw tenancyError(E.USER_EXISTS, `user ${userId} already exists`, { userId });
  }
  // Usernames are case-insensitive, so they are kept in lower case; a disabled user's name stays taken.
  const username = command.data.username.trim().toLowerCase();
  if (!RULES.username.accepts(username)) {
    throw tenancyError(E.INVALID_USERNAME, `a username ${RULES.username.message}`, {
      username: command.data.username,
    });
  }
  if (Object.values(tenant.users).some((u) => u.username.toLowerCase() === username)) {
    throw tenancyError(E.USERNAME_TAKEN, `username "${username}" is taken`, { username });
  }
  const displayName = validName(command.data.displayName, 'displayName');
  const roles = grantableRoles(tenant, command.data.roles);
  if (branchId !== undefined && !entry(tenant.branches, branchId)) {
    throw tenancyError(E.BRANCH_NOT_FOUND, `branch ${branchId} does not exist`, { branchId });
  }
  return [
    {
      type: 'UserRegistered',
      data: {
        userId,
        username,
        displayName,
        roles,
        branchId: branchId ?? null,
        registeredAt: context.now.toISOString(),
      },
    },
  ];
}

/** The request as the proto decodes it (proto3: unset strings absent); its password is hashed by the handler. */
interface RegisterUserRequest {
  readonly username?: string;
  readonly displayName?: string;
  readonly roles?: Role[];
  readonly branchId?: string;
}

/** An admin registers a user (its handler stores the password's hash with it: application/users.handlers.ts). */
const registerUserCase = useCase<RegisterUser, UserRegistered, TenantState, TenantContext>({
  command: 'RegisterUser',
  handles: {
    rpc: 'tenancy.RegisterUser',
    command: (request: RegisterUserRequest, { newId }: Caller) => ({
      type: 'RegisterUser',
      data: {
        tenantId: CALLERS_TENANT,
        userId: newId,
        username: request.username ?? '',
        displayName: request.displayName ?? '',
        roles: request.roles ?? [],
        ...optional('branchId', request.branchId),
      },
    }),
  },
  decide: (command, state, context) =>
    userRegistered(command, enabledTenant(state, command.data.tenantId), context),
  evolve: {
    UserRegistered: onTenant((tenant, { data: { userId, username, displayName, roles, branchId } }) => {
      const user: TenantUser = {
        username,
        displayName,
        roles,
        ...(branchId === null ? {} : { branchId }),
        disabled: false,
        tokenVersion: 0,
      };
      return { ...tenant, users: { ...tenant.users, [userId]: user } };
    }),
  },
});

/** Registers the user it names. */
export const registerUser = registering(registerUserCase, ({ data }) => [data.userId]);
