import type { Type } from '@nestjs/common';
import { GRPC_SERVICES, ordersConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { EventSourcingRuntime, type ServiceDefinition } from '@serviceops/platform';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/orders.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS: readonly Type[] = [];

/** Service requests, bookings and work orders: dispatch, SLA, execution, completion. */
export const ordersService: ServiceDefinition<typeof ordersConfigSpec> = {
  name: 'orders',
  configSpec: ordersConfigSpec,
  grpc: {
    package: GRPC_SERVICES.orders.package,
    protoPath: GRPC_SERVICES.orders.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: { entities: [], migrations: [] },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime }) => ({
    module: class OrdersModule {},
    providers: [{ provide: EventSourcingRuntime, useValue: runtime }],
  }),
};
