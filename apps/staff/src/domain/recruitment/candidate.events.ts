import type { BusinessLine, Role } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';
import type { EducationLevel, PostingCriteria } from './posting.events';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is absent, never undefined.

import { INTERVIEW_MODES, PRACTICAL_TESTS, RECRUITMENT_STEPS } from '@serviceops/contracts';

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
 * A candidate applied to a posting: what the posting asks is copied in, so the screening is decided on the
 * candidate's own stream. `name`, `phone` and `idNumber` are in clear here; the application seals them.
 */
export type CandidateApplied = Event<
  'CandidateApplied',
  {
    candidateId: string;
    postingId: string;
    role: Role;
    branchId: string;
    businessLine: BusinessLine;
    criteria: PostingCriteria;
    name: string;
    phone: string;
    idNumber?: string;
    drivingYears?: number;
    education?: EducationLevel;
    cleanRecord?: boolean;
    appliedAt: string;
  }
>;

/** One step's result: passed, or rejected with the reason (a rejection ends the candidacy). */
export type RecruitmentStepRecorded = Event<
  'RecruitmentStepRecorded',
  {
    candidateId: string;
    step: RecruitmentStep;
    passed: boolean;
    reason?: string;
    interviewMode?: InterviewMode;
    ratings?: readonly Rating[];
    practicalTest?: PracticalTest;
    score?: number;
    recordedAt: string;
  }
>;

export type CandidateHired = Event<
  'CandidateHired',
  { candidateId: string; staffId: string; hiredAt: string }
>;

/** The candidate's personal data is forgotten: their key is destroyed with this event (at request or retention). */
export type CandidateErased = Event<'CandidateErased', { candidateId: string; erasedAt: string }>;

export type CandidateEvent = CandidateApplied | RecruitmentStepRecorded | CandidateHired | CandidateErased;
