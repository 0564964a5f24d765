import { Injectable } from '@nestjs/common';
import { PROPOSAL_STATUSES } from '@serviceops/contracts';
import { Handles, type CallContext } from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { CONTRACT_KINDS } from '../domain/terms/terms';
import { ProposalListRow } from '../infrastructure/read-models';
import { newestFirst } from './newest-first';
import { dateParam, oneOf } from './query-params';

/** Lists of proposals, from the read model (`proposal-list.projection.ts`); one proposal is read from its stream. */
@Injectable()
export class ProposalQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first; `validUntilBefore` / `validUntilAfter` compare the last valid day strictly. */
  @Handles('contracts.ListProposals')
  async list(
    filter: {
      status?: string;
      customerId?: string;
      kind?: string;
      validUntilBefore?: string;
      validUntilAfter?: string;
      limit?: number;
      cursor?: string;
    },
    call: CallContext,
  ) {
    const status = oneOf(filter.status, PROPOSAL_STATUSES, 'status');
    const kind = oneOf(filter.kind, CONTRACT_KINDS, 'kind');
    const before = dateParam(filter.validUntilBefore, 'validUntilBefore');
    const after = dateParam(filter.validUntilAfter, 'validUntilAfter');
    const { page, nextCursor } = await newestFirst(
      this.dataSource.getRepository(ProposalListRow),
      { at: 'createdAt', id: 'proposalId' },
      call.tenantId,
      filter,
      (query) => {
        if (status) query.andWhere('r.status = :status', { status });
        if (kind) query.andWhere('r.kind = :kind', { kind });
        if (filter.customerId) query.andWhere('r.customerId = :customer', { customer: filter.customerId });
        if (before) query.andWhere('r.validUntil < :before', { before });
        if (after) query.andWhere('r.validUntil > :after', { after });
      },
    );
    return {
      items: page.map((r) => ({
        id: r.proposalId,
        version: r.version,
        status: r.status,
        customerId: r.customerId,
        line: r.line,
        kind: r.kind,
        startDate: r.startDate,
        endDate: r.endDate,
        validUntil: r.validUntil,
        createdAt: r.createdAt.toISOString(),
        ...(r.contractId ? { contractId: r.contractId } : {}),
      })),
      ...(nextCursor ? { nextCursor } : {}),
    };
  }
}
