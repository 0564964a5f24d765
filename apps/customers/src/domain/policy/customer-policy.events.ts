import type { CustomerPolicyEvent } from './customer-policy.decider';

// Each event is declared with the use case that records it (change-customer-policy.ts); the union is derived from
// the list of use cases (customer-policy.decider.ts).
export type { CustomerPolicyEvent } from './customer-policy.decider';
export type { CustomerPolicyChanged } from './change-customer-policy';

/** A policy holds no personal data: nothing is sealed. */
export const SEALED_PATHS = {
  CustomerPolicyChanged: [],
} as const satisfies Record<CustomerPolicyEvent['type'], readonly string[]>;
