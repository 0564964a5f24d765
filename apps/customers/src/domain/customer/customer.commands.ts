import type { CustomerChannel } from '@serviceops/contracts';

export interface RegisterCustomer {
  readonly type: 'RegisterCustomer';
  readonly data: {
    readonly customerId: string;
    readonly name: string;
    readonly phone?: string;
    readonly email?: string;
    readonly channel: CustomerChannel;
    readonly branchId?: string;
    readonly notes?: string;
  };
}

/** `null` removes a contact; an absent field leaves it as it is. */
export interface ChangeCustomerContacts {
  readonly type: 'ChangeCustomerContacts';
  readonly data: {
    readonly customerId: string;
    readonly phone?: string | null;
    readonly email?: string | null;
  };
}

export type CustomerCommand = RegisterCustomer | ChangeCustomerContacts;

export interface CustomerContext {
  readonly now: Date;
  /** Branches of the tenant, when known: a customer's branch must be one of them. */
  readonly branchIds?: readonly string[];
}
