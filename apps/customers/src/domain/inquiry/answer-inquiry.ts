import { INQUIRY_FIELDS } from '@serviceops/contracts';
import { useCase, type Command, type Event } from '@serviceops/kernel';
import { assertCustomerNotErased } from '../customer/active-customer';
import { InquiryErrorCode as E, inquiryError } from './inquiry.errors';
import { existing, text } from './inquiry.rules';
import type { InquiryContext, InquiryState } from './inquiry.state';

export type AnswerInquiry = Command<'AnswerInquiry', { readonly inquiryId: string; readonly answer: string }>;

/** Recorded by answering, and by opening an inquiry answered on the spot. */
export type InquiryAnswered = Event<
  'InquiryAnswered',
  { inquiryId: string; customerId: string; answer: string; answeredAt: string; late: boolean }
>;

export const answerInquiry = useCase<AnswerInquiry, InquiryAnswered, InquiryState, InquiryContext>({
  command: 'AnswerInquiry',
  handles: {
    rpc: 'customers.AnswerInquiry',
    command: (request: { id: string; answer?: string }) => ({
      type: 'AnswerInquiry',
      data: { inquiryId: request.id, answer: request.answer ?? '' },
    }),
  },
  decide(command, state, context) {
    const inquiry = existing(state, command.data.inquiryId);
    assertCustomerNotErased(context.customer, inquiry.customerId);
    if (inquiry.status === 'answered' || inquiry.status === 'handed_off') {
      throw inquiryError(
        E.INQUIRY_CLOSED,
        `inquiry ${inquiry.inquiryId} is ${inquiry.status.replace('_', ' ')}`,
        {
          inquiryId: inquiry.inquiryId,
          status: inquiry.status,
        },
      );
    }
    const answer = text(command.data.answer, 'answer', INQUIRY_FIELDS.answer, E.INVALID_ANSWER);
    const { now } = context;
    const late = inquiry.replyDueAt !== undefined && now.getTime() > Date.parse(inquiry.replyDueAt);
    return [
      {
        type: 'InquiryAnswered',
        data: {
          inquiryId: inquiry.inquiryId,
          customerId: inquiry.customerId,
          answer,
          answeredAt: now.toISOString(),
          late,
        },
      },
    ];
  },
  evolve: {
    InquiryAnswered: (state, event) =>
      state.status === 'absent'
        ? state
        : { ...state, status: 'answered', answeredAt: event.data.answeredAt, late: event.data.late },
  },
});
