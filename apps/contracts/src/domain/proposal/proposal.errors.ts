import { DomainError } from '@serviceops/kernel';

/** Stable codes of the proposal's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const ProposalErrorCode = {
  PROPOSAL_NOT_FOUND: 'CONTRACTS.PROPOSAL_NOT_FOUND',
  PROPOSAL_EXISTS: 'CONTRACTS.PROPOSAL_EXISTS',
  /** Details name the status and the command (422). */
  ILLEGAL_PROPOSAL_TRANSITION: 'CONTRACTS.ILLEGAL_PROPOSAL_TRANSITION',
  /** Accepting after the last valid day (the timer may not have run yet): 422. */
  PROPOSAL_LAPSED: 'CONTRACTS.PROPOSAL_LAPSED',
  VALIDITY_PASSED: 'CONTRACTS.VALIDITY_PASSED',
  NO_ITEMS: 'CONTRACTS.NO_ITEMS',
  END_BEFORE_START: 'CONTRACTS.END_BEFORE_START',
  NO_REASON: 'CONTRACTS.NO_REASON',
  INVALID_PROPOSAL: 'CONTRACTS.INVALID_PROPOSAL',
} as const;

export type ProposalErrorCode = (typeof ProposalErrorCode)[keyof typeof ProposalErrorCode];

export function proposalError(
  code: ProposalErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
