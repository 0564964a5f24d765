import type { Offer } from './proposal.commands';

export { PROPOSAL_STATUSES } from '@serviceops/contracts';
import type { PROPOSAL_STATUSES } from '@serviceops/contracts';
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

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
