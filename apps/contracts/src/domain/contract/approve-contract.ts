import { useCase, type Command, type Event } from '@serviceops/kernel';
import { existing, onContract } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type ApproveContract = Command<'ApproveContract', { contractId: string }>;

export type ContractApproved = Event<'ContractApproved', { contractId: string; approvedAt: string }>;

export const approveContract = useCase<ApproveContract, ContractApproved, ContractState, ContractContext>({
  command: 'ApproveContract',
  handles: {
    rpc: 'contracts.ApproveContract',
    command: (request: { id: string }) => ({ type: 'ApproveContract', data: { contractId: request.id } }),
  },
  decide(command, state, context) {
    const { contractId } = existing(command, state, context, ['in_review']);
    return [{ type: 'ContractApproved', data: { contractId, approvedAt: context.now.toISOString() } }];
  },
  evolve: {
    ContractApproved: onContract((state) => ({ ...state, status: 'approved' })),
  },
});
