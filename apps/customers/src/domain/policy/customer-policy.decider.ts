import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { changeCustomerPolicy } from './change-customer-policy';
import {
  initialCustomerPolicyState,
  type CustomerPolicyContext,
  type CustomerPolicyState,
} from './customer-policy.state';

export type { CustomerPolicyContext } from './customer-policy.state';
export { POLICY_LIMITS, validateCustomerPolicy } from './customer-policy.rules';

/**
 * The tenant's customers policy: the list of its use cases, a file each beside this one. The unions, the decider
 * and the generic handler's binding follow from the list.
 */
export const CUSTOMER_POLICY_USE_CASES = [changeCustomerPolicy] as const;

export type CustomerPolicyCommand = CommandOf<typeof CUSTOMER_POLICY_USE_CASES>;
export type CustomerPolicyEvent = EventOf<typeof CUSTOMER_POLICY_USE_CASES>;

export const customerPolicyDecider = deciderOf<
  typeof CUSTOMER_POLICY_USE_CASES,
  CustomerPolicyState,
  CustomerPolicyContext
>(initialCustomerPolicyState, CUSTOMER_POLICY_USE_CASES);

/** One policy stream per tenant: 'customer-policy-<tenantId>-<tenantId>'. */
export function customerPolicyStreamId(tenantId: string): string {
  return streamId('customer-policy', tenantId, tenantId);
}
