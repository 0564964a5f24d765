import { type CommandOf, deciderOf, type EventOf, streamId } from '@serviceops/kernel';
import { activateUser } from './activate-user';
import { addBranch } from './add-branch';
import { changeUserPassword } from './change-user-password';
import { changeUserRoles } from './change-user-roles';
import { closeStaffLogin } from './close-staff-login';
import { createStaffLogin } from './create-staff-login';
import { createTenant } from './create-tenant';
import { disableTenant } from './disable-tenant';
import { disableUser } from './disable-user';
import { enableBusinessLine } from './enable-business-line';
import { enableTenant } from './enable-tenant';
import { eraseUser } from './erase-user';
import { followStaffRole } from './follow-staff-role';
import { issueUserInvitation } from './issue-user-invitation';
import { linkUserToStaff } from './link-user-to-staff';
import { provisionPlatform } from './provision-platform';
import { provisionTenant } from './provision-tenant';
import { registerUser } from './register-user';
import { renameTenant } from './rename-tenant';
import { setBusinessCalendar } from './set-business-calendar';
import { initialTenantState, type TenantContext, type TenantState } from './tenant.state';
import { unlinkUserFromStaff } from './unlink-user-from-staff';

export type { StaffMemberStanding, TenantContext } from './tenant.state';

/**
 * The tenant: the list of its use cases, a file each beside this one (command, decision, the events it records and
 * how they change the state). A new command is its file and its line here; the unions below, the decider and the
 * service's generic handler (application/tenant.handlers.ts) follow from the list.
 */
export const TENANT_USE_CASES = [
  // The tenant's lifecycle: the platform operator's and first start's.
  createTenant,
  provisionTenant,
  provisionPlatform,
  disableTenant,
  enableTenant,
  // The tenant's own settings.
  renameTenant,
  addBranch,
  enableBusinessLine,
  setBusinessCalendar,
  // Its users.
  registerUser,
  changeUserRoles,
  changeUserPassword,
  disableUser,
  eraseUser,
  issueUserInvitation,
  activateUser,
  // Staff members' logins: made at hire, closed when they leave, following their role, linked by an admin.
  createStaffLogin,
  closeStaffLogin,
  followStaffRole,
  linkUserToStaff,
  unlinkUserFromStaff,
] as const;

export type TenantCommand = CommandOf<typeof TENANT_USE_CASES>;
export type TenantEvent = EventOf<typeof TENANT_USE_CASES>;

export const tenantDecider = deciderOf<typeof TENANT_USE_CASES, TenantState, TenantContext>(
  initialTenantState,
  TENANT_USE_CASES,
);

/** The users each use case that registers users names (`registering`, in its file), by its command's type. */
const REGISTERS: ReadonlyMap<string, (command: never) => readonly string[]> = new Map(
  TENANT_USE_CASES.flatMap((useCase) =>
    'registers' in useCase ? [[useCase.command, useCase.registers]] : [],
  ),
);

/**
 * The users a command may register (a `UserRegistered` it can decide), by id, as its use case states: their data
 * keys must exist before the events are sealed. A command whose use case states nothing registers nobody (and a
 * `UserRegistered` for a user not named fails the append).
 */
export function usersRegisteredBy(command: TenantCommand): readonly string[] {
  const registers = REGISTERS.get(command.type) as
    ((command: TenantCommand) => readonly string[]) | undefined;
  return registers ? registers(command) : [];
}

/** One stream per tenant: 'tenant-<tenantId>-<tenantId>' (stream ids always lead with their tenant). */
export function tenantStreamId(tenantId: string): string {
  return streamId('tenant', tenantId, tenantId);
}
