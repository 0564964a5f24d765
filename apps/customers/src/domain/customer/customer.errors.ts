import { DomainError } from '@serviceops/kernel';

export const CustomerErrorCode = {
  notFound: 'CUSTOMERS.CUSTOMER_NOT_FOUND',
  exists: 'CUSTOMERS.CUSTOMER_EXISTS',
  invalidName: 'CUSTOMERS.INVALID_NAME',
  invalidPhone: 'CUSTOMERS.INVALID_PHONE',
  invalidEmail: 'CUSTOMERS.INVALID_EMAIL',
  invalidChannel: 'CUSTOMERS.INVALID_CHANNEL',
  unknownBranch: 'CUSTOMERS.UNKNOWN_BRANCH',
  notesTooLong: 'CUSTOMERS.INVALID_NOTES',
  nothingToChange: 'CUSTOMERS.INVALID_CHANGE',
} as const;

export function customerError(code: string, message: string, field?: string): DomainError {
  return new DomainError(code, message, field ? { field } : {});
}
