import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import { PROPOSAL_USE_CASES, type ProposalEvent } from './proposal.decider';

// Each event is declared with the use case that records it (send-proposal.ts, …); the union is derived from the
// list of use cases (proposal.decider.ts).
export type { ProposalEvent } from './proposal.decider';

/**
 * Per event type, the free text that can name people (the reason given for declining), sealed by the
 * application with the customer's data key: from the one list in libs/contracts (`PERSONAL_TEXT.proposal`).
 */
export const PROPOSAL_SEALED_PATHS = sealedPathsOf(
  // Every event type: each use case evolves the events it owns, so the list follows the use cases (a new event
  // needs no line here).
  PROPOSAL_USE_CASES.flatMap((useCase) => Object.keys(useCase.evolve) as ProposalEvent['type'][]),
  PERSONAL_TEXT.proposal,
);
