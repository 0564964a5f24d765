import { DomainError } from '@serviceops/kernel';

/** Stable codes of the proposal's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const ProposalErrorCode = {
  PROPOSAL_NOT_FOUND: 'CONTRACTS.PROPOSAL_NOT_FOUND',
  PROPOSAL_EXISTS: 'CONTRACTS.PROPOSAL_EXISTS',
} as const;

export type ProposalErrorCode = (typeof ProposalErrorCode)[keyof typeof ProposalErrorCode];

export function proposalError(
  code: ProposalErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
