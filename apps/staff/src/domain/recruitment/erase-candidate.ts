import { useCase, type Command, type Event } from '@serviceops/kernel';
import { CandidateErrorCode as E, candidateError } from './candidate.errors';
import { retentionEndsAt } from './candidate.rules';
import type { CandidateContext, CandidateState } from './candidate.state';

/**
 * Forget the candidate's personal data: at their request (`retention` absent), or by the retention timer of a
 * rejected candidate (`retention`: the days they are kept after the rejection; nothing happens before).
 */
export type EraseCandidate = Command<'EraseCandidate', { candidateId: string; retentionDays?: number }>;

/** The candidate's personal data is forgotten: their key is destroyed with this event (at request or retention). */
export type CandidateErased = Event<'CandidateErased', { candidateId: string; erasedAt: string }>;

/**
 * Once; by the timer, only a rejected candidate whose retention is over. Its handler destroys the key
 * (application/recruitment.handlers.ts).
 */
export const eraseCandidate = useCase<EraseCandidate, CandidateErased, CandidateState, CandidateContext>({
  command: 'EraseCandidate',
  // At request: no retention given (that is the timer's).
  handles: {
    rpc: 'staff.EraseCandidate',
    command: (request: { id: string }) => ({ type: 'EraseCandidate', data: { candidateId: request.id } }),
  },
  decide({ data }, state, context) {
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
  },
  evolve: {
    CandidateErased: (state, event) => {
      if (state.status === 'absent') return state;
      const { name: _n, phone: _p, idNumber: _i, ...kept } = state;
      return {
        ...kept,
        name: '',
        phone: '',
        status: 'erased',
        erasedAt: event.data.erasedAt,
        updatedAt: event.data.erasedAt,
      };
    },
  },
});
