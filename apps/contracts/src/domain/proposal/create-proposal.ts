import { CONTRACT_FIELDS, isBusinessLine, type BusinessLine } from '@serviceops/contracts';
import { isLocalDate, useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { validTerms } from '../contract/contract.rules';
import { itemOf, type ItemMessage } from '../terms/messages';
import { isContractKind, type ContractKind } from '../terms/terms';
import { ProposalErrorCode as E, proposalError } from './proposal.errors';
import { offeredTerms } from './proposal.rules';
import type { Offer, ProposalContext, ProposalState } from './proposal.state';

export type CreateProposal = Command<'CreateProposal', { proposalId: string } & Offer>;

export type ProposalCreated = Event<
  'ProposalCreated',
  { proposalId: string; offer: Offer; createdAt: string }
>;

/** The request as the proto decodes it (proto3: unset strings absent). */
interface CreateProposalRequest {
  readonly customerId?: string;
  readonly line?: string;
  readonly kind?: string;
  readonly items?: readonly ItemMessage[];
  readonly paymentTerms?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly validUntil?: string;
}

/**
 * A quote written: the offer checked as the contract it would become, so an acceptance cannot fail on it. Its
 * handler checks the customer's id and makes their data key first (application/proposal.handlers.ts).
 */
export const createProposal = useCase<CreateProposal, ProposalCreated, ProposalState, ProposalContext>({
  command: 'CreateProposal',
  handles: {
    rpc: 'contracts.CreateProposal',
    command: (request: CreateProposalRequest, { newId }: Caller) => ({
      type: 'CreateProposal',
      data: {
        proposalId: newId,
        // A uuid is one id whatever its case: the key and the streams are the lower-case one's.
        customerId: (request.customerId ?? '').toLowerCase(),
        line: (request.line ?? '') as BusinessLine,
        kind: (request.kind ?? '') as ContractKind,
        items: (request.items ?? []).map(itemOf),
        paymentTerms: request.paymentTerms ?? '',
        startDate: request.startDate ?? '',
        endDate: request.endDate ?? '',
        validUntil: request.validUntil ?? '',
      },
    }),
  },
  decide(command, state, context) {
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
    return [{ type: 'ProposalCreated', data: { proposalId, offer, createdAt: context.now.toISOString() } }];
  },
  evolve: {
    ProposalCreated: (_state, event) => ({
      status: 'drafted',
      proposalId: event.data.proposalId,
      offer: event.data.offer,
    }),
  },
});

function invalid(field: string, message: string) {
  return proposalError(E.INVALID_PROPOSAL, `${field} ${message}`, { field });
}
