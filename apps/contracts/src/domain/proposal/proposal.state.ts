import type { BusinessLine } from '@serviceops/contracts';
import type { ContractItem, ContractKind } from '../terms/terms';

export { PROPOSAL_STATUSES } from '@serviceops/contracts';
import type { PROPOSAL_STATUSES } from '@serviceops/contracts';
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** What a quote offers: the contract it would become. */
export interface Offer {
  readonly customerId: string;
  readonly line: BusinessLine;
  readonly kind: ContractKind;
  readonly items: readonly ContractItem[];
  /** Free text: 'paid in full before the first session'. */
  readonly paymentTerms: string;
  /** The period the service runs, local dates. */
  readonly startDate: string;
  readonly endDate: string;
  /** The last day the customer may accept. */
  readonly validUntil: string;
}

/** What a proposal's decisions take from outside the domain. */
export interface ProposalContext {
  readonly now: Date;
  /** The tenant's local date now. */
  readonly today: string;
}

export interface AbsentProposal {
  readonly status: 'absent';
}

export interface Proposal {
  readonly status: ProposalStatus;
  readonly proposalId: string;
  readonly offer: Offer;
  readonly contractId?: string;
}

export type ProposalState = AbsentProposal | Proposal;

export const initialProposalState = (): ProposalState => ({ status: 'absent' });
