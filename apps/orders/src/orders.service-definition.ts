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
import { DispatchPolicyHandlers } from './application/dispatch-policy.handlers';
import { WorkOrderHandlers, WorkOrderQueries } from './application/work-order.handlers';
import {
  ARRIVAL_RISK_TIMER,
  AUTO_DISPATCH_TIMER,
  CLOCK,
  CUSTOMER_ARRIVAL_WAIT,
  FIRST_RESPONSE_TIMER,
  OrderStore,
} from './application/order-store';
import { AUTO_DISPATCH_CONSUMER, AutoDispatcher } from './application/auto-dispatch';
import { type Clock, systemClock } from '@serviceops/kernel';
import { OrdersTables1764800000000 } from './infrastructure/migrations';
import { OrdersStaffAvailability1764900000300 } from './infrastructure/availability.migrations';
import { AVAILABILITY_CONSUMER, availabilityProjection } from './projections/availability.projection';
import { OrdersResources1764900000000 } from './infrastructure/resources.migration';
import {
  RESOURCE_EXPIRY_TIMER,
  ResourceHandlers,
  ResourceQueries,
  TOOL_OVERDUE_TIMER,
} from './application/resources.handlers';
import { ChatHandlers, RANDOM } from './application/orders-field.chat.handlers';
import { SafetyIncidentHandlers } from './application/orders-field.incident.handlers';
import { DailyReportQueries, OrderListQueries } from './application/orders-field.list.handlers';
import { OrdersFieldTables1764900000200 } from './infrastructure/orders-field.migrations';
import { OrdersCancellation1764900000400 } from './infrastructure/cancellation.migrations';
import { OrdersLeaseOfOrder1764900000500 } from './infrastructure/lease.migrations';
import { OrdersKnownCustomers1764900000600 } from './infrastructure/customers.migrations';
import { CUSTOMERS_CONSUMER, customersProjection } from './projections/customers.projection';
import {
  OrdersStaffRoles1764900000710,
  OrdersStaffRoleVersion1765200000720,
  OrdersStaffSkills1765300000730,
} from './infrastructure/dispatch.migrations';
import { OrdersFieldRepository } from './infrastructure/orders-field.repository';
import { ORDER_INDEX_CONSUMER, orderIndexProjection } from './projections/order-index.projection';
import { OrderFacts } from './infrastructure/order-facts.repository';
import {
  CALENDARS_CONSUMER,
  calendarsProjection,
  ELIGIBILITY_CONSUMER,
  eligibilityProjection,
  ENTITLEMENTS_CONSUMER,
  entitlementsProjection,
} from './projections/facts.projection';
import { OrdersMaintenanceVisits1765400000740 } from './infrastructure/maintenance-visits.migrations';
import {
  MAINTENANCE_VISITS_CONSUMER,
  MAINTENANCE_VISITS_EVENTS,
  maintenanceVisitsProjection,
} from './projections/maintenance-visits.projection';
import { MaintenanceVisitQueries } from './application/maintenance-visits.queries';

/**
 * The classes whose `@Handles` methods serve the declared methods (libs/contracts/src/api/orders.api.ts), one
 * per aggregate (`nx g @serviceops/tools:command` adds them here).
 */
const HANDLERS = [
  OrderHandlers,
  OrderQueries,
  DispatchPolicyHandlers,
  // work orders (items 1, 5, 6)
  WorkOrderHandlers,
  WorkOrderQueries,
  // resources and rentals (items 2, 4, 7)
  ResourceHandlers,
  ResourceQueries,
  // leases' scheduled maintenance visits (item 7)
  MaintenanceVisitQueries,
  // chat, incidents, reports, lists (items 8-11)
  OrderListQueries,
  ChatHandlers,
  SafetyIncidentHandlers,
  DailyReportQueries,
  // availability (item 3)
];

/**
 * Service requests, bookings and work orders: dispatch, SLA, execution, completion; on the given clock (and the
 * random source chat sampling draws from).
 */
export const ordersServiceOn = (
  clock: Clock,
  random: () => number = Math.random,
): ServiceDefinition<typeof ordersConfigSpec> => ({
  name: 'orders',
  configSpec: ordersConfigSpec,
  grpc: {
    package: GRPC_SERVICES.orders.package,
    protoPath: GRPC_SERVICES.orders.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: {
    entities: [],
    migrations: [
      OrdersTables1764800000000,
      // availability (item 3)
      OrdersStaffAvailability1764900000300,
      // resources and rentals (items 2, 4, 7)
      OrdersResources1764900000000,
      // chat, incidents, reports, lists (items 8-11)
      OrdersFieldTables1764900000200,
      // cancelled orders (CancelOrder)
      OrdersCancellation1764900000400,
      // a rental visit's or return's lease
      OrdersLeaseOfOrder1764900000500,
      // customers as orders knows them; their erasure destroys orders' key (issue 11)
      OrdersKnownCustomers1764900000600,
      // dispatch by skill: the role each person was hired into
      OrdersStaffRoles1764900000710,
      // ... and the role staff changed it to since (StaffRoleChanged), never moved back by a late event
      OrdersStaffRoleVersion1765200000720,
      // ... and the request kinds staff recorded each person skilled for (StaffSkillsSet), over the role's default
      OrdersStaffSkills1765300000730,
      // leases' scheduled maintenance visits, from contracts' entitlements, done by the rental visits recorded
      OrdersMaintenanceVisits1765400000740,
    ],
  },
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
      { provide: CUSTOMER_ARRIVAL_WAIT, useValue: config.CUSTOMER_ARRIVAL_WAIT_MS },
      OrderFacts,
      OrderStore,
      AutoDispatcher,
      OrdersFieldRepository,
      { provide: RANDOM, useValue: random },
    ],
  }),
  onStart: async ({ runtime }, app) => {
    const timers = app.get(DurableTimers);
    const orders = app.get(OrderHandlers);
    const resources = app.get(ResourceHandlers);
    const autoDispatcher = app.get(AutoDispatcher);
    await timers.migrate();
    await runtime.subscribe(CALENDARS_CONSUMER, [eventsTopic('tenancy')], calendarsProjection);
    await runtime.subscribe(ELIGIBILITY_CONSUMER, [eventsTopic('staff')], eligibilityProjection);
    await runtime.subscribe(ENTITLEMENTS_CONSUMER, [eventsTopic('contracts')], entitlementsProjection);
    // availability (item 3)
    await runtime.subscribe(AVAILABILITY_CONSUMER, [eventsTopic('staff')], availabilityProjection);
    await runtime.subscribe(ORDER_INDEX_CONSUMER, [eventsTopic('orders')], orderIndexProjection);
    await runtime.subscribe(
      CUSTOMERS_CONSUMER,
      [eventsTopic('customers')],
      customersProjection(app.get(PersonalDataCipher)),
    );
    // a lease's scheduled maintenance visit done by a rental visit recorded under its contract (item 7)
    await runtime.subscribe(
      MAINTENANCE_VISITS_CONSUMER,
      [eventsTopic('orders')],
      maintenanceVisitsProjection,
      { types: MAINTENANCE_VISITS_EVENTS },
    );
    // dispatch by policy (item 3): orders' own events arm the auto-dispatch timer
    await runtime.subscribe(AUTO_DISPATCH_CONSUMER, [eventsTopic('orders')], (e, tx) =>
      autoDispatcher.arm(e, tx),
    );
    timers.start({
      [FIRST_RESPONSE_TIMER]: (timer) => orders.escalate(timer),
      [ARRIVAL_RISK_TIMER]: (timer) => orders.escalateArrival(timer),
      [RESOURCE_EXPIRY_TIMER]: (timer) => resources.remind(timer),
      [TOOL_OVERDUE_TIMER]: (timer) => resources.markOverdue(timer),
      [AUTO_DISPATCH_TIMER]: (timer) => autoDispatcher.fire(timer),
    });
  },
});

export const ordersService = ordersServiceOn(systemClock);
