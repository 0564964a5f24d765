/** Stable codes of the people policy's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const PeoplePolicyErrorCode = {
  /** A number of days outside PEOPLE_POLICY_LIMITS. */
  OUT_OF_RANGE: 'STAFF.PEOPLE_POLICY_OUT_OF_RANGE',
} as const;

export type PeoplePolicyErrorCode = (typeof PeoplePolicyErrorCode)[keyof typeof PeoplePolicyErrorCode];
