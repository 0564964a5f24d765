import { DomainError } from './errors';
import { add, allocate, money, multiply, subtract, sum } from './money';

describe('Money', () => {
  it('adds and subtracts in minor units', () => {
    expect(add(money(1050, 'CNY'), money(25, 'CNY'))).toEqual({ amount: 1075, currency: 'CNY' });
    expect(subtract(money(100, 'CNY'), money(250, 'CNY'))).toEqual({ amount: -150, currency: 'CNY' });
    expect(sum('CNY', [money(1, 'CNY'), money(2, 'CNY')])).toEqual({ amount: 3, currency: 'CNY' });
  });

  it.each([
    [1.5, 'CNY', 'MONEY.NOT_INTEGER'],
    [Number.MAX_SAFE_INTEGER + 1, 'CNY', 'MONEY.NOT_INTEGER'],
    [100, 'cny', 'MONEY.BAD_CURRENCY'],
    [100, 'YUAN', 'MONEY.BAD_CURRENCY'],
  ])('refuses amount %p in %p with %s', (amount, currency, code) => {
    expect(() => money(amount, currency)).toThrow(expect.objectContaining({ code }) as Error);
  });

  it('refuses to mix currencies', () => {
    expect(() => add(money(1, 'CNY'), money(1, 'USD'))).toThrow(DomainError);
  });

  it.each([
    [1000, 90, 100, 900],
    [999, 90, 100, 899], // 899.1 → 899
    [5, 1, 2, 3], // 2.5 → 3, half away from zero
    [-5, 1, 2, -3],
    [1, 1, 3, 0],
  ])('multiplies %i by %i/%i to %i', (amount, n, d, expected) => {
    expect(multiply(money(amount, 'CNY'), n, d).amount).toBe(expected);
  });

  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [5, [1, 1], [3, 2]],
    [-5, [1, 1], [-3, -2]],
    [10, [0, 1], [0, 10]],
  ])('allocates %i by %j into %j, losing nothing', (amount, weights, expected) => {
    const parts = allocate(money(amount, 'CNY'), weights);
    expect(parts.map((p) => p.amount)).toEqual(expected);
    expect(sum('CNY', parts).amount).toBe(amount);
  });
});
