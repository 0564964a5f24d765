import { DomainError } from '@serviceops/kernel';

/** Stable codes of the contract's rules; the edge maps each to an HTTP/gRPC status (libs/platform errors.ts). */
export const ContractErrorCode = {
  CONTRACT_NOT_FOUND: 'CONTRACTS.CONTRACT_NOT_FOUND',
  CONTRACT_EXISTS: 'CONTRACTS.CONTRACT_EXISTS',
  /** The command is not one the contract's status allows: details name both (422). */
  ILLEGAL_TRANSITION: 'CONTRACTS.ILLEGAL_TRANSITION',
  /** A required clause of the template is empty: details name it (422). */
  MISSING_CLAUSE: 'CONTRACTS.MISSING_CLAUSE',
  /** The kind's template requires legal review before signing (422). */
  REVIEW_REQUIRED: 'CONTRACTS.REVIEW_REQUIRED',
  END_BEFORE_START: 'CONTRACTS.END_BEFORE_START',
  ALREADY_SIGNED_BY_PARTY: 'CONTRACTS.ALREADY_SIGNED_BY_PARTY',
  /** Another amendment is waiting for signatures: one at a time (409). */
  AMENDMENT_CONFLICT: 'CONTRACTS.AMENDMENT_CONFLICT',
  NO_PENDING_AMENDMENT: 'CONTRACTS.NO_PENDING_AMENDMENT',
  EMPTY_AMENDMENT: 'CONTRACTS.EMPTY_AMENDMENT',
  /** Effective on or before the version in force's own start, or outside the term (422). */
  AMENDMENT_DATE_OUT_OF_TERM: 'CONTRACTS.AMENDMENT_DATE_OUT_OF_TERM',
  NO_REASON: 'CONTRACTS.NO_REASON',
  /** Shapes the schema states (the gateway refuses them first with 400). */
  INVALID_TERMS: 'CONTRACTS.INVALID_TERMS',
  /** The contract's customer was erased by the customers service: nothing new is sealed for them (422). */
  CUSTOMER_ERASED: 'CONTRACTS.CUSTOMER_ERASED',
  /** No signed terms are in force on the date asked (422). */
  NO_TERMS_IN_FORCE: 'CONTRACTS.NO_TERMS_IN_FORCE',
  /** Closing a renewal follow-up when none is open (422). */
  NO_OPEN_FOLLOW_UP: 'CONTRACTS.NO_OPEN_FOLLOW_UP',
  /** Only its owner or a manager closes a renewal follow-up (403). */
  FOLLOW_UP_FORBIDDEN: 'CONTRACTS.FOLLOW_UP_FORBIDDEN',
  /** The contract has no such version (404). */
  VERSION_NOT_FOUND: 'CONTRACTS.VERSION_NOT_FOUND',
} as const;

export type ContractErrorCode = (typeof ContractErrorCode)[keyof typeof ContractErrorCode];

export function contractError(
  code: ContractErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): DomainError {
  return new DomainError(code, message, details);
}
