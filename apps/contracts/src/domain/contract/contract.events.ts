import {
  PERSONAL_TEXT,
  sealedPathsOf,
  type BusinessLine,
  type ContractBillingTermsPublishedV1,
  type ContractEntitlementsPublishedV1,
  type ContractExpiryNoticeSentV1,
  type ContractRenewalFollowUpClosedV1,
} from '@serviceops/contracts';
import type { Event } from '@serviceops/kernel';
import type { ClauseKey, ContractKind, TermChanges, Terms } from '../terms/terms';
import type { Party, SigningMethod } from './contract.commands';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

/** The template's rules the contract was drafted under (its version is recorded with the decision). */
export interface TemplateRef {
  version: number;
  title: string;
  requiredClauses: ClauseKey[];
  reviewRequired: boolean;
  expiryNoticeMonths: number;
}

export type ContractDrafted = Event<
  'ContractDrafted',
  {
    contractId: string;
    kind: ContractKind;
    customerId: string;
    line: BusinessLine;
    terms: Terms;
    template: TemplateRef;
    proposalId: string | null;
    predecessorId: string | null;
    draftedAt: string;
  }
>;
export type ContractRevised = Event<
  'ContractRevised',
  { contractId: string; terms: Terms; revisedAt: string }
>;
export type ContractSubmittedForReview = Event<
  'ContractSubmittedForReview',
  { contractId: string; submittedAt: string }
>;
export type ContractApproved = Event<'ContractApproved', { contractId: string; approvedAt: string }>;
export type ContractReturned = Event<
  'ContractReturned',
  { contractId: string; reasons: string[]; returnedAt: string }
>;
export type ContractSignatureRecorded = Event<
  'ContractSignatureRecorded',
  { contractId: string; party: Party; signer: string; method: SigningMethod; signedAt: string }
>;
/** Both parties signed: version 1, in force from the start date. */
export type ContractSigned = Event<
  'ContractSigned',
  {
    contractId: string;
    version: 1;
    effectiveFrom: string;
    terms: Terms;
    documentHash: string;
    signedAt: string;
  }
>;
export type AmendmentProposed = Event<
  'AmendmentProposed',
  {
    contractId: string;
    amendmentId: string;
    basedOnVersion: number;
    effectiveFrom: string;
    changes: TermChanges;
    proposedAt: string;
  }
>;
export type AmendmentSignatureRecorded = Event<
  'AmendmentSignatureRecorded',
  {
    contractId: string;
    amendmentId: string;
    party: Party;
    signer: string;
    method: SigningMethod;
    signedAt: string;
  }
>;
/** Both parties signed the amendment: a new version, in force from its effective date. */
export type AmendmentSigned = Event<
  'AmendmentSigned',
  {
    contractId: string;
    amendmentId: string;
    version: number;
    effectiveFrom: string;
    terms: Terms;
    documentHash: string;
    signedAt: string;
  }
>;
export type ContractSuspended = Event<
  'ContractSuspended',
  { contractId: string; reason: string; suspendedAt: string }
>;
export type ContractResumed = Event<'ContractResumed', { contractId: string; resumedAt: string }>;
export type ContractTerminated = Event<
  'ContractTerminated',
  { contractId: string; reason: string; terminatedBy: string; terminatedAt: string }
>;
export type ContractRenewed = Event<
  'ContractRenewed',
  { contractId: string; successorId: string; renewedAt: string }
>;
export type ContractArchived = Event<'ContractArchived', { contractId: string; archivedAt: string }>;
/** Published (ContractExpiryNoticeSentV1): opens the renewal follow-up. */
export type ExpiryNoticeSent = Event<'ExpiryNoticeSent', ContractExpiryNoticeSentV1>;
/**
 * Published (ContractRenewalFollowUpClosedV1): the renewal follow-up closed, by its owner or a manager, or with
 * the contract (renewed, ended: `system`).
 */
export type RenewalFollowUpClosed = Event<'RenewalFollowUpClosed', ContractRenewalFollowUpClosedV1>;
export type ContractExpired = Event<
  'ContractExpired',
  { contractId: string; endDate: string; expiredAt: string }
>;

/** For orders and billing, at signing and at each signed amendment (libs/contracts/src/events). */
export type ContractEntitlementsPublished = Event<
  'ContractEntitlementsPublished',
  ContractEntitlementsPublishedV1
>;
export type ContractBillingTermsPublished = Event<
  'ContractBillingTermsPublished',
  ContractBillingTermsPublishedV1
>;

export type ContractEvent =
  | ContractDrafted
  | ContractRevised
  | ContractSubmittedForReview
  | ContractApproved
  | ContractReturned
  | ContractSignatureRecorded
  | ContractSigned
  | AmendmentProposed
  | AmendmentSignatureRecorded
  | AmendmentSigned
  | ContractSuspended
  | ContractResumed
  | ContractTerminated
  | ContractRenewed
  | ContractArchived
  | ExpiryNoticeSent
  | RenewalFollowUpClosed
  | ContractExpired
  | ContractEntitlementsPublished
  | ContractBillingTermsPublished;

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
