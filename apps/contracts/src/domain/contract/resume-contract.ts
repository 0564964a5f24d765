import { useCase, type Command, type Event } from '@serviceops/kernel';
import { existing, onContract } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type ResumeContract = Command<'ResumeContract', { contractId: string }>;

export type ContractResumed = Event<'ContractResumed', { contractId: string; resumedAt: string }>;

export const resumeContract = useCase<ResumeContract, ContractResumed, ContractState, ContractContext>({
  command: 'ResumeContract',
  handles: {
    rpc: 'contracts.ResumeContract',
    command: (request: { id: string }) => ({ type: 'ResumeContract', data: { contractId: request.id } }),
  },
  decide(command, state, context) {
    const { contractId } = existing(command, state, context, ['suspended']);
    return [{ type: 'ContractResumed', data: { contractId, resumedAt: context.now.toISOString() } }];
  },
  evolve: {
    ContractResumed: onContract((state) => ({ ...state, status: 'signed' })),
  },
});
