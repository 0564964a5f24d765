import { deciderSpec } from '@serviceops/testing';
import type { CustomerContext } from './customer.state';
import { customerDecider, MAX_NOTES } from './customer.decider';
import type { CustomerEvent } from './customer.events';
import type { CustomerState } from './customer.state';

const now = new Date('2026-11-22T08:00:00.000Z');
const at = now.toISOString();
const id = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';
const other = '7a2d2f0e-4c9b-4d4a-8c1f-1e7cac8f6b22';
const third = '8b3e3a1f-5dac-4e5b-9d20-2f8dbd907c33';
const branch = '0b7e3f86-1d39-4b52-8f3e-6b1bb0f9a2c4';
const ctx: CustomerContext = { now, branchIds: [branch] };
const spec = (extra: Partial<CustomerContext> = {}) => deciderSpec(customerDecider, { ...ctx, ...extra });
const stateOf = (events: readonly CustomerEvent[]): CustomerState =>
  events.reduce(customerDecider.evolve, customerDecider.initialState());

const registered = (customerId = id, extra: object = {}): CustomerEvent => ({
  type: 'CustomerRegistered',
  data: {
    customerId,
    channel: 'phone',
    registeredAt: at,
    name: 'Li Wei',
    phone: '+86 138-0000-0000',
    ...extra,
  },
});
const absorbed = (survivor: string, duplicate: string): CustomerEvent => ({
  type: 'DuplicateAbsorbed',
  data: { customerId: survivor, duplicateId: duplicate, mergedAt: at },
});
const merged = (duplicate: string, survivor: string): CustomerEvent => ({
  type: 'CustomerMerged',
  data: { customerId: duplicate, survivorId: survivor, mergedAt: at },
});
const erased = (customerId = id): CustomerEvent => ({
  type: 'CustomerErased',
  data: { customerId, erasedAt: at },
});

const register = (data: object) => ({
  type: 'RegisterCustomer' as const,
  data: { customerId: id, name: 'Li Wei', channel: 'phone' as const, ...data },
});

describe('registering a customer', () => {
  it('records the whole file, trimmed and normalised', () => {
    spec()
      .given([])
      .when(
        register({
          name: '  Li Wei ',
          channel: 'web_form',
          email: 'Li.Wei@Example.COM',
          branchId: branch,
          gender: 'female',
          birthDate: '1990-02-28',
          address: ' 1 Renmin Road, Chengdu ',
          idNumber: '510104-19900228-123x',
          needs: [{ line: 'equipment_rental', needs: ' a 20 t excavator ', preferences: 'weekends' }],
          notes: 'prefers calls after 18:00',
        }),
      )
      .then([
        {
          type: 'CustomerRegistered',
          data: {
            customerId: id,
            channel: 'web_form',
            branchId: branch,
            registeredAt: at,
            name: 'Li Wei',
            gender: 'female',
            birthDate: '1990-02-28',
            email: 'li.wei@example.com',
            address: '1 Renmin Road, Chengdu',
            idNumber: '51010419900228123X',
            needs: [{ line: 'equipment_rental', needs: 'a 20 t excavator', preferences: 'weekends' }],
            notes: 'prefers calls after 18:00',
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
    ['an unknown gender', { gender: 'robot' }, 'CUSTOMERS.INVALID_GENDER'],
    ['a birth date that is no date', { birthDate: '1990-02-30' }, 'CUSTOMERS.INVALID_BIRTH_DATE'],
    ['a birth date in the future', { birthDate: '2027-01-01' }, 'CUSTOMERS.BIRTH_DATE_OUT_OF_RANGE'],
    ['a birth date before 1900', { birthDate: '1899-12-31' }, 'CUSTOMERS.BIRTH_DATE_OUT_OF_RANGE'],
    ['an ID number with symbols', { idNumber: '12#45' }, 'CUSTOMERS.INVALID_ID_NUMBER'],
    ['an address of 501 characters', { address: 'a'.repeat(501) }, 'CUSTOMERS.INVALID_ADDRESS'],
    ['needs in an unknown line', { needs: [{ line: 'catering' }] }, 'CUSTOMERS.INVALID_NEEDS'],
    [
      'needs given twice for a line',
      { needs: [{ line: 'companion_chat' }, { line: 'companion_chat' }] },
      'CUSTOMERS.NEED_LINE_REPEATED',
    ],
    [
      'needs of 2001 characters',
      { needs: [{ line: 'companion_chat', needs: 'x'.repeat(2001) }] },
      'CUSTOMERS.INVALID_NEEDS',
    ],
  ])('refuses %s', (_label, change, code) => {
    spec().given([]).when(register(change)).thenThrows(code);
  });

  it('refuses a likely duplicate, naming the candidates', () => {
    const duplicates = [{ id: other, matchedOn: ['phone' as const] }];
    const run = () =>
      customerDecider.decide(register({ phone: '+8613800000000' }), stateOf([]), { ...ctx, duplicates });
    expect(run).toThrow(
      expect.objectContaining({
        code: 'CUSTOMERS.DUPLICATE_SUSPECTED',
        details: { candidates: duplicates },
      }) as Error,
    );
  });

  it('registers a confirmed duplicate and records whom it was told apart from', () => {
    spec({ duplicates: [{ id: other, matchedOn: ['email'] }] })
      .given([])
      .when(register({ confirmDuplicate: true }))
      .then([
        {
          type: 'CustomerRegistered',
          data: {
            customerId: id,
            channel: 'phone',
            registeredAt: at,
            name: 'Li Wei',
            confirmedDistinctFrom: [other],
          },
        },
      ]);
  });

  it('checks the fields before looking at duplicates', () => {
    spec({ duplicates: [{ id: other, matchedOn: ['phone'] }] })
      .given([])
      .when(register({ email: 'x@' }))
      .thenThrows('CUSTOMERS.INVALID_EMAIL');
  });

  it('refuses to register the same customer twice', () => {
    spec().given([registered()]).when(register({})).thenThrows('CUSTOMERS.CUSTOMER_EXISTS');
  });
});

describe('changing the file', () => {
  it('changes contacts, removing the phone with null', () => {
    spec()
      .given([registered()])
      .when({
        type: 'ChangeCustomerContacts',
        data: { customerId: id, phone: null, email: 'a@b.cn', address: 'Chengdu' },
      })
      .then([
        {
          type: 'CustomerContactsChanged',
          data: { customerId: id, changedAt: at, phone: null, email: 'a@b.cn', address: 'Chengdu' },
        },
      ]);
  });

  it('records nothing when the contacts are already so', () => {
    spec()
      .given([registered()])
      .when({
        type: 'ChangeCustomerContacts',
        data: { customerId: id, phone: '+86 138-0000-0000', address: null },
      })
      .then([]);
  });

  it('updates the file, only with what changed', () => {
    spec()
      .given([registered(id, { gender: 'male', notes: 'old' })])
      .when({
        type: 'UpdateCustomerFile',
        data: {
          customerId: id,
          name: 'Li Wei',
          gender: null,
          birthDate: '1980-01-01',
          notes: 'new',
          needs: [],
        },
      })
      .then([
        {
          type: 'CustomerFileUpdated',
          data: { customerId: id, updatedAt: at, gender: null, birthDate: '1980-01-01', notes: 'new' },
        },
      ]);
  });

  it('replaces the needs of every line', () => {
    const needs = [{ line: 'driving_practice' as const, needs: 'ten sessions' }];
    spec()
      .given([registered(id, { needs: [{ line: 'companion_chat' }] })])
      .when({ type: 'UpdateCustomerFile', data: { customerId: id, needs } })
      .then([{ type: 'CustomerFileUpdated', data: { customerId: id, updatedAt: at, needs } }]);
  });

  it.each([
    [
      'an unknown customer',
      [],
      { type: 'ChangeCustomerContacts', data: { customerId: id, phone: '+8613800000000' } },
      'CUSTOMERS.CUSTOMER_NOT_FOUND',
    ],
    [
      'no change given',
      [registered()],
      { type: 'ChangeCustomerContacts', data: { customerId: id } },
      'CUSTOMERS.INVALID_CHANGE',
    ],
    [
      'a malformed email',
      [registered()],
      { type: 'ChangeCustomerContacts', data: { customerId: id, email: 'x@' } },
      'CUSTOMERS.INVALID_EMAIL',
    ],
    [
      'an empty file update',
      [registered()],
      { type: 'UpdateCustomerFile', data: { customerId: id } },
      'CUSTOMERS.INVALID_CHANGE',
    ],
    [
      'a removed name',
      [registered()],
      { type: 'UpdateCustomerFile', data: { customerId: id, name: null } },
      'CUSTOMERS.INVALID_NAME',
    ],
    [
      'a merged customer',
      [registered(), merged(id, other)],
      { type: 'UpdateCustomerFile', data: { customerId: id, notes: 'x' } },
      'CUSTOMERS.CUSTOMER_MERGED',
    ],
    [
      'an erased customer',
      [registered(), erased()],
      { type: 'ChangeCustomerContacts', data: { customerId: id, phone: null } },
      'CUSTOMERS.CUSTOMER_ERASED',
    ],
  ])('refuses a change for %s', (_label, given, command, code) => {
    spec()
      .given(given as CustomerEvent[])
      .when(command as never)
      .thenThrows(code);
  });
});

describe('merging duplicates', () => {
  const survivor = stateOf([registered(id)]);
  const duplicate = stateOf([registered(other)]);

  it('absorbs the duplicate on the survivor and merges the duplicate into it', () => {
    spec({ counterpart: duplicate })
      .given([registered(id)])
      .when({ type: 'AbsorbDuplicate', data: { customerId: id, duplicateId: other } })
      .then([{ type: 'DuplicateAbsorbed', data: { customerId: id, duplicateId: other, mergedAt: at } }]);
    spec({ counterpart: survivor })
      .given([registered(other)])
      .when({ type: 'MergeInto', data: { customerId: other, survivorId: id } })
      .then([{ type: 'CustomerMerged', data: { customerId: other, survivorId: id, mergedAt: at } }]);
  });

  it.each([
    ['into itself', [registered(id)], stateOf([registered(id)]), 'CUSTOMERS.MERGE_WITH_ITSELF'],
    ['an unknown duplicate', [registered(id)], stateOf([]), 'CUSTOMERS.CUSTOMER_NOT_FOUND'],
    [
      'an already merged duplicate',
      [registered(id)],
      stateOf([registered(other), merged(other, third)]),
      'CUSTOMERS.CUSTOMER_MERGED',
    ],
    [
      'an erased duplicate',
      [registered(id)],
      stateOf([registered(other), erased(other)]),
      'CUSTOMERS.CUSTOMER_ERASED',
    ],
    [
      'a duplicate that has duplicates',
      [registered(id)],
      stateOf([registered(other), absorbed(other, third)]),
      'CUSTOMERS.MERGE_CHAIN',
    ],
    ['into a merged survivor', [registered(id), merged(id, third)], duplicate, 'CUSTOMERS.CUSTOMER_MERGED'],
  ])('refuses a merge %s', (_label, given, counterpart, code) => {
    const duplicateId = counterpart.status === 'absent' ? other : counterpart.customerId;
    spec({ counterpart })
      .given(given)
      .when({ type: 'AbsorbDuplicate', data: { customerId: id, duplicateId } })
      .thenThrows(code);
  });

  it('undoes a merge on both sides, and the duplicate is active again with its file', () => {
    const survivorAfter = stateOf([registered(id), absorbed(id, other)]);
    const duplicateAfter = stateOf([registered(other), merged(other, id)]);
    spec({ counterpart: duplicateAfter })
      .given([registered(id), absorbed(id, other)])
      .when({ type: 'ReleaseDuplicate', data: { customerId: id, duplicateId: other } })
      .then([{ type: 'DuplicateReleased', data: { customerId: id, duplicateId: other, undoneAt: at } }]);
    spec({ counterpart: survivorAfter })
      .given([registered(other), merged(other, id)])
      .when({ type: 'UndoMerge', data: { customerId: other, survivorId: id } })
      .then([{ type: 'CustomerMergeUndone', data: { customerId: other, survivorId: id, undoneAt: at } }]);
    const back = stateOf([
      registered(other),
      merged(other, id),
      { type: 'CustomerMergeUndone', data: { customerId: other, survivorId: id, undoneAt: 'later' } },
    ]);
    expect(back).toMatchObject({
      status: 'active',
      name: 'Li Wei',
      phone: '+86 138-0000-0000',
      updatedAt: 'later',
    });
    expect(back).not.toHaveProperty('mergedInto');
  });

  it('refuses to undo a merge that did not happen', () => {
    spec({ counterpart: duplicate })
      .given([registered(id)])
      .when({ type: 'ReleaseDuplicate', data: { customerId: id, duplicateId: other } })
      .thenThrows('CUSTOMERS.NOT_MERGED');
  });

  it('keeps the list of duplicates on the survivor', () => {
    expect(stateOf([registered(id), absorbed(id, other), absorbed(id, third)])).toMatchObject({
      mergedFrom: [other, third],
    });
  });
});

describe('erasing a customer', () => {
  it('erases an active customer, leaving nothing personal in the state', () => {
    spec()
      .given([registered(id, { branchId: branch })])
      .when({ type: 'EraseCustomer', data: { customerId: id, reason: 'asked by phone on 2026-11-20' } })
      .then([erased()]);
    expect(stateOf([registered(id, { branchId: branch, notes: 'n' }), erased()])).toEqual({
      status: 'erased',
      customerId: id,
      channel: 'phone',
      branchId: branch,
      registeredAt: at,
      updatedAt: at,
      erasedAt: at,
      mergedFrom: [],
    });
  });

  it('records nothing when erased already (a retried erasure)', () => {
    spec()
      .given([registered(), erased()])
      .when({ type: 'EraseCustomer', data: { customerId: id, reason: 'again' } })
      .then([]);
  });

  it('erases a merged duplicate along with its survivor only', () => {
    spec()
      .given([registered(), merged(id, other)])
      .when({ type: 'EraseCustomer', data: { customerId: id, reason: 'asked', withSurvivor: other } })
      .then([erased()]);
    spec()
      .given([registered(), merged(id, other)])
      .when({ type: 'EraseCustomer', data: { customerId: id, reason: 'asked' } })
      .thenThrows('CUSTOMERS.ERASE_THE_SURVIVOR');
  });

  it.each([
    ['without a reason', [registered()], '  ', 'CUSTOMERS.INVALID_REASON'],
    ['an unknown customer', [], 'asked', 'CUSTOMERS.CUSTOMER_NOT_FOUND'],
  ])('refuses an erasure %s', (_label, given, reason, code) => {
    spec()
      .given(given)
      .when({ type: 'EraseCustomer', data: { customerId: id, reason } })
      .thenThrows(code);
  });
});
