import { optional, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { payTermsOfMessage, type PayTermsMessage } from '../member/member.rules';
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

/** The request as the proto decodes it (proto3: unset fields absent). */
interface HireCandidateRequest {
  readonly id: string;
  readonly payTerms?: PayTermsMessage;
  readonly login?: { readonly username?: string };
}

/**
 * Only a candidate who passed every step, the exam last, is hired; `newId` is the new staff member's. Its handler
 * writes the staff member's stream in the same transaction (HireStaffMember, a data key made for them):
 * application/recruitment.handlers.ts.
 */
export const hireCandidate = useCase<HireCandidate, CandidateHired, CandidateState, CandidateContext>({
  command: 'HireCandidate',
  handles: {
    rpc: 'staff.HireCandidate',
    command: (request: HireCandidateRequest, { newId }: Caller) => ({
      type: 'HireCandidate',
      data: {
        candidateId: request.id,
        staffId: newId,
        payTerms: payTermsOfMessage(request.payTerms),
        ...optional('loginUsername', request.login?.username),
      },
    }),
  },
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
