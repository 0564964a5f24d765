import { isUuid, type Money } from '@serviceops/kernel';
import { ProblemError } from './errors';

// `optional` and `removable` are the kernel's: a use case maps its request with them in the domain.
export { optional, removable } from '@serviceops/kernel';

/** A UUID in a request's body (a path's are checked by the declaration): malformed is a validation error. */
export function uuidField(id: string | undefined, field: string): string {
  if (!id || !isUuid(id))
    throw new ProblemError('VALIDATION', `${field} must be a uuid`, [
      { path: field, message: 'must be a uuid' },
    ]);
  return id.toLowerCase();
}

/** A money message as gRPC delivers it: int64 as a string (the loaders' `longs: String`), or a number in process. */
export interface MoneyMessage {
  readonly amount?: number | string;
  readonly currency?: string;
}

/**
 * Money from a gRPC message: the amount as the integer it is. Absent, fractional, past 2^53 or not a number at all,
 * it is NaN, which every money rule refuses (`Number.isSafeInteger`), so the domain answers for it; never 0, which
 * a rule could take.
 */
export function moneyOfMessage(m: MoneyMessage): Money {
  const raw = m.amount;
  const amount =
    typeof raw === 'number'
      ? raw
      : typeof raw === 'string' && /^-?\d{1,16}$/.test(raw)
        ? Number(raw)
        : Number.NaN;
  return { amount: Number.isSafeInteger(amount) ? amount : Number.NaN, currency: m.currency ?? '' };
}

/** An optional money field: absent stays absent. */
export function optionalMoney(m: MoneyMessage | undefined): Money | undefined {
  return m === undefined ? undefined : moneyOfMessage(m);
}
