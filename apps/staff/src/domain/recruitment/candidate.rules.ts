import type { StringRule } from '@serviceops/kernel';
import { CandidateErrorCode as E, candidateError, expectedStepCode } from './candidate.errors';
import {
  RECRUITMENT_STEPS,
  type CandidateInPipeline,
  type CandidateState,
  type RecruitmentStep,
} from './candidate.state';

/** What the candidate's use cases share: a field's check, the pipeline's order, the retention of a rejection. */

export function checked(rule: StringRule, raw: string, code: string, field: string): string {
  if (!rule.accepts(raw)) throw candidateError(code, `${field} ${rule.message}`, { field });
  return raw.trim();
}

/** The candidate a step or the hiring acts on: in the pipeline, neither rejected nor hired. */
export function inProgress(state: CandidateState): CandidateInPipeline {
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

export function refuseOutOfOrder(candidate: CandidateInPipeline, asked: RecruitmentStep | 'hire'): void {
  const due = nextStep(candidate);
  if (due !== asked)
    throw candidateError(
      expectedStepCode(due),
      `steps cannot be skipped or repeated: ${due.replace('_', ' ')} is due, not ${asked.replace('_', ' ')}`,
      { expectedStep: due, field: 'step' },
    );
}

/** Rejected candidates' personal data is kept this long after the rejection, then erased (the issue gives no number). */
export const REJECTED_CANDIDATE_RETENTION_DAYS = 180;
const DAY_MS = 86_400_000;

/** When a rejected candidate's data is due for erasure. */
export function retentionEndsAt(rejectedAt: string, retentionDays = REJECTED_CANDIDATE_RETENTION_DAYS): Date {
  return new Date(Date.parse(rejectedAt) + retentionDays * DAY_MS);
}
