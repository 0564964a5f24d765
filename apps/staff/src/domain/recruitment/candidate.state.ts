import type { CandidateApplied, RecruitmentStep, RecruitmentStepRecorded } from './candidate.events';

export interface AbsentCandidate {
  readonly status: 'absent';
}

type Application = CandidateApplied['data'];

/** In the pipeline: `passed` lists the steps passed so far, in order. */
export type CandidateInPipeline = Application & {
  readonly status: 'in_progress' | 'rejected' | 'hired' | 'erased';
  readonly passed: readonly RecruitmentStep[];
  readonly steps: readonly RecruitmentStepRecorded['data'][];
  readonly rejectedAt?: string;
  readonly staffId?: string;
  readonly erasedAt?: string;
  readonly updatedAt: string;
};

export type CandidateState = AbsentCandidate | CandidateInPipeline;

export const initialCandidateState = (): CandidateState => ({ status: 'absent' });
