import { useCase, type Command, type Event } from '@serviceops/kernel';
import { existing, onContract, reason } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type SuspendContract = Command<'SuspendContract', { contractId: string; reason: string }>;

export type ContractSuspended = Event<
  'ContractSuspended',
  { contractId: string; reason: string; suspendedAt: string }
>;

export const suspendContract = useCase<SuspendContract, ContractSuspended, ContractState, ContractContext>({
  command: 'SuspendContract',
  handles: {
    rpc: 'contracts.SuspendContract',
    command: (request: { id: string; reason?: string }) => ({
      type: 'SuspendContract',
      data: { contractId: request.id, reason: request.reason ?? '' },
    }),
  },
  decide(command, state, context) {
    const { contractId } = existing(command, state, context, ['active']);
    return [
      {
        type: 'ContractSuspended',
        data: { contractId, reason: reason(command.data.reason), suspendedAt: context.now.toISOString() },
      },
    ];
  },
  evolve: {
    ContractSuspended: onContract((state) => ({ ...state, status: 'suspended' })),
  },
});
