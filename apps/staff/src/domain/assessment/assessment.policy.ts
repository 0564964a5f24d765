import { ASSESSMENT_OUTCOMES, STAFF_LIMITS, type AssessmentOutcome } from '@serviceops/contracts';
import { DomainError } from '@serviceops/kernel';
import { AssessmentErrorCode } from './assessment.errors';

/** The KPIs of an assessment (DOMAIN.md staff; issue 13 item 5). */
export const KPI_KINDS = [
  'serviceQuality',
  'customerSatisfaction',
  'safety',
  'discipline',
  'knowledge',
  'training',
] as const;
export type KpiKind = (typeof KPI_KINDS)[number];

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** How a tenant weighs its KPIs and grades the score (0–100): data, versioned. */
export interface AssessmentPolicy {
  /** Whole-number weights, at least one above 0; a KPI without data for a person is left out of their score. */
  readonly weights: Readonly<Record<KpiKind, number>>;
  /** The lowest score of grades A, B and C (a > b > c); below c is D, failing. */
  readonly grades: { readonly a: number; readonly b: number; readonly c: number };
  /** What the first of a role and branch with grade A gets, and what grade D leads to. */
  readonly outcomes: {
    readonly top: readonly AssessmentOutcome[];
    readonly failing: readonly AssessmentOutcome[];
  };
}

export const DEFAULT_ASSESSMENT_POLICY: AssessmentPolicy = Object.freeze({
  weights: Object.freeze({
    serviceQuality: 25,
    customerSatisfaction: 25,
    safety: 15,
    discipline: 15,
    knowledge: 10,
    training: 10,
  }),
  grades: Object.freeze({ a: 90, b: 75, c: 60 }),
  outcomes: Object.freeze({
    top: Object.freeze(['bonus', 'certificate', 'promotion_priority'] as const),
    failing: Object.freeze(['training_plan', 'warning'] as const),
  }),
});

export const MAX_WEIGHT = STAFF_LIMITS.kpiWeight;

const invalid = (field: string, message: string) =>
  new DomainError(AssessmentErrorCode.POLICY_REFUSED, `${field}: ${message}`, { field });

/** Checks a policy as it may come from JSON; returns exactly its fields. 422 naming the field at fault. */
export function validateAssessmentPolicy(value: unknown): AssessmentPolicy {
  if (typeof value !== 'object' || value === null) throw invalid('policy', 'must be an object');
  const { weights, grades } = value as Record<string, unknown>;
  if (typeof weights !== 'object' || weights === null) throw invalid('weights', 'must be an object');
  const w = {} as Record<KpiKind, number>;
  for (const kind of KPI_KINDS) {
    const v = (weights as Record<string, unknown>)[kind];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > MAX_WEIGHT)
      throw invalid(`weights.${kind}`, `must be a whole number 0–${MAX_WEIGHT}`);
    w[kind] = v;
  }
  if (KPI_KINDS.every((k) => w[k] === 0)) throw invalid('weights', 'at least one weight is above 0');
  if (typeof grades !== 'object' || grades === null) throw invalid('grades', 'must be an object');
  const g = grades as Record<string, unknown>;
  const bound = (name: 'a' | 'b' | 'c'): number => {
    const v = g[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)
      throw invalid(`grades.${name}`, 'must be a score 0–100');
    return v;
  };
  const a = bound('a');
  const b = bound('b');
  const c = bound('c');
  if (!(a > b && b > c)) throw invalid('grades', 'a > b > c');
  const { outcomes } = value as Record<string, unknown>;
  if (typeof outcomes !== 'object' || outcomes === null) throw invalid('outcomes', 'must be an object');
  const list = (name: 'top' | 'failing'): AssessmentOutcome[] => {
    const v = (outcomes as Record<string, unknown>)[name];
    if (!Array.isArray(v) || v.some((o) => !(ASSESSMENT_OUTCOMES as readonly unknown[]).includes(o)))
      throw invalid(`outcomes.${name}`, `must list outcomes of ${ASSESSMENT_OUTCOMES.join(', ')}`);
    return [...new Set(v as AssessmentOutcome[])];
  };
  return { weights: w, grades: { a, b, c }, outcomes: { top: list('top'), failing: list('failing') } };
}

export interface AssessmentPolicyState {
  readonly version: number;
  readonly policy: AssessmentPolicy | null;
}

export const initialAssessmentPolicyState = (): AssessmentPolicyState => ({ version: 0, policy: null });

/** The weights as the proto's AssessmentWeights decodes them. */
export interface WeightsMessage {
  readonly serviceQuality?: number;
  readonly customerSatisfaction?: number;
  readonly safety?: number;
  readonly discipline?: number;
  readonly knowledge?: number;
  readonly training?: number;
}
export interface GradesMessage {
  readonly a?: number;
  readonly b?: number;
  readonly c?: number;
}

export interface OutcomesMessage {
  readonly top?: readonly string[];
  readonly failing?: readonly string[];
}

/** proto3 leaves 0 off the wire: an absent weight or bound within a given object is 0. */
export function policyFrom(
  weights: WeightsMessage,
  grades: GradesMessage,
  outcomes: OutcomesMessage,
): unknown {
  return {
    weights: Object.fromEntries(KPI_KINDS.map((k) => [k, weights[k] ?? 0])),
    grades: { a: grades.a ?? 0, b: grades.b ?? 0, c: grades.c ?? 0 },
    outcomes: { top: outcomes.top ?? [], failing: outcomes.failing ?? [] },
  };
}
