import { useCase, type Command, type Event } from '@serviceops/kernel';
import { assertClauses, existing, onContract } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type SubmitContractForReview = Command<'SubmitContractForReview', { contractId: string }>;

export type ContractSubmittedForReview = Event<
  'ContractSubmittedForReview',
  { contractId: string; submittedAt: string }
>;

export const submitContractForReview = useCase<
  SubmitContractForReview,
  ContractSubmittedForReview,
  ContractState,
  ContractContext
>({
  command: 'SubmitContractForReview',
  handles: {
    rpc: 'contracts.SubmitContractForReview',
    command: (request: { id: string }) => ({
      type: 'SubmitContractForReview',
      data: { contractId: request.id },
    }),
  },
  decide(command, state, context) {
    const contract = existing(command, state, context, ['draft', 'returned']);
    assertClauses(contract);
    return [
      {
        type: 'ContractSubmittedForReview',
        data: { contractId: contract.contractId, submittedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ContractSubmittedForReview: onContract((state) => {
      const { returnReasons: _reasons, ...rest } = state;
      return { ...rest, status: 'in_review' };
    }),
  },
});
