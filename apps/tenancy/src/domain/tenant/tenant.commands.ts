import type { BusinessCalendar } from '@serviceops/kernel';
import type { BusinessLine } from '../business-lines';
import type { Role } from '../roles';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names its tenant: the handler loads that tenant's stream with it.

export type CreateTenant = Command<
  'CreateTenant',
  { tenantId: string; name: string; /** Defaults to defaultBusinessCalendar. */ calendar?: BusinessCalendar }
>;
/** A platform operator's: a new tenant and its first admin, together (a tenant nobody can administer is no use). */
export type ProvisionTenant = Command<
  'ProvisionTenant',
  {
    tenantId: string;
    name: string;
    calendar?: BusinessCalendar;
    admin: { userId: string; username: string; displayName: string };
  }
>;
/** First start: the reserved platform tenant and its first operator. */
export type ProvisionPlatform = Command<
  'ProvisionPlatform',
  { tenantId: string; operator: { userId: string; username: string; displayName: string } }
>;
export type DisableTenant = Command<'DisableTenant', { tenantId: string }>;
export type EnableTenant = Command<'EnableTenant', { tenantId: string }>;
export type RenameTenant = Command<'RenameTenant', { tenantId: string; name: string }>;
export type AddBranch = Command<
  'AddBranch',
  { tenantId: string; branchId: string; name: string; businessLines?: readonly BusinessLine[] }
>;
export type EnableBusinessLine = Command<'EnableBusinessLine', { tenantId: string; line: BusinessLine }>;
export type SetBusinessCalendar = Command<
  'SetBusinessCalendar',
  { tenantId: string; calendar: BusinessCalendar }
>;
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
export type ChangeUserRoles = Command<
  'ChangeUserRoles',
  { tenantId: string; userId: string; roles: readonly Role[] }
>;
export type ChangeUserPassword = Command<'ChangeUserPassword', { tenantId: string; userId: string }>;
export type DisableUser = Command<'DisableUser', { tenantId: string; userId: string }>;
/** An admin erases a user: their key is shredded beside the events (TenantStream), their username freed. */
export type EraseUser = Command<'EraseUser', { tenantId: string; userId: string }>;
/**
 * Staff's `StaffLoginRequested` (hiring asked for a login): the user is created once, with the staff member's id
 * as its own, pending activation (no password travels in events); or the request is refused with the rule's code.
 * It comes with no invitation: an admin issues the first one (IssueUserInvitation) and hands its token over.
 */
export type CreateStaffLogin = Command<
  'CreateStaffLogin',
  {
    tenantId: string;
    staffId: string;
    username: string;
    roles: readonly Role[];
    branchId?: string;
  }
>;
/** An invitation's id (the application makes it with its secret) and how long it is valid, from the config. */
export interface InvitationTerms {
  readonly invitationId: string;
  readonly validForHours: number;
}
/** An admin issues a (new) activation invitation for a pending user: the previous one stops working. */
export type IssueUserInvitation = Command<
  'IssueUserInvitation',
  { tenantId: string; userId: string } & InvitationTerms
>;
/**
 * The person activates their login with the invitation's secret (the application matched the secret to this
 * invitation): the password is set (its hash stored beside) and the invitation is used up.
 */
export type ActivateUser = Command<
  'ActivateUser',
  { tenantId: string; userId: string; invitationId: string }
>;

/**
 * Staff's `StaffMemberLeft`: the login made at hire for that staff member is closed (disabled, its tokens
 * refused), once; nothing when hiring made no login for them.
 */
export type CloseStaffLogin = Command<
  'CloseStaffLogin',
  { tenantId: string; staffId: string; lastDay: string }
>;

/**
 * Staff's `StaffRoleChanged` (at `staffVersion` of the staff member's stream): the login made at hire takes `to`
 * in place of `from`; nothing without such a login, for a disabled one, or for a change followed already.
 */
export type FollowStaffRole = Command<
  'FollowStaffRole',
  { tenantId: string; staffId: string; from: Role; to: Role; staffVersion: number }
>;

/**
 * An admin makes an existing user the login of a staff member of this tenant (one user per staff member, one
 * staff member per user). The application says where tenancy's view of staff stands (`staffMember` in context).
 */
export type LinkUserToStaff = Command<
  'LinkUserToStaff',
  { tenantId: string; userId: string; staffId: string }
>;
/** An admin undoes a link: the user stays as it is, no longer the staff member's login. */
export type UnlinkUserFromStaff = Command<'UnlinkUserFromStaff', { tenantId: string; userId: string }>;

export type TenantCommand =
  | CreateTenant
  | ProvisionTenant
  | ProvisionPlatform
  | DisableTenant
  | EnableTenant
  | RenameTenant
  | AddBranch
  | EnableBusinessLine
  | SetBusinessCalendar
  | RegisterUser
  | ChangeUserRoles
  | ChangeUserPassword
  | DisableUser
  | EraseUser
  | CreateStaffLogin
  | IssueUserInvitation
  | ActivateUser
  | CloseStaffLogin
  | FollowStaffRole
  | LinkUserToStaff
  | UnlinkUserFromStaff;
