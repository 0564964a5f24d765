import { streamId, type Decider } from '@serviceops/kernel';
import type { ContractTemplateCommand } from './contract-template.commands';
import { decideContractTemplate, type ContractTemplateContext } from './contract-template.decide';
import type { ContractTemplateEvent } from './contract-template.events';
import { evolveContractTemplate } from './contract-template.evolve';
import { initialContractTemplateState, type ContractTemplateState } from './contract-template.state';

export const contractTemplateDecider: Decider<
  ContractTemplateCommand,
  ContractTemplateEvent,
  ContractTemplateState,
  ContractTemplateContext
> = {
  initialState: initialContractTemplateState,
  decide: decideContractTemplate,
  evolve: evolveContractTemplate,
};

/** One stream per contract template: 'contract-template-<tenantId>-<contractTemplateId>' (stream ids always lead with their tenant). */
export function contractTemplateStreamId(tenantId: string, contractTemplateId: string): string {
  return streamId('contract-template', tenantId, contractTemplateId);
}
