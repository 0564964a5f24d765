import { DomainError } from './errors';
import { add, allocate, isNegative, money, multiply, subtract, sum } from './money';

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

// Each rule's constant and comparison, at its edge: a mutation of any of them fails one of these
// (`npm run mutate -- --mutate libs/kernel/src/money.ts`).
describe('Money at the edges of its rules', () => {
  const cny = (amount: number) => money(amount, 'CNY');
  const codeOf = (act: () => unknown): string | undefined => {
    try {
      act();
      return undefined;
    } catch (error) {
      return (error as DomainError).code;
    }
  };

  it('takes every safe integer, of either sign, and says what it refused', () => {
    expect(cny(Number.MAX_SAFE_INTEGER).amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(cny(-Number.MAX_SAFE_INTEGER).amount).toBe(-Number.MAX_SAFE_INTEGER);
    expect(cny(0)).toEqual({ amount: 0, currency: 'CNY' });
    expect(() => cny(Number.NaN)).toThrow('amount must be an integer number of minor units, got NaN');
    expect(() => money(1, 'EURO')).toThrow('currency must be an ISO 4217 code, got "EURO"');
  });

  it('refuses a sum or difference past the safe integers rather than rounding it', () => {
    expect(codeOf(() => add(cny(Number.MAX_SAFE_INTEGER), cny(1)))).toBe('MONEY.NOT_INTEGER');
    expect(codeOf(() => subtract(cny(-Number.MAX_SAFE_INTEGER), cny(1)))).toBe('MONEY.NOT_INTEGER');
  });

  it.each([
    ['add', () => add(cny(1), money(1, 'USD'))],
    ['subtract', () => subtract(cny(1), money(1, 'USD'))],
    ['sum', () => sum('CNY', [cny(1), money(1, 'USD')])],
  ])('%s refuses two currencies, naming both', (_name, act) => {
    expect(codeOf(act)).toBe('MONEY.CURRENCY_MISMATCH');
    expect(act).toThrow('cannot combine CNY with USD');
  });

  it('keeps the currency through every operation, and sums nothing to zero of it', () => {
    const usd = (amount: number) => money(amount, 'USD');
    expect(add(usd(1), usd(2))).toEqual({ amount: 3, currency: 'USD' });
    expect(subtract(usd(1), usd(2))).toEqual({ amount: -1, currency: 'USD' });
    expect(multiply(usd(3), 2)).toEqual({ amount: 6, currency: 'USD' });
    expect(allocate(usd(3), [1, 2])).toEqual([usd(1), usd(2)]);
    expect(sum('USD', [])).toEqual({ amount: 0, currency: 'USD' });
  });

  it.each([
    [-1, true],
    [0, false],
    [1, false],
  ])('isNegative(%i) is %p', (amount, negative) => {
    expect(isNegative(cny(amount))).toBe(negative);
  });

  it.each([
    [7, 3, undefined, 21], // the denominator is 1 when not given
    [4, 1, 3, 1], // 1.33… → 1: a remainder under half rounds down
    [5, 1, 3, 2], // 1.66… → 2: over half rounds up
    [1, 1, 2, 1], // 0.5 → 1: exactly half rounds away from zero
    [-1, 1, 2, -1], // -0.5 → -1
    [-4, 1, 3, -1], // -1.33… → -1
    [-5, 1, 3, -2], // -1.66… → -2
    [5, -1, 2, -3], // a negative ratio rounds away from zero too
    [6, 1, 3, 2], // no remainder: exact
    [0, 5, 7, 0],
  ])('multiplies %i by %i/%p to %i', (amount, n, d, expected) => {
    expect(multiply(cny(amount), n, d).amount).toBe(expected);
  });

  it('multiplies beyond 2^53 on the way, exactly, and refuses a result past the safe integers', () => {
    expect(multiply(cny(Number.MAX_SAFE_INTEGER), 3, 3).amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(codeOf(() => multiply(cny(Number.MAX_SAFE_INTEGER), 2))).toBe('MONEY.NOT_INTEGER');
  });

  it.each([
    [1.5, 1],
    [1, 0],
    [1, -2],
    [1, 2.5],
    [Number.MAX_SAFE_INTEGER + 1, 1],
    [1, Number.MAX_SAFE_INTEGER + 1],
  ])('refuses the ratio %p/%p', (n, d) => {
    expect(codeOf(() => multiply(cny(100), n, d))).toBe('MONEY.BAD_RATIO');
    expect(() => multiply(cny(100), n, d)).toThrow('ratio must be integers with a positive denominator');
  });

  it.each([
    [7, [1, 0, 1], [4, 0, 3]], // the remainder goes to weighted parts only
    [-7, [1, 0, 1], [-4, 0, -3]],
    [2, [0, 0, 1, 1], [0, 0, 1, 1]],
    [1, [0, 3, 1], [0, 1, 0]],
    [0, [1, 2], [0, 0]],
    [9, [3], [9]],
  ])('allocates %i by %j into %j', (amount, weights, expected) => {
    expect(allocate(cny(amount), weights).map((p) => p.amount)).toEqual(expected);
  });

  it.each([[[]], [[0, 0]], [[-1, 2]], [[1.5, 1]], [[Number.MAX_SAFE_INTEGER + 1, 1]]])(
    'refuses to allocate by %j',
    (weights) => {
      expect(codeOf(() => allocate(cny(10), weights))).toBe('MONEY.BAD_WEIGHTS');
      expect(() => allocate(cny(10), weights)).toThrow(
        'weights must be non-negative integers with a positive sum',
      );
    },
  );
});

it('never answers -0: zero has one sign', () => {
  expect(Object.is(money(-0, 'CNY').amount, 0)).toBe(true);
  expect(Object.is(multiply(money(0, 'CNY'), -1).amount, 0)).toBe(true);
});
