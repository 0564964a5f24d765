import { DomainError } from '@serviceops/kernel';

export const CustomerPolicyErrorCode = {
  INVALID_POLICY: 'CUSTOMERS.INVALID_POLICY',
} as const;

export type CustomerPolicyErrorCode = (typeof CustomerPolicyErrorCode)[keyof typeof CustomerPolicyErrorCode];

/** `field` is the path of the value at fault, e.g. 'returnVisits.everyDays'. */
export function invalidPolicy(field: string, message: string): DomainError {
  return new DomainError(CustomerPolicyErrorCode.INVALID_POLICY, `${field}: ${message}`, { field });
}
