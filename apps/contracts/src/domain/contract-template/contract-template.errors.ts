import { DomainError } from '@serviceops/kernel';

/** Stable codes of the contract template's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const ContractTemplateErrorCode = {
  CONTRACT_TEMPLATE_NOT_FOUND: 'CONTRACTS.CONTRACT_TEMPLATE_NOT_FOUND',
  CONTRACT_TEMPLATE_EXISTS: 'CONTRACTS.CONTRACT_TEMPLATE_EXISTS',
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
