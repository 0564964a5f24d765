import { CONTRACT_FIELDS, isBusinessLine } from '@serviceops/contracts';
import { isLocalDate } from '@serviceops/kernel';
import { validTerms } from '../contract/contract.decide';
import { isContractKind, type Terms } from '../terms/terms';
import type { CreateProposal, Offer, ProposalCommand } from './proposal.commands';
import { ProposalErrorCode as E, proposalError } from './proposal.errors';
import type { ProposalEvent } from './proposal.events';
import type { ProposalState, ProposalStatus } from './proposal.state';

export interface ProposalContext {
  readonly now: Date;
  /** The tenant's local date now. */
  readonly today: string;
}

/** Which command each status allows. */
export const PROPOSAL_ALLOWED_FROM: Readonly<
  Record<Exclude<ProposalCommand['type'], 'CreateProposal'>, readonly ProposalStatus[]>
> = {
  SendProposal: ['drafted'],
  AcceptProposal: ['sent'],
  DeclineProposal: ['sent'],
  ExpireProposal: ['sent'],
};

/** The customer's answers: after the validity they are refused as lapsed, expired or not. */
const ANSWERS: readonly ProposalCommand['type'][] = ['AcceptProposal', 'DeclineProposal'];

export function decideProposal(
  command: ProposalCommand,
  state: ProposalState,
  context: ProposalContext,
): readonly ProposalEvent[] {
  const at = context.now.toISOString();
  if (command.type === 'CreateProposal') return createProposal(command, state, at);
  if (state.status === 'absent' || state.proposalId !== command.data.proposalId)
    throw proposalError(E.PROPOSAL_NOT_FOUND, `proposal ${command.data.proposalId} does not exist`);
  if (!PROPOSAL_ALLOWED_FROM[command.type].includes(state.status)) {
    if (command.type === 'ExpireProposal') return [];
    // The same answer whether or not the validity's timer has run yet (see the lapsed checks below).
    if (state.status === 'expired' && ANSWERS.includes(command.type))
      throw proposalError(E.PROPOSAL_LAPSED, `the proposal was valid until ${state.offer.validUntil}`);
    throw proposalError(
      E.ILLEGAL_PROPOSAL_TRANSITION,
      `a proposal ${state.status} cannot take ${command.type}`,
      {
        status: state.status,
        command: command.type,
      },
    );
  }
  const { proposalId, offer } = state;
  const lapsed = context.today > offer.validUntil;
  switch (command.type) {
    case 'SendProposal':
      if (lapsed) throw proposalError(E.VALIDITY_PASSED, `the proposal was valid until ${offer.validUntil}`);
      return [{ type: 'ProposalSent', data: { proposalId, validUntil: offer.validUntil, sentAt: at } }];
    case 'AcceptProposal':
      if (lapsed) throw proposalError(E.PROPOSAL_LAPSED, `the proposal was valid until ${offer.validUntil}`);
      return [
        {
          type: 'ProposalAccepted',
          data: { proposalId, contractId: command.data.contractId, acceptedAt: at },
        },
      ];
    case 'DeclineProposal': {
      const reason = command.data.reason.trim();
      if (reason === '') throw proposalError(E.NO_REASON, 'say why the customer declined');
      return [{ type: 'ProposalDeclined', data: { proposalId, reason, declinedAt: at } }];
    }
    case 'ExpireProposal':
      if (!lapsed) return [];
      return [{ type: 'ProposalExpired', data: { proposalId, validUntil: offer.validUntil, expiredAt: at } }];
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
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

function createProposal(command: CreateProposal, state: ProposalState, at: string): ProposalEvent[] {
  if (state.status !== 'absent') throw proposalError(E.PROPOSAL_EXISTS, 'the proposal exists already');
  const { proposalId, ...offer } = command.data;
  if (!isContractKind(offer.kind)) throw invalid('kind', 'is not a kind of contract');
  if (!isBusinessLine(offer.line)) throw invalid('line', 'is not a business line');
  if (!isLocalDate(offer.validUntil)) throw invalid('validUntil', 'must be a date YYYY-MM-DD');
  if (offer.items.length === 0) throw proposalError(E.NO_ITEMS, 'a proposal offers at least one item');
  if (!CONTRACT_FIELDS.paymentTerms.accepts(offer.paymentTerms))
    throw invalid('paymentTerms', CONTRACT_FIELDS.paymentTerms.message);
  // The same checks as the contract it becomes (dates, items, money, the payment terms as its schedule).
  validTerms(offeredTerms(offer));
  return [{ type: 'ProposalCreated', data: { proposalId, offer, createdAt: at } }];
}

function invalid(field: string, message: string) {
  return proposalError(E.INVALID_PROPOSAL, `${field} ${message}`, { field });
}
