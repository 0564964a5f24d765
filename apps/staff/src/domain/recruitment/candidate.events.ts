// Each event is declared with the use case that records it (apply-for-posting.ts, …); the union is derived from
// the list of use cases (candidate.decider.ts).
export type { CandidateEvent } from './candidate.decider';
export {
  INTERVIEW_MODES,
  PRACTICAL_TESTS,
  RECRUITMENT_STEPS,
  type InterviewMode,
  type PracticalTest,
  type Rating,
  type RecruitmentStep,
} from './candidate.state';
