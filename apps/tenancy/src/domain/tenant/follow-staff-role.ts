import type { StaffLoginRolesFollowedV1 } from '@serviceops/contracts';
import { type Command, type Event, useCase } from '@serviceops/kernel';
import type { Role } from '../roles';
import type { UserRolesChanged } from './change-user-roles';
import { existing, grantableRoles, lastAdminGuard, onTenant, openLoginOf, validRoles } from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

/**
 * Staff's `StaffRoleChanged` (at `staffVersion` of the staff member's stream): the login made at hire takes `to`
 * in place of `from`; nothing without such a login, for a disabled one, or for a change followed already.
 */
export type FollowStaffRole = Command<
  'FollowStaffRole',
  { tenantId: string; staffId: string; from: Role; to: Role; staffVersion: number }
>;

/** Staff's role change followed on the login made at hire (after its UserRolesChanged, when the roles moved). */
export type StaffLoginRolesFollowed = Event<'StaffLoginRolesFollowed', StaffLoginRolesFollowedV1>;

/**
 * The staff member's role changed: the login made at hire holds `to` in place of `from` (roles an admin granted
 * besides stay), its tokens revoked by UserRolesChanged when the roles moved; StaffLoginRolesFollowed records the
 * staff version followed. Nothing without a login from hiring (none, refused, closed), for a disabled user, or
 * for a change at or below the version followed already: a redelivery, or an older change arriving late. It holds
 * even while an operator has the tenant disabled: the login comes back with the person's current role.
 */
export const followStaffRole = useCase<
  FollowStaffRole,
  UserRolesChanged | StaffLoginRolesFollowed,
  TenantState,
  TenantContext,
  'UserRolesChanged'
>({
  command: 'FollowStaffRole',
  decide(command, state, context) {
    const tenant = existing(state, command.data.tenantId);
    const { staffId, staffVersion, from, to } = command.data;
    const userId = openLoginOf(tenant, staffId);
    const user = userId === undefined ? undefined : entry(tenant.users, userId);
    if (userId === undefined || !user || user.disabled) return [];
    if (staffVersion <= (entry(tenant.staffRoleVersions ?? {}, staffId) ?? 0)) return [];
    validRoles([from, to]); // staff's published roles: a malformed one is refused (the consumer logs it)
    const roles = grantableRoles(tenant, [...user.roles.filter((r) => r !== from), to]);
    const moved = roles.length !== user.roles.length || roles.some((r) => !user.roles.includes(r));
    if (moved && user.roles.includes('admin') && !roles.includes('admin')) lastAdminGuard(tenant, userId);
    return [
      ...(moved ? [{ type: 'UserRolesChanged', data: { userId, roles } } as const] : []),
      {
        type: 'StaffLoginRolesFollowed',
        data: {
          staffId,
          userId,
          from,
          to,
          roles,
          staffVersion,
          followedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    StaffLoginRolesFollowed: onTenant((tenant, { data: { staffId, staffVersion } }) => ({
      ...tenant,
      staffRoleVersions: { ...tenant.staffRoleVersions, [staffId]: staffVersion },
    })),
  },
});
