import { removable, useCase, type Command, type Event } from '@serviceops/kernel';
import { CustomerErrorCode as E, customerError } from './customer.errors';
import { addressOf, change, emailOf, live, patched, phoneOf } from './customer.rules';
import type { CustomerContext, CustomerState } from './customer.state';

/** `null` removes a contact; an absent field leaves it as it is. */
export type ChangeCustomerContacts = Command<
  'ChangeCustomerContacts',
  {
    readonly customerId: string;
    readonly phone?: string | null;
    readonly email?: string | null;
    readonly address?: string | null;
  }
>;

/** `null` removed a contact. */
export type CustomerContactsChanged = Event<
  'CustomerContactsChanged',
  {
    customerId: string;
    changedAt: string;
    phone?: string | null;
    email?: string | null;
    address?: string | null;
  }
>;

export const changeCustomerContacts = useCase<
  ChangeCustomerContacts,
  CustomerContactsChanged,
  CustomerState,
  CustomerContext
>({
  command: 'ChangeCustomerContacts',
  handles: {
    rpc: 'customers.ChangeCustomerContacts',
    command: (request: { id: string; phone?: string; email?: string; address?: string }) => ({
      type: 'ChangeCustomerContacts',
      data: {
        customerId: request.id,
        phone: removable(request.phone),
        email: removable(request.email),
        address: removable(request.address),
      },
    }),
  },
  decide({ data }, state, ctx) {
    const customer = live(state);
    if (data.phone === undefined && data.email === undefined && data.address === undefined)
      throw customerError(E.nothingToChange, 'give a phone, an email or an address (null removes one)');
    const phone = change(data.phone, customer.phone, phoneOf);
    const email = change(data.email, customer.email, emailOf);
    const address = change(data.address, customer.address, addressOf);
    if (!phone && !email && !address) return [];
    return [
      {
        type: 'CustomerContactsChanged',
        data: {
          customerId: customer.customerId,
          changedAt: ctx.now.toISOString(),
          ...(phone ? { phone: phone.value } : {}),
          ...(email ? { email: email.value } : {}),
          ...(address ? { address: address.value } : {}),
        },
      },
    ];
  },
  evolve: {
    CustomerContactsChanged: (state, event) => {
      if (state.status !== 'active') return state;
      const { customerId: _id, changedAt, ...changes } = event.data;
      return patched({ ...state, updatedAt: changedAt }, changes);
    },
  },
});
