import type { CustomerPolicy } from './customer-policy.state';

/** The whole policy, every field given. */
export interface ChangeCustomerPolicy {
  readonly type: 'ChangeCustomerPolicy';
  readonly data: { readonly policy: CustomerPolicy };
}

export type CustomerPolicyCommand = ChangeCustomerPolicy;

export interface CustomerPolicyContext {
  readonly now: Date;
}
