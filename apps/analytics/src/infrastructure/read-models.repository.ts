import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditRow, CustomerStatsRow } from './read-models';

/** What the audit trail is filtered by; `after` is the last `seq` of the page before. */
export interface AuditQuery {
  readonly entity?: string;
  readonly entityId?: string;
  readonly actorId?: string;
  readonly after?: string;
  readonly limit: number;
}

/** The read models analytics answers from (kept by projections/). */
@Injectable()
export class ReadModelsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per intake channel of the tenant. */
  customerStats(tenantId: string): Promise<CustomerStatsRow[]> {
    return this.dataSource.getRepository(CustomerStatsRow).findBy({ tenantId });
  }

  /** The tenant's audit entries, oldest first, `limit` of them. */
  audit(tenantId: string, query: AuditQuery): Promise<AuditRow[]> {
    const q = this.dataSource
      .getRepository(AuditRow)
      .createQueryBuilder('a')
      .where('a.tenantId = :tenant', { tenant: tenantId })
      .orderBy('a.seq', 'ASC')
      .limit(query.limit);
    if (query.entity) q.andWhere('a.entity = :entity', { entity: query.entity });
    if (query.entityId) q.andWhere('a.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) q.andWhere('a.actorId = :actor', { actor: query.actorId });
    if (query.after) q.andWhere('a.seq > :after', { after: query.after });
    return q.getMany();
  }
}
