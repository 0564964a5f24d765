import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustomerListRow, InquiryListRow, ReturnVisitListRow, TimelineRow } from './read-models';

/** Where a page ends: the sort key and id of its last row (a decoded cursor). */
export interface After<K> {
  readonly at: K;
  readonly id: string;
}

/**
 * The customers service's reads of its read models, one method per list: each answers up to `limit + 1` rows
 * (the extra one says whether a next page exists), in the list's order, after the cursor's row. The queries
 * (and the read-model tables) stay here; the handlers decide what is shown and to whom.
 */
@Injectable()
export class ReadModelQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest registration first. */
  customers(
    tenantId: string,
    filter: { status: string; channel?: string; branchId?: string; after?: After<Date> },
    limit: number,
  ): Promise<CustomerListRow[]> {
    const query = this.dataSource
      .getRepository(CustomerListRow)
      .createQueryBuilder('c')
      .where('c.tenantId = :tenant AND c.status = :status', { tenant: tenantId, status: filter.status })
      .orderBy('c.registeredAt', 'DESC')
      .addOrderBy('c.customerId', 'DESC')
      .limit(limit + 1);
    if (filter.channel) query.andWhere('c.channel = :channel', { channel: filter.channel });
    if (filter.branchId) query.andWhere('c.branchId = :branch', { branch: filter.branchId });
    if (filter.after)
      query.andWhere('(c.registeredAt, c.customerId) < (:at, :id)', {
        at: filter.after.at,
        id: filter.after.id,
      });
    return query.getMany();
  }

  /** The ids of a tenant's active customers (holiday greetings). */
  async activeCustomerIds(tenantId: string): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(CustomerListRow)
      .find({ select: { customerId: true }, where: { tenantId, status: 'active' } });
    return rows.map((r) => r.customerId);
  }

  /** What happened with these customers (one and those merged into it), newest first. */
  timeline(
    tenantId: string,
    customerIds: readonly string[],
    after: After<Date> | undefined,
    limit: number,
  ): Promise<TimelineRow[]> {
    const query = this.dataSource
      .getRepository(TimelineRow)
      .createQueryBuilder('t')
      .where('t.tenantId = :tenant AND t.customerId IN (:...ids)', { tenant: tenantId, ids: customerIds })
      .orderBy('t.at', 'DESC')
      .addOrderBy('t.eventId', 'DESC')
      .limit(limit + 1);
    if (after) query.andWhere('(t.at, t.eventId) < (:at, :id)', { at: after.at, id: after.id });
    return query.getMany();
  }

  /** Newest received first. */
  inquiries(
    tenantId: string,
    filter: { status?: string; customerId?: string; after?: After<Date> },
    limit: number,
  ): Promise<InquiryListRow[]> {
    const query = this.dataSource
      .getRepository(InquiryListRow)
      .createQueryBuilder('i')
      .where('i.tenantId = :tenant', { tenant: tenantId })
      .orderBy('i.receivedAt', 'DESC')
      .addOrderBy('i.inquiryId', 'DESC')
      .limit(limit + 1);
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.customerId) query.andWhere('i.customerId = :customer', { customer: filter.customerId });
    if (filter.after)
      query.andWhere('(i.receivedAt, i.inquiryId) < (:at, :id)', {
        at: filter.after.at,
        id: filter.after.id,
      });
    return query.getMany();
  }

  /** Earliest due first. */
  returnVisits(
    tenantId: string,
    filter: { status?: string; customerId?: string; dueBy?: string; after?: After<string> },
    limit: number,
  ): Promise<ReturnVisitListRow[]> {
    const query = this.dataSource
      .getRepository(ReturnVisitListRow)
      .createQueryBuilder('v')
      .where('v.tenantId = :tenant', { tenant: tenantId })
      .orderBy('v.dueOn', 'ASC')
      .addOrderBy('v.visitId', 'ASC')
      .limit(limit + 1);
    if (filter.status) query.andWhere('v.status = :status', { status: filter.status });
    if (filter.customerId) query.andWhere('v.customerId = :customer', { customer: filter.customerId });
    if (filter.dueBy) query.andWhere('v.dueOn <= :dueBy', { dueBy: filter.dueBy });
    if (filter.after)
      query.andWhere('(v.dueOn, v.visitId) > (:day, :id)', { day: filter.after.at, id: filter.after.id });
    return query.getMany();
  }
}
