import type { ActiveTenant, TenantUser } from '../tenant/tenant.state';

const HOUR_MS = 3_600_000;

/**
 * When a sign-in's refresh tokens stop working (that instant included): a fixed time from the sign-in, which no
 * rotation moves, so a stolen family cannot be kept alive by refreshing it.
 */
export function refreshExpiry(signedInAt: Date, validForHours: number): Date {
  return new Date(signedInAt.getTime() + validForHours * HOUR_MS);
}

/** One sign-in's chain of refresh tokens, as stored. */
export interface RefreshFamily {
  readonly familyId: string;
  readonly tenantId: string;
  readonly userId: string;
  /** The user's token version at the sign-in: a later bump (roles cut, password set, disabled) ends the family. */
  readonly tokenVersion: number;
  readonly expiresAt: Date;
  readonly revokedAt?: Date;
}

/** A presented refresh token as found: its family, and whether it was exchanged already. */
export interface PresentedRefresh {
  readonly family: RefreshFamily;
  readonly usedAt?: Date;
}

/**
 * Whether a presented refresh token gets new tokens at `now`, and if not, why. The reasons stay inside tenancy
 * (rule tests, a log line by ids): the caller hears one answer for all of them.
 */
export type RefreshVerdict =
  | 'valid'
  | 'unknown'
  | 'revoked'
  | 'reused'
  | 'expired'
  | 'unknown_user'
  | 'user_disabled'
  | 'tenant_disabled'
  | 'token_version_changed';

export function refreshVerdict(
  presented: PresentedRefresh | undefined,
  tenant: ActiveTenant | undefined,
  now: Date,
): RefreshVerdict {
  if (!presented) return 'unknown';
  const { family } = presented;
  if (family.revokedAt !== undefined) return 'revoked';
  // A token exchanged once and shown again: its thief or its owner holds a copy, and we cannot tell which.
  if (presented.usedAt !== undefined) return 'reused';
  if (now.getTime() >= family.expiresAt.getTime()) return 'expired';
  const user: TenantUser | undefined =
    tenant && Object.hasOwn(tenant.users, family.userId) ? tenant.users[family.userId] : undefined;
  if (!user) return 'unknown_user';
  if (user.disabled) return 'user_disabled';
  if (tenant?.disabledAt !== undefined) return 'tenant_disabled';
  if (user.tokenVersion !== family.tokenVersion) return 'token_version_changed';
  return 'valid';
}

/**
 * Why a user's sign-ins made at another token version end the moment that version moves (roles changed, password
 * set, disabled): the verdict their next refresh would get, so both paths record the same reason.
 */
export function outdatedFamilyVerdict(user: TenantUser): 'user_disabled' | 'token_version_changed' {
  return user.disabled ? 'user_disabled' : 'token_version_changed';
}

/**
 * Refusals that end the whole family, so none of its tokens works again: a reuse (theft detected: the thief's
 * copy and the owner's newer token alike), a user disabled or whose rights changed since the sign-in (they sign
 * in again, as their access tokens are refused), and an expired family (nothing lost). A disabled tenant's
 * families are left: enabled again, its users go on as its access tokens do.
 */
export function revokesFamily(verdict: RefreshVerdict): boolean {
  switch (verdict) {
    case 'reused':
    case 'expired':
    case 'user_disabled':
    case 'unknown_user':
    case 'token_version_changed':
      return true;
    case 'valid':
    case 'unknown':
    case 'revoked':
    case 'tenant_disabled':
      return false;
  }
}
