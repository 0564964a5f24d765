import type { UserUnlinkedFromStaffV1 } from '@serviceops/contracts';
import { type Command, type Event, useCase } from '@serviceops/kernel';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import { CALLERS_TENANT, enabledTenant, existingUser, onTenant } from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

/** An admin undoes a link: the user stays as it is, no longer the staff member's login. */
export type UnlinkUserFromStaff = Command<'UnlinkUserFromStaff', { tenantId: string; userId: string }>;

/** An admin unlinked the user from the staff member (published for staff: UserUnlinkedFromStaffV1). */
export type UserUnlinkedFromStaff = Event<'UserUnlinkedFromStaff', UserUnlinkedFromStaffV1>;

/**
 * An admin undoes a link: nothing for a user linked to no one (a repeated call). A login made at hire is the staff
 * member's by its id (disable it instead), and a leaver's closed login stays as it was closed.
 */
export const unlinkUserFromStaff = useCase<
  UnlinkUserFromStaff,
  UserUnlinkedFromStaff,
  TenantState,
  TenantContext
>({
  command: 'UnlinkUserFromStaff',
  handles: {
    rpc: 'tenancy.UnlinkUserFromStaff',
    command: (request: { userId: string }) => ({
      type: 'UnlinkUserFromStaff',
      data: { tenantId: CALLERS_TENANT, userId: request.userId },
    }),
  },
  decide(command, state, context) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { userId } = command.data;
    const user = existingUser(tenant, userId);
    const { staffId } = user;
    if (staffId === undefined) return [];
    const login = entry(tenant.staffLogins ?? {}, staffId);
    if (login?.status === 'closed')
      throw tenancyError(E.STAFF_MEMBER_LEFT, `staff member ${staffId} has left`, { staffId });
    if (login?.status === 'open' && login.madeAt === 'hire')
      throw tenancyError(E.HIRE_LOGIN_NOT_UNLINKABLE, 'the login made at hire is disabled, not unlinked', {
        userId,
        staffId,
      });
    return [
      { type: 'UserUnlinkedFromStaff', data: { userId, staffId, unlinkedAt: context.now.toISOString() } },
    ];
  },
  evolve: {
    UserUnlinkedFromStaff: onTenant((tenant, { data: { staffId, userId } }) => {
      const user = entry(tenant.users, userId);
      const { [staffId]: _, ...logins } = tenant.staffLogins ?? {};
      if (!user) return { ...tenant, staffLogins: logins };
      const { staffId: __, ...unlinked } = user;
      return { ...tenant, staffLogins: logins, users: { ...tenant.users, [userId]: unlinked } };
    }),
  },
});
