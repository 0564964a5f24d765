import type { AssessmentOutcomesDecidedV1 } from '@serviceops/contracts';
import { DomainError, streamId, type Decider, type Event } from '@serviceops/kernel';
import { AssessmentErrorCode } from './assessment.errors';
import { validateAssessmentPolicy, type AssessmentPolicy } from './assessment.policy';
import { periodOf } from './assessment.period';
import { assess, type AssessmentResult, type StaffPeriodFacts } from './assessment.scoring';

// ---- The tenant's assessment policy (weights, grades), versioned: version 0 is the default ----

export type ChangeAssessmentPolicy = {
  readonly type: 'ChangeAssessmentPolicy';
  readonly data: { readonly policy: unknown };
};
export type AssessmentPolicyChanged = Event<
  'AssessmentPolicyChanged',
  { version: number; policy: AssessmentPolicy; changedAt: string }
>;
export interface AssessmentPolicyState {
  readonly version: number;
  readonly policy: AssessmentPolicy | null;
}

export const assessmentPolicyDecider: Decider<
  ChangeAssessmentPolicy,
  AssessmentPolicyChanged,
  AssessmentPolicyState,
  { readonly now: Date }
> = {
  initialState: () => ({ version: 0, policy: null }),
  decide: (command, state, { now }) => {
    const policy = validateAssessmentPolicy(command.data.policy);
    if (state.policy !== null && JSON.stringify(state.policy) === JSON.stringify(policy)) return [];
    return [
      {
        type: 'AssessmentPolicyChanged',
        data: { version: state.version + 1, policy, changedAt: now.toISOString() },
      },
    ];
  },
  evolve: (_state, event) => ({ version: event.data.version, policy: event.data.policy }),
};

export const assessmentPolicyStreamId = (tenantId: string): string =>
  streamId('assessment-policy', tenantId, tenantId);

// ---- A period's assessment: each run a new, versioned result ----

export type AssessPeriod = { readonly type: 'AssessPeriod'; readonly data: { readonly period: string } };

export type PeriodAssessed = Event<
  'PeriodAssessed',
  {
    period: string;
    cycle: string;
    /** 1 for the first result of the period; a re-scoring (a new policy, late events) is the next. */
    resultVersion: number;
    policyVersion: number;
    policy: AssessmentPolicy;
    assessedAt: string;
    results: AssessmentResult[];
  }
>;

/** One person's outcomes of a result: the published shape (libs/contracts events/staff-conduct.events.ts). */
export type AssessmentOutcomesDecided = Event<'AssessmentOutcomesDecided', AssessmentOutcomesDecidedV1>;

export type AssessmentEvent = PeriodAssessed | AssessmentOutcomesDecided;

export interface AssessmentState {
  readonly resultVersion: number;
}

export interface AssessmentContext {
  readonly now: Date;
  /** The tenant's time zone (tenancy's calendar): a period is cut at its midnights. */
  readonly timeZone: string;
  readonly policy: { readonly version: number; readonly policy: AssessmentPolicy };
  readonly facts: readonly StaffPeriodFacts[];
}

export const assessmentDecider: Decider<AssessPeriod, AssessmentEvent, AssessmentState, AssessmentContext> = {
  initialState: () => ({ resultVersion: 0 }),
  decide: (command, state, { now, timeZone, policy, facts }) => {
    const period = periodOf(command.data.period, timeZone);
    if (period.to.getTime() > now.getTime())
      throw new DomainError(
        AssessmentErrorCode.PERIOD_NOT_OVER,
        `${period.id} is not over: preview it instead`,
        {
          field: 'period',
        },
      );
    const resultVersion = state.resultVersion + 1;
    const results = assess(facts, policy.policy);
    return [
      {
        type: 'PeriodAssessed',
        data: {
          period: period.id,
          cycle: period.cycle,
          resultVersion,
          policyVersion: policy.version,
          policy: policy.policy,
          assessedAt: now.toISOString(),
          results,
        },
      },
      ...results
        .filter((r) => r.outcomes.length > 0)
        .map((r): AssessmentOutcomesDecided => ({
          type: 'AssessmentOutcomesDecided',
          data: {
            period: period.id,
            resultVersion,
            staffId: r.staffId,
            grade: r.grade,
            rank: r.rank,
            score: r.score,
            outcomes: [...r.outcomes],
          },
        })),
    ];
  },
  evolve: (state, event) =>
    event.type === 'PeriodAssessed' ? { resultVersion: event.data.resultVersion } : state,
};

export const assessmentStreamId = (tenantId: string, period: string): string =>
  streamId('staff-assessment', tenantId, period);
