import { useCase, type Command, type Event } from '@serviceops/kernel';
import type { PayTerms } from '../member/member.state';
import { inProgress, refuseOutOfOrder } from './candidate.rules';
import type { CandidateContext, CandidateState } from './candidate.state';

export type HireCandidate = Command<
  'HireCandidate',
  { candidateId: string; staffId: string; payTerms: PayTerms; loginUsername?: string }
>;

export type CandidateHired = Event<
  'CandidateHired',
  { candidateId: string; staffId: string; hiredAt: string }
>;

/**
 * Only a candidate who passed every step, the exam last, is hired. Its handler writes the new staff member's
 * stream in the same transaction (HireStaffMember, a new id and data key): no `handles`.
 */
export const hireCandidate = useCase<HireCandidate, CandidateHired, CandidateState, CandidateContext>({
  command: 'HireCandidate',
  decide({ data }, state, context) {
    const candidate = inProgress(state);
    refuseOutOfOrder(candidate, 'hire');
    return [
      {
        type: 'CandidateHired',
        data: {
          candidateId: candidate.candidateId,
          staffId: data.staffId,
          hiredAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    CandidateHired: (state, event) => {
      if (state.status === 'absent') return state;
      return { ...state, status: 'hired', staffId: event.data.staffId, updatedAt: event.data.hiredAt };
    },
  },
});
