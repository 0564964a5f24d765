import { useCase, type Command, type Event } from '@serviceops/kernel';
import { ProposalErrorCode as E, proposalError } from './proposal.errors';
import { answered, onProposal } from './proposal.rules';
import type { ProposalContext, ProposalState } from './proposal.state';

export type DeclineProposal = Command<'DeclineProposal', { proposalId: string; reason: string }>;

export type ProposalDeclined = Event<
  'ProposalDeclined',
  { proposalId: string; reason: string; declinedAt: string }
>;

/** The customer declines, saying why (the application cancels the validity's timer in the same transaction). */
export const declineProposal = useCase<DeclineProposal, ProposalDeclined, ProposalState, ProposalContext>({
  command: 'DeclineProposal',
  handles: {
    rpc: 'contracts.DeclineProposal',
    command: (request: { id: string; reason?: string }) => ({
      type: 'DeclineProposal',
      data: { proposalId: request.id, reason: request.reason ?? '' },
    }),
  },
  decide(command, state, context) {
    const { proposalId } = answered(command, state);
    const reason = command.data.reason.trim();
    if (reason === '') throw proposalError(E.NO_REASON, 'say why the customer declined');
    return [
      { type: 'ProposalDeclined', data: { proposalId, reason, declinedAt: context.now.toISOString() } },
    ];
  },
  evolve: {
    ProposalDeclined: onProposal((state) => ({ ...state, status: 'declined' })),
  },
});
