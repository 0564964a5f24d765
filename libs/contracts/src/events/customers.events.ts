/**
 * What the customers service publishes on `customers.events.v1`. Personal fields are sealed (encrypted
 * with the customer's own data key) before they are stored: other services refer to customers by id.
 */
export type Sealed = string;

export const CUSTOMER_CHANNELS = ['phone', 'email', 'web_form', 'online_chat', 'walk_in'] as const;
export type CustomerChannel = (typeof CUSTOMER_CHANNELS)[number];

export interface CustomerRegisteredV1 {
  readonly customerId: string;
  readonly channel: CustomerChannel;
  readonly branchId?: string;
  readonly registeredAt: string;
  readonly name: Sealed;
  readonly phone?: Sealed;
  readonly email?: Sealed;
  readonly notes?: Sealed;
}

export interface CustomerContactsChangedV1 {
  readonly customerId: string;
  readonly changedAt: string;
  readonly phone?: Sealed | null;
  readonly email?: Sealed | null;
}

export type CustomersPublishedEvent =
  | { readonly type: 'CustomerRegistered'; readonly data: CustomerRegisteredV1 }
  | { readonly type: 'CustomerContactsChanged'; readonly data: CustomerContactsChangedV1 };
