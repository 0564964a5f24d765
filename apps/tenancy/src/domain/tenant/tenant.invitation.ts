import type { TenantUser } from './tenant.state';

const HOUR_MS = 3_600_000;

/** When an invitation issued at `issuedAt` for `validForHours` stops working (that instant included). */
export function invitationExpiry(issuedAt: Date, validForHours: number): Date {
  return new Date(issuedAt.getTime() + validForHours * HOUR_MS);
}

/**
 * Whether invitation `invitationId` activates `user` at `now`, and if not, why. The reasons stay inside tenancy
 * (rule tests, logs by id): the caller hears one answer for all of them.
 */
export type InvitationVerdict =
  'valid' | 'unknown_user' | 'disabled' | 'superseded' | 'used' | 'expired' | 'already_active';

export function invitationVerdict(
  user: TenantUser | undefined,
  invitationId: string,
  now: Date,
): InvitationVerdict {
  if (!user) return 'unknown_user';
  if (user.disabled) return 'disabled';
  const latest = user.invitation;
  if (latest?.invitationId !== invitationId) return 'superseded';
  if (latest.acceptedAt !== undefined) return 'used';
  if (now.getTime() >= Date.parse(latest.expiresAt)) return 'expired';
  // A password an admin set activated the login already: the invitation has nothing left to do.
  if (!user.pendingActivation) return 'already_active';
  return 'valid';
}
