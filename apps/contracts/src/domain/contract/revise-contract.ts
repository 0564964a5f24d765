import { useCase, type Command, type Event } from '@serviceops/kernel';
import { termsOf, type TermsMessage } from '../terms/messages';
import type { Terms } from '../terms/terms';
import { existing, onContract, validTerms } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

/** A draft (or a returned one) rewritten: the whole terms replace the draft's. */
export type ReviseContract = Command<'ReviseContract', { contractId: string; terms: Terms }>;

export type ContractRevised = Event<
  'ContractRevised',
  { contractId: string; terms: Terms; revisedAt: string }
>;

export const reviseContract = useCase<ReviseContract, ContractRevised, ContractState, ContractContext>({
  command: 'ReviseContract',
  handles: {
    rpc: 'contracts.ReviseContract',
    command: (request: { id: string; terms?: TermsMessage }) => ({
      type: 'ReviseContract',
      data: { contractId: request.id, terms: termsOf(request.terms) },
    }),
  },
  decide(command, state, context) {
    const { contractId } = existing(command, state, context, ['draft', 'returned']);
    return [
      {
        type: 'ContractRevised',
        data: { contractId, terms: validTerms(command.data.terms), revisedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ContractRevised: onContract((state, event) => ({ ...state, terms: event.data.terms })),
  },
});
