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
} as const;

export type TenancyErrorCode = (typeof TenancyErrorCode)[keyof typeof TenancyErrorCode];

export function tenancyError(
  code: TenancyErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
