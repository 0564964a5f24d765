import { streamId, type Decider } from '@serviceops/kernel';
import type { ContractKind } from '../terms/terms';
import type { ContractTemplateCommand } from './contract-template.commands';
import { decideContractTemplate, type ContractTemplateContext } from './contract-template.decide';
import type { ContractTemplateEvent } from './contract-template.events';
import { evolveContractTemplate } from './contract-template.evolve';
import { initialContractTemplateState, type ContractTemplateState } from './contract-template.state';

/** The template of one kind: its stream starts at the kind's default template. */
export function contractTemplateDecider(
  kind: ContractKind,
): Decider<ContractTemplateCommand, ContractTemplateEvent, ContractTemplateState, ContractTemplateContext> {
  return {
    initialState: () => initialContractTemplateState(kind),
    decide: decideContractTemplate,
    evolve: evolveContractTemplate,
  };
}

/** One stream per tenant and kind: 'contract-template-<tenantId>-<kind>'. */
export function contractTemplateStreamId(tenantId: string, kind: ContractKind): string {
  return streamId('contract-template', tenantId, kind);
}
