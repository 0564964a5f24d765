import { APPEAL_OUTCOMES, STAFF_LIMITS } from '@serviceops/contracts';
import { money, multiply, RULES, type Money, type TextRule } from '@serviceops/kernel';
import type {
  DecideAppeal,
  DisciplineCommand,
  DisciplineContext,
  GrantReward,
  RecordViolation,
} from './discipline.commands';
import { ruleById, type ConductRule, type FineTerm } from './conduct-rules';
import { DisciplineErrorCode as E, disciplineError } from './discipline.errors';
import type { DisciplineEvent } from './discipline.events';
import type { DisciplineState, ViolationEntry } from './discipline.state';

export type { DisciplineContext } from './discipline.commands';

const DAY_MS = 86_400_000;
/** The most orders or areas one fine may count. */
export const MAX_QUANTITY = STAFF_LIMITS.fineQuantity;

export function decideDiscipline(
  command: DisciplineCommand,
  state: DisciplineState,
  context: DisciplineContext,
): readonly DisciplineEvent[] {
  switch (command.type) {
    case 'RecordViolation':
      return recordViolation(command, state, context);
    case 'DecideAppeal':
      return decideAppeal(command, state, context);
    case 'GrantReward':
      return grantReward(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

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

function recordViolation(
  command: RecordViolation,
  state: DisciplineState,
  context: DisciplineContext,
): readonly DisciplineEvent[] {
  const { data } = command;
  // Recorded already (a timer or a client retrying with the same id): nothing more.
  if (state.violations.some((v) => v.violationId === data.violationId)) return [];
  const { now, rules, staff } = context;
  if (rules === undefined || staff === undefined)
    throw new Error('RecordViolation needs the rules in force and the staff facts in its context');
  if (!staff.known)
    throw disciplineError(E.STAFF_NOT_FOUND, `no staff member ${data.staffId}`, { field: 'staffId' });
  if (!RULES.instant.accepts(data.occurredAt))
    throw disciplineError(E.TEXT_REFUSED, `occurredAt ${RULES.instant.message}`, { field: 'occurredAt' });
  const rule = ruleById(rules.rules, data.ruleId);
  if (rule === undefined)
    throw disciplineError(E.UNKNOWN_RULE, `no conduct rule ${data.ruleId} in version ${rules.version}`, {
      field: 'ruleId',
      rulesVersion: rules.version,
    });
  assertInLine(rule, staff.businessLine);
  const occurredAt = new Date(data.occurredAt);
  if (occurredAt.getTime() > now.getTime())
    throw disciplineError(E.VIOLATION_IN_FUTURE, 'a violation cannot be recorded before it happens', {
      field: 'occurredAt',
    });
  const quantity = data.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
    throw disciplineError(E.QUANTITY_OUT_OF_RANGE, `quantity is a whole number 1–${MAX_QUANTITY}`, {
      field: 'quantity',
    });
  if (quantity !== 1 && rule.per === 'occurrence')
    throw disciplineError(E.QUANTITY_NOT_PER_UNIT, `${rule.id} is fined per occurrence: quantity is 1`, {
      field: 'quantity',
    });
  if (data.loss !== undefined && !rule.chargeableLoss)
    throw disciplineError(E.LOSS_NOT_CHARGEABLE, `${rule.id} does not charge a loss to the person`, {
      field: 'loss',
    });
  if (data.loss !== undefined && data.loss.amount <= 0)
    throw disciplineError(E.LOSS_NOT_POSITIVE, 'a loss charged is a positive amount', {
      field: 'loss.amount',
    });
  const windowDays = rule.fine.kind === 'ladder' ? rule.fine.windowDays : 0;
  const offence = offenceRank(state.violations, rule.id, occurredAt, windowDays);
  const fine = fineFor(rule.fine, {
    offence,
    quantity,
    given: data.fine,
    currency: rules.rules.currency,
    dailyPay: staff.dailyPay,
  });
  const evidence = text(data.evidence, 'evidence', RULES.longText);
  return [
    {
      type: 'ViolationRecorded',
      data: {
        violationId: data.violationId,
        staffId: data.staffId,
        ruleId: rule.id,
        rulesVersion: rules.version,
        occurredAt: occurredAt.toISOString(),
        recordedAt: now.toISOString(),
        offence,
        quantity,
        fine,
        loss: data.loss === undefined ? null : money(data.loss.amount, data.loss.currency),
        evidence,
        recordedBy: data.recordedBy,
        approverId: data.approverId,
        trainingSessionId: data.trainingSessionId ?? null,
      },
    },
  ];
}

function assertInLine(rule: ConductRule, line: string | null): void {
  if (line !== null && !(rule.lines as readonly string[]).includes(line))
    throw disciplineError(E.RULE_NOT_IN_LINE, `${rule.id} is not in the ${line} pack`, { field: 'ruleId' });
}

function decideAppeal(
  command: DecideAppeal,
  state: DisciplineState,
  context: DisciplineContext,
): readonly DisciplineEvent[] {
  const { data } = command;
  const violation = state.violations.find((v) => v.violationId === data.violationId);
  if (violation === undefined)
    throw disciplineError(E.VIOLATION_NOT_FOUND, `no violation ${data.violationId} in this register`);
  if (violation.appeal !== 'none')
    throw disciplineError(E.APPEAL_DECIDED, `the appeal was ${violation.appeal} already`);
  const outcome = APPEAL_OUTCOMES.find((o) => o === data.outcome);
  if (outcome === undefined)
    throw disciplineError(E.TEXT_REFUSED, `outcome must be one of ${APPEAL_OUTCOMES.join(', ')}`, {
      field: 'outcome',
    });
  return [
    {
      type: 'AppealDecided',
      data: {
        violationId: violation.violationId,
        staffId: data.staffId,
        outcome,
        reason: text(data.reason, 'reason', RULES.reason),
        decidedAt: context.now.toISOString(),
        decidedBy: data.decidedBy,
        fine: violation.fine,
        loss: violation.loss,
      },
    },
  ];
}

function grantReward(
  command: GrantReward,
  state: DisciplineState,
  context: DisciplineContext,
): readonly DisciplineEvent[] {
  const { data } = command;
  if (state.rewardIds.includes(data.rewardId)) return [];
  if (context.staff === undefined) throw new Error('GrantReward needs the staff facts in its context');
  if (!context.staff.known)
    throw disciplineError(E.STAFF_NOT_FOUND, `no staff member ${data.staffId}`, { field: 'staffId' });
  if (!Number.isSafeInteger(data.amount.amount) || data.amount.amount <= 0)
    throw disciplineError(E.REWARD_NOT_POSITIVE, 'a reward is a positive amount', { field: 'amount.amount' });
  return [
    {
      type: 'RewardGranted',
      data: {
        rewardId: data.rewardId,
        staffId: data.staffId,
        amount: money(data.amount.amount, data.amount.currency),
        reason: text(data.reason, 'reason', RULES.reason),
        grantedAt: context.now.toISOString(),
        grantedBy: data.grantedBy,
      },
    },
  ];
}

function text(value: unknown, field: string, rule: TextRule): string {
  if (typeof value !== 'string' || !rule.accepts(value))
    throw disciplineError(E.TEXT_REFUSED, `${field} ${rule.message}`, { field });
  return value.trim();
}
