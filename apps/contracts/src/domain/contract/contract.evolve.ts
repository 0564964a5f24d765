import type { ContractEvent } from './contract.events';
import type { Contract, ContractState } from './contract.state';

export function evolveContract(state: ContractState, event: ContractEvent): ContractState {
  if (event.type === 'ContractDrafted') {
    const { contractId, kind, customerId, line, terms, template, proposalId, predecessorId } = event.data;
    return {
      status: 'draft',
      contractId,
      kind,
      customerId,
      line,
      terms,
      template,
      versions: [],
      signatures: [],
      proposalId,
      predecessorId,
    };
  }
  // Only ContractDrafted starts a stream.
  if (state.status === 'absent') return state;
  return evolveExisting(state, event);
}

function evolveExisting(
  state: Contract,
  event: Exclude<ContractEvent, { type: 'ContractDrafted' }>,
): Contract {
  switch (event.type) {
    case 'ContractRevised':
      return { ...state, terms: event.data.terms };
    case 'ContractSubmittedForReview': {
      const { returnReasons: _reasons, ...rest } = state;
      return { ...rest, status: 'in_review' };
    }
    case 'ContractApproved':
      return { ...state, status: 'approved' };
    case 'ContractReturned':
      return { ...state, status: 'returned', returnReasons: event.data.reasons };
    case 'ContractSignatureRecorded': {
      const { party, signer, method, signedAt } = event.data;
      return { ...state, signatures: [...state.signatures, { party, signer, method, signedAt }] };
    }
    case 'ContractSigned': {
      const { version, effectiveFrom, terms } = event.data;
      return { ...state, status: 'signed', terms, versions: [{ version, effectiveFrom, terms }] };
    }
    case 'AmendmentProposed': {
      const { amendmentId, basedOnVersion, effectiveFrom, changes } = event.data;
      return { ...state, pending: { amendmentId, basedOnVersion, effectiveFrom, changes, signatures: [] } };
    }
    case 'AmendmentSignatureRecorded': {
      if (!state.pending) return state;
      const { party, signer, method, signedAt } = event.data;
      const signatures = [...state.pending.signatures, { party, signer, method, signedAt }];
      return { ...state, pending: { ...state.pending, signatures } };
    }
    case 'AmendmentSigned': {
      const { version, effectiveFrom, terms, amendmentId } = event.data;
      const { pending: _done, ...rest } = state;
      return {
        ...rest,
        terms,
        versions: [...state.versions, { version, effectiveFrom, terms, amendmentId }],
      };
    }
    case 'ContractSuspended':
      return { ...state, status: 'suspended' };
    case 'ContractResumed':
      return { ...state, status: 'signed' };
    case 'ContractTerminated':
      return { ...state, status: 'terminated' };
    case 'ContractRenewed':
      return { ...state, status: 'renewed', successorId: event.data.successorId };
    case 'ContractArchived':
      return { ...state, status: 'archived' };
    case 'ExpiryNoticeSent': {
      const { endDate, followUpOwner, sentAt } = event.data;
      return {
        ...state,
        noticeSentFor: endDate,
        renewalFollowUp: { owner: followUpOwner, endDate, status: 'open', openedAt: sentAt },
      };
    }
    case 'RenewalFollowUpClosed': {
      const { outcome, closedAt, closedBy } = event.data;
      if (!state.renewalFollowUp) return state;
      return { ...state, renewalFollowUp: { ...state.renewalFollowUp, status: outcome, closedAt, closedBy } };
    }
    case 'ContractExpired':
      return { ...state, status: 'expired' };
    // Published for other services; the contract itself is unchanged.
    case 'ContractEntitlementsPublished':
    case 'ContractBillingTermsPublished':
      return state;
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
