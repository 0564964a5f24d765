import { Injectable } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import {
  EventSourcingRuntime,
  execute,
  Handles,
  type CallContext,
  type Executed,
} from '@serviceops/platform';
import { proposalDecider, proposalStreamId } from '../domain/proposal/proposal.decider';
import type { ProposalEvent } from '../domain/proposal/proposal.events';
import type { ProposalState } from '../domain/proposal/proposal.state';

/** A proposal as the API answers it: the proto's Proposal. */
export interface ProposalView {
  readonly id: string;
  readonly version: number;
  readonly status: string;
}

function viewOf(id: string, { state, version }: Executed<ProposalState, ProposalEvent>): ProposalView {
  return { id, version, status: state.status };
}

/**
 * The proposal's commands, a method for each declared one (`@Handles`): load the stream, decide, append
 * (`execute`), answer the proposal with its new version.
 */
@Injectable()
export class ProposalHandlers {
  constructor(private readonly runtime: EventSourcingRuntime) {}

  @Handles('contracts.CreateProposal')
  async createProposal(_request: object, call: CallContext): Promise<ProposalView> {
    const proposalId = newId();
    const done = await this.runtime.timed('CreateProposal', () =>
      execute(
        this.runtime.store,
        proposalDecider,
        proposalStreamId(call.tenantId, proposalId),
        { type: 'CreateProposal', data: { proposalId } },
        { now: new Date() },
        call,
        { newStream: true },
      ),
    );
    return viewOf(proposalId, done);
  }

  @Handles('contracts.SendProposal')
  async sendProposal(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ProposalView> {
    const done = await this.runtime.timed('SendProposal', () =>
      execute(
        this.runtime.store,
        proposalDecider,
        proposalStreamId(call.tenantId, request.id),
        { type: 'SendProposal', data: { proposalId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.AcceptProposal')
  async acceptProposal(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ProposalView> {
    const done = await this.runtime.timed('AcceptProposal', () =>
      execute(
        this.runtime.store,
        proposalDecider,
        proposalStreamId(call.tenantId, request.id),
        { type: 'AcceptProposal', data: { proposalId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.DeclineProposal')
  async declineProposal(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ProposalView> {
    const done = await this.runtime.timed('DeclineProposal', () =>
      execute(
        this.runtime.store,
        proposalDecider,
        proposalStreamId(call.tenantId, request.id),
        { type: 'DeclineProposal', data: { proposalId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }
}
