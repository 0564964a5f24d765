import type { AssessmentOutcome } from '@serviceops/contracts';
import type { AssessmentPolicy, Grade, KpiKind } from './assessment.policy';
import { KPI_KINDS } from './assessment.policy';

/** What happened to one person in the period, from events (own and other services'). */
export interface StaffPeriodFacts {
  readonly staffId: string;
  readonly role: string | null;
  readonly branchId: string | null;
  /** Inspection scores, 0–100. */
  readonly inspections: readonly number[];
  /** Each survey's mean rating on the 4-level scale (1–4). */
  readonly surveys: readonly number[];
  readonly safetyIncidents: number;
  /** Standing (not overturned) violations of the conduct rules. */
  readonly violations: number;
  readonly lateArrivals: number;
  readonly absences: number;
  /** Knowledge-test scores, 0–100. */
  readonly knowledgeTests: readonly number[];
  readonly trainingsAttended: number;
  readonly trainingsMissed: number;
}

/** Points off 100 for each safety incident, violation, late arrival and absence. */
export const PENALTY = { safetyIncident: 25, violation: 10, lateArrival: 5, absence: 20 } as const;
/** The top of the survey's 4-level scale. */
export const SURVEY_LEVELS = 4;

export type KpiScores = Readonly<Record<KpiKind, number | null>>;

/** Scores round to hundredths of a point: equal scores are ties. */
const hundredths = (x: number): number => Math.round(x * 100) / 100;
const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
const floor0 = (x: number): number => Math.max(0, x);

/** Each KPI on 0–100, or null where the period holds no data for it. */
export function kpiScores(f: StaffPeriodFacts): KpiScores {
  const satisfaction = mean(f.surveys);
  const quality = mean(f.inspections);
  const knowledge = mean(f.knowledgeTests);
  const sessions = f.trainingsAttended + f.trainingsMissed;
  return {
    serviceQuality: quality === null ? null : hundredths(quality),
    customerSatisfaction: satisfaction === null ? null : hundredths((satisfaction / SURVEY_LEVELS) * 100),
    safety: floor0(100 - PENALTY.safetyIncident * f.safetyIncidents),
    discipline: floor0(
      100 -
        PENALTY.violation * f.violations -
        PENALTY.lateArrival * f.lateArrivals -
        PENALTY.absence * f.absences,
    ),
    knowledge: knowledge === null ? null : hundredths(knowledge),
    training: sessions === 0 ? null : hundredths((f.trainingsAttended / sessions) * 100),
  };
}

/** The weighted mean of the KPIs that have data (weights of the others left out), to hundredths. */
export function weightedScore(kpis: KpiScores, weights: AssessmentPolicy['weights']): number {
  let sum = 0;
  let weight = 0;
  for (const kind of KPI_KINDS) {
    const score = kpis[kind];
    if (score === null || weights[kind] === 0) continue;
    sum += score * weights[kind];
    weight += weights[kind];
  }
  return weight === 0 ? 0 : hundredths(sum / weight);
}

export function gradeOf(score: number, grades: AssessmentPolicy['grades']): Grade {
  if (score >= grades.a) return 'A';
  if (score >= grades.b) return 'B';
  if (score >= grades.c) return 'C';
  return 'D';
}

export interface AssessmentResult {
  readonly staffId: string;
  readonly role: string | null;
  readonly branchId: string | null;
  readonly kpis: KpiScores;
  readonly score: number;
  /** Within the person's role and branch; equal scores share a rank and the next rank is skipped (1, 1, 3). */
  readonly rank: number;
  readonly groupSize: number;
  readonly grade: Grade;
  readonly outcomes: readonly AssessmentOutcome[];
}

const groupOf = (f: { role: string | null; branchId: string | null }): string =>
  `${f.role ?? ''}|${f.branchId ?? ''}`;

/**
 * Scores, ranks and grades everyone: ranks within role and branch (ties share the rank), the first of a group
 * with grade A gets the policy's top outcomes, grade D its failing ones. Ordered by group, then rank, then staff id.
 */
export function assess(facts: readonly StaffPeriodFacts[], policy: AssessmentPolicy): AssessmentResult[] {
  const scored = facts.map((f) => {
    const kpis = kpiScores(f);
    return { f, kpis, score: weightedScore(kpis, policy.weights) };
  });
  const groups = new Map<string, typeof scored>();
  for (const s of scored) groups.set(groupOf(s.f), [...(groups.get(groupOf(s.f)) ?? []), s]);
  const results: AssessmentResult[] = [];
  for (const key of [...groups.keys()].sort()) {
    const members = [...(groups.get(key) ?? [])].sort(
      (a, b) => b.score - a.score || a.f.staffId.localeCompare(b.f.staffId),
    );
    for (const m of members) {
      const rank = 1 + members.filter((o) => o.score > m.score).length;
      const grade = gradeOf(m.score, policy.grades);
      const outcomes: AssessmentOutcome[] =
        grade === 'D'
          ? [...policy.outcomes.failing]
          : rank === 1 && grade === 'A'
            ? [...policy.outcomes.top]
            : [];
      results.push({
        staffId: m.f.staffId,
        role: m.f.role,
        branchId: m.f.branchId,
        kpis: m.kpis,
        score: m.score,
        rank,
        groupSize: members.length,
        grade,
        outcomes,
      });
    }
  }
  return results;
}
