import { RATING_RANGE, SCORE_RANGE } from '@serviceops/contracts';
import { normaliseIdNumber, RULES, type StringRule } from '@serviceops/kernel';
import type {
  ApplyForPosting,
  CandidateCommand,
  CandidateContext,
  EraseCandidate,
  HireCandidate,
  RecordRecruitmentStep,
} from './candidate.commands';
import { CandidateErrorCode as E, candidateError, expectedStepCode } from './candidate.errors';
import {
  RECRUITMENT_STEPS,
  type CandidateApplied,
  type CandidateEvent,
  type RecruitmentStep,
  type RecruitmentStepRecorded,
} from './candidate.events';
import type { CandidateInPipeline, CandidateState } from './candidate.state';
import { EDUCATION_LEVELS, type PostingCriteria } from './posting.events';
import { drivingYearsOf } from './posting.decide';

export type { CandidateContext } from './candidate.commands';

/** Interview ratings: 1 (poor) to 5 (excellent); practical test and exam scores 0 to 100. */
export const RATING_MIN = RATING_RANGE.min;
export const RATING_MAX = RATING_RANGE.max;
export const SCORE_MAX = SCORE_RANGE.max;

export function decideCandidate(
  command: CandidateCommand,
  state: CandidateState,
  context: CandidateContext,
): readonly CandidateEvent[] {
  switch (command.type) {
    case 'ApplyForPosting':
      return apply(command, state, context);
    case 'RecordRecruitmentStep':
      return recordStep(command, state, context);
    case 'HireCandidate':
      return hire(command, state, context);
    case 'EraseCandidate':
      return erase(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function checked(rule: StringRule, raw: string, code: string, field: string): string {
  if (!rule.accepts(raw)) throw candidateError(code, `${field} ${rule.message}`, { field });
  return raw.trim();
}

function apply(
  { data }: ApplyForPosting,
  state: CandidateState,
  context: CandidateContext,
): CandidateEvent[] {
  if (state.status !== 'absent') throw candidateError(E.CANDIDATE_EXISTS, 'the candidate exists already');
  const posting = context.posting;
  if (!posting || posting.status !== 'active')
    throw candidateError(E.POSTING_NOT_FOUND, 'no such posting', { field: 'postingId' });
  return [
    {
      type: 'CandidateApplied',
      data: {
        candidateId: data.candidateId,
        postingId: posting.postingId,
        role: posting.role,
        branchId: posting.branchId,
        businessLine: posting.businessLine,
        criteria: posting.criteria,
        name: checked(RULES.name, data.name, E.NAME_REJECTED, 'name'),
        phone: checked(RULES.phone, data.phone, E.PHONE_REJECTED, 'phone'),
        ...(data.idNumber
          ? {
              idNumber: normaliseIdNumber(
                checked(RULES.idNumber, data.idNumber, E.ID_NUMBER_REJECTED, 'idNumber'),
              ),
            }
          : {}),
        ...(data.drivingYears !== undefined
          ? { drivingYears: drivingYearsOf(data.drivingYears, 'drivingYears') }
          : {}),
        ...(data.education ? { education: data.education } : {}),
        ...(data.cleanRecord !== undefined ? { cleanRecord: data.cleanRecord } : {}),
        appliedAt: context.now.toISOString(),
      },
    },
  ];
}

/** The candidate a step or the hiring acts on: in the pipeline, neither rejected nor hired. */
function inProgress(state: CandidateState): CandidateInPipeline {
  if (state.status === 'absent') throw candidateError(E.CANDIDATE_NOT_FOUND, 'no such candidate');
  if (state.status === 'rejected')
    throw candidateError(E.CANDIDATE_REJECTED, 'the candidate was rejected; their candidacy is over');
  if (state.status === 'hired') throw candidateError(E.CANDIDATE_HIRED, 'the candidate was hired already');
  if (state.status === 'erased')
    throw candidateError(E.CANDIDATE_ERASED, 'the candidate’s personal data was erased');
  return state;
}

/** The step due next: the first not passed, or 'hire' once every one is. */
export function nextStep(candidate: Pick<CandidateInPipeline, 'passed'>): RecruitmentStep | 'hire' {
  return RECRUITMENT_STEPS[candidate.passed.length] ?? 'hire';
}

function refuseOutOfOrder(candidate: CandidateInPipeline, asked: RecruitmentStep | 'hire'): void {
  const due = nextStep(candidate);
  if (due !== asked)
    throw candidateError(
      expectedStepCode(due),
      `steps cannot be skipped or repeated: ${due.replace('_', ' ')} is due, not ${asked.replace('_', ' ')}`,
      { expectedStep: due, field: 'step' },
    );
}

/** Which of the posting's criteria the application fails, each as a reason; none: it passes screening. */
export function unmetCriteria(
  criteria: PostingCriteria,
  applied: Pick<CandidateApplied['data'], 'drivingYears' | 'education' | 'cleanRecord'>,
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

function recordStep(
  { data }: RecordRecruitmentStep,
  state: CandidateState,
  context: CandidateContext,
): CandidateEvent[] {
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
  const recorded: RecruitmentStepRecorded['data'] = {
    candidateId: candidate.candidateId,
    step: data.step,
    ...result,
    ...stepDetails(data),
    recordedAt: context.now.toISOString(),
  };
  return [{ type: 'RecruitmentStepRecorded', data: recorded }];
}

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

function stepDetails(data: RecordRecruitmentStep['data']): Partial<RecruitmentStepRecorded['data']> {
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

/** Only a candidate who passed every step, the exam last, is hired. */
function hire({ data }: HireCandidate, state: CandidateState, context: CandidateContext): CandidateEvent[] {
  const candidate = inProgress(state);
  refuseOutOfOrder(candidate, 'hire');
  return [
    {
      type: 'CandidateHired',
      data: { candidateId: candidate.candidateId, staffId: data.staffId, hiredAt: context.now.toISOString() },
    },
  ];
}

/** Rejected candidates' personal data is kept this long after the rejection, then erased (the issue gives no number). */
export const REJECTED_CANDIDATE_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

/** When a rejected candidate's data is due for erasure. */
export function retentionEndsAt(rejectedAt: string, retentionDays = REJECTED_CANDIDATE_RETENTION_DAYS): Date {
  return new Date(Date.parse(rejectedAt) + retentionDays * DAY_MS);
}

function erase({ data }: EraseCandidate, state: CandidateState, context: CandidateContext): CandidateEvent[] {
  if (state.status === 'absent') throw candidateError(E.CANDIDATE_NOT_FOUND, 'no such candidate');
  if (state.status === 'erased') return [];
  if (data.retentionDays !== undefined) {
    // By the retention timer: only a rejected candidate, and only once the retention is over.
    if (state.status !== 'rejected' || !state.rejectedAt) return [];
    if (context.now.getTime() < retentionEndsAt(state.rejectedAt, data.retentionDays).getTime()) return [];
  }
  return [
    {
      type: 'CandidateErased',
      data: { candidateId: state.candidateId, erasedAt: context.now.toISOString() },
    },
  ];
}
