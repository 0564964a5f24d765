import { CUSTOMER_CHANNELS } from '@serviceops/contracts';
import { refusalOf } from '@serviceops/testing';
import type { Caller } from '@serviceops/kernel';
import { customerDecider } from './customer.decider';
import type { CustomerContext, CustomerState } from './customer.state';
import { registerCustomer, type RegisterCustomer } from './register-customer';

const newId = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';
const caller: Caller = { actorId: '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69', newId };
const branch = '0b7e3f86-1d39-4b52-8f3e-6b1bb0f9a2c4';
const ctx: CustomerContext = { now: new Date('2026-11-22T08:00:00.000Z'), branchIds: [branch] };
const mapping = registerCustomer.handles?.command as (request: object, caller: Caller) => RegisterCustomer;

/** The refusal `decide` throws for `data` on `state`, as a plain object (code, message, details). */
function refusal(data: object, state: CustomerState = customerDecider.initialState(), context = ctx) {
  const command: RegisterCustomer = {
    type: 'RegisterCustomer',
    data: { customerId: newId, name: 'Li Wei', channel: 'phone', ...data },
  };
  return refusalOf(() => customerDecider.decide(command, state, context));
}

describe('RegisterCustomer: the request made the command', () => {
  it('serves customers.RegisterCustomer', () => {
    expect(registerCustomer.handles?.rpc).toBe('customers.RegisterCustomer');
  });

  it('names the new customer by the id made for the call, and passes every field given on', () => {
    const request = {
      name: 'Li Wei',
      phone: '+86 138 0000 0000',
      email: 'li.wei@example.com',
      channel: 'web_form',
      branchId: branch,
      notes: 'prefers calls after 18:00',
      gender: 'female',
      birthDate: '1990-02-28',
      address: '1 Renmin Road',
      idNumber: '51010419900228123X',
      needs: [{ line: 'equipment_rental', needs: 'an excavator' }, { line: 'companion_chat' }],
      confirmDuplicate: true,
    };
    expect(mapping(request, caller)).toEqual({
      type: 'RegisterCustomer',
      data: {
        customerId: newId,
        name: 'Li Wei',
        phone: '+86 138 0000 0000',
        email: 'li.wei@example.com',
        channel: 'web_form',
        branchId: branch,
        notes: 'prefers calls after 18:00',
        gender: 'female',
        birthDate: '1990-02-28',
        address: '1 Renmin Road',
        idNumber: '51010419900228123X',
        needs: [{ line: 'equipment_rental', needs: 'an excavator' }, { line: 'companion_chat' }],
        confirmDuplicate: true,
      },
    });
  });

  it('leaves out what was not sent (proto3 leaves unset fields off): no empty needs, no unconfirmed duplicate', () => {
    const bare = { type: 'RegisterCustomer', data: { customerId: newId, name: '', channel: '' } };
    expect(mapping({ needs: [], confirmDuplicate: false }, caller)).toEqual(bare);
    expect(mapping({}, caller)).toEqual(bare);
  });
});

describe('RegisterCustomer: what each refusal says', () => {
  it('a second registration of the same customer', () => {
    const registered = customerDecider.decide(
      { type: 'RegisterCustomer', data: { customerId: newId, name: 'Li Wei', channel: 'phone' } },
      customerDecider.initialState(),
      ctx,
    );
    const state = registered.reduce(customerDecider.evolve, customerDecider.initialState());
    expect(refusal({}, state)).toEqual({
      code: 'CUSTOMERS.CUSTOMER_EXISTS',
      message: 'this customer is already registered',
      details: {},
    });
  });

  it('an unknown channel, naming every channel and the field', () => {
    expect(refusal({ channel: 'fax' })).toEqual({
      code: 'CUSTOMERS.INVALID_CHANNEL',
      message: `channel must be one of ${CUSTOMER_CHANNELS.join(', ')}`,
      details: { field: 'channel' },
    });
    expect(CUSTOMER_CHANNELS.length).toBeGreaterThan(1);
  });

  it('a branch the tenant does not have, naming the field', () => {
    expect(refusal({ branchId: '11111111-1111-4111-8111-111111111111' })).toEqual({
      code: 'CUSTOMERS.UNKNOWN_BRANCH',
      message: 'no such branch in this tenant',
      details: { field: 'branchId' },
    });
  });

  it('a likely duplicate, saying how to go on and naming the candidates', () => {
    const candidates = [{ id: branch, matchedOn: ['phone' as const] }];
    expect(refusal({ phone: '+8613800000000' }, undefined, { ...ctx, duplicates: candidates })).toEqual({
      code: 'CUSTOMERS.DUPLICATE_SUSPECTED',
      message:
        'customers with the same phone, email or ID number exist: merge into one of them, or register again with confirmDuplicate',
      details: { candidates },
    });
  });
});
