import type { ContractTemplateCommand, PublishContractTemplate } from './contract-template.commands';
import { ContractTemplateErrorCode, contractTemplateError } from './contract-template.errors';
import type { ContractTemplateEvent } from './contract-template.events';
import type { ContractTemplateState } from './contract-template.state';

/** What the contract template's decisions take from outside the domain: the time (ids and policies come in here too). */
export interface ContractTemplateContext {
  readonly now: Date;
}

export function decideContractTemplate(
  command: ContractTemplateCommand,
  state: ContractTemplateState,
  context: ContractTemplateContext,
): readonly ContractTemplateEvent[] {
  switch (command.type) {
    case 'PublishContractTemplate':
      return publishContractTemplate(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function publishContractTemplate(
  command: PublishContractTemplate,
  state: ContractTemplateState,
  context: ContractTemplateContext,
): readonly ContractTemplateEvent[] {
  if (state.status !== 'absent')
    throw contractTemplateError(
      ContractTemplateErrorCode.CONTRACT_TEMPLATE_EXISTS,
      'the contract template exists already',
    );
  return [
    {
      type: 'ContractTemplatePublished',
      data: { contractTemplateId: command.data.contractTemplateId, publishedAt: context.now.toISOString() },
    },
  ];
}
