import type { PayTerms } from '../member/member.events';
import type { InterviewMode, PracticalTest, Rating, RecruitmentStep } from './candidate.events';
import type { EducationLevel } from './posting.events';
import type { PostingState } from './posting.state';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

// Every command names its candidate: the handler loads that candidate's stream with it.

export type ApplyForPosting = Command<
  'ApplyForPosting',
  {
    candidateId: string;
    postingId: string;
    name: string;
    phone: string;
    idNumber?: string;
    drivingYears?: number;
    education?: EducationLevel;
    cleanRecord?: boolean;
  }
>;

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

export type HireCandidate = Command<
  'HireCandidate',
  { candidateId: string; staffId: string; payTerms: PayTerms; loginUsername?: string }
>;

/**
 * Forget the candidate's personal data: at their request (`retention` absent), or by the retention timer of a
 * rejected candidate (`retention`: the days they are kept after the rejection; nothing happens before).
 */
export type EraseCandidate = Command<'EraseCandidate', { candidateId: string; retentionDays?: number }>;

export type CandidateCommand = ApplyForPosting | RecordRecruitmentStep | HireCandidate | EraseCandidate;

/** What the candidate's decisions take from outside the domain: the time, and the posting applied to. */
export interface CandidateContext {
  readonly now: Date;
  readonly posting?: PostingState;
}
