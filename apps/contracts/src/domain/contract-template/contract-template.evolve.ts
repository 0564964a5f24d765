import type { ContractTemplateEvent } from './contract-template.events';
import type { ContractTemplateState } from './contract-template.state';

export function evolveContractTemplate(
  state: ContractTemplateState,
  event: ContractTemplateEvent,
): ContractTemplateState {
  switch (event.type) {
    case 'ContractTemplatePublished':
      return { status: 'active', contractTemplateId: event.data.contractTemplateId };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
