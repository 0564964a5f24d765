import type { TenantEvent } from './tenant.events';
import { entry, erasedUsername, type StaffLogin, type TenantState, type TenantUser } from './tenant.state';

function answered(state: TenantState, staffId: string): TenantState {
  if (state.status === 'absent') return state;
  return { ...state, hireLoginAnswered: { ...state.hireLoginAnswered, [staffId]: true } };
}

function withStaffLogin(state: TenantState, staffId: string, login: StaffLogin): TenantState {
  if (state.status === 'absent') return state;
  return { ...state, staffLogins: { ...state.staffLogins, [staffId]: login } };
}

export function evolveTenant(state: TenantState, event: TenantEvent): TenantState {
  if (event.type === 'TenantCreated') {
    const { tenantId, name, calendar } = event.data;
    return { status: 'active', tenantId, name, calendar, branches: {}, businessLines: [], users: {} };
  }
  // Only TenantCreated starts a stream; anything else on an absent tenant cannot have been decided.
  if (state.status === 'absent') return state;

  const updateUser = (userId: string, change: (user: TenantUser) => Partial<TenantUser>): TenantState => {
    const user = entry(state.users, userId);
    return user ? { ...state, users: { ...state.users, [userId]: { ...user, ...change(user) } } } : state;
  };

  switch (event.type) {
    case 'TenantDisabled':
      return { ...state, disabledAt: event.data.disabledAt };
    case 'TenantEnabled': {
      const { disabledAt: _, ...enabled } = state;
      return enabled;
    }
    case 'TenantRenamed':
      return { ...state, name: event.data.name };
    case 'BranchAdded': {
      const { branchId, name, businessLines } = event.data;
      return { ...state, branches: { ...state.branches, [branchId]: { name, businessLines } } };
    }
    case 'BusinessLineEnabled':
      return { ...state, businessLines: [...state.businessLines, event.data.line] };
    case 'BusinessCalendarSet':
      return { ...state, calendar: event.data.calendar };
    case 'UserRegistered': {
      const { userId, username, displayName, roles, branchId } = event.data;
      const user: TenantUser = {
        username,
        displayName,
        roles,
        ...(branchId === null ? {} : { branchId }),
        disabled: false,
        tokenVersion: 0,
      };
      return { ...state, users: { ...state.users, [userId]: user } };
    }
    case 'UserRolesChanged':
      return updateUser(event.data.userId, (user) => ({
        roles: event.data.roles,
        tokenVersion: user.tokenVersion + 1,
      }));
    case 'UserPasswordChanged': {
      // The hash lives outside the stream. A password set activates a staff login created without one, and
      // revokes the tokens issued before it (they were signed in with the old one).
      const user = entry(state.users, event.data.userId);
      if (!user) return state;
      const { pendingActivation: _, ...rest } = user;
      return {
        ...state,
        users: { ...state.users, [event.data.userId]: { ...rest, tokenVersion: user.tokenVersion + 1 } },
      };
    }
    case 'StaffLoginCreated': {
      const { staffId, userId } = event.data;
      const created = updateUser(userId, () => ({ pendingActivation: true, staffId }));
      return answered(withStaffLogin(created, staffId, { status: 'open', userId, madeAt: 'hire' }), staffId);
    }
    case 'StaffLoginRefused':
      return answered(withStaffLogin(state, event.data.staffId, { status: 'refused' }), event.data.staffId);
    case 'StaffLoginNotCreated':
      return answered(state, event.data.staffId);
    case 'StaffLoginClosed': {
      const { staffId, userId } = event.data;
      const open = entry(state.staffLogins ?? {}, staffId);
      const madeAt = open && open.status !== 'refused' ? open.madeAt : 'hire';
      return withStaffLogin(state, staffId, { status: 'closed', userId, madeAt });
    }
    case 'UserLinkedToStaff': {
      const { staffId, userId, staffVersion } = event.data;
      const linked = withStaffLogin(
        updateUser(userId, () => ({ staffId })),
        staffId,
        {
          status: 'open',
          userId,
          madeAt: 'link',
        },
      );
      if (linked.status === 'absent') return linked;
      const followed = entry(linked.staffRoleVersions ?? {}, staffId) ?? 0;
      return {
        ...linked,
        staffRoleVersions: { ...linked.staffRoleVersions, [staffId]: Math.max(followed, staffVersion) },
      };
    }
    case 'UserUnlinkedFromStaff': {
      const { staffId, userId } = event.data;
      const user = entry(state.users, userId);
      const { [staffId]: _, ...logins } = state.staffLogins ?? {};
      if (!user) return { ...state, staffLogins: logins };
      const { staffId: __, ...unlinked } = user;
      return { ...state, staffLogins: logins, users: { ...state.users, [userId]: unlinked } };
    }
    case 'StaffLoginRolesFollowed':
      return {
        ...state,
        staffRoleVersions: { ...state.staffRoleVersions, [event.data.staffId]: event.data.staffVersion },
      };
    case 'UserInvitationIssued': {
      const { invitationId, expiresAt } = event.data;
      return updateUser(event.data.userId, () => ({ invitation: { invitationId, expiresAt } }));
    }
    case 'UserActivated':
      return updateUser(event.data.userId, (user) =>
        user.invitation ? { invitation: { ...user.invitation, acceptedAt: event.data.activatedAt } } : {},
      );
    case 'UserDisabled':
      return updateUser(event.data.userId, (user) => ({
        disabled: true,
        tokenVersion: user.tokenVersion + 1,
      }));
    case 'UserErased': {
      const { userId } = event.data;
      const user = entry(state.users, userId);
      if (!user) return state;
      const { pendingActivation: _, invitation: __, ...kept } = user;
      const erased: TenantUser = {
        ...kept,
        username: erasedUsername(userId),
        displayName: '',
        disabled: true,
        tokenVersion: user.tokenVersion + 1,
        erased: true,
      };
      return { ...state, users: { ...state.users, [userId]: erased } };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
