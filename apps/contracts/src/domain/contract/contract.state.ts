import type { BusinessLine, FollowUpStatus, Party, SigningMethod } from '@serviceops/contracts';
import type { ClauseKey, ContractKind, TermChanges, Terms, TermsVersion } from '../terms/terms';

export { PARTIES, SIGNING_METHODS, type Party, type SigningMethod } from '@serviceops/contracts';

// Event data is stored as JSON: instants are ISO-8601 strings and "none" is null, never undefined.

/** The template's rules the contract was drafted under (its version is recorded with the decision). */
export interface TemplateRef {
  version: number;
  title: string;
  requiredClauses: ClauseKey[];
  reviewRequired: boolean;
  expiryNoticeMonths: number;
}

/** Who signed for a party, and how. */
export interface Signing {
  readonly party: Party;
  /** The signer's name as written on the contract. */
  readonly signer: string;
  readonly method: SigningMethod;
}

/** What the contract's decisions take from outside the domain. */
export interface ContractContext {
  readonly now: Date;
  /** The tenant's local date now: a signed contract is active from its start date. */
  readonly today: string;
  /** DraftContract: the tenant's template of the kind, in force now. */
  readonly template?: TemplateRef;
  /** A content hash of a rendered document (the application's sha-256), recorded at signing. */
  readonly hash: (text: string) => string;
}

/** Stored statuses. "Active" is not stored: a signed contract is active from its start date (see statusOn). */
export { CONTRACT_STATUSES } from '@serviceops/contracts';
import type { CONTRACT_STATUSES } from '@serviceops/contracts';
export type StoredStatus = (typeof CONTRACT_STATUSES)[number];
/** What a caller sees: a signed contract whose start date has come is active. */
export type ContractStatus = StoredStatus | 'active';

export interface Signature {
  readonly party: Party;
  readonly signer: string;
  readonly method: SigningMethod;
  readonly signedAt: string;
}

export interface PendingAmendment {
  readonly amendmentId: string;
  readonly basedOnVersion: number;
  readonly effectiveFrom: string;
  readonly changes: TermChanges;
  readonly signatures: readonly Signature[];
}

/** The renewal follow-up the expiry notice opened for its owner (the last one: a moved end opens another). */
export interface RenewalFollowUp {
  readonly owner: string;
  readonly endDate: string;
  readonly status: FollowUpStatus;
  readonly openedAt: string;
  readonly closedAt?: string;
  readonly closedBy?: string;
}

export interface AbsentContract {
  readonly status: 'absent';
}

export interface Contract {
  readonly status: StoredStatus;
  readonly contractId: string;
  readonly kind: ContractKind;
  readonly customerId: string;
  readonly line: BusinessLine;
  readonly template: TemplateRef;
  /** The draft's terms before signing; the latest version's after. */
  readonly terms: Terms;
  /** Signed versions, oldest first (empty until both parties signed). */
  readonly versions: readonly TermsVersion[];
  readonly signatures: readonly Signature[];
  readonly pending?: PendingAmendment;
  readonly returnReasons?: readonly string[];
  readonly proposalId: string | null;
  readonly predecessorId: string | null;
  readonly successorId?: string;
  /** The end date the expiry notice went out for: never twice for one end. */
  readonly noticeSentFor?: string;
  readonly renewalFollowUp?: RenewalFollowUp;
}

export type ContractState = AbsentContract | Contract;

export const initialContractState = (): ContractState => ({ status: 'absent' });

/** The status on a local date: a signed contract is active from its start date on. */
export function statusOn(state: Contract, today: string): ContractStatus {
  return state.status === 'signed' && today >= state.terms.startDate ? 'active' : state.status;
}
