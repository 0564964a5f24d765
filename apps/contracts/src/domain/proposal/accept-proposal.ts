import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { ProposalErrorCode as E, proposalError } from './proposal.errors';
import { answered, lapsed, onProposal } from './proposal.rules';
import type { ProposalContext, ProposalState } from './proposal.state';

export type AcceptProposal = Command<'AcceptProposal', { proposalId: string; contractId: string }>;

export type ProposalAccepted = Event<
  'ProposalAccepted',
  { proposalId: string; contractId: string; acceptedAt: string }
>;

/** The customer accepts by the last valid day: the contract's draft (`contractId`) follows in the same transaction. */
export const acceptProposal = useCase<AcceptProposal, ProposalAccepted, ProposalState, ProposalContext>({
  command: 'AcceptProposal',
  handles: {
    rpc: 'contracts.AcceptProposal',
    command: (request: { id: string }, { newId }: Caller) => ({
      type: 'AcceptProposal',
      data: { proposalId: request.id, contractId: newId },
    }),
  },
  decide(command, state, context) {
    const proposal = answered(command, state);
    if (lapsed(proposal, context.today))
      throw proposalError(E.PROPOSAL_LAPSED, `the proposal was valid until ${proposal.offer.validUntil}`);
    return [
      {
        type: 'ProposalAccepted',
        data: {
          proposalId: proposal.proposalId,
          contractId: command.data.contractId,
          acceptedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ProposalAccepted: onProposal((state, event) => ({
      ...state,
      status: 'accepted',
      contractId: event.data.contractId,
    })),
  },
});
