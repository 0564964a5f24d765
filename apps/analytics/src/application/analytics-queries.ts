import { Injectable } from '@nestjs/common';
import { ProblemError, type CallContext } from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { AuditRow, CustomerStatsRow } from '../infrastructure/read-models';

export interface AuditFilter {
  readonly entity?: string;
  readonly entityId?: string;
  readonly actorId?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

@Injectable()
export class AnalyticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async customerStats(call: CallContext) {
    const rows = await this.dataSource.getRepository(CustomerStatsRow).findBy({ tenantId: call.tenantId });
    const byChannel = Object.fromEntries(rows.map((r) => [r.channel, r.customers]));
    const total = rows.reduce((n, r) => n + BigInt(r.customers), 0n);
    const updated = rows.reduce<Date | undefined>(
      (a, r) => (!a || r.updatedAt > a ? r.updatedAt : a),
      undefined,
    );
    return {
      tenantId: call.tenantId,
      customers: total.toString(),
      byChannel,
      updatedAt: (updated ?? new Date(0)).toISOString(),
    };
  }

  /** Oldest first (a record's story from its first event), `limit` 1–500 (default 100), cursor-paginated. */
  async audit(call: CallContext, filter: AuditFilter) {
    const limit = filter.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new ProblemError('VALIDATION', 'limit out of range', [{ path: 'limit', message: '1–500' }]);
    const q = this.dataSource
      .getRepository(AuditRow)
      .createQueryBuilder('a')
      .where('a.tenantId = :tenant', { tenant: call.tenantId })
      .orderBy('a.seq', 'ASC')
      .limit(limit + 1);
    if (filter.entity) q.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) q.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
    if (filter.actorId) q.andWhere('a.actorId = :actor', { actor: filter.actorId });
    if (filter.cursor) {
      if (!/^\d{1,18}$/.test(filter.cursor))
        throw new ProblemError('VALIDATION', 'invalid cursor', [
          { path: 'cursor', message: 'use a nextCursor as given' },
        ]);
      q.andWhere('a.seq > :after', { after: filter.cursor });
    }
    const rows = await q.getMany();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        eventId: r.eventId,
        entity: r.entity,
        entityId: r.entityId,
        version: r.version,
        type: r.type,
        at: r.at.toISOString(),
        actorId: r.actorId,
        ...(r.onBehalfOf ? { onBehalfOf: r.onBehalfOf } : {}),
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.correlationId ? { correlationId: r.correlationId } : {}),
        fields: r.fields,
        service: r.service,
      })),
      ...(rows.length > limit && last ? { nextCursor: last.seq } : {}),
    };
  }
}
