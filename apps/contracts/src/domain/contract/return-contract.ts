import { useCase, type Command, type Event } from '@serviceops/kernel';
import { ContractErrorCode as E, contractError } from './contract.errors';
import { existing, onContract } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type ReturnContract = Command<'ReturnContract', { contractId: string; reasons: readonly string[] }>;

export type ContractReturned = Event<
  'ContractReturned',
  { contractId: string; reasons: string[]; returnedAt: string }
>;

export const returnContract = useCase<ReturnContract, ContractReturned, ContractState, ContractContext>({
  command: 'ReturnContract',
  handles: {
    rpc: 'contracts.ReturnContract',
    command: (request: { id: string; reasons?: string[] }) => ({
      type: 'ReturnContract',
      data: { contractId: request.id, reasons: request.reasons ?? [] },
    }),
  },
  decide(command, state, context) {
    const { contractId } = existing(command, state, context, ['in_review']);
    const reasons = command.data.reasons.map((r) => r.trim()).filter((r) => r !== '');
    if (reasons.length === 0) throw contractError(E.NO_REASON, 'a returned contract needs its reasons');
    return [
      { type: 'ContractReturned', data: { contractId, reasons, returnedAt: context.now.toISOString() } },
    ];
  },
  evolve: {
    ContractReturned: onContract((state, event) => ({
      ...state,
      status: 'returned',
      returnReasons: event.data.reasons,
    })),
  },
});
