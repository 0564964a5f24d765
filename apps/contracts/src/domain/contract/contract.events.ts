import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { CONTRACT_USE_CASES, type ContractEvent } from './contract.decider';

// Each event is declared with the use case that records it (sign-contract.ts, …); the union is derived from the
// list of use cases (contract.decider.ts).
export type { ContractEvent } from './contract.decider';

/**
 * Per event type, the free text that can name people (clauses, signers, reasons), sealed by the application with
 * the customer's data key: from the one list in libs/contracts (`PERSONAL_TEXT.contract`).
 */
export const CONTRACT_SEALED_PATHS = sealedPathsOf(
  // Every event type: each use case evolves the events it owns, so the list follows the use cases (a new event
  // needs no line here).
  CONTRACT_USE_CASES.flatMap((useCase) => Object.keys(useCase.evolve) as ContractEvent['type'][]),
  PERSONAL_TEXT.contract,
);
