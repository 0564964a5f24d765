import { deciderOf, streamId, type CommandOf, type EventOf } from '@serviceops/kernel';
import type { ContractKind } from '../terms/terms';
import {
  initialContractTemplateState,
  type ContractTemplateContext,
  type ContractTemplateState,
} from './contract-template.state';
import { publishContractTemplate } from './publish-contract-template';

/**
 * A kind's template: the list of its use cases, a file each beside this one (command, decision, the events it
 * records and how they change the state). The unions, the decider and the handler's binding follow from the list.
 */
export const CONTRACT_TEMPLATE_USE_CASES = [publishContractTemplate] as const;

export type ContractTemplateCommand = CommandOf<typeof CONTRACT_TEMPLATE_USE_CASES>;
export type ContractTemplateEvent = EventOf<typeof CONTRACT_TEMPLATE_USE_CASES>;

/** The template of one kind: its stream starts at the kind's default template. */
export function contractTemplateDecider(kind: ContractKind) {
  return deciderOf<typeof CONTRACT_TEMPLATE_USE_CASES, ContractTemplateState, ContractTemplateContext>(
    () => initialContractTemplateState(kind),
    CONTRACT_TEMPLATE_USE_CASES,
  );
}

/** One stream per tenant and kind: 'contract-template-<tenantId>-<kind>'. */
export function contractTemplateStreamId(tenantId: string, kind: ContractKind): string {
  return streamId('contract-template', tenantId, kind);
}
