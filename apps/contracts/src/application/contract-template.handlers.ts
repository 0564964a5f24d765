import { Injectable } from '@nestjs/common';
import { execute, Handles, handlesUseCases, type CallContext } from '@serviceops/platform';
import {
  CONTRACT_TEMPLATE_USE_CASES,
  contractTemplateDecider,
  contractTemplateStreamId,
  type ContractTemplateCommand,
} from '../domain/contract-template/contract-template.decider';
import type { ContractTemplate } from '../domain/contract-template/contract-template.state';
import { CONTRACT_KINDS } from '../domain/terms/terms';
import { ContractStore } from './contract-store';

/**
 * The tenant's templates: versioned tenant data, one stream per kind (the default until one is published). Its
 * use cases (`handles`, in domain/contract-template/) are served by `change`, bound at the end of this file.
 */
@Injectable()
export class ContractTemplateHandlers {
  constructor(private readonly contracts: ContractStore) {}

  @Handles('contracts.ListContractTemplates')
  async list(_request: object, call: CallContext): Promise<{ items: ContractTemplate[] }> {
    return {
      items: await Promise.all(CONTRACT_KINDS.map((kind) => this.contracts.template(call.tenantId, kind))),
    };
  }

  /** A change to one kind's template: load its stream (from the kind's default), decide, append. */
  async change(call: CallContext, command: ContractTemplateCommand): Promise<ContractTemplate> {
    const { kind } = command.data;
    await this.contracts.template(call.tenantId, kind); // refuses an unknown kind (400)
    const { runtime } = this.contracts;
    const done = await runtime.timed(command.type, () =>
      execute(
        runtime.store,
        contractTemplateDecider(kind),
        contractTemplateStreamId(call.tenantId, kind),
        command,
        { now: new Date() },
        call,
      ),
    );
    return done.state;
  }
}

// Every use case with `handles` (PublishContractTemplate): request → command → `change`.
handlesUseCases(ContractTemplateHandlers, CONTRACT_TEMPLATE_USE_CASES, function (command, _request, call) {
  return this.change(call, command as ContractTemplateCommand);
});
