import type { GrpcServiceName } from '@serviceops/contracts';
import { runService, type RunningService, type RunOptions } from '@serviceops/platform';
import { analyticsService } from '../../analytics/src/analytics.service-definition';
import { customersService } from '../../customers/src/customers.service-definition';
import { tenancyService } from '../../tenancy/src/tenancy.service-definition';
import { staffService } from '../../staff/src/staff.service-definition';
import { contractsService } from '../../contracts/src/contracts.service-definition';
import { ordersService } from '../../orders/src/orders.service-definition';

export type Start = (env: NodeJS.ProcessEnv, options: RunOptions) => Promise<RunningService>;

/**
 * Every backing service this process can run, by name (a service missing here fails to compile: the record is
 * keyed by every gRPC service; `nx g @serviceops/tools:service` adds each new one).
 */
export const SERVICES: Readonly<Record<GrpcServiceName, Start>> = {
  tenancy: (env, options) => runService(tenancyService, env, options),
  customers: (env, options) => runService(customersService, env, options),
  analytics: (env, options) => runService(analyticsService, env, options),
  staff: (env, options) => runService(staffService, env, options),
  contracts: (env, options) => runService(contractsService, env, options),
  orders: (env, options) => runService(ordersService, env, options),
};
