import { Injectable } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import {
  EventSourcingRuntime,
  execute,
  Handles,
  type CallContext,
  type Executed,
} from '@serviceops/platform';
import { contractDecider, contractStreamId } from '../domain/contract/contract.decider';
import type { ContractEvent } from '../domain/contract/contract.events';
import type { ContractState } from '../domain/contract/contract.state';

/** A contract as the API answers it: the proto's Contract. */
export interface ContractView {
  readonly id: string;
  readonly version: number;
  readonly status: string;
}

function viewOf(id: string, { state, version }: Executed<ContractState, ContractEvent>): ContractView {
  return { id, version, status: state.status };
}

/**
 * The contract's commands, a method for each declared one (`@Handles`): load the stream, decide, append
 * (`execute`), answer the contract with its new version.
 */
@Injectable()
export class ContractHandlers {
  constructor(private readonly runtime: EventSourcingRuntime) {}

  @Handles('contracts.DraftContract')
  async draftContract(_request: object, call: CallContext): Promise<ContractView> {
    const contractId = newId();
    const done = await this.runtime.timed('DraftContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, contractId),
        { type: 'DraftContract', data: { contractId } },
        { now: new Date() },
        call,
        { newStream: true },
      ),
    );
    return viewOf(contractId, done);
  }

  @Handles('contracts.SubmitContractForReview')
  async submitContractForReview(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('SubmitContractForReview', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'SubmitContractForReview', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.ApproveContract')
  async approveContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('ApproveContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'ApproveContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.ReturnContract')
  async returnContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('ReturnContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'ReturnContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.SignContract')
  async signContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('SignContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'SignContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.AmendContract')
  async amendContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('AmendContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'AmendContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.SignAmendment')
  async signAmendment(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('SignAmendment', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'SignAmendment', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.SuspendContract')
  async suspendContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('SuspendContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'SuspendContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.ResumeContract')
  async resumeContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('ResumeContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'ResumeContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.TerminateContract')
  async terminateContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('TerminateContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'TerminateContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.RenewContract')
  async renewContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('RenewContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'RenewContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }

  @Handles('contracts.ArchiveContract')
  async archiveContract(
    request: { readonly id: string; readonly expectedVersion?: number },
    call: CallContext,
  ): Promise<ContractView> {
    const done = await this.runtime.timed('ArchiveContract', () =>
      execute(
        this.runtime.store,
        contractDecider,
        contractStreamId(call.tenantId, request.id),
        { type: 'ArchiveContract', data: { contractId: request.id } },
        { now: new Date() },
        call,
        { expectedVersion: request.expectedVersion },
      ),
    );
    return viewOf(request.id, done);
  }
}
