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

/** On the duplicate's stream: merged into the survivor (the same person); undone by CustomerMergeUndone. */
export interface CustomerMergedV1 {
  readonly customerId: string;
  readonly survivorId: string;
  readonly mergedAt: string;
}

export interface CustomerMergeUndoneV1 {
  readonly customerId: string;
  readonly survivorId: string;
  readonly undoneAt: string;
}

/**
 * The person asked to be forgotten (on each of their files: a survivor's and its duplicates'). Every service that
 * seals data under the customer's id destroys its key for them on this event.
 */
export interface CustomerErasedV1 {
  readonly customerId: string;
  readonly erasedAt: string;
}

export type CustomersPublishedEvent =
  | { readonly type: 'CustomerRegistered'; readonly data: CustomerRegisteredV1 }
  | { readonly type: 'CustomerContactsChanged'; readonly data: CustomerContactsChangedV1 }
  | { readonly type: 'CustomerMerged'; readonly data: CustomerMergedV1 }
  | { readonly type: 'CustomerMergeUndone'; readonly data: CustomerMergeUndoneV1 }
  | { readonly type: 'CustomerErased'; readonly data: CustomerErasedV1 };
