import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CallContext } from '@serviceops/platform';
import { Caller } from '../access/caller';
import { Endpoint } from '../openapi/endpoint.decorator';
import { Upstream } from '../upstream/upstream';
import { AuditPageView, AuditQuery, CustomerStatsView } from './analytics.dto';

export const DEFAULT_AUDIT_PAGE_SIZE = 50;

/** CustomerStats as gRPC gives it: int64 counts as strings, zero counts left out. */
interface CustomerStatsReply {
  readonly tenantId: string;
  readonly customers?: string;
  readonly byChannel?: Readonly<Record<string, string>>;
  readonly updatedAt?: string;
}

/** An int64 count (a string over gRPC) as a JSON number; counts stay far below 2^53. */
export function countOf(value: string | number | undefined): number {
  return value === undefined ? 0 : Number(value);
}

@ApiTags('analytics')
@Controller()
export class AnalyticsController {
  constructor(private readonly upstream: Upstream) {}

  @Endpoint('analytics.GetCustomerStats', { type: CustomerStatsView })
  async customerStats(@Caller() caller: CallContext): Promise<CustomerStatsView> {
    const stats = await this.upstream.call<CustomerStatsReply>('analytics.GetCustomerStats', {}, caller);
    return {
      tenantId: stats.tenantId,
      customers: countOf(stats.customers),
      byChannel: Object.fromEntries(Object.entries(stats.byChannel ?? {}).map(([k, v]) => [k, countOf(v)])),
      ...(stats.updatedAt ? { updatedAt: stats.updatedAt } : {}),
    };
  }

  @Endpoint('analytics.ListAudit', { type: AuditPageView })
  audit(@Query() query: AuditQuery, @Caller() caller: CallContext): Promise<AuditPageView> {
    return this.upstream.call<AuditPageView>(
      'analytics.ListAudit',
      {
        entity: query.entity,
        entityId: query.entityId,
        actorId: query.actorId,
        limit: query.limit ?? DEFAULT_AUDIT_PAGE_SIZE,
        cursor: query.cursor,
      },
      caller,
    );
  }
}
