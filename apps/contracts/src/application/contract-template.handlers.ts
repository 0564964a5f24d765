import { Injectable } from '@nestjs/common';
import { newId } from '@serviceops/kernel';
import {
  EventSourcingRuntime,
  execute,
  Handles,
  type CallContext,
  type Executed,
} from '@serviceops/platform';
import {
  contractTemplateDecider,
  contractTemplateStreamId,
} from '../domain/contract-template/contract-template.decider';
import type { ContractTemplateEvent } from '../domain/contract-template/contract-template.events';
import type { ContractTemplateState } from '../domain/contract-template/contract-template.state';

/** A contract template as the API answers it: the proto's ContractTemplate. */
export interface ContractTemplateView {
  readonly id: string;
  readonly version: number;
  readonly status: string;
}

function viewOf(
  id: string,
  { state, version }: Executed<ContractTemplateState, ContractTemplateEvent>,
): ContractTemplateView {
  return { id, version, status: state.status };
}

/**
 * The contract template's commands, a method for each declared one (`@Handles`): load the stream, decide, append
 * (`execute`), answer the contract template with its new version.
 */
@Injectable()
export class ContractTemplateHandlers {
  constructor(private readonly runtime: EventSourcingRuntime) {}

  @Handles('contracts.PublishContractTemplate')
  async publishContractTemplate(_request: object, call: CallContext): Promise<ContractTemplateView> {
    const contractTemplateId = newId();
    const done = await this.runtime.timed('PublishContractTemplate', () =>
      execute(
        this.runtime.store,
        contractTemplateDecider,
        contractTemplateStreamId(call.tenantId, contractTemplateId),
        { type: 'PublishContractTemplate', data: { contractTemplateId } },
        { now: new Date() },
        call,
        { newStream: true },
      ),
    );
    return viewOf(contractTemplateId, done);
  }
}
