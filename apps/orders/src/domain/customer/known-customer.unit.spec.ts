import { DomainError } from '@serviceops/kernel';
import { assertNotErased, assertOrderable, CUSTOMER_STANDINGS, mayWritePersonalText } from './known-customer';

describe('personal text of a customer orders knows', () => {
  it.each([
    ['active', true],
    ['merged', true],
    ['erased', false],
    [undefined, true],
  ] as const)('a customer %s: written %s', (standing, written) => {
    expect(mayWritePersonalText(standing)).toBe(written);
  });

  it('refuses an erased customer with ORDERS.CUSTOMER_ERASED, and no other standing', () => {
    expect(() => assertNotErased('c-1', 'erased')).toThrow(
      expect.objectContaining({ code: 'ORDERS.CUSTOMER_ERASED', details: { customerId: 'c-1' } }) as Error,
    );
    for (const standing of [...CUSTOMER_STANDINGS.filter((s) => s !== 'erased'), undefined])
      expect(() => assertNotErased('c-1', standing)).not.toThrow();
    expect(() => assertNotErased('c-1', 'erased')).toThrow(DomainError);
  });
});

describe('an order for a customer', () => {
  it.each([
    ['active', 'ok'],
    ['merged', 'ok'],
    ['erased', 'ORDERS.CUSTOMER_ERASED'],
    [undefined, 'ORDERS.CUSTOMER_NOT_FOUND'],
  ] as const)('a customer %s: %s', (standing, outcome) => {
    let code = 'ok';
    try {
      assertOrderable('c-1', standing);
    } catch (error) {
      code = (error as DomainError).code;
    }
    expect(code).toBe(outcome);
  });
});
