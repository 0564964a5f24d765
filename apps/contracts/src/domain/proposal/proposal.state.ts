import type { Offer } from './proposal.commands';

export const PROPOSAL_STATUSES = ['drafted', 'sent', 'accepted', 'declined', 'expired'] as const;
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
