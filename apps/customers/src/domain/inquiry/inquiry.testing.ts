import { deciderSpec } from '@serviceops/testing';
import { inquiryDecider, type InquiryContext, type InquiryEvent } from './inquiry.decider';

// What a use case's rule test starts from (the generator's tests of a new command import it).

export const now = new Date('2026-03-02T01:00:00.000Z');
export const ID = '3d0f6a52-7c1b-4e0a-9f3e-2b6c8d1e4a70';
const CUSTOMER = '6f1c1f9e-3b8a-4c39-9b0e-0d6b9b7f5a11';
/** The customer active: what every command on an inquiry but the timer's needs to know of them. */
export const spec = (given: readonly InquiryEvent[], context: Partial<InquiryContext> = {}) =>
  deciderSpec(inquiryDecider, { now, customer: 'active', ...context }).given(given);

/** An inquiry as opening starts it: the history the other commands are decided on. */
export const started: InquiryEvent[] = [
  {
    type: 'InquiryReceived',
    data: {
      inquiryId: ID,
      customerId: CUSTOMER,
      channel: 'phone',
      subject: 'Rental of a forklift',
      content: 'Do you rent forklifts by the week?',
      receivedAt: now.toISOString(),
      replyDueAt: '2026-03-05T01:00:00.000Z',
      policyVersion: 1,
    },
  },
];
