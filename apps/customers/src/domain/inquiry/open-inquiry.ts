import { CUSTOMER_CHANNELS, INQUIRY_FIELDS, type CustomerChannel } from '@serviceops/contracts';
import {
  addBusinessHours,
  optional,
  useCase,
  type Caller,
  type Command,
  type Event,
  type EvolveCases,
} from '@serviceops/kernel';
import { assertActiveCustomer } from '../customer/active-customer';
import type { InquiryAnswered } from './answer-inquiry';
import { InquiryErrorCode as E, inquiryError } from './inquiry.errors';
import { oneOf, text } from './inquiry.rules';
import type { InquiryContext, InquiryState } from './inquiry.state';

export type OpenInquiry = Command<
  'OpenInquiry',
  {
    readonly inquiryId: string;
    readonly customerId: string;
    readonly channel: CustomerChannel;
    readonly subject: string;
    readonly content: string;
    /** Given when the inquiry was answered on the spot. */
    readonly answer?: string;
  }
>;

// Instants are ISO-8601 strings (UTC). Free text is in clear here: the application seals SEALED_PATHS.
export type InquiryReceived = Event<
  'InquiryReceived',
  {
    inquiryId: string;
    customerId: string;
    channel: CustomerChannel;
    subject: string;
    content: string;
    receivedAt: string;
    /** Absent when the inquiry was answered on the spot. */
    replyDueAt?: string;
    policyVersion: number;
  }
>;

const evolve: EvolveCases<InquiryReceived, InquiryState> = {
  // The one event that starts a stream.
  InquiryReceived: (_state, event) => {
    const { inquiryId, customerId, channel, receivedAt, replyDueAt, policyVersion } = event.data;
    return {
      status: 'open',
      inquiryId,
      customerId,
      channel,
      receivedAt,
      ...(replyDueAt === undefined ? {} : { replyDueAt }),
      policyVersion,
    };
  },
};

/** The request as the proto decodes it (proto3: unset strings absent). */
interface OpenInquiryRequest {
  readonly customerId?: string;
  readonly channel?: string;
  readonly subject?: string;
  readonly content?: string;
  readonly answer?: string;
}

/**
 * Opening reads the customer's status, the policy and the calendar first, and sets the deadline's timer: it is
 * bound to a handler method of its own (application/inquiries.ts), which takes the command mapped here.
 */
export const openInquiry = useCase<
  OpenInquiry,
  InquiryReceived | InquiryAnswered,
  InquiryState,
  InquiryContext,
  'InquiryAnswered' // answer-inquiry's to evolve
>({
  command: 'OpenInquiry',
  handles: {
    rpc: 'customers.OpenInquiry',
    command: (request: OpenInquiryRequest, { newId }: Caller) => ({
      type: 'OpenInquiry',
      data: {
        inquiryId: newId,
        customerId: request.customerId ?? '',
        channel: (request.channel ?? '') as CustomerChannel,
        subject: request.subject ?? '',
        content: request.content ?? '',
        ...optional('answer', request.answer),
      },
    }),
  },
  decide(command, state, context) {
    const { inquiryId, customerId, channel } = command.data;
    if (state.status !== 'absent') {
      throw inquiryError(E.INQUIRY_EXISTS, `inquiry ${inquiryId} already exists`, { inquiryId });
    }
    const { now, policy, customer, calendar } = context;
    if (policy === undefined || customer === undefined) {
      throw new Error('OpenInquiry needs the policy and the customer’s status in its context');
    }
    assertActiveCustomer(customer, customerId);
    if (!oneOf(CUSTOMER_CHANNELS, channel)) {
      throw inquiryError(E.INVALID_CHANNEL, `channel must be one of ${CUSTOMER_CHANNELS.join(', ')}`, {
        field: 'channel',
      });
    }
    const subject = text(command.data.subject, 'subject', INQUIRY_FIELDS.subject, E.INVALID_SUBJECT);
    const content = text(command.data.content, 'content', INQUIRY_FIELDS.content, E.INVALID_CONTENT);
    const answer =
      command.data.answer === undefined
        ? undefined
        : text(command.data.answer, 'answer', INQUIRY_FIELDS.answer, E.INVALID_ANSWER);

    if (answer === undefined && calendar === undefined) {
      throw new Error('OpenInquiry needs the tenant’s calendar in its context');
    }
    const receivedAt = now.toISOString();
    const received: InquiryReceived = {
      type: 'InquiryReceived',
      data: {
        inquiryId,
        customerId,
        channel,
        subject,
        content,
        receivedAt,
        // Answered on the spot, nothing waits for a reply: no deadline.
        ...(answer !== undefined || calendar === undefined
          ? {}
          : { replyDueAt: addBusinessHours(calendar, now, policy.withinBusinessHours).toISOString() }),
        policyVersion: policy.version,
      },
    };
    if (answer === undefined) return [received];
    return [
      received,
      {
        type: 'InquiryAnswered',
        data: { inquiryId, customerId, answer, answeredAt: receivedAt, late: false },
      },
    ];
  },
  evolve,
});
