import { DomainError } from './errors';
import { RULES } from './rules';

/** Exact money: an integer count of the currency's minor units (fen, cents). Never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError(
      'MONEY.NOT_INTEGER',
      `amount must be an integer number of minor units, got ${amount}`,
    );
  }
  if (!RULES.currency.accepts(currency)) {
    throw new DomainError('MONEY.BAD_CURRENCY', `currency must be an ISO 4217 code, got "${currency}"`);
  }
  // -0 is not an amount (0 × a negative weight, a negated 0): it would compare unequal to 0 in Object.is.
  return { amount: amount === 0 ? 0 : amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DomainError('MONEY.CURRENCY_MISMATCH', `cannot combine ${a.currency} with ${b.currency}`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function sum(currency: string, items: readonly Money[]): Money {
  return items.reduce(add, money(0, currency));
}

export function isNegative(m: Money): boolean {
  return m.amount < 0;
}

/**
 * `m` multiplied by `numerator / denominator`, rounded half away from zero, in integers only
 * (10 % off is `multiply(m, 90, 100)`).
 */
export function multiply(m: Money, numerator: number, denominator = 1): Money {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new DomainError('MONEY.BAD_RATIO', `ratio must be integers with a positive denominator`);
  }
  const product = BigInt(m.amount) * BigInt(numerator);
  const d = BigInt(denominator);
  const quotient = product / d;
  const remainder = product % d;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  const rounded = twice >= d ? quotient + (product < 0n ? -1n : 1n) : quotient;
  return money(Number(rounded), m.currency);
}

/** Splits `m` into parts by weight; the parts always add up to `m` exactly. */
export function allocate(m: Money, weights: readonly number[]): Money[] {
  const total = weights.reduce((a, b) => a + b, 0);
  // No weights sum to 0, so the one check refuses them too.
  if (total <= 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new DomainError('MONEY.BAD_WEIGHTS', 'weights must be non-negative integers with a positive sum');
  }
  const parts = weights.map((w) => Math.trunc((m.amount * w) / total));
  let left = m.amount - parts.reduce((a, b) => a + b, 0);
  const step = left < 0 ? -1 : 1;
  for (let i = 0; left !== 0; i = (i + 1) % parts.length) {
    if ((weights[i] ?? 0) > 0) {
      parts[i] = (parts[i] ?? 0) + step;
      left -= step;
    }
  }
  return parts.map((amount) => money(amount, m.currency));
}
