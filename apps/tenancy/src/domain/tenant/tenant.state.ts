import type { BusinessCalendar } from '@serviceops/kernel';
import type { BusinessLine } from '../business-lines';
import type { Role } from '../roles';

export interface Branch {
  readonly name: string;
  readonly businessLines: readonly BusinessLine[];
}

export interface TenantUser {
  readonly username: string;
  /**
   * As the events hold it: sealed with the user's own key (`enc:v1:…`, the application seals and opens it), or in
   * clear from events written before names were sealed. No decision reads it.
   */
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly branchId?: string;
  readonly disabled: boolean;
  /**
   * Bumped when the user's rights shrink or end (roles changed, disabled): an access token carrying an older
   * version is refused at once, not when it expires.
   */
  readonly tokenVersion: number;
  /** A staff member's login made at hiring: no password yet, so signing in is refused until one is set. */
  readonly pendingActivation?: boolean;
  /** The latest activation invitation: only it activates, once, before it expires. */
  readonly invitation?: UserInvitation;
  /** The staff member this user is the login of: made at hire (the same id) or linked by an admin. */
  readonly staffId?: string;
  /** Erased: disabled for good, no display name, `username` a pseudonym (erasedUsername). */
  readonly erased?: boolean;
}

/**
 * The username an erased user holds in place of theirs: unique (their id), never one a person chose, and freeing
 * the old name for someone else. The old name stays in the user's earlier events (docs/security.md).
 */
export function erasedUsername(userId: string): string {
  return `erased-${userId}`;
}

/**
 * A staff member's login as tenancy answered it: refused at hire, or ONE user (`userId`: the staff member's own id
 * when made at hire, an admin's user when linked) open until the person leaves, then closed for good.
 */
export type StaffLogin =
  | { readonly status: 'refused' }
  | { readonly status: 'open' | 'closed'; readonly userId: string; readonly madeAt: 'hire' | 'link' };

export interface UserInvitation {
  readonly invitationId: string;
  readonly expiresAt: string;
  readonly acceptedAt?: string;
}

export interface AbsentTenant {
  readonly status: 'absent';
}

export interface ActiveTenant {
  readonly status: 'active';
  readonly tenantId: string;
  readonly name: string;
  readonly calendar: BusinessCalendar;
  /** By branch id. */
  readonly branches: Readonly<Record<string, Branch>>;
  readonly businessLines: readonly BusinessLine[];
  /** By user id; disabled users stay, so their usernames stay taken. */
  readonly users: Readonly<Record<string, TenantUser>>;
  /** Set while a platform operator has the tenant disabled. */
  readonly disabledAt?: string;
  /**
   * Staff members' logins by staff id (a hire's request answered, or a user linked): a redelivered request
   * changes nothing, and the leaver and role-change consumers act on the one user each maps to.
   */
  readonly staffLogins?: Readonly<Record<string, StaffLogin>>;
  /**
   * The staff members whose hire's login request tenancy answered (created, refused, or not created as they had a
   * login linked already), by staff id: a redelivered request is answered once.
   */
  readonly hireLoginAnswered?: Readonly<Record<string, true>>;
  /** The staff member's stream version of the last role change followed, by staff id. */
  readonly staffRoleVersions?: Readonly<Record<string, number>>;
}

export type TenantState = AbsentTenant | ActiveTenant;

/** What a decision takes besides the state: the time, and what one tenant's stream cannot see. */
export interface TenantContext {
  readonly now: Date;
  /**
   * Whether another tenant already has the name (case-insensitive) of the tenant being created: names are
   * unique across tenants, which one tenant's stream cannot see, so the application looks it up.
   */
  readonly tenantNameTaken?: boolean;
  /**
   * The staff member a link names, as tenancy knows them from staff's events (tenancy.staff_members): undefined
   * when no such staff member of this tenant has reached tenancy (after a moment's wait); `version`, their
   * stream's version seen last.
   */
  readonly staffMember?: StaffMemberStanding;
}

/** A staff member as tenancy knows them from staff's published events. */
export interface StaffMemberStanding {
  readonly status: 'active' | 'left';
  readonly version: number;
}

export const initialTenantState = (): TenantState => ({ status: 'absent' });

/** An own entry of a record keyed by outside ids ('constructor' and '__proto__' are not entries). */
export function entry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
