import { PERSONAL_TEXT, sealedPathsOf } from '@serviceops/contracts';
import type { ContractEvent } from './contract.decider';

// Each event is declared with the use case that records it (sign-contract.ts, …); the union is derived from the
// list of use cases (contract.decider.ts).
export type { ContractEvent } from './contract.decider';

/**
 * Per event type, the free text that can name people (clauses, signers, reasons), sealed by the application with
 * the customer's data key: from the one list in libs/contracts (`PERSONAL_TEXT.contract`).
 */
export const CONTRACT_SEALED_PATHS = sealedPathsOf(
  [
    'ContractDrafted',
    'ContractRevised',
    'ContractSubmittedForReview',
    'ContractApproved',
    'ContractReturned',
    'ContractSignatureRecorded',
    'ContractSigned',
    'AmendmentProposed',
    'AmendmentSignatureRecorded',
    'AmendmentSigned',
    'ContractSuspended',
    'ContractResumed',
    'ContractTerminated',
    'ContractRenewed',
    'ContractArchived',
    'ExpiryNoticeSent',
    'RenewalFollowUpClosed',
    'ContractExpired',
    'ContractEntitlementsPublished',
    'ContractBillingTermsPublished',
  ],
  PERSONAL_TEXT.contract,
) satisfies Record<ContractEvent['type'], readonly string[]>;
