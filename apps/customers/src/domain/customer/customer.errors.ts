import { DomainError } from '@serviceops/kernel';

export const CustomerErrorCode = {
  notFound: 'CUSTOMERS.CUSTOMER_NOT_FOUND',
  exists: 'CUSTOMERS.CUSTOMER_EXISTS',
  merged: 'CUSTOMERS.CUSTOMER_MERGED',
  erased: 'CUSTOMERS.CUSTOMER_ERASED',
  duplicateSuspected: 'CUSTOMERS.DUPLICATE_SUSPECTED',
  invalidName: 'CUSTOMERS.INVALID_NAME',
  invalidPhone: 'CUSTOMERS.INVALID_PHONE',
  invalidEmail: 'CUSTOMERS.INVALID_EMAIL',
  invalidAddress: 'CUSTOMERS.INVALID_ADDRESS',
  invalidIdNumber: 'CUSTOMERS.INVALID_ID_NUMBER',
  invalidGender: 'CUSTOMERS.INVALID_GENDER',
  invalidBirthDate: 'CUSTOMERS.INVALID_BIRTH_DATE',
  /** A well-formed birth date before 1900 or in the future: a rule against today, refused (422). */
  birthDateOutOfRange: 'CUSTOMERS.BIRTH_DATE_OUT_OF_RANGE',
  invalidNeeds: 'CUSTOMERS.INVALID_NEEDS',
  /** A rule beyond the request's shape (OpenAPI cannot say "unique by line"): 422, not 400. */
  needLineRepeated: 'CUSTOMERS.NEED_LINE_REPEATED',
  invalidChannel: 'CUSTOMERS.INVALID_CHANNEL',
  unknownBranch: 'CUSTOMERS.UNKNOWN_BRANCH',
  notesTooLong: 'CUSTOMERS.INVALID_NOTES',
  nothingToChange: 'CUSTOMERS.INVALID_CHANGE',
  invalidReason: 'CUSTOMERS.INVALID_REASON',
  mergeWithItself: 'CUSTOMERS.MERGE_WITH_ITSELF',
  mergeChain: 'CUSTOMERS.MERGE_CHAIN',
  notMerged: 'CUSTOMERS.NOT_MERGED',
  erasePartOfSurvivor: 'CUSTOMERS.ERASE_THE_SURVIVOR',
} as const;

export function customerError(
  code: string,
  message: string,
  field?: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, { ...details, ...(field ? { field } : {}) });
}
