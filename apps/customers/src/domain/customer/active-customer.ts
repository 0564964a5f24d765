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
      throw new DomainError(E.erased, `customer ${customerId} was erased at their request`, {
        customerId,
        field: 'customerId',
      });
    default: {
      const unhandled: never = status;
      throw new Error(`unknown customer status ${String(unhandled)}`);
    }
  }
}
