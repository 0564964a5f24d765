import type { Role } from '../tenancy.vocabulary';

/**
 * What tenancy publishes on `tenancy.events.v1` in answer to staff's `StaffLoginRequested` (issue 13 item 1):
 * the login created (once, however often the request is delivered) or refused with the rule's code. No password
 * travels: the user is created pending activation (no credential, so signing in is refused until one is set).
 */
export interface StaffLoginCreatedV1 {
  readonly staffId: string;
  /** The user's id: the staff member's id, so a staff member has at most one login from hiring. */
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly branchId: string | null;
  readonly activation: 'pending';
  readonly createdAt: string;
}

export interface StaffLoginRefusedV1 {
  readonly staffId: string;
  readonly username: string;
  /** The rule's code, e.g. TENANCY.USERNAME_TAKEN, TENANCY.BRANCH_NOT_FOUND, TENANCY.INVALID_USERNAME. */
  readonly code: string;
  readonly reason: string;
  readonly refusedAt: string;
}

/**
 * Hiring asked for a login, but the staff member already had one: a user an admin linked to them by hand
 * (`userId`) before the request arrived. No user is made; staff records why (issue 13). Once per staff member,
 * however often the request is delivered.
 */
export interface StaffLoginNotCreatedV1 {
  readonly staffId: string;
  /** The user that is already the staff member's login. */
  readonly userId: string;
  readonly reason: StaffLoginNotCreatedReason;
  readonly answeredAt: string;
}

/** Why a hire's login was not made: `already-linked`, a user was linked to the staff member first. */
export const STAFF_LOGIN_NOT_CREATED_REASONS = ['already-linked'] as const;
export type StaffLoginNotCreatedReason = (typeof STAFF_LOGIN_NOT_CREATED_REASONS)[number];

/**
 * Staff's `StaffMemberLeft` closed the login made at hire: the user is disabled and its token version bumped, so
 * its access tokens are refused at once. Once per staff member, however often the leave is delivered.
 */
export interface StaffLoginClosedV1 {
  readonly staffId: string;
  readonly userId: string;
  /** The staff member's last day (ISO date), from StaffMemberLeft. */
  readonly lastDay: string;
  readonly closedAt: string;
}

/**
 * Staff's `StaffRoleChanged` followed on the login made at hire: the user's roles (`roles`, also recorded as
 * `UserRolesChanged` just before) hold `to` in place of `from`; roles an admin granted besides stay. `staffVersion`
 * is the staff member's stream version of the change: a change delivered again, or late after a newer one, is not
 * applied twice or backwards.
 */
export interface StaffLoginRolesFollowedV1 {
  readonly staffId: string;
  readonly userId: string;
  readonly from: Role;
  readonly to: Role;
  readonly roles: readonly Role[];
  readonly staffVersion: number;
  readonly followedAt: string;
}

/**
 * An admin linked a user made by hand to a staff member (decision 55): from now on it is their login (closed when
 * they leave, its roles following theirs). `staffVersion`: the staff member's stream version tenancy had seen at the
 * link, so an older role change delivered again later is not applied to it. Ids and instants only.
 */
export interface UserLinkedToStaffV1 {
  readonly userId: string;
  readonly staffId: string;
  readonly staffVersion: number;
  readonly linkedAt: string;
}

/** An admin unlinked the user from the staff member: it is an ordinary user again, and they have no login. */
export interface UserUnlinkedFromStaffV1 {
  readonly userId: string;
  readonly staffId: string;
  readonly unlinkedAt: string;
}

/**
 * An admin erased the user (issue 11): disabled, their tokens and sign-ins ended, their data key shredded (so the
 * display name sealed in earlier events can no longer be opened) and their username replaced by a pseudonym (the
 * name can be taken again). Ids and instants only.
 */
export interface UserErasedV1 {
  readonly userId: string;
  readonly erasedAt: string;
}

export type TenancyLoginsPublishedEvent =
  | { readonly type: 'StaffLoginCreated'; readonly data: StaffLoginCreatedV1 }
  | { readonly type: 'StaffLoginRefused'; readonly data: StaffLoginRefusedV1 }
  | { readonly type: 'StaffLoginNotCreated'; readonly data: StaffLoginNotCreatedV1 }
  | { readonly type: 'StaffLoginClosed'; readonly data: StaffLoginClosedV1 }
  | { readonly type: 'StaffLoginRolesFollowed'; readonly data: StaffLoginRolesFollowedV1 }
  | { readonly type: 'UserLinkedToStaff'; readonly data: UserLinkedToStaffV1 }
  | { readonly type: 'UserUnlinkedFromStaff'; readonly data: UserUnlinkedFromStaffV1 }
  | { readonly type: 'UserErased'; readonly data: UserErasedV1 };
