import { deciderSpec } from '@serviceops/testing';
import type { ProposalCommand } from './proposal.commands';
import { proposalDecider } from './proposal.decider';
import type { ProposalEvent } from './proposal.events';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly ProposalEvent[]) => deciderSpec(proposalDecider, { now }).given(given);
const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';

/** A proposal as CreateProposal starts it: the history its other commands are decided on. */
const started: ProposalEvent[] = [
  { type: 'ProposalCreated', data: { proposalId: ID, createdAt: now.toISOString() } },
];

describe('CreateProposal', () => {
  const command: ProposalCommand = { type: 'CreateProposal', data: { proposalId: ID } };

  it('records ProposalCreated, with the time it was decided', () => {
    spec([]).when(command).then(started);
  });

  it('refuses CreateProposal when the proposal exists already', () => {
    spec(started).when(command).thenThrows('CONTRACTS.PROPOSAL_EXISTS');
  });
});

describe('SendProposal', () => {
  const command: ProposalCommand = { type: 'SendProposal', data: { proposalId: ID } };

  it('records ProposalSent, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ProposalSent', data: { proposalId: ID, sentAt: now.toISOString() } }]);
  });

  it('refuses SendProposal when there is no such proposal', () => {
    spec([]).when(command).thenThrows('CONTRACTS.PROPOSAL_NOT_FOUND');
  });
});

describe('AcceptProposal', () => {
  const command: ProposalCommand = { type: 'AcceptProposal', data: { proposalId: ID } };

  it('records ProposalAccepted, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ProposalAccepted', data: { proposalId: ID, acceptedAt: now.toISOString() } }]);
  });

  it('refuses AcceptProposal when there is no such proposal', () => {
    spec([]).when(command).thenThrows('CONTRACTS.PROPOSAL_NOT_FOUND');
  });
});

describe('DeclineProposal', () => {
  const command: ProposalCommand = { type: 'DeclineProposal', data: { proposalId: ID } };

  it('records ProposalDeclined, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ProposalDeclined', data: { proposalId: ID, declinedAt: now.toISOString() } }]);
  });

  it('refuses DeclineProposal when there is no such proposal', () => {
    spec([]).when(command).thenThrows('CONTRACTS.PROPOSAL_NOT_FOUND');
  });
});
