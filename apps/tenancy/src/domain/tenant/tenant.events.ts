import type {
  StaffLoginClosedV1,
  StaffLoginCreatedV1,
  StaffLoginNotCreatedV1,
  StaffLoginRefusedV1,
  StaffLoginRolesFollowedV1,
  UserErasedV1,
  UserLinkedToStaffV1,
  UserUnlinkedFromStaffV1,
} from '@serviceops/contracts';
import type { BusinessCalendar, Event } from '@serviceops/kernel';
import type { BusinessLine } from '../business-lines';
import type { Role } from '../roles';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

export type TenantCreated = Event<
  'TenantCreated',
  { tenantId: string; name: string; calendar: BusinessCalendar; createdAt: string }
>;
/** A platform operator disabled the tenant: its users cannot log in, its tokens are refused. */
export type TenantDisabled = Event<'TenantDisabled', { disabledAt: string }>;
export type TenantEnabled = Event<'TenantEnabled', { enabledAt: string }>;
export type TenantRenamed = Event<'TenantRenamed', { name: string }>;
export type BranchAdded = Event<
  'BranchAdded',
  { branchId: string; name: string; businessLines: readonly BusinessLine[] }
>;
export type BusinessLineEnabled = Event<'BusinessLineEnabled', { line: BusinessLine }>;
export type BusinessCalendarSet = Event<'BusinessCalendarSet', { calendar: BusinessCalendar }>;
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
export type UserRolesChanged = Event<'UserRolesChanged', { userId: string; roles: readonly Role[] }>;
export type UserPasswordChanged = Event<'UserPasswordChanged', { userId: string; changedAt: string }>;
export type UserDisabled = Event<'UserDisabled', { userId: string }>;
/** The user was erased (after UserDisabled, unless disabled already): published as UserErasedV1. */
export type UserErased = Event<'UserErased', UserErasedV1>;
/** An activation invitation for a pending user; its secret is never in an event (only its hash, outside). */
export type UserInvitationIssued = Event<
  'UserInvitationIssued',
  { userId: string; invitationId: string; issuedAt: string; expiresAt: string }
>;
/** The user activated their login with the invitation: it is used up (UserPasswordChanged follows). */
export type UserActivated = Event<
  'UserActivated',
  { userId: string; invitationId: string; activatedAt: string }
>;
/** Published for staff (libs/contracts events/tenancy-logins.events.ts): one shape. */
export type StaffLoginCreated = Event<'StaffLoginCreated', StaffLoginCreatedV1>;
export type StaffLoginRefused = Event<'StaffLoginRefused', StaffLoginRefusedV1>;
/** The hire's login request came after a user was linked to the staff member by hand: answered, no user made. */
export type StaffLoginNotCreated = Event<'StaffLoginNotCreated', StaffLoginNotCreatedV1>;
/** The staff member left: their login is closed for good (after UserDisabled, unless an admin disabled it first). */
export type StaffLoginClosed = Event<'StaffLoginClosed', StaffLoginClosedV1>;

/** Staff's role change followed on the login made at hire (after its UserRolesChanged, when the roles moved). */
export type StaffLoginRolesFollowed = Event<'StaffLoginRolesFollowed', StaffLoginRolesFollowedV1>;

/** An admin linked a user made by hand to a staff member (published for staff: UserLinkedToStaffV1). */
export type UserLinkedToStaff = Event<'UserLinkedToStaff', UserLinkedToStaffV1>;
/** An admin unlinked the user from the staff member (published for staff: UserUnlinkedFromStaffV1). */
export type UserUnlinkedFromStaff = Event<'UserUnlinkedFromStaff', UserUnlinkedFromStaffV1>;

export type TenantEvent =
  | TenantCreated
  | TenantDisabled
  | TenantEnabled
  | TenantRenamed
  | BranchAdded
  | BusinessLineEnabled
  | BusinessCalendarSet
  | UserRegistered
  | UserRolesChanged
  | UserPasswordChanged
  | UserDisabled
  | UserErased
  | StaffLoginCreated
  | StaffLoginRefused
  | StaffLoginNotCreated
  | StaffLoginClosed
  | StaffLoginRolesFollowed
  | UserInvitationIssued
  | UserActivated
  | UserLinkedToStaff
  | UserUnlinkedFromStaff;
