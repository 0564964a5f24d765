import { customersConfigSpec, GRPC_SERVICES, PROTO_LOADER_OPTIONS } from '@serviceops/contracts';
import { eventsTopic } from '@serviceops/messaging';
import { DurableTimers, durableTimersProviders, type ServiceDefinition } from '@serviceops/platform';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { CARE_TIMER, CustomerCare } from './application/care';
import { CustomerHandlers } from './application/customer.handlers';
import { CustomerQueries } from './application/customer-queries';
import { CustomerCodecs, RUNTIME, Sealing } from './application/customer-store';
import {
  INQUIRY_OVERDUE_TIMER,
  InquiryHandlers,
  InquiryQueries,
  InquiryStore,
} from './application/inquiries';
import { PersonalDataReads } from './application/personal-data-reads';
import { CustomerPolicies, PolicyHandlers } from './application/policies';
import {
  PERIODIC_VISITS_CONSUMER,
  periodicVisitsProcess,
  ReturnVisitHandlers,
  ReturnVisitQueries,
  ReturnVisitStore,
} from './application/return-visits';
import { ReadModelQueries } from './infrastructure/read-model.repository';
import { TenantFacts } from './infrastructure/tenant-facts.repository';
import {
  KNOWN_BRANCHES_CONSUMER,
  knownBranchesProjection,
  TENANT_CALENDARS_CONSUMER,
  tenantCalendarsProjection,
} from './projections/tenant-facts.projection';
import { BlindIndex } from './infrastructure/blind-index';
import { PersonalDataCipher } from './infrastructure/personal-data-cipher';
import {
  CreateCustomerReadModels1732300000000,
  CustomerFile1763800000000,
  CustomerListRow,
  InquiriesAndVisits1763800000001,
  ForgetErasedServiceRefs1764700000000,
  FingerprintsInCustomerOrder1764900000000,
  InquiryListRow,
  KnownBranchRow,
  ReturnVisitListRow,
  TimelineRow,
} from './infrastructure/read-models';
import {
  CUSTOMER_READ_MODELS_CONSUMER,
  customerReadModelsProjection,
} from './projections/read-models.projection';

/** Every declared method of the customers API is handled by exactly one `@Handles` method of these. */
export const HANDLERS = [
  CustomerHandlers,
  CustomerQueries,
  InquiryHandlers,
  InquiryQueries,
  ReturnVisitHandlers,
  ReturnVisitQueries,
  PolicyHandlers,
];

export const customersService: ServiceDefinition<typeof customersConfigSpec> = {
  name: 'customers',
  configSpec: customersConfigSpec,
  grpc: {
    package: GRPC_SERVICES.customers.package,
    protoPath: GRPC_SERVICES.customers.proto,
    loader: PROTO_LOADER_OPTIONS,
  },
  database: {
    entities: [CustomerListRow, KnownBranchRow, TimelineRow, InquiryListRow, ReturnVisitListRow],
    migrations: [
      CreateCustomerReadModels1732300000000,
      CustomerFile1763800000000,
      InquiriesAndVisits1763800000001,
      ForgetErasedServiceRefs1764700000000,
      FingerprintsInCustomerOrder1764900000000,
    ],
  },
  publishes: true,
  handlers: HANDLERS,
  module: ({ runtime, dataSource, pool, config, logger, metrics }) => ({
    module: class CustomersModule {},
    providers: [
      { provide: RUNTIME, useValue: runtime },
      { provide: DataSource, useValue: dataSource },
      { provide: PersonalDataCipher, useValue: new PersonalDataCipher(pool, config.MASTER_KEY) },
      { provide: BlindIndex, useValue: new BlindIndex(pool, config.MASTER_KEY) },
      ...durableTimersProviders({ pool, logger, metrics }, 'customers', config.TIMER_POLL_MS),
      Sealing,
      CustomerCodecs,
      PersonalDataReads,
      { provide: Pool, useValue: pool },
      TenantFacts,
      ReadModelQueries,
      CustomerPolicies,
      InquiryStore,
      ReturnVisitStore,
      CustomerCare,
    ],
  }),
  onStart: async ({ runtime, dataSource }, app) => {
    const timers = app.get(DurableTimers);
    const care = app.get(CustomerCare);
    const inquiries = app.get(InquiryHandlers);
    await timers.migrate();
    const own = [eventsTopic('customers')];
    await runtime.subscribe(CUSTOMER_READ_MODELS_CONSUMER, own, customerReadModelsProjection(dataSource));
    await runtime.subscribe(PERIODIC_VISITS_CONSUMER, own, periodicVisitsProcess(app.get(ReturnVisitStore)));
    await runtime.subscribe(KNOWN_BRANCHES_CONSUMER, [eventsTopic('tenancy')], knownBranchesProjection);
    await runtime.subscribe(
      TENANT_CALENDARS_CONSUMER,
      [eventsTopic('tenancy')],
      tenantCalendarsProjection((tx, tenantId, calendar) =>
        care.scheduleFirst(tx, tenantId, calendar.timeZone),
      ),
    );
    await care.ensureScheduled();
    timers.start({
      [INQUIRY_OVERDUE_TIMER]: (timer) => inquiries.overdue(timer),
      [CARE_TIMER]: (timer) => care.run(timer),
    });
  },
};
