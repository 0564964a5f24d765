import { STAFF_LIMITS } from '@serviceops/contracts';
import { money, multiply, type Money, type TextRule } from '@serviceops/kernel';
import type { FineTerm } from './conduct-rules';
import { DisciplineErrorCode as E, disciplineError } from './discipline.errors';
import type { ViolationEntry } from './discipline.state';

// What the register's use cases share: the ladder's rank, the fine a rule sets, a free text's check.

const DAY_MS = 86_400_000;
/** The most orders or areas one fine may count. */
export const MAX_QUANTITY = STAFF_LIMITS.fineQuantity;

/**
 * The rank of a new violation of `ruleId` at `occurredAt`: 1 + the standing (not overturned) violations of the same
 * rule that occurred within the window before it (`windowDays` days, the bound itself outside). A window of 0
 * counts every earlier one (rules without a ladder rank repeats too, for the register).
 */
export function offenceRank(
  violations: readonly ViolationEntry[],
  ruleId: string,
  occurredAt: Date,
  windowDays: number,
): number {
  const at = occurredAt.getTime();
  const since = windowDays > 0 ? at - windowDays * DAY_MS : -Infinity;
  return (
    1 +
    violations.filter((v) => {
      if (v.ruleId !== ruleId || v.appeal === 'overturned') return false;
      const t = Date.parse(v.occurredAt);
      return t > since && t <= at;
    }).length
  );
}

/**
 * The fine a rule sets for one offence: fixed (times the quantity), the approver's pick within a range, the stated
 * price, or the ladder's step for the offence's rank (a share of the daily pay needs that pay known).
 */
export function fineFor(
  fine: FineTerm,
  input: {
    readonly offence: number;
    readonly quantity: number;
    readonly given: Money | undefined;
    readonly currency: string;
    readonly dailyPay: Money | null;
  },
): Money {
  const { offence, quantity, given, currency, dailyPay } = input;
  if (given !== undefined && given.currency !== currency && fine.kind !== 'ladder')
    throw disciplineError(E.FINE_CURRENCY, `fines are in ${currency}`, { field: 'fine.currency' });
  const exactly = (expected: Money): Money => {
    if (given !== undefined && (given.amount !== expected.amount || given.currency !== expected.currency))
      throw disciplineError(
        E.FINE_NOT_AS_RULE,
        `the rule sets the fine at ${expected.amount} ${expected.currency} (minor units)`,
        { field: 'fine', expected },
      );
    return expected;
  };
  switch (fine.kind) {
    case 'fixed':
      return exactly(money(fine.amount * quantity, currency));
    case 'range': {
      if (given === undefined)
        throw disciplineError(E.FINE_REQUIRED, 'the approver picks the fine within the rule’s range', {
          field: 'fine',
          min: fine.min,
          max: fine.max,
        });
      if (given.amount < fine.min || given.amount > fine.max)
        throw disciplineError(
          E.FINE_OUT_OF_RANGE,
          `the fine must be within ${fine.min}–${fine.max} ${currency} (minor units)`,
          { field: 'fine.amount', min: fine.min, max: fine.max },
        );
      return money(given.amount, currency);
    }
    case 'price': {
      if (given === undefined || given.amount <= 0)
        throw disciplineError(E.FINE_REQUIRED, 'state the price of what was lost as the fine', {
          field: 'fine',
        });
      return money(given.amount, currency);
    }
    case 'ladder': {
      const step = fine.steps[Math.min(offence, fine.steps.length) - 1];
      if (step === undefined) throw new Error('a ladder has at least one step');
      if (step.kind === 'fixed') return exactly(money(step.amount, currency));
      if (dailyPay === null)
        throw disciplineError(
          E.DAILY_PAY_UNKNOWN,
          `offence ${offence} costs a share of the daily pay, and this person’s pay is not known`,
          { offence },
        );
      return exactly(multiply(dailyPay, step.numerator, step.denominator));
    }
    default: {
      const unhandled: never = fine;
      return unhandled;
    }
  }
}

/** A free text as its rule accepts it, trimmed; else refused naming the field. */
export function text(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string' || !rule.accepts(value))
    throw disciplineError(E.TEXT_REFUSED, `${field} ${rule.message}`, { field });
  return value.trim();
}
