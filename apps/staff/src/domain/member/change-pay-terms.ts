import { useCase, type Command, type Event } from '@serviceops/kernel';
import { activeMember, payTermsOf } from './member.rules';
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
    // gRPC carries the amount as int64, decoded as a string.
    command: (request: {
      id: string;
      payTerms?: { dailyPay?: { amount?: number | string; currency?: string } };
    }) => {
      const pay = request.payTerms?.dailyPay ?? {};
      return {
        type: 'ChangePayTerms',
        data: {
          staffId: request.id,
          payTerms: { dailyPay: { amount: Number(pay.amount ?? 0), currency: pay.currency ?? '' } },
        },
      };
    },
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
