import type { TenantCommand } from './tenant.decider';

/**
 * The users a command may register (a `UserRegistered` it can decide), by id: their data keys must exist before
 * the events are sealed, as sealing is synchronous and a key is made in the database. Every command is listed, so
 * a new one that registers users is a decision here (a `UserRegistered` for a user not named fails the append).
 */
export function usersRegisteredBy(command: TenantCommand): readonly string[] {
  switch (command.type) {
    case 'RegisterUser':
      return [command.data.userId];
    case 'ProvisionTenant':
      return [command.data.admin.userId];
    case 'ProvisionPlatform':
      return [command.data.operator.userId];
    case 'CreateStaffLogin':
      return [command.data.staffId];
    case 'CreateTenant':
    case 'DisableTenant':
    case 'EnableTenant':
    case 'RenameTenant':
    case 'AddBranch':
    case 'EnableBusinessLine':
    case 'SetBusinessCalendar':
    case 'ChangeUserRoles':
    case 'ChangeUserPassword':
    case 'DisableUser':
    case 'EraseUser':
    case 'IssueUserInvitation':
    case 'ActivateUser':
    case 'CloseStaffLogin':
    case 'FollowStaffRole':
    case 'LinkUserToStaff':
    case 'UnlinkUserFromStaff':
      return [];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}
