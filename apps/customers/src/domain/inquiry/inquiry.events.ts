import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { INQUIRY_USE_CASES, type InquiryEvent } from './inquiry.decider';

// Each event is declared with the use case that records it (open-inquiry.ts, …); the union is derived from the
// list of use cases (inquiry.decider.ts).
export type { InquiryEvent } from './inquiry.decider';
export type { InquiryAnswered } from './answer-inquiry';
export type { InquiryHandedOff } from './hand-off-inquiry';
export type { InquiryWentOverdue } from './mark-inquiry-overdue';
export type { InquiryReceived } from './open-inquiry';

/**
 * Per event type, the personal or free-text fields the application seals with the customer's key: from the one
 * list in libs/contracts (`PERSONAL_TEXT`), which the gateway's kept answers read too. Events written before a
 * field joined it (a hand-off's `need.type`) keep it in clear; they are read as they are.
 */
export const SEALED_PATHS = sealedPathsOf(eventTypes(), PERSONAL_TEXT.inquiry);

/** Every event type of the inquiry, from its use cases: each evolves its own (deciderOf refuses one claimed twice). */
function eventTypes(): InquiryEvent['type'][] {
  return INQUIRY_USE_CASES.flatMap((useCase) => Object.keys(useCase.evolve)) as InquiryEvent['type'][];
}
