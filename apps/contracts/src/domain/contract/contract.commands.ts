import type { BusinessLine } from '@serviceops/contracts';
import type { ContractKind, TermChanges, Terms } from '../terms/terms';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
}

export { PARTIES, SIGNING_METHODS, type Party, type SigningMethod } from '@serviceops/contracts';
import type { FollowUpOutcome } from '@serviceops/contracts';
import type { Party, SigningMethod } from '@serviceops/contracts';

/** Who signed for a party, and how. */
export interface Signing {
  readonly party: Party;
  /** The signer's name as written on the contract. */
  readonly signer: string;
  readonly method: SigningMethod;
}

// Every command names its contract: the handler loads that contract's stream with it.

export type DraftContract = Command<
  'DraftContract',
  {
    contractId: string;
    kind: ContractKind;
    customerId: string;
    line: BusinessLine;
    terms: Terms;
    /** The accepted proposal it was drafted from. */
    proposalId?: string;
    /** The contract it renews. */
    predecessorId?: string;
  }
>;
/** A draft (or a returned one) rewritten: the whole terms replace the draft's. */
export type ReviseContract = Command<'ReviseContract', { contractId: string; terms: Terms }>;
export type SubmitContractForReview = Command<'SubmitContractForReview', { contractId: string }>;
export type ApproveContract = Command<'ApproveContract', { contractId: string }>;
export type ReturnContract = Command<'ReturnContract', { contractId: string; reasons: readonly string[] }>;
export type SignContract = Command<'SignContract', { contractId: string } & Signing>;
export type AmendContract = Command<
  'AmendContract',
  { contractId: string; amendmentId: string; effectiveFrom: string; changes: TermChanges }
>;
export type SignAmendment = Command<'SignAmendment', { contractId: string } & Signing>;
export type SuspendContract = Command<'SuspendContract', { contractId: string; reason: string }>;
export type ResumeContract = Command<'ResumeContract', { contractId: string }>;
export type TerminateContract = Command<
  'TerminateContract',
  { contractId: string; reason: string; by: string }
>;
export type RenewContract = Command<'RenewContract', { contractId: string; successorId: string }>;
export type ArchiveContract = Command<'ArchiveContract', { contractId: string }>;
/** The expiry timer's: a notice before the end, with the owner of the renewal follow-up. Harmless when repeated. */
export type SendExpiryNotice = Command<'SendExpiryNotice', { contractId: string; followUpOwner: string }>;
/** Its owner (or a manager, `asManager`) closes the open renewal follow-up with an outcome. */
export type CloseRenewalFollowUp = Command<
  'CloseRenewalFollowUp',
  { contractId: string; outcome: FollowUpOutcome; by: string; asManager: boolean }
>;
/** The end timer's: no renewal by the end → expired. Harmless when early or repeated. */
export type ExpireContract = Command<'ExpireContract', { contractId: string }>;

export type ContractCommand =
  | DraftContract
  | ReviseContract
  | SubmitContractForReview
  | ApproveContract
  | ReturnContract
  | SignContract
  | AmendContract
  | SignAmendment
  | SuspendContract
  | ResumeContract
  | TerminateContract
  | RenewContract
  | ArchiveContract
  | SendExpiryNotice
  | CloseRenewalFollowUp
  | ExpireContract;
