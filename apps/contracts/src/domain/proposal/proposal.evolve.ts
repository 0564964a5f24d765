import type { ProposalEvent } from './proposal.events';
import type { ProposalState } from './proposal.state';

export function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  switch (event.type) {
    case 'ProposalCreated':
      return { status: 'active', proposalId: event.data.proposalId };
    case 'ProposalSent':
      return state; // what later decisions need to know of it goes into the state here
    case 'ProposalAccepted':
      return state; // what later decisions need to know of it goes into the state here
    case 'ProposalDeclined':
      return state; // what later decisions need to know of it goes into the state here
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
