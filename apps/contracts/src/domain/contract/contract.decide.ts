import type {
  ContractCommand,
  DraftContract,
  SubmitContractForReview,
  ApproveContract,
  ReturnContract,
  SignContract,
  AmendContract,
  SignAmendment,
  SuspendContract,
  ResumeContract,
  TerminateContract,
  RenewContract,
  ArchiveContract,
} from './contract.commands';
import { ContractErrorCode, contractError } from './contract.errors';
import type { ContractEvent } from './contract.events';
import type { ContractState } from './contract.state';

/** What the contract's decisions take from outside the domain: the time (ids and policies come in here too). */
export interface ContractContext {
  readonly now: Date;
}

export function decideContract(
  command: ContractCommand,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  switch (command.type) {
    case 'DraftContract':
      return draftContract(command, state, context);
    case 'SubmitContractForReview':
      return submitContractForReview(command, state, context);
    case 'ApproveContract':
      return approveContract(command, state, context);
    case 'ReturnContract':
      return returnContract(command, state, context);
    case 'SignContract':
      return signContract(command, state, context);
    case 'AmendContract':
      return amendContract(command, state, context);
    case 'SignAmendment':
      return signAmendment(command, state, context);
    case 'SuspendContract':
      return suspendContract(command, state, context);
    case 'ResumeContract':
      return resumeContract(command, state, context);
    case 'TerminateContract':
      return terminateContract(command, state, context);
    case 'RenewContract':
      return renewContract(command, state, context);
    case 'ArchiveContract':
      return archiveContract(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function draftContract(
  command: DraftContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status !== 'absent')
    throw contractError(ContractErrorCode.CONTRACT_EXISTS, 'the contract exists already');
  return [
    {
      type: 'ContractDrafted',
      data: { contractId: command.data.contractId, draftedAt: context.now.toISOString() },
    },
  ];
}

function submitContractForReview(
  command: SubmitContractForReview,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractSubmittedForReview',
      data: { contractId: command.data.contractId, reviewAt: context.now.toISOString() },
    },
  ];
}

function approveContract(
  command: ApproveContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractApproved',
      data: { contractId: command.data.contractId, approvedAt: context.now.toISOString() },
    },
  ];
}

function returnContract(
  command: ReturnContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractReturned',
      data: { contractId: command.data.contractId, returnedAt: context.now.toISOString() },
    },
  ];
}

function signContract(
  command: SignContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractSigned',
      data: { contractId: command.data.contractId, signedAt: context.now.toISOString() },
    },
  ];
}

function amendContract(
  command: AmendContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'AmendmentProposed',
      data: { contractId: command.data.contractId, proposedAt: context.now.toISOString() },
    },
  ];
}

function signAmendment(
  command: SignAmendment,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'AmendmentSigned',
      data: { contractId: command.data.contractId, signedAt: context.now.toISOString() },
    },
  ];
}

function suspendContract(
  command: SuspendContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractSuspended',
      data: { contractId: command.data.contractId, suspendedAt: context.now.toISOString() },
    },
  ];
}

function resumeContract(
  command: ResumeContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractResumed',
      data: { contractId: command.data.contractId, resumedAt: context.now.toISOString() },
    },
  ];
}

function terminateContract(
  command: TerminateContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractTerminated',
      data: { contractId: command.data.contractId, terminatedAt: context.now.toISOString() },
    },
  ];
}

function renewContract(
  command: RenewContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractRenewed',
      data: { contractId: command.data.contractId, renewedAt: context.now.toISOString() },
    },
  ];
}

function archiveContract(
  command: ArchiveContract,
  state: ContractState,
  context: ContractContext,
): readonly ContractEvent[] {
  if (state.status === 'absent')
    throw contractError(ContractErrorCode.CONTRACT_NOT_FOUND, 'no such contract');
  return [
    {
      type: 'ContractArchived',
      data: { contractId: command.data.contractId, archivedAt: context.now.toISOString() },
    },
  ];
}
