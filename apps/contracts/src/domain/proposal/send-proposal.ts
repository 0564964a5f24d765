import { useCase, type Command, type Event } from '@serviceops/kernel';
import { ProposalErrorCode as E, proposalError } from './proposal.errors';
import { existing, lapsed, onProposal } from './proposal.rules';
import type { ProposalContext, ProposalState } from './proposal.state';

export type SendProposal = Command<'SendProposal', { proposalId: string }>;

export type ProposalSent = Event<'ProposalSent', { proposalId: string; validUntil: string; sentAt: string }>;

/** Sent to the customer within its validity (the application sets the validity's timer in the same transaction). */
export const sendProposal = useCase<SendProposal, ProposalSent, ProposalState, ProposalContext>({
  command: 'SendProposal',
  handles: {
    rpc: 'contracts.SendProposal',
    command: (request: { id: string }) => ({ type: 'SendProposal', data: { proposalId: request.id } }),
  },
  decide(command, state, context) {
    const proposal = existing(command, state, ['drafted']);
    const { proposalId, offer } = proposal;
    if (lapsed(proposal, context.today))
      throw proposalError(E.VALIDITY_PASSED, `the proposal was valid until ${offer.validUntil}`);
    return [
      {
        type: 'ProposalSent',
        data: { proposalId, validUntil: offer.validUntil, sentAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ProposalSent: onProposal((state) => ({ ...state, status: 'sent' })),
  },
});
