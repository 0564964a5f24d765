import { CqrsModule } from '@nestjs/cqrs';
import { customersConfigSpec, GRPC_SERVICES, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import type { ServiceDefinition } from '@serviceops/platform';
import { DataSource } from 'typeorm';
import { ChangeCustomerContactsHandler, RegisterCustomerHandler } from './application/customer-commands';
import { CustomerQueries } from './application/customer-queries';
import { CustomerCodecs, RUNTIME } from './application/customer-store';
import { KnownBranches, projectKnownBranches } from './application/known-branches';
import { PersonalDataCipher } from './infrastructure/personal-data-cipher';
import {
  CreateCustomerReadModels1732300000000,
  CustomerListRow,
  KnownBranchRow,
} from './infrastructure/read-models';
import { CustomersGrpcController } from './interface/grpc/customers.controller';
import { CUSTOMER_LIST_CONSUMER, customerListProjection } from './projections/customer-list.projection';

export const customersService: ServiceDefinition<typeof customersConfigSpec> = {
  name: 'customers',
  configSpec: customersConfigSpec,
  grpc: {
    package: GRPC_SERVICES.customers.package,
    protoPath: GRPC_SERVICES.customers.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: {
    entities: [CustomerListRow, KnownBranchRow],
    migrations: [CreateCustomerReadModels1732300000000],
  },
  publishes: true,
  module: ({ runtime, dataSource, pool, config }) => ({
    module: class CustomersModule {},
    imports: [CqrsModule.forRoot()],
    controllers: [CustomersGrpcController],
    providers: [
      { provide: RUNTIME, useValue: runtime },
      { provide: DataSource, useValue: dataSource },
      { provide: PersonalDataCipher, useValue: new PersonalDataCipher(pool, config.MASTER_KEY) },
      CustomerCodecs,
      KnownBranches,
      CustomerQueries,
      RegisterCustomerHandler,
      ChangeCustomerContactsHandler,
    ],
  }),
  onStart: async ({ runtime, dataSource }) => {
    await runtime.subscribe(
      CUSTOMER_LIST_CONSUMER,
      [eventsTopic('customers')],
      customerListProjection(dataSource),
    );
    await runtime.subscribe('customers-known-branches', [eventsTopic('tenancy')], projectKnownBranches);
  },
};
