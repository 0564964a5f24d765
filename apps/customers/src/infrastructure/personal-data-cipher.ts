// The cipher moved to libs/platform so that every service holding personal data seals it alike (staff too).
export { isSealed, mapSealed, PersonalDataCipher } from '@serviceops/platform';
