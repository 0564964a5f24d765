import { deciderSpec } from '@serviceops/testing';
import type { ContractCommand } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { ContractEvent } from './contract.events';

const now = new Date('2026-03-02T01:00:00.000Z');
const spec = (given: readonly ContractEvent[]) => deciderSpec(contractDecider, { now }).given(given);
const ID = '0b7c9a34-5b7e-4c1e-9a3a-1f2d3c4b5a69';

/** A contract as DraftContract starts it: the history its other commands are decided on. */
const started: ContractEvent[] = [
  { type: 'ContractDrafted', data: { contractId: ID, draftedAt: now.toISOString() } },
];

describe('DraftContract', () => {
  const command: ContractCommand = { type: 'DraftContract', data: { contractId: ID } };

  it('records ContractDrafted, with the time it was decided', () => {
    spec([]).when(command).then(started);
  });

  it('refuses DraftContract when the contract exists already', () => {
    spec(started).when(command).thenThrows('CONTRACTS.CONTRACT_EXISTS');
  });
});

describe('SubmitContractForReview', () => {
  const command: ContractCommand = { type: 'SubmitContractForReview', data: { contractId: ID } };

  it('records ContractSubmittedForReview, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractSubmittedForReview', data: { contractId: ID, reviewAt: now.toISOString() } }]);
  });

  it('refuses SubmitContractForReview when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('ApproveContract', () => {
  const command: ContractCommand = { type: 'ApproveContract', data: { contractId: ID } };

  it('records ContractApproved, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractApproved', data: { contractId: ID, approvedAt: now.toISOString() } }]);
  });

  it('refuses ApproveContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('ReturnContract', () => {
  const command: ContractCommand = { type: 'ReturnContract', data: { contractId: ID } };

  it('records ContractReturned, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractReturned', data: { contractId: ID, returnedAt: now.toISOString() } }]);
  });

  it('refuses ReturnContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('SignContract', () => {
  const command: ContractCommand = { type: 'SignContract', data: { contractId: ID } };

  it('records ContractSigned, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractSigned', data: { contractId: ID, signedAt: now.toISOString() } }]);
  });

  it('refuses SignContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('AmendContract', () => {
  const command: ContractCommand = { type: 'AmendContract', data: { contractId: ID } };

  it('records AmendmentProposed, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'AmendmentProposed', data: { contractId: ID, proposedAt: now.toISOString() } }]);
  });

  it('refuses AmendContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('SignAmendment', () => {
  const command: ContractCommand = { type: 'SignAmendment', data: { contractId: ID } };

  it('records AmendmentSigned, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'AmendmentSigned', data: { contractId: ID, signedAt: now.toISOString() } }]);
  });

  it('refuses SignAmendment when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('SuspendContract', () => {
  const command: ContractCommand = { type: 'SuspendContract', data: { contractId: ID } };

  it('records ContractSuspended, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractSuspended', data: { contractId: ID, suspendedAt: now.toISOString() } }]);
  });

  it('refuses SuspendContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('ResumeContract', () => {
  const command: ContractCommand = { type: 'ResumeContract', data: { contractId: ID } };

  it('records ContractResumed, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractResumed', data: { contractId: ID, resumedAt: now.toISOString() } }]);
  });

  it('refuses ResumeContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('TerminateContract', () => {
  const command: ContractCommand = { type: 'TerminateContract', data: { contractId: ID } };

  it('records ContractTerminated, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractTerminated', data: { contractId: ID, terminatedAt: now.toISOString() } }]);
  });

  it('refuses TerminateContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('RenewContract', () => {
  const command: ContractCommand = { type: 'RenewContract', data: { contractId: ID } };

  it('records ContractRenewed, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractRenewed', data: { contractId: ID, renewedAt: now.toISOString() } }]);
  });

  it('refuses RenewContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});

describe('ArchiveContract', () => {
  const command: ContractCommand = { type: 'ArchiveContract', data: { contractId: ID } };

  it('records ContractArchived, with the time it was decided', () => {
    spec(started)
      .when(command)
      .then([{ type: 'ContractArchived', data: { contractId: ID, archivedAt: now.toISOString() } }]);
  });

  it('refuses ArchiveContract when there is no such contract', () => {
    spec([]).when(command).thenThrows('CONTRACTS.CONTRACT_NOT_FOUND');
  });
});
