import { GRPC_SERVICES, ordersConfigSpec, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import {
  DurableTimers,
  durableTimersProviders,
  EventSourcingRuntime,
  PersonalDataCipher,
  type ServiceDefinition,
} from '@serviceops/platform';
import { Pool } from 'pg';
import { OrderHandlers, OrderQueries } from './application/order.handlers';
import { WorkOrderHandlers, WorkOrderQueries } from './application/work-order.handlers';
import { ARRIVAL_RISK_TIMER, CLOCK, FIRST_RESPONSE_TIMER, OrderStore } from './application/order-store';
import { type Clock, systemClock } from '@serviceops/kernel';
import { OrdersTables1764800000000 } from './infrastructure/migrations';
import { OrderFacts } from './infrastructure/order-facts.repository';
import {
  CALENDARS_CONSUMER,
  calendarsProjection,
  ELIGIBILITY_CONSUMER,
  eligibilityProjection,
  ENTITLEMENTS_CONSUMER,
  entitlementsProjection,
} from './projections/facts.projection';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/orders.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS = [
  OrderHandlers,
  OrderQueries,
  // work orders (items 1, 5, 6)
  WorkOrderHandlers,
  WorkOrderQueries,
  // resources and rentals (items 2, 4, 7)
  // chat, incidents, reports, lists (items 8-11)
  // availability (item 3)
];

/** Service requests, bookings and work orders: dispatch, SLA, execution, completion; on the given clock. */
export const ordersServiceOn = (clock: Clock): ServiceDefinition<typeof ordersConfigSpec> => ({
  name: 'orders',
  configSpec: ordersConfigSpec,
  grpc: {
    package: GRPC_SERVICES.orders.package,
    protoPath: GRPC_SERVICES.orders.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: { entities: [], migrations: [OrdersTables1764800000000] },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime, pool, config, logger, metrics }) => ({
    module: class OrdersModule {},
    providers: [
      { provide: EventSourcingRuntime, useValue: runtime },
      { provide: Pool, useValue: pool },
      { provide: PersonalDataCipher, useValue: new PersonalDataCipher(pool, config.MASTER_KEY, 'orders') },
      ...durableTimersProviders({ pool, logger, metrics }, 'orders', config.TIMER_POLL_MS),
      { provide: CLOCK, useValue: clock },
      OrderFacts,
      OrderStore,
    ],
  }),
  onStart: async ({ runtime }, app) => {
    const timers = app.get(DurableTimers);
    const orders = app.get(OrderHandlers);
    await timers.migrate();
    await runtime.subscribe(CALENDARS_CONSUMER, [eventsTopic('tenancy')], calendarsProjection);
    await runtime.subscribe(ELIGIBILITY_CONSUMER, [eventsTopic('staff')], eligibilityProjection);
    await runtime.subscribe(ENTITLEMENTS_CONSUMER, [eventsTopic('contracts')], entitlementsProjection);
    timers.start({
      [FIRST_RESPONSE_TIMER]: (timer) => orders.escalate(timer),
      [ARRIVAL_RISK_TIMER]: (timer) => orders.escalateArrival(timer),
    });
  },
});

export const ordersService = ordersServiceOn(systemClock);
