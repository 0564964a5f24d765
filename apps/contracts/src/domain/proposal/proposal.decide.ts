import type {
  ProposalCommand,
  CreateProposal,
  SendProposal,
  AcceptProposal,
  DeclineProposal,
} from './proposal.commands';
import { ProposalErrorCode, proposalError } from './proposal.errors';
import type { ProposalEvent } from './proposal.events';
import type { ProposalState } from './proposal.state';

/** What the proposal's decisions take from outside the domain: the time (ids and policies come in here too). */
export interface ProposalContext {
  readonly now: Date;
}

export function decideProposal(
  command: ProposalCommand,
  state: ProposalState,
  context: ProposalContext,
): readonly ProposalEvent[] {
  switch (command.type) {
    case 'CreateProposal':
      return createProposal(command, state, context);
    case 'SendProposal':
      return sendProposal(command, state, context);
    case 'AcceptProposal':
      return acceptProposal(command, state, context);
    case 'DeclineProposal':
      return declineProposal(command, state, context);
    default: {
      const unhandled: never = command;
      return unhandled;
    }
  }
}

function createProposal(
  command: CreateProposal,
  state: ProposalState,
  context: ProposalContext,
): readonly ProposalEvent[] {
  if (state.status !== 'absent')
    throw proposalError(ProposalErrorCode.PROPOSAL_EXISTS, 'the proposal exists already');
  return [
    {
      type: 'ProposalCreated',
      data: { proposalId: command.data.proposalId, createdAt: context.now.toISOString() },
    },
  ];
}

function sendProposal(
  command: SendProposal,
  state: ProposalState,
  context: ProposalContext,
): readonly ProposalEvent[] {
  if (state.status === 'absent')
    throw proposalError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'no such proposal');
  return [
    {
      type: 'ProposalSent',
      data: { proposalId: command.data.proposalId, sentAt: context.now.toISOString() },
    },
  ];
}

function acceptProposal(
  command: AcceptProposal,
  state: ProposalState,
  context: ProposalContext,
): readonly ProposalEvent[] {
  if (state.status === 'absent')
    throw proposalError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'no such proposal');
  return [
    {
      type: 'ProposalAccepted',
      data: { proposalId: command.data.proposalId, acceptedAt: context.now.toISOString() },
    },
  ];
}

function declineProposal(
  command: DeclineProposal,
  state: ProposalState,
  context: ProposalContext,
): readonly ProposalEvent[] {
  if (state.status === 'absent')
    throw proposalError(ProposalErrorCode.PROPOSAL_NOT_FOUND, 'no such proposal');
  return [
    {
      type: 'ProposalDeclined',
      data: { proposalId: command.data.proposalId, declinedAt: context.now.toISOString() },
    },
  ];
}
