import { RULES, text } from '@serviceops/kernel';

/**
 * The customers service's free-text fields and their rules: the gateway validates requests with these and the
 * domain decides with the same ones (see libs/kernel rules.ts for what a rule is).
 */
export const INQUIRY_FIELDS = {
  subject: text(1, 200),
  content: RULES.longText,
  answer: RULES.longText,
  needType: text(1, 200),
  place: text(1, 500),
  requirements: text(1, 5_000),
} as const;

export const RETURN_VISIT_FIELDS = {
  serviceRef: text(1, 100),
  note: text(1, 2_000),
  feedback: text(1, 5_000),
  suggestions: text(1, 5_000),
  followUpAction: text(1, 500),
  cancelReason: RULES.reason,
} as const;
