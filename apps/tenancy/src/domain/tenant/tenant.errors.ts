import { DomainError } from '@serviceops/kernel';

/** Stable codes of the tenant rules; the edge maps each to an HTTP/gRPC status. */
export const TenancyErrorCode = {
  TENANT_NOT_FOUND: 'TENANCY.TENANT_NOT_FOUND',
  TENANT_EXISTS: 'TENANCY.TENANT_EXISTS',
  INVALID_NAME: 'TENANCY.INVALID_NAME',
  BRANCH_EXISTS: 'TENANCY.BRANCH_EXISTS',
  BRANCH_NOT_FOUND: 'TENANCY.BRANCH_NOT_FOUND',
  INVALID_BUSINESS_LINE: 'TENANCY.INVALID_BUSINESS_LINE',
  BUSINESS_LINE_NOT_ENABLED: 'TENANCY.BUSINESS_LINE_NOT_ENABLED',
  USER_EXISTS: 'TENANCY.USER_EXISTS',
  USER_NOT_FOUND: 'TENANCY.USER_NOT_FOUND',
  USER_DISABLED: 'TENANCY.USER_DISABLED',
  USERNAME_TAKEN: 'TENANCY.USERNAME_TAKEN',
  INVALID_USERNAME: 'TENANCY.INVALID_USERNAME',
  INVALID_ROLES: 'TENANCY.INVALID_ROLES',
  LAST_ADMIN: 'TENANCY.LAST_ADMIN',
  TENANT_NAME_TAKEN: 'TENANCY.TENANT_NAME_TAKEN',
  TENANT_DISABLED: 'TENANCY.TENANT_DISABLED',
  ROLE_NOT_GRANTABLE: 'TENANCY.ROLE_NOT_GRANTABLE',
  PLATFORM_TENANT: 'TENANCY.PLATFORM_TENANT',
  PASSWORD_TOO_COMMON: 'TENANCY.PASSWORD_TOO_COMMON',
  /** Only a login waiting for activation gets an invitation. */
  USER_ALREADY_ACTIVE: 'TENANCY.USER_ALREADY_ACTIVE',
  /**
   * An activation token that is unknown, expired, used, superseded, or whose user is disabled or already active:
   * one code for all, so the answer tells a guesser nothing (the reason is the domain's, in `invitationVerdict`).
   */
  INVITATION_INVALID: 'TENANCY.INVITATION_INVALID',
  /**
   * A refresh token that is unknown, used, revoked or expired, or whose user is disabled or has other rights
   * than at the sign-in: one code for all (the reason is the domain's, in `refreshVerdict`).
   */
  REFRESH_INVALID: 'TENANCY.REFRESH_INVALID',
  /** No staff member of that id in this tenant (staff's events, waited for a moment): 404. */
  STAFF_MEMBER_NOT_FOUND: 'TENANCY.STAFF_MEMBER_NOT_FOUND',
  /** The staff member has left: no login is linked to a leaver (or unlinked from one). */
  STAFF_MEMBER_LEFT: 'TENANCY.STAFF_MEMBER_LEFT',
  /** The staff member already has a login (made at hire, or another user linked): 409. */
  STAFF_LOGIN_EXISTS: 'TENANCY.STAFF_LOGIN_EXISTS',
  /** The user is already the login of another staff member: 409. */
  USER_LINK_EXISTS: 'TENANCY.USER_LINK_EXISTS',
  /** The login made at hire is the staff member's by its id: it is disabled, never unlinked. */
  HIRE_LOGIN_NOT_UNLINKABLE: 'TENANCY.HIRE_LOGIN_NOT_UNLINKABLE',
  /** The user was erased: nothing more is done to them (their record keeps only ids and a pseudonym). */
  USER_ERASED: 'TENANCY.USER_ERASED',
  /**
   * The user is the open login of a staff member (made at hire or linked): it closes when they leave; erase it
   * after that, or unlink it first.
   */
  STAFF_LOGIN_OPEN: 'TENANCY.STAFF_LOGIN_OPEN',
} as const;

export type TenancyErrorCode = (typeof TenancyErrorCode)[keyof typeof TenancyErrorCode];

export function tenancyError(
  code: TenancyErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
