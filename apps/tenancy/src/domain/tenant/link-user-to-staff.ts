import type { UserLinkedToStaffV1 } from '@serviceops/contracts';
import { type Command, type Event, useCase } from '@serviceops/kernel';
import { TenancyErrorCode as E, tenancyError } from './tenant.errors';
import {
  CALLERS_TENANT,
  enabledTenant,
  enabledUser,
  onTenant,
  withStaffLogin,
  withUser,
} from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

/**
 * An admin makes an existing user the login of a staff member of this tenant (one user per staff member, one
 * staff member per user). The application says where tenancy's view of staff stands (`staffMember` in context).
 */
export type LinkUserToStaff = Command<
  'LinkUserToStaff',
  { tenantId: string; userId: string; staffId: string }
>;

/** An admin linked a user made by hand to a staff member (published for staff: UserLinkedToStaffV1). */
export type UserLinkedToStaff = Event<'UserLinkedToStaff', UserLinkedToStaffV1>;

/**
 * An admin makes a user made by hand the login of a staff member of this tenant: each staff member has ONE login
 * and each user is the login of one staff member at most. Linking the pair already linked changes nothing (a
 * repeated PUT). Refused: a staff member tenancy does not know in this tenant (404), a leaver (422), a staff
 * member with another login (409), a user linked to another staff member (409), a disabled user (422).
 */
export const linkUserToStaff = useCase<LinkUserToStaff, UserLinkedToStaff, TenantState, TenantContext>({
  command: 'LinkUserToStaff',
  handles: {
    rpc: 'tenancy.LinkUserToStaff',
    command: (request: { userId: string; staffId?: string }) => ({
      type: 'LinkUserToStaff',
      data: { tenantId: CALLERS_TENANT, userId: request.userId, staffId: request.staffId ?? '' },
    }),
  },
  decide(command, state, context) {
    const tenant = enabledTenant(state, command.data.tenantId);
    const { userId, staffId } = command.data;
    const user = enabledUser(tenant, userId);
    const staffMember = context.staffMember;
    if (!staffMember)
      throw tenancyError(E.STAFF_MEMBER_NOT_FOUND, `no staff member ${staffId} in this tenant`, { staffId });
    const login = entry(tenant.staffLogins ?? {}, staffId);
    if (staffMember.status === 'left' || login?.status === 'closed')
      throw tenancyError(E.STAFF_MEMBER_LEFT, `staff member ${staffId} has left`, { staffId });
    if (login?.status === 'open' && login.userId === userId) return [];
    if (login?.status === 'open')
      throw tenancyError(E.STAFF_LOGIN_EXISTS, `staff member ${staffId} already has a login`, {
        staffId,
        userId: login.userId,
      });
    if (user.staffId !== undefined)
      throw tenancyError(E.USER_LINK_EXISTS, `user ${userId} is the login of another staff member`, {
        userId,
        staffId: user.staffId,
      });
    return [
      {
        type: 'UserLinkedToStaff',
        data: { userId, staffId, staffVersion: staffMember.version, linkedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    UserLinkedToStaff: onTenant((tenant, { data: { staffId, userId, staffVersion } }) => {
      const linked = withStaffLogin(
        withUser(tenant, userId, () => ({ staffId })),
        staffId,
        { status: 'open', userId, madeAt: 'link' },
      );
      const followed = entry(linked.staffRoleVersions ?? {}, staffId) ?? 0;
      return {
        ...linked,
        staffRoleVersions: { ...linked.staffRoleVersions, [staffId]: Math.max(followed, staffVersion) },
      };
    }),
  },
});
