import { useCase, type Caller, type Command, type Event } from '@serviceops/kernel';
import { closedWithContract, type RenewalFollowUpClosed } from './close-renewal-follow-up';
import { existing, onContract } from './contract.rules';
import type { ContractContext, ContractState } from './contract.state';

export type RenewContract = Command<'RenewContract', { contractId: string; successorId: string }>;

export type ContractRenewed = Event<
  'ContractRenewed',
  { contractId: string; successorId: string; renewedAt: string }
>;

type Recorded = ContractRenewed | RenewalFollowUpClosed;

/** Marked renewed by its successor (drafted in the same transaction); its open renewal follow-up closes renewed. */
export const renewContract = useCase<
  RenewContract,
  Recorded,
  ContractState,
  ContractContext,
  'RenewalFollowUpClosed'
>({
  command: 'RenewContract',
  handles: {
    rpc: 'contracts.RenewContract',
    command: (request: { id: string }, { newId }: Caller) => ({
      type: 'RenewContract',
      data: { contractId: request.id, successorId: newId },
    }),
  },
  decide(command, state, context) {
    const contract = existing(command, state, context, ['signed', 'active', 'suspended']);
    const at = context.now.toISOString();
    return [
      {
        type: 'ContractRenewed',
        data: { contractId: contract.contractId, successorId: command.data.successorId, renewedAt: at },
      },
      ...closedWithContract(contract, 'renewed', at),
    ];
  },
  evolve: {
    ContractRenewed: onContract((state, event) => ({
      ...state,
      status: 'renewed',
      successorId: event.data.successorId,
    })),
  },
});
