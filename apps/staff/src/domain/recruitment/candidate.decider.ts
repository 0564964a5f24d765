import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { applyForPosting } from './apply-for-posting';
import { initialCandidateState, type CandidateContext, type CandidateState } from './candidate.state';
import { eraseCandidate } from './erase-candidate';
import { hireCandidate } from './hire-candidate';
import { recordRecruitmentStep } from './record-recruitment-step';

/**
 * A candidate: the list of their use cases, a file each beside this one (command, decision, the events it records
 * and how they change the state). The unions below, the decider and the generic handler's bindings
 * (application/recruitment.handlers.ts) follow from the list.
 */
export const CANDIDATE_USE_CASES = [
  applyForPosting,
  recordRecruitmentStep,
  hireCandidate,
  eraseCandidate,
] as const;

export type CandidateCommand = CommandOf<typeof CANDIDATE_USE_CASES>;
export type CandidateEvent = EventOf<typeof CANDIDATE_USE_CASES>;

export const candidateDecider = deciderOf<typeof CANDIDATE_USE_CASES, CandidateState, CandidateContext>(
  initialCandidateState,
  CANDIDATE_USE_CASES,
);

/** One stream per candidate: 'candidate-<tenantId>-<candidateId>' (stream ids always lead with their tenant). */
export function candidateStreamId(tenantId: string, candidateId: string): string {
  return streamId('candidate', tenantId, candidateId);
}
