/**
 * Stable codes about a person (a candidate, a staff member) whatever the aggregate: their data key seals their
 * free text in every stream about them.
 */
export const PersonErrorCode = {
  /** Their personal data was erased (the key destroyed): nothing personal is recorded about them any more. */
  PERSON_ERASED: 'STAFF.PERSON_ERASED',
} as const;

export type PersonErrorCode = (typeof PersonErrorCode)[keyof typeof PersonErrorCode];
