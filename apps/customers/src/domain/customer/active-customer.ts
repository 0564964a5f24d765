import { DomainError } from '@serviceops/kernel';
import { CustomerErrorCode as E } from './customer.errors';
import type { CustomerState } from './customer.state';

export type CustomerStatus = CustomerState['status'];

/** A record opened for a customer (an inquiry, a return visit) needs the customer active. */
export function assertActiveCustomer(status: CustomerStatus, customerId: string): void {
  switch (status) {
    case 'active':
      return;
    case 'absent':
      throw new DomainError(E.notFound, `customer ${customerId} does not exist`, {
        customerId,
        field: 'customerId',
      });
    case 'merged':
      throw new DomainError(E.merged, `customer ${customerId} was merged into another file: use that one`, {
        customerId,
        field: 'customerId',
      });
    case 'erased':
      throw customerErased(customerId, 'customerId');
    default: {
      const unhandled: never = status;
      throw new Error(`unknown customer status ${String(unhandled)}`);
    }
  }
}

/**
 * A record that belongs to a customer (an inquiry, a return visit, a greeting) takes nothing more about them once
 * they were erased: their data key is gone, so nothing could be sealed, and nothing is ever kept in clear. A
 * merged customer's records go on (the duplicate keeps its key). `status` is the handler's to give: without it
 * the rule cannot be applied, which is a bug, not a refusal.
 */
export function assertCustomerNotErased(status: CustomerStatus | undefined, customerId: string): void {
  if (status === undefined) throw new Error('the customer’s status is missing from the command’s context');
  if (status === 'erased') throw customerErased(customerId);
}

/** The refusal of anything written about a customer who was erased at their request (422). */
export function customerErased(customerId: string, field?: string): DomainError {
  return new DomainError(E.erased, `customer ${customerId} was erased at their request`, {
    customerId,
    ...(field ? { field } : {}),
  });
}
