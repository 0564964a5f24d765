import { useCase, type Command, type Event } from '@serviceops/kernel';
import { activeMember, payTermsOf, payTermsOfMessage, type PayTermsMessage } from './member.rules';
import type { MemberContext, MemberState, PayTerms } from './member.state';

export type ChangePayTerms = Command<'ChangePayTerms', { staffId: string; payTerms: PayTerms }>;

export interface PayTermsChangedData {
  readonly staffId: string;
  readonly payTerms: PayTerms;
  readonly changedAt: string;
}

export type PayTermsChanged = Event<'PayTermsChanged', PayTermsChangedData>;

export const changePayTerms = useCase<ChangePayTerms, PayTermsChanged, MemberState, MemberContext>({
  command: 'ChangePayTerms',
  handles: {
    rpc: 'staff.ChangePayTerms',
    command: (request: { id: string; payTerms?: PayTermsMessage }) => ({
      type: 'ChangePayTerms',
      data: { staffId: request.id, payTerms: payTermsOfMessage(request.payTerms) },
    }),
  },
  decide({ data }, state, context) {
    const member = activeMember(state);
    const payTerms = payTermsOf(data.payTerms);
    if (JSON.stringify(payTerms) === JSON.stringify(member.payTerms)) return [];
    return [
      {
        type: 'PayTermsChanged',
        data: { staffId: member.staffId, payTerms, changedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    PayTermsChanged: (state, event) => {
      if (state.status !== 'active') return state;
      return { ...state, payTerms: event.data.payTerms, updatedAt: event.data.changedAt };
    },
  },
});
