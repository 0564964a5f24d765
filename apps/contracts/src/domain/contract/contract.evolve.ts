import type { ContractEvent } from './contract.events';
import type { ContractState } from './contract.state';

export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  switch (event.type) {
    case 'ContractDrafted':
      return { status: 'active', contractId: event.data.contractId };
    case 'ContractSubmittedForReview':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractApproved':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractReturned':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractSigned':
      return state; // what later decisions need to know of it goes into the state here
    case 'AmendmentProposed':
      return state; // what later decisions need to know of it goes into the state here
    case 'AmendmentSigned':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractSuspended':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractResumed':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractTerminated':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractRenewed':
      return state; // what later decisions need to know of it goes into the state here
    case 'ContractArchived':
      return state; // what later decisions need to know of it goes into the state here
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
