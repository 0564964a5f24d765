import { DomainError } from '@serviceops/kernel';

/** Stable codes of the template rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const ContractTemplateErrorCode = {
  /** A lease is always reviewed by legal: a lease template cannot drop the review. */
  REVIEW_REQUIRED_FOR_LEASE: 'CONTRACTS.REVIEW_REQUIRED_FOR_LEASE',
  NO_REQUIRED_CLAUSE: 'CONTRACTS.NO_REQUIRED_CLAUSE',
  INVALID_TEMPLATE: 'CONTRACTS.INVALID_TEMPLATE',
} as const;

export type ContractTemplateErrorCode =
  (typeof ContractTemplateErrorCode)[keyof typeof ContractTemplateErrorCode];

export function contractTemplateError(
  code: ContractTemplateErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
