import { deciderSpec } from '@serviceops/testing';
import type { ContractTemplateCommand } from './contract-template.commands';
import { contractTemplateDecider } from './contract-template.decider';
import type { ContractTemplateEvent } from './contract-template.events';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly ContractTemplateEvent[]) =>
  deciderSpec(contractTemplateDecider, { now }).given(given);
const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';

/** A contract template as PublishContractTemplate starts it: the history its other commands are decided on. */
const started: ContractTemplateEvent[] = [
  { type: 'ContractTemplatePublished', data: { contractTemplateId: ID, publishedAt: now.toISOString() } },
];

describe('PublishContractTemplate', () => {
  const command: ContractTemplateCommand = {
    type: 'PublishContractTemplate',
    data: { contractTemplateId: ID },
  };

  it('records ContractTemplatePublished, with the time it was decided', () => {
    spec([]).when(command).then(started);
  });

  it('refuses PublishContractTemplate when the contract template exists already', () => {
    spec(started).when(command).thenThrows('CONTRACTS.CONTRACT_TEMPLATE_EXISTS');
  });
});
