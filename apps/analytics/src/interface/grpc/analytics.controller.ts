import type { Metadata } from '@grpc/grpc-js';
import { Controller, UseFilters } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { callContextOf, GrpcProblemFilter } from '@serviceops/platform';
import { AnalyticsQueries, type AuditFilter } from '../../application/analytics-queries';

@Controller()
@UseFilters(GrpcProblemFilter)
export class AnalyticsGrpcController {
  constructor(private readonly queries: AnalyticsQueries) {}

  @GrpcMethod('Analytics', 'GetCustomerStats')
  customerStats(_req: unknown, md: Metadata) {
    return this.queries.customerStats(callContextOf(md));
  }

  @GrpcMethod('Analytics', 'ListAudit')
  audit(req: AuditFilter, md: Metadata) {
    return this.queries.audit(callContextOf(md), req);
  }
}
