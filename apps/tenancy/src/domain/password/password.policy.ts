import { tenancyError, TenancyErrorCode } from '../tenant/tenant.errors';

/** What a new password is checked against: the common and breached passwords, lower case (given as data). */
export interface PasswordPolicy {
  readonly common: ReadonlySet<string>;
}

/** Fewer different characters than this is a repetition (`aaaaaaaa`, `abababab`, `12121212`), not a secret. */
export const MIN_DISTINCT_CHARACTERS = 4;

/**
 * NIST SP 800-63B 5.1.1.2: a new password is refused when it is a commonly used or breached one (compared without
 * regard to case) or repetitive. Its length is the edge's rule (RULES.newPassword).
 */
export function checkNewPassword(password: string, policy: PasswordPolicy): void {
  if (policy.common.has(password.toLowerCase()))
    throw tenancyError(
      TenancyErrorCode.PASSWORD_TOO_COMMON,
      'this password is one of the most common or breached ones; choose another',
    );
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS)
    throw tenancyError(
      TenancyErrorCode.PASSWORD_TOO_COMMON,
      `this password repeats too few characters (fewer than ${MIN_DISTINCT_CHARACTERS} different); choose another`,
    );
}
