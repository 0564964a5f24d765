import { DomainError } from '@serviceops/kernel';

/** Stable codes of the contract's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const ContractErrorCode = {
  CONTRACT_NOT_FOUND: 'CONTRACTS.CONTRACT_NOT_FOUND',
  CONTRACT_EXISTS: 'CONTRACTS.CONTRACT_EXISTS',
} as const;

export type ContractErrorCode = (typeof ContractErrorCode)[keyof typeof ContractErrorCode];

export function contractError(
  code: ContractErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
