import { BusinessCalendarDto } from '../tenancy/tenancy.dto';
import { TenantView } from '../tenancy/tenancy.views';
import { EraseCustomerDto, MergeCustomersDto, RegisterCustomerDto } from '../customers/customers.dto';
import { CustomerRoutes } from '../customers/customers.routes';
import { CustomerView } from '../customers/customers.views';
import { answerClassOf, BodyOf, defaultRequest, derivedRpcs, resourceRoutes, route } from './mount';

describe('the request a route sends when its binding says nothing else', () => {
  it('is the path, the query, the body’s fields and If-Match’s version, merged', () => {
    const binding = route({ rpc: 'customers.MergeCustomers', body: MergeCustomersDto, answer: CustomerView });
    expect(
      defaultRequest(binding, {
        params: { id: 'a' },
        query: {},
        body: { duplicateId: 'b' },
        expectedVersion: 3,
      }),
    ).toEqual({ id: 'a', duplicateId: 'b', expectedVersion: 3 });
  });

  it('carries the body in the field the declaration names (`bodyField`)', () => {
    const binding = route({
      rpc: 'tenancy.SetBusinessCalendar',
      body: BusinessCalendarDto,
      answer: TenantView,
    });
    const calendar = { timeZone: 'Asia/Shanghai', workingHours: [], holidays: [] };
    expect(defaultRequest(binding, { params: {}, query: {}, body: calendar, expectedVersion: 2 })).toEqual({
      calendar,
      expectedVersion: 2,
    });
  });
});

describe('a resource’s routes derived from its declarations and body classes', () => {
  const paramTypes = (rpc: string) =>
    Reflect.getMetadata(
      'design:paramtypes',
      CustomerRoutes.prototype as object,
      rpc.replace('.', '_'),
    ) as unknown[];

  it('takes every declared write under the resource’s path, and no read', () => {
    const derived = derivedRpcs('customers');
    expect(derived).not.toContain('customers.GetCustomer');
    expect(derived).not.toContain('customers.ListCustomers');
    expect(derived).not.toContain('customers.AnswerInquiry');
    expect(derived).toEqual(
      expect.arrayContaining([
        'customers.RegisterCustomer',
        'customers.ChangeCustomerContacts',
        'customers.UpdateCustomerFile',
        'customers.MergeCustomers',
        'customers.UndoCustomerMerge',
        'customers.EraseCustomer',
      ]) as unknown,
    );
  });

  it('binds a write nobody bound by hand to the body class that names it, answering the resource’s view', () => {
    expect(paramTypes('customers.EraseCustomer')).toEqual([Object, Object, EraseCustomerDto]);
    expect(paramTypes('customers.UndoCustomerMerge')).toEqual([Object, Object, MergeCustomersDto]);
    expect(answerClassOf('customers.EraseCustomer')).toBe(CustomerView);
    // Bound by hand (its request is mapped): the hand's binding wins.
    expect(paramTypes('customers.RegisterCustomer')).toEqual([Object, Object, RegisterCustomerDto]);
  });

  it('refuses a second body class for one RPC, and a body class of another resource', () => {
    expect(() => BodyOf('customers.EraseCustomer')(class Other {})).toThrow(
      'customers.EraseCustomer has two body classes: EraseCustomerDto and Other',
    );
    expect(() => resourceRoutes('customers', { answer: CustomerView }, {}, [])).toThrow(
      "customers.MergeCustomers's body class MergeCustomersDto is not one of the customers resource's",
    );
  });
});
