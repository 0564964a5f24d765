import { useCase, type Command, type Event } from '@serviceops/kernel';
import { lapsed, onProposal, running } from './proposal.rules';
import type { ProposalContext, ProposalState } from './proposal.state';

/** The validity timer's: harmless when early or repeated. */
export type ExpireProposal = Command<'ExpireProposal', { proposalId: string }>;

export type ProposalExpired = Event<
  'ProposalExpired',
  { proposalId: string; validUntil: string; expiredAt: string }
>;

/** A sent proposal unanswered past its last valid day expires; answered meanwhile, the timer does nothing. */
export const expireProposal = useCase<ExpireProposal, ProposalExpired, ProposalState, ProposalContext>({
  command: 'ExpireProposal',
  decide(command, state, context) {
    const proposal = running(command, state, ['sent']);
    if (!proposal || !lapsed(proposal, context.today)) return [];
    const { proposalId, offer } = proposal;
    return [
      {
        type: 'ProposalExpired',
        data: { proposalId, validUntil: offer.validUntil, expiredAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ProposalExpired: onProposal((state) => ({ ...state, status: 'expired' })),
  },
});
