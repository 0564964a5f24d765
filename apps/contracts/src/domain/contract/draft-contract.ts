import { isBusinessLine, type BusinessLine } from '@serviceops/contracts';
import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { termsOf, type TermsMessage } from '../terms/messages';
import { isContractKind, type ContractKind, type Terms } from '../terms/terms';
import { ContractErrorCode as E, contractError } from './contract.errors';
import { invalid, validTerms } from './contract.rules';
import type { ContractContext, ContractState, TemplateRef } from './contract.state';

export type DraftContract = Command<
  'DraftContract',
  {
    contractId: string;
    kind: ContractKind;
    customerId: string;
    line: BusinessLine;
    terms: Terms;
    /** The accepted proposal it was drafted from. */
    proposalId?: string;
    /** The contract it renews. */
    predecessorId?: string;
  }
>;

export type ContractDrafted = Event<
  'ContractDrafted',
  {
    contractId: string;
    kind: ContractKind;
    customerId: string;
    line: BusinessLine;
    terms: Terms;
    template: TemplateRef;
    proposalId: string | null;
    predecessorId: string | null;
    draftedAt: string;
  }
>;

/** The request as the proto decodes it (proto3: unset fields absent). */
interface DraftContractRequest {
  readonly kind?: string;
  readonly customerId?: string;
  readonly line?: string;
  readonly terms?: TermsMessage;
}

/**
 * A new contract's draft, under the template of its kind in force now (the context's). Drafted over the API (its
 * handler checks the customer's id and makes their data key first: application/contract.handlers.ts), from an
 * accepted proposal, or as a renewal's successor.
 */
export const draftContract = useCase<DraftContract, ContractDrafted, ContractState, ContractContext>({
  command: 'DraftContract',
  handles: {
    rpc: 'contracts.DraftContract',
    command: (request: DraftContractRequest, { newId }: Caller) => ({
      type: 'DraftContract',
      data: {
        contractId: newId,
        kind: (request.kind ?? '') as ContractKind,
        // A uuid is one id whatever its case: the key and the streams are the lower-case one's.
        customerId: (request.customerId ?? '').toLowerCase(),
        line: (request.line ?? '') as BusinessLine,
        terms: termsOf(request.terms),
      },
    }),
  },
  decide(command, state, context) {
    if (state.status !== 'absent') throw contractError(E.CONTRACT_EXISTS, 'the contract exists already');
    const { contractId, kind, customerId, line, terms, proposalId, predecessorId } = command.data;
    if (!isContractKind(kind)) throw invalid('kind', 'is not a kind of contract');
    if (!isBusinessLine(line)) throw invalid('line', 'is not a business line');
    const { template } = context;
    if (!template) throw new Error('DraftContract needs the template of its kind in its context');
    return [
      {
        type: 'ContractDrafted',
        data: {
          contractId,
          kind,
          customerId,
          line,
          terms: validTerms(terms),
          template,
          proposalId: proposalId ?? null,
          predecessorId: predecessorId ?? null,
          draftedAt: context.now.toISOString(),
        },
      },
    ];
  },
  evolve: {
    ContractDrafted: (_state, event) => {
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
    },
  },
});
