import { useCase, type Command, type Event } from '@serviceops/kernel';
import type { InquiryContext, InquiryState } from './inquiry.state';

/** Fired by the durable timer at the reply deadline; harmless when fired again or too early. */
export type MarkInquiryOverdue = Command<'MarkInquiryOverdue', { readonly inquiryId: string }>;

export type InquiryWentOverdue = Event<
  'InquiryWentOverdue',
  { inquiryId: string; customerId: string; replyDueAt: string; overdueAt: string }
>;

/** The timer's command (no declared method): an event only for an open inquiry past its deadline, else nothing. */
export const markInquiryOverdue = useCase<
  MarkInquiryOverdue,
  InquiryWentOverdue,
  InquiryState,
  InquiryContext
>({
  command: 'MarkInquiryOverdue',
  decide(command, state, context) {
    if (state.status !== 'open' || state.inquiryId !== command.data.inquiryId) return [];
    const { replyDueAt } = state;
    if (replyDueAt === undefined || context.now.getTime() < Date.parse(replyDueAt)) return [];
    return [
      {
        type: 'InquiryWentOverdue',
        data: {
          inquiryId: state.inquiryId,
          customerId: state.customerId,
          replyDueAt,
          overdueAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    InquiryWentOverdue: (state, event) =>
      state.status === 'absent' ? state : { ...state, status: 'overdue', overdueAt: event.data.overdueAt },
  },
});
