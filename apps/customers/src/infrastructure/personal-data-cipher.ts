// The cipher moved to libs/platform (issue 15: orders seal their requests' addresses with the same machinery).
export { isSealed, mapSealed, PersonalDataCipher } from '@serviceops/platform';
