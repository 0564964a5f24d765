import type { Event } from '@serviceops/kernel';
import type { CustomerPolicy } from './customer-policy.state';

export type CustomerPolicyChanged = Event<
  'CustomerPolicyChanged',
  { version: number; policy: CustomerPolicy; changedAt: string }
>;

export type CustomerPolicyEvent = CustomerPolicyChanged;

/** A policy holds no personal data: nothing is sealed. */
export const SEALED_PATHS = {
  CustomerPolicyChanged: [],
} as const satisfies Record<CustomerPolicyEvent['type'], readonly string[]>;
