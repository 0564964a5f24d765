import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import { acceptProposal } from './accept-proposal';
import { createProposal } from './create-proposal';
import { declineProposal } from './decline-proposal';
import { expireProposal } from './expire-proposal';
import { initialProposalState, type ProposalContext, type ProposalState } from './proposal.state';
import { sendProposal } from './send-proposal';

/**
 * The proposal (a quote): the list of its use cases, a file each beside this one (command, decision, the events it
 * records and how they change the state). The unions, the decider and the handler's binding follow from the list.
 */
export const PROPOSAL_USE_CASES = [
  createProposal,
  sendProposal,
  acceptProposal,
  declineProposal,
  expireProposal,
] as const;

export type ProposalCommand = CommandOf<typeof PROPOSAL_USE_CASES>;
export type ProposalEvent = EventOf<typeof PROPOSAL_USE_CASES>;

export const proposalDecider = deciderOf<typeof PROPOSAL_USE_CASES, ProposalState, ProposalContext>(
  initialProposalState,
  PROPOSAL_USE_CASES,
);

/** One stream per proposal: 'proposal-<tenantId>-<proposalId>'. */
export function proposalStreamId(tenantId: string, proposalId: string): string {
  return streamId('proposal', tenantId, proposalId);
}
