import { Injectable } from '@nestjs/common';
import { execute, Handles, type CallContext } from '@serviceops/platform';
import {
  contractTemplateDecider,
  contractTemplateStreamId,
} from '../domain/contract-template/contract-template.decider';
import type { ContractTemplate } from '../domain/contract-template/contract-template.state';
import { CONTRACT_KINDS, type ClauseKey, type ContractKind } from '../domain/terms/terms';
import { ContractStore } from './contract-store';

/** The tenant's templates: versioned tenant data, one stream per kind (the default until one is published). */
@Injectable()
export class ContractTemplateHandlers {
  constructor(private readonly contracts: ContractStore) {}

  @Handles('contracts.PublishContractTemplate')
  async publish(
    request: {
      kind?: string;
      title?: string;
      requiredClauses?: string[];
      reviewRequired?: boolean;
      expiryNoticeMonths?: number;
    },
    call: CallContext,
  ): Promise<ContractTemplate> {
    const kind = (request.kind ?? '') as ContractKind;
    await this.contracts.template(call.tenantId, kind); // refuses an unknown kind (400)
    const { runtime } = this.contracts;
    const done = await runtime.timed('PublishContractTemplate', () =>
      execute(
        runtime.store,
        contractTemplateDecider(kind),
        contractTemplateStreamId(call.tenantId, kind),
        {
          type: 'PublishContractTemplate',
          data: {
            kind,
            title: request.title ?? '',
            requiredClauses: (request.requiredClauses ?? []) as ClauseKey[],
            reviewRequired: request.reviewRequired ?? false,
            expiryNoticeMonths: request.expiryNoticeMonths ?? 0,
          },
        },
        { now: new Date() },
        call,
      ),
    );
    return done.state;
  }

  @Handles('contracts.ListContractTemplates')
  async list(_request: object, call: CallContext): Promise<{ items: ContractTemplate[] }> {
    return {
      items: await Promise.all(CONTRACT_KINDS.map((kind) => this.contracts.template(call.tenantId, kind))),
    };
  }
}
