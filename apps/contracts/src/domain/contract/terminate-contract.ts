import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { closedWithContract, type RenewalFollowUpClosed } from './close-renewal-follow-up';
import { existing, onContract, reason } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type TerminateContract = Command<
  'TerminateContract',
  { contractId: string; reason: string; by: string }
>;

export type ContractTerminated = Event<
  'ContractTerminated',
  { contractId: string; reason: string; terminatedBy: string; terminatedAt: string }
>;

type Recorded = ContractTerminated | RenewalFollowUpClosed;

/** Ended before its term, by the caller (`by`), with a reason; its open renewal follow-up is dropped. */
export const terminateContract = useCase<
  TerminateContract,
  Recorded,
  ContractState,
  ContractContext,
  'RenewalFollowUpClosed'
>({
  command: 'TerminateContract',
  handles: {
    rpc: 'contracts.TerminateContract',
    command: (request: { id: string; reason?: string }, { actorId }: Caller) => ({
      type: 'TerminateContract',
      data: { contractId: request.id, reason: request.reason ?? '', by: actorId },
    }),
  },
  decide(command, state, context) {
    const contract = existing(command, state, context, ['signed', 'active', 'suspended']);
    const at = context.now.toISOString();
    return [
      {
        type: 'ContractTerminated',
        data: {
          contractId: contract.contractId,
          reason: reason(command.data.reason),
          terminatedBy: command.data.by,
          terminatedAt: at,
        },
      },
      ...closedWithContract(contract, 'dropped', at),
    ];
  },
  evolve: {
    ContractTerminated: onContract((state) => ({ ...state, status: 'terminated' })),
  },
});
