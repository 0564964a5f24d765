import type { StaffLoginClosedV1 } from '@serviceops/contracts';
import { type Command, type Event, useCase } from '@serviceops/kernel';
import type { UserDisabled } from './disable-user';
import { existing, onTenant, openLoginOf, withStaffLogin } from './tenant.rules';
import { entry, type TenantContext, type TenantState } from './tenant.state';

/**
 * Staff's `StaffMemberLeft`: the login made at hire for that staff member is closed (disabled, its tokens
 * refused), once; nothing when hiring made no login for them.
 */
export type CloseStaffLogin = Command<
  'CloseStaffLogin',
  { tenantId: string; staffId: string; lastDay: string }
>;

/** The staff member left: their login is closed for good (after UserDisabled, unless an admin disabled it first). */
export type StaffLoginClosed = Event<'StaffLoginClosed', StaffLoginClosedV1>;

/**
 * The staff member left: the login made at hire is disabled (its token version bumped, so its tokens are refused
 * at once; its pending invitation dropped) and `StaffLoginClosed` says so, once. Nothing for a staff member
 * without a login from hiring (none asked, refused, or closed already: a redelivered leave changes nothing).
 * The last-admin guard does not hold here: a leaver's access ends whatever their roles. It holds even while an
 * operator has the tenant disabled (the access would come back with the tenant).
 */
export const closeStaffLogin = useCase<
  CloseStaffLogin,
  UserDisabled | StaffLoginClosed,
  TenantState,
  TenantContext,
  'UserDisabled'
>({
  command: 'CloseStaffLogin',
  decide(command, state, context) {
    const tenant = existing(state, command.data.tenantId);
    const { staffId, lastDay } = command.data;
    const userId = openLoginOf(tenant, staffId);
    const user = userId === undefined ? undefined : entry(tenant.users, userId);
    if (userId === undefined || !user) return [];
    return [
      ...(user.disabled ? [] : [{ type: 'UserDisabled', data: { userId } } as const]),
      {
        type: 'StaffLoginClosed',
        data: { staffId, userId, lastDay, closedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    StaffLoginClosed: onTenant((tenant, { data: { staffId, userId } }) => {
      const open = entry(tenant.staffLogins ?? {}, staffId);
      const madeAt = open && open.status !== 'refused' ? open.madeAt : 'hire';
      return withStaffLogin(tenant, staffId, { status: 'closed', userId, madeAt });
    }),
  },
});
