import type { Type } from '@nestjs/common';
import { GRPC_SERVICES, staffConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { EventSourcingRuntime, type ServiceDefinition } from '@serviceops/platform';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/staff.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS: readonly Type[] = [];

/** The staff service. */
export const staffService: ServiceDefinition<typeof staffConfigSpec> = {
  name: 'staff',
  configSpec: staffConfigSpec,
  grpc: {
    package: GRPC_SERVICES.staff.package,
    protoPath: GRPC_SERVICES.staff.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: { entities: [], migrations: [] },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime }) => ({
    module: class StaffModule {},
    providers: [{ provide: EventSourcingRuntime, useValue: runtime }],
  }),
};
