import type { Terms } from '../terms/terms';
import { ProposalErrorCode as E, proposalError } from './proposal.errors';
import type { Offer, Proposal, ProposalState, ProposalStatus } from './proposal.state';

// What the proposal's use cases share: the lifecycle's guard, the offer as contract terms.

/** A command on an existing proposal: every one names it (the handler loads that proposal's stream with it). */
interface OnProposal {
  readonly type: string;
  readonly data: { readonly proposalId: string };
}

/**
 * The proposal a command acts on, in one of the statuses that allow it: 404 when the stream holds no such
 * proposal; 422 naming the status and the command when its status does not allow it.
 */
export function existing(
  command: OnProposal,
  state: ProposalState,
  allowed: readonly ProposalStatus[],
): Proposal {
  const proposal = found(command, state);
  if (!allowed.includes(proposal.status))
    throw proposalError(
      E.ILLEGAL_PROPOSAL_TRANSITION,
      `a proposal ${proposal.status} cannot take ${command.type}`,
      { status: proposal.status, command: command.type },
    );
  return proposal;
}

/**
 * The sent proposal the customer answers (accepts or declines). An expired one's answer is lapsed, the same answer
 * whether or not the validity's timer has run yet (see each answer's own check of the date).
 */
export function answered(command: OnProposal, state: ProposalState): Proposal {
  const proposal = found(command, state);
  if (proposal.status === 'expired')
    throw proposalError(E.PROPOSAL_LAPSED, `the proposal was valid until ${proposal.offer.validUntil}`);
  return existing(command, proposal, ['sent']);
}

/** As `existing`, for a timer's command: outside its statuses it does nothing (undefined). */
export function running(
  command: OnProposal,
  state: ProposalState,
  allowed: readonly ProposalStatus[],
): Proposal | undefined {
  const proposal = found(command, state);
  return allowed.includes(proposal.status) ? proposal : undefined;
}

function found(command: OnProposal, state: ProposalState): Proposal {
  if (state.status === 'absent' || state.proposalId !== command.data.proposalId)
    throw proposalError(E.PROPOSAL_NOT_FOUND, `proposal ${command.data.proposalId} does not exist`);
  return state;
}

/** Whether the proposal's last valid day has passed. */
export function lapsed(proposal: Proposal, today: string): boolean {
  return today > proposal.offer.validUntil;
}

/** An event's evolve case on an existing proposal: only ProposalCreated starts a stream. */
export function onProposal<E>(apply: (state: Proposal, event: E) => Proposal) {
  return (state: ProposalState, event: E): ProposalState =>
    state.status === 'absent' ? state : apply(state, event);
}

/**
 * The terms of the contract draft an accepted offer becomes: its items, period and payment terms (as the payment
 * schedule); the clauses are the template's to fill in. Checked at creation, so an acceptance cannot fail on them.
 */
export function offeredTerms(offer: Offer): Terms {
  return {
    startDate: offer.startDate,
    endDate: offer.endDate,
    items: offer.items,
    clauses: {},
    rentPerMonth: null,
    deposit: null,
    lateFeePerDay: null,
    visitsPerYear: null,
    paymentSchedule: offer.paymentTerms,
  };
}
