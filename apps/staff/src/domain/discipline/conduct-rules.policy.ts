import {
  BUSINESS_LINES,
  FINE_UNITS,
  STAFF_FIELDS,
  STAFF_LIMITS,
  type BusinessLine,
} from '@serviceops/contracts';
import { DomainError, RULES } from '@serviceops/kernel';
import { DisciplineErrorCode } from './discipline.errors';
import type { ConductRule, ConductRules, FineTerm, FineUnit, LadderStep } from './conduct-rules';

export const CONDUCT_LIMITS = {
  rules: STAFF_LIMITS.conductRules,
  amount: STAFF_LIMITS.amount,
  windowDays: STAFF_LIMITS.ladderWindowDays,
  steps: STAFF_LIMITS.ladderSteps,
  payShare: STAFF_LIMITS.payShare,
} as const;
const UNITS: readonly string[] = FINE_UNITS;

const invalid = (field: string, message: string) =>
  new DomainError(DisciplineErrorCode.RULES_REFUSED, `${field}: ${message}`, { field });

const obj = (v: unknown, field: string): Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid(field, 'must be an object');
  return v as Record<string, unknown>;
};
const amount = (v: unknown, field: string): number => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v <= 0 || v > CONDUCT_LIMITS.amount)
    throw invalid(field, `must be a whole number of minor units, 1–${CONDUCT_LIMITS.amount}`);
  return v;
};
const text = (v: unknown, field: string): string => {
  if (typeof v !== 'string' || !RULES.reason.accepts(v)) throw invalid(field, RULES.reason.message);
  return v.trim();
};

function fineOf(v: unknown, field: string): FineTerm {
  const f = obj(v, field);
  switch (f['kind']) {
    case 'fixed':
      return { kind: 'fixed', amount: amount(f['amount'], `${field}.amount`) };
    case 'range': {
      const min = amount(f['min'], `${field}.min`);
      const max = amount(f['max'], `${field}.max`);
      if (min >= max) throw invalid(`${field}.max`, 'must be above min');
      return { kind: 'range', min, max };
    }
    case 'price':
      return { kind: 'price' };
    case 'ladder': {
      const windowDays = f['windowDays'];
      if (typeof windowDays !== 'number' || !Number.isInteger(windowDays) || windowDays < 1)
        throw invalid(
          `${field}.windowDays`,
          `must be a whole number of days, 1–${CONDUCT_LIMITS.windowDays}`,
        );
      if (windowDays > CONDUCT_LIMITS.windowDays)
        throw invalid(
          `${field}.windowDays`,
          `must be a whole number of days, 1–${CONDUCT_LIMITS.windowDays}`,
        );
      const steps = f['steps'];
      if (!Array.isArray(steps) || steps.length === 0 || steps.length > CONDUCT_LIMITS.steps)
        throw invalid(`${field}.steps`, `must list 1–${CONDUCT_LIMITS.steps} steps`);
      return { kind: 'ladder', windowDays, steps: steps.map((s, i) => stepOf(s, `${field}.steps[${i}]`)) };
    }
    default:
      throw invalid(`${field}.kind`, 'must be fixed, range, price or ladder');
  }
}

function stepOf(v: unknown, field: string): LadderStep {
  const s = obj(v, field);
  if (s['kind'] === 'fixed') return { kind: 'fixed', amount: amount(s['amount'], `${field}.amount`) };
  if (s['kind'] !== 'daily_pay') throw invalid(`${field}.kind`, 'must be fixed or daily_pay');
  const [n, d] = [s['numerator'], s['denominator']];
  for (const [value, name] of [
    [n, 'numerator'],
    [d, 'denominator'],
  ] as const)
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > CONDUCT_LIMITS.payShare)
      throw invalid(`${field}.${name}`, `must be a whole number 1–${CONDUCT_LIMITS.payShare}`);
  return { kind: 'daily_pay', numerator: n as number, denominator: d as number };
}

/** Checks a whole rule set (as it may come from JSON); returns exactly its fields, 422 naming the field at fault. */
export function validateConductRules(value: unknown): ConductRules {
  const v = obj(value, 'rules');
  const currency = v['currency'];
  if (typeof currency !== 'string' || !RULES.currency.accepts(currency))
    throw invalid('currency', RULES.currency.message);
  const list = v['rules'];
  if (!Array.isArray(list) || list.length === 0 || list.length > CONDUCT_LIMITS.rules)
    throw invalid('rules', `must list 1–${CONDUCT_LIMITS.rules} rules`);
  const seen = new Set<string>();
  const rules = list.map((raw, i): ConductRule => {
    const field = `rules[${i}]`;
    const r = obj(raw, field);
    const id = r['id'];
    if (typeof id !== 'string' || !STAFF_FIELDS.conductRuleId.accepts(id))
      throw invalid(`${field}.id`, STAFF_FIELDS.conductRuleId.message);
    if (seen.has(id)) throw invalid(`${field}.id`, `${id} is listed twice`);
    seen.add(id);
    const lines = r['lines'];
    if (
      !Array.isArray(lines) ||
      lines.length === 0 ||
      lines.some((l) => !(BUSINESS_LINES as readonly unknown[]).includes(l))
    )
      throw invalid(`${field}.lines`, `must list business lines of ${BUSINESS_LINES.join(', ')}`);
    const per = r['per'];
    if (!(UNITS as readonly unknown[]).includes(per))
      throw invalid(`${field}.per`, 'must be occurrence, order or area');
    const chargeableLoss = r['chargeableLoss'];
    if (typeof chargeableLoss !== 'boolean')
      throw invalid(`${field}.chargeableLoss`, 'must be true or false');
    return {
      id,
      title: text(r['title'], `${field}.title`),
      source: text(r['source'], `${field}.source`),
      lines: [...new Set(lines as BusinessLine[])],
      fine: fineOf(r['fine'], `${field}.fine`),
      per: per as FineUnit,
      chargeableLoss,
    };
  });
  return { currency, rules };
}

export interface ConductRulesState {
  /** 0: the default pack (never stored). */
  readonly version: number;
  readonly rules: ConductRules | null;
}

export const initialConductRulesState = (): ConductRulesState => ({ version: 0, rules: null });
