// Masking moved to libs/platform with the cipher, so that every service shows personal data alike (staff too).
export {
  MASK,
  maskBirthDate,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
  revealer,
} from '@serviceops/platform';
