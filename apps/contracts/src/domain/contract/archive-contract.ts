import { useCase, type Command, type Event } from '@serviceops/kernel';
import { existing, onContract } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type ArchiveContract = Command<'ArchiveContract', { contractId: string }>;

export type ContractArchived = Event<'ContractArchived', { contractId: string; archivedAt: string }>;

export const archiveContract = useCase<ArchiveContract, ContractArchived, ContractState, ContractContext>({
  command: 'ArchiveContract',
  handles: {
    rpc: 'contracts.ArchiveContract',
    command: (request: { id: string }) => ({ type: 'ArchiveContract', data: { contractId: request.id } }),
  },
  decide(command, state, context) {
    const { contractId } = existing(command, state, context, ['expired', 'renewed', 'terminated']);
    return [{ type: 'ContractArchived', data: { contractId, archivedAt: context.now.toISOString() } }];
  },
  evolve: {
    ContractArchived: onContract((state) => ({ ...state, status: 'archived' })),
  },
});
