import { ProblemError } from '@serviceops/platform';
import type { CustomerState } from '../domain/customer/customer.state';

export interface CustomerView {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly phone?: string;
  readonly email?: string;
  readonly channel: string;
  readonly branchId?: string;
  readonly notes?: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export function toCustomerView(state: CustomerState, version: number): CustomerView {
  if (state.status !== 'active') throw new ProblemError('CUSTOMERS.CUSTOMER_NOT_FOUND', 'no such customer');
  const { status: _status, customerId, ...fields } = state;
  return { id: customerId, version, ...fields };
}
