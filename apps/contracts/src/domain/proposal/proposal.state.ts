export interface AbsentProposal {
  readonly status: 'absent';
}

export interface ActiveProposal {
  readonly status: 'active';
  readonly proposalId: string;
}

export type ProposalState = AbsentProposal | ActiveProposal;

export const initialProposalState = (): ProposalState => ({ status: 'absent' });
