import type { AssessmentOutcomesDecidedV1 } from '@serviceops/contracts';
import { DomainError, useCase, type Command, type Event } from '@serviceops/kernel';
import { AssessmentErrorCode } from './assessment.errors';
import { periodOf } from './assessment.period';
import type { AssessmentPolicy } from './assessment.policy';
import { assess, type AssessmentResult } from './assessment.scoring';
import type { AssessmentContext, AssessmentState } from './assessment.state';

export type AssessPeriod = Command<'AssessPeriod', { readonly period: string }>;

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

/**
 * A period assessed under the policy in force: a new result version each time (a re-scoring), each person's
 * outcomes an event. Its method (application/assessments.ts) reads the tenant's time zone, the policy and the
 * period's facts (a read model) first, and answers the result it recorded.
 */
export const assessPeriod = useCase<
  AssessPeriod,
  PeriodAssessed | AssessmentOutcomesDecided,
  AssessmentState,
  AssessmentContext
>({
  command: 'AssessPeriod',
  handles: {
    rpc: 'staff.AssessPeriod',
    command: (request: { period?: string }) => ({
      type: 'AssessPeriod',
      data: { period: request.period ?? '' },
    }),
  },
  decide(command, state, { now, timeZone, policy, facts }) {
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
  evolve: {
    PeriodAssessed: (_state, event) => ({ resultVersion: event.data.resultVersion }),
    // Published for the settlement: the result's version is PeriodAssessed's.
    AssessmentOutcomesDecided: (state) => state,
  },
});
