import { streamId, type Decider } from '@serviceops/kernel';
import type { ProposalCommand } from './proposal.commands';
import { decideProposal, type ProposalContext } from './proposal.decide';
import type { ProposalEvent } from './proposal.events';
import { evolveProposal } from './proposal.evolve';
import { initialProposalState, type ProposalState } from './proposal.state';

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState, ProposalContext> = {
  initialState: initialProposalState,
  decide: decideProposal,
  evolve: evolveProposal,
};

/** One stream per proposal: 'proposal-<tenantId>-<proposalId>'. */
export function proposalStreamId(tenantId: string, proposalId: string): string {
  return streamId('proposal', tenantId, proposalId);
}
