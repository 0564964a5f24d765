import type { Money } from './money';

/**
 * What a gRPC request's fields mean beyond what proto3 can say: an unset optional arrives absent (the services
 * load protos with `defaults: false`), and a string cannot be null, so an empty one stands for "remove".
 */

/** `{ [field]: value }` when the value is set: absent, and an empty string, leave the field out. */
export function optional<K extends string, V>(field: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined || value === '' ? {} : { [field]: value }) as { [P in K]?: V };
}

/** A field a command may clear: absent is "leave it", an empty string is "remove it" (null). */
export function removable(value: string | undefined): string | null | undefined {
  return value === undefined ? undefined : value === '' ? null : value;
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
