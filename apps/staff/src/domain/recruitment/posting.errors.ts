import { DomainError } from '@serviceops/kernel';

/** Stable codes of the posting's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const PostingErrorCode = {
  POSTING_NOT_FOUND: 'STAFF.POSTING_NOT_FOUND',
  POSTING_EXISTS: 'STAFF.POSTING_EXISTS',
  /** The branch is not one of the tenant's (when the tenant's branches are known). */
  UNKNOWN_BRANCH: 'STAFF.UNKNOWN_BRANCH',
  /** Driving years outside 0–MAX_DRIVING_YEARS (the schema says so too; the domain holds the rule). */
  DRIVING_YEARS_OUT_OF_RANGE: 'STAFF.DRIVING_YEARS_OUT_OF_RANGE',
} as const;

export type PostingErrorCode = (typeof PostingErrorCode)[keyof typeof PostingErrorCode];

export function postingError(
  code: PostingErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
