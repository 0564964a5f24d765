import { RATING_RANGE, SCORE_RANGE } from '@serviceops/contracts';
import { optional, RULES, useCase, type Command, type Event } from '@serviceops/kernel';
import { CandidateErrorCode as E, candidateError } from './candidate.errors';
import { checked, inProgress, refuseOutOfOrder } from './candidate.rules';
import type {
  Application,
  CandidateContext,
  CandidateInPipeline,
  CandidateState,
  InterviewMode,
  PracticalTest,
  Rating,
  RecruitmentStep,
  StepResult,
} from './candidate.state';
import { EDUCATION_LEVELS, type PostingCriteria } from './posting.state';

/** Interview ratings: 1 (poor) to 5 (excellent); practical test and exam scores 0 to 100. */
export const RATING_MIN = RATING_RANGE.min;
export const RATING_MAX = RATING_RANGE.max;
export const SCORE_MAX = SCORE_RANGE.max;

/**
 * The next step's result. Screening is decided against the posting's criteria (a screener may still reject with
 * a reason); every other step states `passed`, and a rejection says why.
 */
export type RecordRecruitmentStep = Command<
  'RecordRecruitmentStep',
  {
    candidateId: string;
    step: RecruitmentStep;
    passed?: boolean;
    reason?: string;
    interviewMode?: InterviewMode;
    ratings?: readonly Rating[];
    practicalTest?: PracticalTest;
    score?: number;
  }
>;

/** One step's result: passed, or rejected with the reason (a rejection ends the candidacy). */
export type RecruitmentStepRecorded = Event<'RecruitmentStepRecorded', StepResult>;

/** Which of the posting's criteria the application fails, each as a reason; none: it passes screening. */
export function unmetCriteria(
  criteria: PostingCriteria,
  applied: Pick<Application, 'drivingYears' | 'education' | 'cleanRecord'>,
): string[] {
  const unmet: string[] = [];
  if (criteria.minDrivingYears !== undefined && (applied.drivingYears ?? 0) < criteria.minDrivingYears)
    unmet.push(`driving years ${applied.drivingYears ?? 0} < ${criteria.minDrivingYears} required`);
  if (
    criteria.minEducation !== undefined &&
    (applied.education === undefined ||
      EDUCATION_LEVELS.indexOf(applied.education) < EDUCATION_LEVELS.indexOf(criteria.minEducation))
  )
    unmet.push(`education ${applied.education ?? 'not stated'} below ${criteria.minEducation}`);
  if (criteria.cleanRecord === true && applied.cleanRecord !== true) unmet.push('a clean record is required');
  return unmet;
}

/** Details that belong to one step only: given with another step they are refused, not dropped. */
const DETAIL_STEP = {
  interviewMode: 'interview',
  ratings: 'interview',
  practicalTest: 'practical_test',
} as const;

/** Screening against the criteria the posting had when the candidate applied; a screener may reject anyway. */
function screening(
  candidate: CandidateInPipeline,
  passed: boolean | undefined,
  reason: string | undefined,
): { passed: boolean; reason?: string } {
  const unmet = unmetCriteria(candidate.criteria, candidate);
  if (unmet.length > 0) return { passed: false, reason: unmet.join('; ') };
  if (passed === false) return stated(false, reason);
  return { passed: true, ...(reason ? { reason } : {}) };
}

function stated(
  passed: boolean | undefined,
  reason: string | undefined,
): { passed: boolean; reason?: string } {
  if (passed === undefined)
    throw candidateError(E.STEP_RESULT_MISSING, 'say whether the candidate passed this step', {
      field: 'passed',
    });
  if (!passed && !reason)
    throw candidateError(E.REJECTION_REASON_MISSING, 'a rejection says why', { field: 'reason' });
  return { passed, ...(reason ? { reason } : {}) };
}

function stepDetails(data: RecordRecruitmentStep['data']): Partial<StepResult> {
  switch (data.step) {
    case 'interview': {
      if (!data.interviewMode)
        throw candidateError(E.INTERVIEW_MODE_MISSING, 'an interview is online or on site', {
          field: 'interviewMode',
        });
      const ratings = (data.ratings ?? []).map((r, i) => {
        if (!Number.isInteger(r.score) || r.score < RATING_MIN || r.score > RATING_MAX)
          throw candidateError(E.RATING_OUT_OF_RANGE, `a rating is ${RATING_MIN} to ${RATING_MAX}`, {
            field: `ratings[${i}].score`,
          });
        return { aspect: r.aspect.trim(), score: r.score };
      });
      return {
        interviewMode: data.interviewMode,
        ...(ratings.length ? { ratings } : {}),
        ...score(data.score),
      };
    }
    case 'practical_test':
      if (!data.practicalTest)
        throw candidateError(E.PRACTICAL_TEST_MISSING, 'name the practical test (test drive, mock chat…)', {
          field: 'practicalTest',
        });
      return { practicalTest: data.practicalTest, ...score(data.score) };
    case 'screening':
    case 'onboarding_training':
    case 'exam':
      return score(data.score);
  }
}

function score(value: number | undefined): { score?: number } {
  if (value === undefined) return {};
  if (!Number.isInteger(value) || value < 0 || value > SCORE_MAX)
    throw candidateError(E.SCORE_OUT_OF_RANGE, `a score is 0 to ${SCORE_MAX}`, { field: 'score' });
  return { score: value };
}

/** The step due next, in order, with the details of that step only; a rejection ends the candidacy. */
export const recordRecruitmentStep = useCase<
  RecordRecruitmentStep,
  RecruitmentStepRecorded,
  CandidateState,
  CandidateContext
>({
  command: 'RecordRecruitmentStep',
  handles: {
    rpc: 'staff.RecordRecruitmentStep',
    // The step, mode and test are of their lists: the request's class (the REST body's) checked them.
    command: (request: {
      id: string;
      step?: string;
      passed?: boolean;
      reason?: string;
      interviewMode?: string;
      ratings?: readonly { aspect?: string; score?: number }[];
      practicalTest?: string;
      score?: number;
    }) => ({
      type: 'RecordRecruitmentStep',
      data: {
        candidateId: request.id,
        step: (request.step ?? '') as RecruitmentStep,
        ...optional('passed', request.passed),
        ...optional('reason', request.reason),
        ...optional('interviewMode', request.interviewMode as InterviewMode | undefined),
        ...(request.ratings?.length
          ? { ratings: request.ratings.map((r) => ({ aspect: r.aspect ?? '', score: r.score ?? 0 })) }
          : {}),
        ...optional('practicalTest', request.practicalTest as PracticalTest | undefined),
        ...optional('score', request.score),
      },
    }),
  },
  decide({ data }, state, context) {
    const candidate = inProgress(state);
    refuseOutOfOrder(candidate, data.step);
    for (const [field, step] of Object.entries(DETAIL_STEP))
      if (data[field as keyof typeof DETAIL_STEP] !== undefined && data.step !== step)
        throw candidateError(E.DETAIL_OF_ANOTHER_STEP, `${field} belongs to the ${step.replace('_', ' ')}`, {
          field,
        });
    const reason =
      data.reason === undefined ? undefined : checked(RULES.reason, data.reason, E.REASON_REJECTED, 'reason');
    const result =
      data.step === 'screening' ? screening(candidate, data.passed, reason) : stated(data.passed, reason);
    const recorded: StepResult = {
      candidateId: candidate.candidateId,
      step: data.step,
      ...result,
      ...stepDetails(data),
      recordedAt: context.now.toISOString(),
    };
    return [{ type: 'RecruitmentStepRecorded', data: recorded }];
  },
  evolve: {
    RecruitmentStepRecorded: (state, event) => {
      if (state.status === 'absent') return state;
      const { data } = event;
      return {
        ...state,
        steps: [...state.steps, data],
        updatedAt: data.recordedAt,
        ...(data.passed
          ? { passed: [...state.passed, data.step] }
          : { status: 'rejected', rejectedAt: data.recordedAt }),
      };
    },
  },
});
