import {
  analyticsConfigSpec,
  GRPC_SERVICES,
  type GrpcServiceName,
  PROTO_LOADER_OPTIONS,
} from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import { type ServiceDefinition } from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { AnalyticsHandlers } from './application/analytics.handlers';
import {
  AuditRow,
  CreateAnalyticsReadModels1732300000000,
  CustomerStatsRow,
} from './infrastructure/read-models';
import { ReadModelsRepository } from './infrastructure/read-models.repository';
import { AUDIT_TRAIL_CONSUMER, projectAuditTrail } from './projections/audit-trail.projection';
import { CUSTOMER_STATS_CONSUMER, projectCustomerStats } from './projections/customer-stats.projection';

/** Every service but this one publishes its events: the audit trail covers them all. */
export const AUDITED_SERVICES = (Object.keys(GRPC_SERVICES) as GrpcServiceName[]).filter(
  (service) => service !== 'analytics',
);

/** Read models only: analytics consumes every service's events and decides nothing. */
export const analyticsService: ServiceDefinition<typeof analyticsConfigSpec> = {
  name: 'analytics',
  configSpec: analyticsConfigSpec,
  grpc: {
    package: GRPC_SERVICES.analytics.package,
    protoPath: GRPC_SERVICES.analytics.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: { entities: [CustomerStatsRow, AuditRow], migrations: [CreateAnalyticsReadModels1732300000000] },
  publishes: false,
  handlers: [AnalyticsHandlers],
  module: ({ dataSource }) => ({
    module: class AnalyticsModule {},
    providers: [{ provide: DataSource, useValue: dataSource }, ReadModelsRepository],
  }),
  onStart: async ({ runtime }) => {
    await runtime.subscribe(CUSTOMER_STATS_CONSUMER, [eventsTopic('customers')], projectCustomerStats);
    await runtime.subscribe(
      AUDIT_TRAIL_CONSUMER,
      AUDITED_SERVICES.map((service) => eventsTopic(service)),
      projectAuditTrail,
    );
  },
};
