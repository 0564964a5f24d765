import { streamId, type Decider } from '@serviceops/kernel';
import type { CandidateCommand, CandidateContext } from './candidate.commands';
import { decideCandidate } from './candidate.decide';
import type { CandidateEvent } from './candidate.events';
import { evolveCandidate } from './candidate.evolve';
import { initialCandidateState, type CandidateState } from './candidate.state';

export const candidateDecider: Decider<CandidateCommand, CandidateEvent, CandidateState, CandidateContext> = {
  initialState: initialCandidateState,
  decide: decideCandidate,
  evolve: evolveCandidate,
};

/** One stream per candidate: 'candidate-<tenantId>-<candidateId>' (stream ids always lead with their tenant). */
export function candidateStreamId(tenantId: string, candidateId: string): string {
  return streamId('candidate', tenantId, candidateId);
}
