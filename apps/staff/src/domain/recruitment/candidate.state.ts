import {
  INTERVIEW_MODES,
  PRACTICAL_TESTS,
  RECRUITMENT_STEPS,
  type BusinessLine,
  type Role,
} from '@serviceops/contracts';
import type { EducationLevel, PostingCriteria, PostingState } from './posting.state';

export { INTERVIEW_MODES, PRACTICAL_TESTS, RECRUITMENT_STEPS };
export type RecruitmentStep = (typeof RECRUITMENT_STEPS)[number];
export type InterviewMode = (typeof INTERVIEW_MODES)[number];
export type PracticalTest = (typeof PRACTICAL_TESTS)[number];

/** An interviewer's rating of one aspect, 1 (poor) to 5 (excellent). */
export interface Rating {
  readonly aspect: string;
  readonly score: number;
}

/**
 * An application as made (CandidateApplied's data): what the posting asks is copied in, so the screening is
 * decided on the candidate's own stream. `name`, `phone` and `idNumber` are in clear here; the application seals
 * them.
 */
export interface Application {
  readonly candidateId: string;
  readonly postingId: string;
  readonly role: Role;
  readonly branchId: string;
  readonly businessLine: BusinessLine;
  readonly criteria: PostingCriteria;
  readonly name: string;
  readonly phone: string;
  readonly idNumber?: string;
  readonly drivingYears?: number;
  readonly education?: EducationLevel;
  readonly cleanRecord?: boolean;
  readonly appliedAt: string;
}

/** One step's result (RecruitmentStepRecorded's data): passed, or rejected with the reason. */
export interface StepResult {
  readonly candidateId: string;
  readonly step: RecruitmentStep;
  readonly passed: boolean;
  readonly reason?: string;
  readonly interviewMode?: InterviewMode;
  readonly ratings?: readonly Rating[];
  readonly practicalTest?: PracticalTest;
  readonly score?: number;
  readonly recordedAt: string;
}

export interface AbsentCandidate {
  readonly status: 'absent';
}

/** In the pipeline: `passed` lists the steps passed so far, in order. */
export type CandidateInPipeline = Application & {
  readonly status: 'in_progress' | 'rejected' | 'hired' | 'erased';
  readonly passed: readonly RecruitmentStep[];
  readonly steps: readonly StepResult[];
  readonly rejectedAt?: string;
  readonly staffId?: string;
  readonly erasedAt?: string;
  readonly updatedAt: string;
};

export type CandidateState = AbsentCandidate | CandidateInPipeline;

export const initialCandidateState = (): CandidateState => ({ status: 'absent' });

/** What the candidate's decisions take from outside the domain: the time, and the posting applied to. */
export interface CandidateContext {
  readonly now: Date;
  readonly posting?: PostingState;
}
