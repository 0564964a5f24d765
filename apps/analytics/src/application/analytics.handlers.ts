import { Injectable } from '@nestjs/common';
import { Handles, optional, ProblemError, type CallContext } from '@serviceops/platform';
import { ReadModelsRepository } from '../infrastructure/read-models.repository';

/** Read models only: figures and the audit trail of the caller's tenant. */
@Injectable()
export class AnalyticsHandlers {
  constructor(private readonly readModels: ReadModelsRepository) {}

  @Handles('analytics.GetCustomerStats')
  async getCustomerStats(_request: object, call: CallContext) {
    const rows = await this.readModels.customerStats(call.tenantId);
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
  @Handles('analytics.ListAudit')
  async listAudit(
    request: { entity?: string; entityId?: string; actorId?: string; limit?: number; cursor?: string },
    call: CallContext,
  ) {
    const limit = request.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new ProblemError('VALIDATION', 'limit out of range', [{ path: 'limit', message: '1–500' }]);
    if (request.cursor && !/^\d{1,18}$/.test(request.cursor))
      throw new ProblemError('VALIDATION', 'invalid cursor', [
        { path: 'cursor', message: 'use a nextCursor as given' },
      ]);
    const rows = await this.readModels.audit(call.tenantId, {
      ...optional('entity', request.entity),
      ...optional('entityId', request.entityId),
      ...optional('actorId', request.actorId),
      ...optional('after', request.cursor),
      limit: limit + 1,
    });
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
