import { Injectable } from '@nestjs/common';
import { PROPOSAL_STATUSES } from '@serviceops/contracts';
import { decodeCursor, Handles, keysetPage, limitOf, type CallContext } from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { CONTRACT_KINDS } from '../domain/terms/terms';
import { ProposalListRow } from '../infrastructure/read-models';
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
    const limit = limitOf(filter.limit);
    const query = this.dataSource
      .getRepository(ProposalListRow)
      .createQueryBuilder('p')
      .where('p.tenantId = :tenant', { tenant: call.tenantId })
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.proposalId', 'DESC')
      .limit(limit + 1);
    if (status) query.andWhere('p.status = :status', { status });
    if (kind) query.andWhere('p.kind = :kind', { kind });
    if (filter.customerId) query.andWhere('p.customerId = :customer', { customer: filter.customerId });
    if (before) query.andWhere('p.validUntil < :before', { before });
    if (after) query.andWhere('p.validUntil > :after', { after });
    if (filter.cursor) {
      const { at, id } = decodeCursor(filter.cursor);
      query.andWhere('(p.createdAt, p.proposalId) < (:at, :id)', { at, id });
    }
    const { page, nextCursor } = keysetPage(await query.getMany(), limit, (r) => ({
      at: r.createdAt,
      id: r.proposalId,
    }));
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
