/** Stable codes for free text refused by its rule, shared by every aggregate that takes some. */
export const FreeTextErrorCode = {
  /** A text (or instant) field its rule refuses; `field` names it. */
  INVALID_TEXT: 'STAFF.INVALID_TEXT',
  /** A reason its rule refuses (RULES.reason). */
  REASON_REJECTED: 'STAFF.REASON_REJECTED',
} as const;

export type FreeTextErrorCode = (typeof FreeTextErrorCode)[keyof typeof FreeTextErrorCode];
