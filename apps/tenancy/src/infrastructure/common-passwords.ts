import { dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordPolicy } from '../domain/password/password.policy';

/**
 * The common and breached passwords of zxcvbn-ts's common dictionary (MIT; ~49,000 passwords ranked from public
 * breach corpora), kept from 8 characters up: shorter ones are refused for their length already.
 */
export const PASSWORD_POLICY: PasswordPolicy = {
  common: new Set(dictionary['passwords-common'].filter((p) => p.length >= 8).map((p) => p.toLowerCase())),
};
