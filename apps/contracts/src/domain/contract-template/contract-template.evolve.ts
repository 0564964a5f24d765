import type { ContractTemplateEvent } from './contract-template.events';
import type { ContractTemplateState } from './contract-template.state';

export function evolveContractTemplate(
  state: ContractTemplateState,
  event: ContractTemplateEvent,
): ContractTemplateState {
  switch (event.type) {
    case 'ContractTemplatePublished': {
      const { kind, version, title, requiredClauses, reviewRequired, expiryNoticeMonths } = event.data;
      return { kind, version, title, requiredClauses, reviewRequired, expiryNoticeMonths };
    }
    default: {
      const unhandled: never = event.type;
      return unhandled;
    }
  }
}
