import type { ConfigSpec, GrpcServiceName } from '@serviceops/contracts';
import {
  runService,
  type RunningService,
  type RunOptions,
  type ServiceDefinition,
} from '@serviceops/platform';
import { analyticsService } from '../../analytics/src/analytics.service-definition';
import { customersService } from '../../customers/src/customers.service-definition';
import { tenancyService } from '../../tenancy/src/tenancy.service-definition';
import { staffService } from '../../staff/src/staff.service-definition';
import { contractsService } from '../../contracts/src/contracts.service-definition';
import { ordersService } from '../../orders/src/orders.service-definition';

export type Start = (env: NodeJS.ProcessEnv, options: RunOptions) => Promise<RunningService>;

/**
 * Every backing service's definition, by name (a service missing here fails to compile: the record is keyed by every
 * gRPC service; `nx g @serviceops/tools:service` adds each new one).
 */
export const DEFINITIONS = {
  tenancy: tenancyService,
  customers: customersService,
  analytics: analyticsService,
  staff: staffService,
  contracts: contractsService,
  orders: ordersService,
} as const satisfies Record<GrpcServiceName, unknown>;

/** Every backing service this process can run, by name. */
export const SERVICES = Object.fromEntries(
  Object.entries(DEFINITIONS).map(([name, definition]): [string, Start] => [
    name,
    // Each definition is typed by its own config spec; runService reads whichever it is given.
    (env, options) => runService(definition as unknown as ServiceDefinition<ConfigSpec>, env, options),
  ]),
) as Readonly<Record<GrpcServiceName, Start>>;
