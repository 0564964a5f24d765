import type { ProposalEvent } from './proposal.events';
import type { ProposalState } from './proposal.state';

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  if (event.type === 'ProposalCreated')
    return { status: 'drafted', proposalId: event.data.proposalId, offer: event.data.offer };
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'ProposalSent':
      return { ...state, status: 'sent' };
    case 'ProposalAccepted':
      return { ...state, status: 'accepted', contractId: event.data.contractId };
    case 'ProposalDeclined':
      return { ...state, status: 'declined' };
    case 'ProposalExpired':
      return { ...state, status: 'expired' };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
