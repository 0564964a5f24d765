import { CqrsModule } from '@nestjs/cqrs';
import { GRPC_SERVICES, PROTO_LOADER_OPTIONS, tenancyConfigSpec } from '@serviceops/contracts';
import type { ServiceDefinition } from '@serviceops/platform';
import { createFirstTenant } from './application/first-start';
import {
  RegisterUserHandler,
  RUNTIME,
  TenantCommandHandler,
  TenantCommands,
} from './application/tenant-commands';
import { TenantQueries } from './application/tenant-queries';
import {
  AccountRow,
  CreateAccounts1732300000000,
  CredentialRow,
  TenantLifecycle1767000000000,
  TenantRow,
} from './infrastructure/accounts.entity';
import { ChangeTenantStatusHandler, ProvisionTenantHandler } from './application/tenant-provisioning';
import { TenancyGrpcController } from './interface/grpc/tenancy.controller';

export const tenancyService: ServiceDefinition<typeof tenancyConfigSpec> = {
  name: 'tenancy',
  configSpec: tenancyConfigSpec,
  grpc: {
    package: GRPC_SERVICES.tenancy.package,
    protoPath: GRPC_SERVICES.tenancy.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: {
    entities: [AccountRow, CredentialRow, TenantRow],
    migrations: [CreateAccounts1732300000000, TenantLifecycle1767000000000],
  },
  publishes: true,
  module: ({ runtime }) => ({
    module: class TenancyModule {},
    imports: [CqrsModule.forRoot()],
    controllers: [TenancyGrpcController],
    providers: [
      { provide: RUNTIME, useValue: runtime },
      TenantCommands,
      TenantQueries,
      TenantCommandHandler,
      RegisterUserHandler,
      ProvisionTenantHandler,
      ChangeTenantStatusHandler,
    ],
  }),
  onStart: async ({ pool, logger, config }, app) => {
    await createFirstTenant(
      { pool, logger, commands: app.get(TenantCommands), queries: app.get(TenantQueries) },
      {
        tenantName: config.DEFAULT_TENANT_NAME,
        adminPassword: config.ADMIN_PASSWORD,
        operatorPassword: config.PLATFORM_OPERATOR_PASSWORD,
      },
    );
  },
};
