import { deciderSpec } from '@serviceops/testing';
import type { CustomerEvent } from './customer.events';
import { customerDecider, MAX_NOTES } from './customer.decider';

const now = new Date('2026-11-22T08:00:00.000Z');
const id = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';
const branch = '0b7e3f86-1d39-4b52-8f3e-6b1bb0f9a2c4';
const spec = deciderSpec(customerDecider, { now, branchIds: [branch] });

const registered: CustomerEvent = {
  type: 'CustomerRegistered',
  data: {
    customerId: id,
    channel: 'phone',
    registeredAt: now.toISOString(),
    name: 'Li Wei',
    phone: '+86 138-0000-0000',
  },
};

describe('customer decider', () => {
  it('registers a customer with trimmed name and normalised email', () => {
    spec
      .given([])
      .when({
        type: 'RegisterCustomer',
        data: {
          customerId: id,
          name: '  Li Wei ',
          channel: 'web_form',
          email: 'Li.Wei@Example.COM',
          branchId: branch,
        },
      })
      .then([
        {
          type: 'CustomerRegistered',
          data: {
            customerId: id,
            channel: 'web_form',
            branchId: branch,
            registeredAt: now.toISOString(),
            name: 'Li Wei',
            email: 'li.wei@example.com',
          },
        },
      ]);
  });

  it.each([
    ['an empty name', { name: '   ' }, 'CUSTOMERS.INVALID_NAME'],
    ['a 201-character name', { name: 'x'.repeat(201) }, 'CUSTOMERS.INVALID_NAME'],
    ['a malformed phone', { phone: '12ab' }, 'CUSTOMERS.INVALID_PHONE'],
    ['a malformed email', { email: 'not-an-email' }, 'CUSTOMERS.INVALID_EMAIL'],
    ['an unknown channel', { channel: 'fax' }, 'CUSTOMERS.INVALID_CHANNEL'],
    ['a branch of no one', { branchId: '11111111-1111-4111-8111-111111111111' }, 'CUSTOMERS.UNKNOWN_BRANCH'],
    ['notes over the limit', { notes: 'n'.repeat(MAX_NOTES + 1) }, 'CUSTOMERS.INVALID_NOTES'],
  ])('refuses %s', (_label, change, code) => {
    spec
      .given([])
      .when({
        type: 'RegisterCustomer',
        data: { customerId: id, name: 'Li Wei', channel: 'phone', ...change } as never,
      })
      .thenThrows(code);
  });

  it('refuses to register the same customer twice', () => {
    spec
      .given([registered])
      .when({ type: 'RegisterCustomer', data: { customerId: id, name: 'Li Wei', channel: 'phone' } })
      .thenThrows('CUSTOMERS.CUSTOMER_EXISTS');
  });

  it('changes contacts, removing the phone with null', () => {
    spec
      .given([registered])
      .when({ type: 'ChangeCustomerContacts', data: { customerId: id, phone: null, email: 'a@b.cn' } })
      .then([
        {
          type: 'CustomerContactsChanged',
          data: { customerId: id, changedAt: now.toISOString(), phone: null, email: 'a@b.cn' },
        },
      ]);
  });

  it('records nothing when the contacts are already so', () => {
    spec
      .given([registered])
      .when({ type: 'ChangeCustomerContacts', data: { customerId: id, phone: '+86 138-0000-0000' } })
      .then([]);
  });

  it.each([
    ['an unknown customer', [], { customerId: id, phone: '+8613800000000' }, 'CUSTOMERS.CUSTOMER_NOT_FOUND'],
    ['no change given', [registered], { customerId: id }, 'CUSTOMERS.INVALID_CHANGE'],
    ['a malformed email', [registered], { customerId: id, email: 'x@' }, 'CUSTOMERS.INVALID_EMAIL'],
  ])('refuses a contact change for %s', (_label, given, data, code) => {
    spec.given(given).when({ type: 'ChangeCustomerContacts', data }).thenThrows(code);
  });

  it('folds a contact change into the state', () => {
    const state = [
      registered,
      {
        type: 'CustomerContactsChanged',
        data: { customerId: id, changedAt: 'later', phone: null },
      } as CustomerEvent,
    ].reduce(customerDecider.evolve, customerDecider.initialState());
    expect(state).toMatchObject({ status: 'active', name: 'Li Wei', updatedAt: 'later' });
    expect(state).not.toHaveProperty('phone');
  });
});
