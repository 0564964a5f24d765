import { streamId, type Decider } from '@serviceops/kernel';
import type { ContractCommand } from './contract.commands';
import { decideContract, type ContractContext } from './contract.decide';
import type { ContractEvent } from './contract.events';
import { evolveContract } from './contract.evolve';
import { initialContractState, type ContractState } from './contract.state';

export const contractDecider: Decider<ContractCommand, ContractEvent, ContractState, ContractContext> = {
  initialState: initialContractState,
  decide: decideContract,
  evolve: evolveContract,
};

/** One stream per contract: 'contract-<tenantId>-<contractId>' (stream ids always lead with their tenant). */
export function contractStreamId(tenantId: string, contractId: string): string {
  return streamId('contract', tenantId, contractId);
}
