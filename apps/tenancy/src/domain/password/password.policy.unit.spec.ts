import { checkNewPassword, type PasswordPolicy } from './password.policy';

const policy: PasswordPolicy = { common: new Set(['password1', 'iloveyou', 'qwertyuiop']) };

const refusal = (password: string): string | undefined => {
  try {
    checkNewPassword(password, policy);
    return undefined;
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('a new password', () => {
  it.each(['password1', 'PassWord1', 'ILOVEYOU', 'aaaaaaaa', 'abababab', '12121212', 'abcabcabc'])(
    'refuses %s',
    (password) => {
      expect(refusal(password)).toBe('TENANCY.PASSWORD_TOO_COMMON');
    },
  );

  it.each(['password12', 'abcdabcd', 'correct horse battery staple', 'qwertyuiop!'])(
    'accepts %s',
    (password) => {
      expect(refusal(password)).toBeUndefined();
    },
  );
});
