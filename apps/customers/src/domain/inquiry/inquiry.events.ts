import { PERSONAL_TEXT, sealedPathsOf, type CustomerChannel } from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';
import type { SalesNeed } from './inquiry.commands';

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
export type InquiryAnswered = Event<
  'InquiryAnswered',
  { inquiryId: string; customerId: string; answer: string; answeredAt: string; late: boolean }
>;
export type InquiryWentOverdue = Event<
  'InquiryWentOverdue',
  { inquiryId: string; customerId: string; replyDueAt: string; overdueAt: string }
>;
export type InquiryHandedOff = Event<
  'InquiryHandedOff',
  { inquiryId: string; customerId: string; need: SalesNeed; handedOffAt: string }
>;

export type InquiryEvent = InquiryReceived | InquiryAnswered | InquiryWentOverdue | InquiryHandedOff;

/**
 * Per event type, the personal or free-text fields the application seals with the customer's key: from the one
 * list in libs/contracts (`PERSONAL_TEXT`), which the gateway's kept answers read too. Events written before a
 * field joined it (a hand-off's `need.type`) keep it in clear; they are read as they are.
 */
export const SEALED_PATHS = sealedPathsOf(
  ['InquiryReceived', 'InquiryAnswered', 'InquiryWentOverdue', 'InquiryHandedOff'],
  PERSONAL_TEXT.inquiry,
) satisfies Record<InquiryEvent['type'], readonly string[]>;
